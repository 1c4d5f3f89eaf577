/** The gain stage: smoothing, bit-exact 0 dB, bypass and polarity crossfades, parameter rules. */
import { describe, expect, test } from "vitest";
import { newKernel } from "../helpers/kernel.js";
import { rng, sine } from "../helpers/signals.js";
import { STATUS_CODE, MAX_FRAMES } from "../../host/declaration/layout.js";
import { PARAM_ID as P } from "../../host/model/params.js";
import { readSnapshot } from "../../host/model/readings.js";

const rate = 48000;
const rampFrames = Math.round(0.02 * rate); // GAIN_SMOOTHING_MS = 20 ms

/** Gain the kernel applied at each frame: feed a constant and divide. */
function gainCurve(kernel: ReturnType<typeof newKernel>, frames: number, channels = 1): Float64Array[] {
  const level = 1 / 256; // exact in f32, keeps +48 dB finite
  const input = Array.from({ length: channels }, () => new Float32Array(frames).fill(level));
  return kernel.processAll(input, 128).map((out) => Float64Array.from(out, (y) => y / level));
}

describe("trim", () => {
  test("0 dB passes audio through bit for bit, whatever the values", () => {
    const kernel = newKernel(rate, 2);
    const random = rng(7);
    const bits = new Uint32Array(4096 * 4).map(() => (random() * 2 ** 32) >>> 0);
    const samples = new Float32Array(bits.buffer).map((x) => (Number.isFinite(x) ? x : 0.5));
    const left = samples.subarray(0, 8192),
      right = samples.subarray(8192);
    const [outL, outR] = kernel.processAll([left, right], 100);
    expect(Buffer.compare(Buffer.from(outL!.buffer), Buffer.from(left.slice().buffer))).toBe(0);
    expect(Buffer.compare(Buffer.from(outR!.buffer), Buffer.from(right.slice().buffer))).toBe(0);
  });

  test("a +24 dB step moves linearly in dB over 20 ms and lands exactly, with no jump", () => {
    const kernel = newKernel(rate, 1);
    gainCurve(kernel, 256);
    kernel.setParam(P.inputTrimDb, 24);
    const [gain] = gainCurve(kernel, rampFrames + 256);
    const target = 10 ** (24 / 20);
    const stepDb = 24 / rampFrames;
    for (let n = 0; n < rampFrames; n++) {
      const expectedDb = stepDb * (n + 1);
      expect(Math.abs(20 * Math.log10(gain![n]!) - expectedDb)).toBeLessThan(1e-4);
    }
    for (let n = rampFrames - 1; n < gain!.length; n++) expect(gain![n]).toBeCloseTo(target, 4);
    expect(Math.fround(target) * (1 / 256)).toBe(Math.fround(gain![gain!.length - 1]! / 256));
  });

  test("input and output trim add in dB; −48 … +48 dB range, clamped beyond", () => {
    const kernel = newKernel(rate, 1);
    kernel.setParam(P.inputTrimDb, 12);
    kernel.setParam(P.outputTrimDb, -6);
    expect(20 * Math.log10(gainCurve(kernel, 16)[0]![15]!)).toBeCloseTo(6, 4);
    expect(kernel.setParam(P.inputTrimDb, 100)).toBe(STATUS_CODE.clamped);
    expect(kernel.getParam(P.inputTrimDb)).toBe(48);
    expect(kernel.setParam(P.inputTrimDb, -100)).toBe(STATUS_CODE.clamped);
    expect(kernel.getParam(P.inputTrimDb)).toBe(-48);
  });

  test("parameters set before the first frame apply at once (a restored session never ramps)", () => {
    const kernel = newKernel(rate, 1);
    kernel.setParam(P.inputTrimDb, -12);
    expect(20 * Math.log10(gainCurve(kernel, 4)[0]![0]!)).toBeCloseTo(-12, 4);
  });

  test("bypass crossfades to the dry signal over 20 ms, then passes it bit for bit", () => {
    const kernel = newKernel(rate, 1);
    kernel.setParam(P.inputTrimDb, 12);
    const x = sine(rate, 440, -6, 0.2);
    kernel.processAll([x.subarray(0, 960)], 128);
    kernel.setParam(P.bypass, 1);
    const [out] = kernel.processAll([x.subarray(960)], 128);
    const g = 10 ** (12 / 20);
    for (let n = 0; n < rampFrames; n++) {
      const mix = (n + 1) / rampFrames;
      expect(out![n]!).toBeCloseTo(x[960 + n]! * (mix + (1 - mix) * g), 5);
    }
    for (let n = rampFrames; n < out!.length; n++) expect(out![n]).toBe(x[960 + n]);
  });

  test("polarity of one channel flips through a 20 ms crossfade and lands on −x exactly", () => {
    const kernel = newKernel(rate, 2);
    gainCurve(kernel, 64, 2);
    kernel.setParam(P.polarityL, 1);
    const [left, right] = gainCurve(kernel, rampFrames + 64, 2);
    for (let n = 0; n < rampFrames; n++) expect(left![n]).toBeCloseTo(1 - (2 * (n + 1)) / rampFrames, 6);
    expect(left![rampFrames + 10]).toBe(-1);
    expect(right!.every((g) => g === 1)).toBe(true);
  });
});

