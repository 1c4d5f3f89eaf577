/**
 * Windows since a mark (assembly/since-mark.ts): a tap's levels over exactly the time since the
 * host asked, as Match and the stage check read them. Truth: the signal's own sums in double
 * precision (K-weighted energy from the reference filter, Σx², peaks, clips) over the frames after
 * the mark — the loudness from the quantum (≤ 1 ms) in which the mark landed, since loudness is
 * summed per quantum (quantum.ts).
 */
import { describe, expect, test } from "vitest";
import { MARKS, READOUT } from "../../host/declaration/declaration.js";
import { METER, METER_DEFAULT, TAP_IN } from "../../host/declaration/layout.js";
import { newKernel } from "../helpers/kernel.js";
import { readSnapshot } from "../../host/model/readings.js";
import { gaussianNoise, rng } from "../helpers/signals.js";
import { weightedEnergyPrefix } from "../helpers/reference-meter.js";
import { expectWithin } from "../helpers/tolerance.js";

const rate = 48000;
const QUANTUM = 48; // quantum.ts at 48 kHz
const AES17_DB = 10 * Math.log10(2);
const match = MARKS.indexOf("match");

/** Two channels of noise, louder after the mark; a full-scale click (a clip) just before it. */
function programme(frames: number, markAt: number) {
  const random = rng(7);
  const left = gaussianNoise(frames, 0.05, random),
    right = gaussianNoise(frames, 0.02, random);
  for (let n = markAt; n < frames; n++) left[n]! *= 3; // louder after the mark
  left[markAt - 40] = 1; // a clip and a peak before the mark, in the same block: not the window's
  left[markAt + 50000] = 0.9; // the window's sample peak
  return [left, right];
}

function run(block: number) {
  const frames = 6 * rate,
    markAt = 2 * rate + 1037; // inside a block and a quantum
  const channels = programme(frames, markAt);
  const kernel = newKernel(rate, 2);
  let at = 0;
  const feed = (end: number) => {
    while (at < end) {
      const count = Math.min(block, end - at);
      channels.forEach((data, c) => kernel.input(c).set(data.subarray(at, at + count)));
      kernel.processRange(0, count);
      at += count;
      if (at % 4800 === 0) readSnapshot(kernel); // reads every 100 ms, as a host would
    }
  };
  feed(markAt);
  expect(kernel.exports.markWindow(TAP_IN, match, 7)).toBe(0);
  feed(frames);
  return { window: readSnapshot(kernel)[TAP_IN]!.marks.match, channels, markAt, frames };
}

describe.each([128, 1000])("a window since a mark, %i-frame blocks", (block) => {
  const { window, channels, markAt, frames } = run(block);
  test("carries the mark's serial and counts the frames since it", () => {
    expect(window.serial).toBe(7);
    expect(window.frames).toBe(frames - markAt);
  });
  test("its loudness is the K-weighted energy of the quanta since the mark (ungated, BS.1770 eq. 2)", () => {
    const prefix = weightedEnergyPrefix(channels, rate);
    const start = Math.floor(markAt / QUANTUM) * QUANTUM,
      end = Math.floor(frames / QUANTUM) * QUANTUM;
    const truth = -0.691 + 10 * Math.log10((prefix[end]! - prefix[start]!) / (end - start));
    expectWithin(window.loudnessLufs, truth, 1e-9, 1e-9, "window loudness");
  });
  test("its AES17 RMS is the louder channel's mean square since the mark, +3.01 dB", () => {
    const meanSquares = channels.map((c) => {
      let sum = 0;
      for (let n = markAt; n < frames; n++) sum += c[n]! ** 2;
      return sum / (frames - markAt);
    });
    expectWithin(window.rmsAes17Db, 10 * Math.log10(Math.max(...meanSquares)) + AES17_DB, 1e-9, 1e-9, "RMS");
  });
  test("peaks and clips are the window's own, never the click before the mark", () => {
    expectWithin(window.samplePeakDbfs, 20 * Math.log10(Math.fround(0.9)), 1e-9, 1e-9, "sample peak");
    expect(window.truePeakDbtp).toBeLessThan(0);
    expect(window.truePeakDbtp).toBeGreaterThanOrEqual(window.samplePeakDbfs);
    expect(window.clipCount).toBe(0);
  });
  test("signal blocks count the 100 ms hops of signal since the mark", () => {
    expect(window.signalBlocks).toBe(Math.floor(frames / 4800) - Math.floor(markAt / 4800));
  });
});

test("every field is declared, and a window nobody marked runs since reset (serial 0)", () => {
  const kernel = newKernel(rate, 1);
  kernel.input(0).fill(0.25, 0, 4000);
  kernel.processRange(0, 4000);
  const [tap] = readSnapshot(kernel);
  expect(Object.keys(tap!.marks)).toEqual([...MARKS]);
  expect(Object.keys(tap!.marks.stage)).toEqual(READOUT.mark.fields.map((f) => f.key));
  expect(tap!.marks.stage).toMatchObject({ serial: 0, frames: 4000, clipCount: 0 });
  expectWithin(tap!.marks.stage.samplePeakDbfs, 20 * Math.log10(0.25), 1e-9, 1e-9, "since reset");
});

test("a meter reset, or a meter switched on, starts every window over (serials kept)", () => {
  const kernel = newKernel(rate, 1);
  kernel.input(0).fill(0.5, 0, 4000);
  kernel.processRange(0, 4000);
  kernel.exports.markWindow(TAP_IN, MARKS.indexOf("stage"), 3);
  kernel.processRange(0, 4000);
  kernel.exports.resetMeters();
  kernel.input(0).fill(0.1, 0, 960);
  kernel.processRange(0, 960);
  let stage = readSnapshot(kernel)[0]!.marks.stage;
  expect(stage.serial).toBe(3);
  expect(stage.frames).toBe(960);
  expectWithin(stage.samplePeakDbfs, 20 * Math.log10(Math.fround(0.1)), 1e-9, 1e-9, "after reset");
  kernel.setMeterMask(TAP_IN, METER_DEFAULT & ~METER.rms);
  kernel.processRange(0, 960);
  kernel.setMeterMask(TAP_IN, METER_DEFAULT);
  kernel.processRange(0, 480);
  stage = readSnapshot(kernel)[0]!.marks.stage;
  expect(stage.frames).toBe(480);
  expectWithin(stage.rmsAes17Db, 20 * Math.log10(Math.fround(0.1)) + AES17_DB, 1e-9, 1e-9, "RMS since switched on");
});

test("refused: a bad tap, mark or serial changes nothing", () => {
  const kernel = newKernel(rate, 1);
  expect(kernel.exports.markWindow(2, 0, 1)).toBeLessThan(0);
  expect(kernel.exports.markWindow(TAP_IN, MARKS.length, 1)).toBeLessThan(0);
  expect(kernel.exports.markWindow(TAP_IN, 0, 1000)).toBeLessThan(0);
  expect(readSnapshot(kernel)[0]!.marks.stage.serial).toBe(0);
});
