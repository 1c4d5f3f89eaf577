/**
 * Bad samples, block-size invariance and the no-allocation rule. Invariance is exact: the same
 * audio and the same parameter events give the same output bits and the same readings whether
 * the host calls with 1, 7, 128 or 4096 frames.
 */
import { describe, expect, test } from "vitest";
import { newKernel } from "../helpers/kernel.js";
import { gaussianNoise, rng, sine } from "../helpers/signals.js";
import { PARAM_ID as P } from "../../host/model/params.js";
import type { TapReadings } from "../../host/model/readings.js";
import { METER_ALL } from "../../host/declaration/layout.js";
import { readSnapshot } from "../../host/model/readings.js";

const rate = 48000;

/** Programme-like test audio: noise with an envelope plus a tone, stereo, some overs. */
function programme(seconds: number, seed: number): Float32Array[] {
  const random = rng(seed);
  return [0, 1].map((channel) => {
    const noise = gaussianNoise(seconds * rate, 0.1, random);
    const tone = sine(rate, 220 * (channel + 1), -12, seconds);
    return noise.map((x, n) => x * (0.5 + 0.5 * Math.sin(n / 9000)) * 3 + tone[n]!);
  });
}

interface Event {
  frame: number;
  id: number;
  value: number;
}

/** Runs audio with events (sample-accurate) and reads meters every `readEvery` frames. */
function run(signal: Float32Array[], events: Event[], blockFrames: number, readEvery: number) {
  const kernel = newKernel(rate, signal.length);
  const frames = signal[0]!.length;
  const output = signal.map(() => new Float32Array(frames));
  const reads: TapReadings[][] = [];
  let frame = 0,
    nextEvent = 0;
  while (frame < frames) {
    const blockEnd = Math.min(frame + blockFrames, frames);
    signal.forEach((data, c) => kernel.input(c).set(data.subarray(frame, blockEnd)));
    let at = frame;
    while (at < blockEnd) {
      while (nextEvent < events.length && events[nextEvent]!.frame === at) {
        kernel.setParam(events[nextEvent]!.id, events[nextEvent]!.value);
        nextEvent++;
      }
      const limits = [blockEnd, Math.ceil((at + 1) / readEvery) * readEvery];
      if (nextEvent < events.length) limits.push(events[nextEvent]!.frame);
      const end = Math.min(...limits.filter((f) => f > at));
      kernel.processRange(at - frame, end - at);
      at = end;
      if (at % readEvery === 0) reads.push(readSnapshot(kernel));
    }
    output.forEach((data, c) => data.set(kernel.output(c).subarray(0, blockEnd - frame), frame));
    frame = blockEnd;
  }
  return { output, reads, kernel };
}

describe("block-size invariance", () => {
  const signal = programme(4, 3);
  const events: Event[] = [
    { frame: 1000, id: P.inputTrimDb, value: 9 },
    { frame: 30001, id: P.polarityR, value: 1 },
    { frame: 70007, id: P.bypass, value: 1 },
    { frame: 90000, id: P.bypass, value: 0 },
    { frame: 120123, id: P.outputTrimDb, value: -20 },
  ];
  const reference = run(signal, events, 4096, 4800);
  test.each([1, 7, 128])("%i-frame blocks give identical output and readings", (blockFrames) => {
    const other = run(signal, events, blockFrames, 4800);
    other.output.forEach((data, c) =>
      expect(Buffer.from(data.buffer).equals(Buffer.from(reference.output[c]!.buffer))).toBe(true),
    );
    expect(other.reads).toEqual(reference.reads);
  });
  test("the event lands on its exact frame", () => {
    const [left] = reference.output;
    expect(left![999]).toBe(signal[0]![999]);
    expect(left![1000]).not.toBe(signal[0]![1000]);
  });
});

