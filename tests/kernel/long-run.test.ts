/**
 * Integrated loudness and LRA over a long programme stay within 0.01 LU of an exact computation
 * (every block energy kept, sorted percentiles) while kernel memory does not change.
 * 20 minutes of stereo 48 kHz with levels changing every 0.5–8 s; an hour behaves the same
 * (the histogram is fixed-size), but would only make the suite slower.
 */
import { expect, test } from "vitest";
import { newKernel } from "../helpers/kernel.js";
import { rng } from "../helpers/signals.js";
import { expectWithin } from "../helpers/tolerance.js";
import * as ref from "../helpers/reference-meter.js";
import { readSnapshot } from "../../host/model/readings.js";

test("20 minutes: I and LRA within 0.01 LU of exact, memory unchanged", () => {
  const rate = 48000,
    seconds = 20 * 60,
    frames = rate * seconds;
  const random = rng(2024);
  const left = new Float32Array(frames),
    right = new Float32Array(frames);
  let frame = 0;
  while (frame < frames) {
    const length = Math.round((0.5 + random() * 7.5) * rate);
    const level = random() < 0.05 ? 0 : 10 ** ((-60 + random() * 55) / 20);
    const hz = 40 + random() * 8000;
    for (let n = frame; n < Math.min(frames, frame + length); n++) {
      const s = Math.sin((2 * Math.PI * hz * n) / rate);
      left[n] = level * (s + 0.3 * (random() - 0.5));
      right[n] = level * (0.7 * s + 0.3 * (random() - 0.5));
    }
    frame += length;
  }
  const kernel = newKernel(rate, 2);
  const bytes = kernel.exports.memory.buffer.byteLength;
  kernel.processAll([left, right], 4096);
  const tap = readSnapshot(kernel)[0]!;
  expect(kernel.exports.memory.buffer.byteLength).toBe(bytes);

  const prefix = ref.weightedEnergyPrefix([left, right], rate);
  expectWithin(tap.integratedLufs, ref.integratedLoudness(prefix, rate), 0.01, 0.01, "I");
  expectWithin(tap.loudnessRangeLu, ref.loudnessRange(prefix, rate), 0.01, 0.01, "LRA");
  expect(tap.gatingBlocks).toBeGreaterThan(10_000);
});