describe("parameter and set-up errors change nothing", () => {
  test("NaN, ±Inf and unknown ids are rejected", () => {
    const kernel = newKernel(rate, 2);
    kernel.setParam(P.inputTrimDb, 3);
    expect(kernel.setParam(P.inputTrimDb, NaN)).toBe(STATUS_CODE.notFinite);
    expect(kernel.setParam(P.inputTrimDb, Infinity)).toBe(STATUS_CODE.notFinite);
    expect(kernel.setParam(P.inputTrimDb, -Infinity)).toBe(STATUS_CODE.notFinite);
    expect(kernel.getParam(P.inputTrimDb)).toBe(3);
    expect(kernel.setParam(99, 1)).toBe(STATUS_CODE.badParamId);
    expect(kernel.setParam(-1, 1)).toBe(STATUS_CODE.badParamId);
    expect(kernel.getParam(99)).toBeNaN();
  });

  test("stepped parameters round to whole values", () => {
    const kernel = newKernel(rate, 2);
    expect(kernel.setParam(P.bypass, 0.7)).toBe(STATUS_CODE.clamped);
    expect(kernel.getParam(P.bypass)).toBe(1);
  });

  test("bad set-up is refused with a status and the running set-up keeps working", () => {
    const kernel = newKernel(rate, 2);
    kernel.processAll([sine(rate, 1000, -20, 1), sine(rate, 1000, -20, 1)], 4096);
    const before = readSnapshot(kernel)[0]!;
    const exports = kernel.exports;
    for (const [sampleRate, channels, status] of [
      [NaN, 2, STATUS_CODE.badSampleRate],
      [7999, 2, STATUS_CODE.badSampleRate],
      [384001, 2, STATUS_CODE.badSampleRate],
      [Infinity, 2, STATUS_CODE.badSampleRate],
      [48000, 0, STATUS_CODE.badChannels],
      [48000, 9, STATUS_CODE.badChannels],
      [48000, -1, STATUS_CODE.badChannels],
    ] as const) {
      expect(exports.setup(sampleRate, channels), `${sampleRate} Hz ${channels} ch`).toBe(status);
    }
    expect(() => kernel.setup(0, 2)).toThrow(/bad sample rate/);
    const after = readSnapshot(kernel)[0]!;
    expect(after.framesSinceReset).toBe(before.framesSinceReset);
    expect(after.shortTermLufs).toBe(before.shortTermLufs);
  });

  test("bad frame ranges are refused and nothing is processed", () => {
    const kernel = newKernel(rate, 1);
    const exports = kernel.exports;
    for (const [start, count] of [
      [0, 0],
      [0, MAX_FRAMES + 1],
      [1, MAX_FRAMES],
      [-1, 4],
      [0, -5],
    ]) {
      expect(exports.processRange(start!, count!)).toBe(STATUS_CODE.badFrames);
    }
    expect(readSnapshot(kernel)[0]!.framesSinceReset).toBe(0);
    expect(exports.processRange(0, MAX_FRAMES)).toBe(STATUS_CODE.ok);
  });

  test("every sample rate from 8 kHz to 384 kHz and 1 to 8 channels sets up and meters a tone", () => {
    for (const sampleRate of [8000, 11025, 22050, 32000, 44100, 48000, 88200, 96000, 176400, 192000, 352800, 384000]) {
      for (const channels of [1, 2, 8]) {
        const kernel = newKernel(sampleRate, channels);
        const tone = sine(sampleRate, 997, -20, 0.5);
        kernel.processAll(
          Array.from({ length: channels }, () => tone),
          4096,
        );
        const r = readSnapshot(kernel)[0]!;
        expect(r.channels[channels - 1]!.samplePeakMaxDbfs, `${sampleRate}/${channels}`).toBeCloseTo(-20, 2);
      }
    }
  });
});