describe("bad samples", () => {
  const clean = sine(rate, 1000, -20, 6);
  const dirty = clean.slice();
  const injected = [NaN, Infinity, -Infinity, NaN, 3.4e38 * 10];
  const hitFrames = [48000, 48001, 48100, 60000, 60001];
  hitFrames.forEach((frame, i) => {
    dirty[frame] = injected[i]!;
  });
  const zeroed = clean.slice();
  hitFrames.forEach((frame) => {
    zeroed[frame] = 0;
  });

  test("NaN/±Inf never reach the output and are counted", () => {
    const kernel = newKernel(rate, 1);
    kernel.setParam(P.inputTrimDb, 48);
    const [out] = kernel.processAll([dirty], 128);
    expect(out!.every(Number.isFinite)).toBe(true);
    const [tapIn] = readSnapshot(kernel);
    expect(tapIn!.channels[0]!.nonFiniteCount).toBe(hitFrames.length);
  });

  test("they are metered as silence: readings equal a clean run with zeros there, including I", () => {
    const a = newKernel(rate, 1),
      b = newKernel(rate, 1);
    a.processAll([dirty], 128);
    b.processAll([zeroed], 128);
    const [ra] = readSnapshot(a),
      [rb] = readSnapshot(b);
    expect({ ...ra, channels: [], overall: {} }).toEqual({ ...rb, channels: [], overall: {} });
    expect(ra!.channels[0]!.vu).toBe(rb!.channels[0]!.vu);
    expect(ra!.channels[0]!.truePeakMaxDbtp).toBe(rb!.channels[0]!.truePeakMaxDbtp);
    expect(Number.isFinite(ra!.integratedLufs)).toBe(true);
  });

  test("subnormal input: finite readings, subnormals pass a 0 dB trim bit for bit", () => {
    const kernel = newKernel(rate, 1);
    const tiny = new Float32Array(rate).map((_, n) => (n % 2 ? 1 : -1) * 1e-40);
    const [out] = kernel.processAll([tiny], 128);
    expect(Buffer.from(out!.buffer).equals(Buffer.from(tiny.buffer))).toBe(true);
    const [r] = readSnapshot(kernel);
    expect(r!.momentaryLufs).toBe(-Infinity);
    expect(r!.channels[0]!.rmsDbfs).toBe(-Infinity);
  });
});

test("memory never grows after set-up: millions of samples with random parameter changes", () => {
  const kernel = newKernel(rate, 2);
  const bytes = kernel.exports.memory.buffer.byteLength;
  const random = rng(11);
  const block = gaussianNoise(4096, 0.3, random);
  for (let c = 0; c < 2; c++) kernel.input(c).set(block);
  let frames = 0;
  while (frames < 3_000_000) {
    const count = 1 + Math.floor(random() * 4096);
    kernel.processRange(0, count);
    frames += count;
    const roll = random();
    if (roll < 0.3) kernel.setParam(Math.floor(random() * 16), (random() - 0.5) * 200);
    else if (roll < 0.4) readSnapshot(kernel);
    else if (roll < 0.41) kernel.resetMeters();
  }
  expect(kernel.exports.memory.buffer.byteLength).toBe(bytes);
});

test("meters can be switched off per tap; switched on again they start from silence", () => {
  const kernel = newKernel(rate, 1);
  const tone = sine(rate, 1000, -20, 1);
  kernel.setMeterMask(0, 0);
  kernel.processAll([tone], 128);
  let [tapIn, tapOut] = readSnapshot(kernel);
  expect(tapIn!.framesSinceReset).toBe(0);
  expect(tapIn!.channels[0]!.samplePeakMaxDbfs).toBe(-Infinity);
  expect(tapOut!.channels[0]!.samplePeakMaxDbfs).toBeCloseTo(-20, 3);
  kernel.setMeterMask(0, 2 /* true peak only */);
  kernel.processAll([tone.subarray(0, 4800)], 128);
  [tapIn] = readSnapshot(kernel);
  expect(tapIn!.channels[0]!.truePeakMaxDbtp).toBeCloseTo(-20, 1);
  expect(tapIn!.momentaryLufs).toBe(-Infinity);
  expect(() => kernel.setMeterMask(2, 1)).toThrow(/bad tap/);
  expect(() => kernel.setMeterMask(0, METER_ALL + 1)).toThrow(/bad mask/);
});
