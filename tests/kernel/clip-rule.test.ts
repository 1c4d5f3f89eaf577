/**
 * What counts as a clipped sample: for a float signal |x| >= 1; for a signal
 * read from an integer file, the format's largest or smallest code — whose positive one,
 * (2^(b−1) − 1)/2^(b−1), never reaches 1.0. Truth: samples placed by hand at known codes.
 */
import { expect, test } from "vitest";
import { newKernel } from "../helpers/kernel.js";
import { TAP_IN, TAP_OUT, STATUS_CODE } from "../../host/declaration/layout.js";
import { readSnapshot } from "../../host/model/readings.js";

const rate = 48000;

/** One channel holding the given samples among zeros, metered by a kernel with `bits` on IN (0 = float). */
function clips(samples: number[], bits: number, tap = TAP_IN): number {
  const kernel = newKernel(rate, 1);
  kernel.setClipRule(tap, bits);
  const data = new Float32Array(1000);
  samples.forEach((x, i) => {
    data[10 + 7 * i] = x;
  });
  kernel.processAll([data], 128);
  const [tapIn, tapOut] = readSnapshot(kernel);
  return (tap === TAP_IN ? tapIn : tapOut)!.overall.clipCount;
}

test.each([8, 12, 16, 20, 24])(
  "%i-bit source: the largest and smallest codes count, one step inside does not",
  (bits) => {
    const full = 2 ** (bits - 1);
    expect(clips([(full - 1) / full, -1], bits)).toBe(2);
    expect(clips([(full - 2) / full, (-full + 1) / full], bits)).toBe(0);
  },
);

test("float rule (the default): |x| >= 1.0 counts, the largest 16-bit code does not", () => {
  expect(clips([1, -1, 1.5, -3], 0)).toBe(4);
  expect(clips([32767 / 32768, 0.999], 0)).toBe(0);
});

test("the rule is per tap and survives a new set-up (channel change)", () => {
  const kernel = newKernel(rate, 1);
  kernel.setClipRule(TAP_IN, 16);
  kernel.setup(rate, 2);
  const data = new Float32Array(256).fill(32767 / 32768);
  kernel.processAll([data, data], 128);
  const [tapIn, tapOut] = readSnapshot(kernel);
  expect(tapIn!.overall.clipCount).toBe(512);
  expect(tapOut!.overall.clipCount).toBe(0); // OUT keeps the float rule
});

test("bad arguments are refused and change nothing", () => {
  const kernel = newKernel(rate, 1);
  expect(kernel.exports.setClipRule(TAP_IN, 1)).toBe(STATUS_CODE.badValue);
  expect(kernel.exports.setClipRule(TAP_IN, 33)).toBe(STATUS_CODE.badValue);
  expect(kernel.exports.setClipRule(5, 16)).toBe(STATUS_CODE.badTap);
  expect(clips([32767 / 32768], 0)).toBe(0);
  expect(kernel.exports.setClipRule(TAP_OUT, 0)).toBe(STATUS_CODE.ok);
});
