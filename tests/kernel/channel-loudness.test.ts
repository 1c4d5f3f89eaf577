/**
 * Channel loudness (each channel's own loudness from the programme meter's K-weighting pass):
 * equal, to the bit, to metering that channel alone as a mono programme; analytic for sines
 * (a 997 Hz sine of peak A dBFS alone reads A − 3.01 LUFS); off by default and −∞ when off.
 */
import { expect, test } from "vitest";
import { METER, METER_DEFAULT, TAP_IN } from "../../host/declaration/layout.js";
import { newKernel } from "../helpers/kernel.js";
import { gaussianNoise, rng, sine, toneSequence } from "../helpers/signals.js";
import { expectWithin } from "../helpers/tolerance.js";
import { readSnapshot } from "../../host/model/readings.js";

const RATE = 48000;

test("each channel reads what the channel alone reads as a mono programme, bit for bit", () => {
  const random = rng(7);
  const left = toneSequence(RATE, [
    { seconds: 4, dbfs: -20 },
    { seconds: 3, dbfs: -40 },
    { seconds: 5, dbfs: -12 },
  ])[0]!;
  const right = gaussianNoise(left.length, 0.05, random);
  const kernel = newKernel(RATE, 2);
  kernel.setMeterMask(TAP_IN, METER_DEFAULT | METER.channelLoudness);
  kernel.processAll([left, right], 128);
  const both = readSnapshot(kernel)[0]!;
  [left, right].forEach((channel, c) => {
    const mono = newKernel(RATE, 1);
    mono.processAll([channel], 128);
    const alone = readSnapshot(mono)[0]!;
    const own = both.channels[c]!;
    expect(own.channelIntegratedLufs, `channel ${c} I`).toBe(alone.integratedLufs);
    expect(own.channelLoudnessRangeLu, `channel ${c} LRA`).toBe(alone.loudnessRangeLu);
    expect(own.channelMomentaryMaxLufs, `channel ${c} max M`).toBe(alone.momentaryMaxSinceResetLufs);
    expect(own.channelShortTermMaxLufs, `channel ${c} max S`).toBe(alone.shortTermMaxSinceResetLufs);
  });
});

test("a sine in one channel: that channel reads −3.01 LUFS below its peak, the silent one −∞", () => {
  const tone = sine(RATE, 997, -20, 6);
  const kernel = newKernel(RATE, 2);
  kernel.setMeterMask(TAP_IN, METER_DEFAULT | METER.channelLoudness);
  kernel.processAll([tone, new Float32Array(tone.length)], 128);
  const tap = readSnapshot(kernel)[0]!;
  expectWithin(tap.channels[0]!.channelIntegratedLufs, -23.01, 0.01, 0.01, "L");
  expect(tap.channels[1]!.channelIntegratedLufs).toBe(-Infinity);
});

test("off by default: channel loudness reads −∞, and the programme's readings do not change with it on", () => {
  const tone = sine(RATE, 997, -20, 4);
  const off = newKernel(RATE, 2);
  off.processAll([tone, tone], 128);
  const on = newKernel(RATE, 2);
  on.setMeterMask(TAP_IN, METER_DEFAULT | METER.channelLoudness);
  on.processAll([tone, tone], 128);
  const [a, b] = [readSnapshot(off)[0]!, readSnapshot(on)[0]!];
  expect(a.channels[0]!.channelIntegratedLufs).toBe(-Infinity);
  expect(b.integratedLufs).toBe(a.integratedLufs);
  expect(b.overall.truePeakMaxDbtp).toBe(a.overall.truePeakMaxDbtp);
});
