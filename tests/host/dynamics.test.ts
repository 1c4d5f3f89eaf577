/**
 * PLR and PSR (docs/metering.md §14) against analytic values: a sine's true peak is its peak, and
 * its loudness is known (BS.1770: a 997 Hz sine of peak A dBFS in one channel reads A − 3.01 LUFS,
 * the same in both channels A + 0.00).
 */
import { expect, test } from "vitest";
import { ShortTermPeakWindow, peakToLoudnessRatio } from "../../host/model/dynamics.js";
import { newKernel } from "../helpers/kernel.js";
import { sine } from "../helpers/signals.js";
import { expectWithin } from "../helpers/tolerance.js";
import { readSnapshot } from "../../host/model/readings.js";

const RATE = 48000;

test("PLR of a steady sine: 0 dB in both channels, 3.01 dB in one", () => {
  const tone = sine(RATE, 997, -20, 10);
  const both = newKernel(RATE, 2);
  both.processAll([tone, tone], 128);
  expectWithin(peakToLoudnessRatio(readSnapshot(both)[0]!), 0, 0.05, 0.05, "L = R");
  const one = newKernel(RATE, 2);
  one.processAll([tone, new Float32Array(tone.length)], 128);
  expectWithin(peakToLoudnessRatio(readSnapshot(one)[0]!), 3.01, 0.05, 0.05, "L only");
});

test("PLR and PSR say nothing (NaN) in silence", () => {
  const kernel = newKernel(RATE, 2);
  const silence = new Float32Array(RATE);
  kernel.processAll([silence, silence], 128);
  const tap = readSnapshot(kernel)[0]!;
  expect(peakToLoudnessRatio(tap)).toBeNaN();
  const window = new ShortTermPeakWindow();
  window.push(tap, RATE);
  expect(window.psr()).toBeNaN();
});

test("PSR holds a peak for the 3 s short-term window, then forgets it", () => {
  const kernel = newKernel(RATE, 2);
  const window = new ShortTermPeakWindow();
  const feed = (signal: Float32Array) => {
    // Read every 10 ms, as a display does.
    const step = RATE / 100;
    for (let at = 0; at < signal.length; at += step) {
      const part = signal.subarray(at, at + step);
      kernel.processAll([part, part], 128);
      window.push(readSnapshot(kernel)[0]!, RATE);
    }
  };
  feed(sine(RATE, 997, -20, 4));
  expectWithin(window.psr(), 0, 0.05, 0.05, "steady");
  feed(sine(RATE, 997, -6, 0.5));
  feed(sine(RATE, 997, -20, 2));
  expectWithin(window.peakDbtp(), -6, 0.05, 0.05, "peak still in the window 2 s later");
  feed(sine(RATE, 997, -20, 1.2));
  expectWithin(window.peakDbtp(), -20, 0.05, 0.05, "peak 3.2 s ago has left the window");
  feed(sine(RATE, 997, -20, 1));
  expectWithin(window.psr(), 0, 0.05, 0.05, "steady again");
});

test("a meter reset starts PSR's window over", () => {
  const kernel = newKernel(RATE, 2);
  const window = new ShortTermPeakWindow();
  const loud = sine(RATE, 997, -3, 4);
  kernel.processAll([loud, loud], 128);
  window.push(readSnapshot(kernel)[0]!, RATE);
  kernel.resetMeters();
  const quiet = sine(RATE, 997, -30, 3.5);
  kernel.processAll([quiet, quiet], 128);
  window.push(readSnapshot(kernel)[0]!, RATE);
  expectWithin(window.peakDbtp(), -30, 0.05, 0.05, "after reset");
});
