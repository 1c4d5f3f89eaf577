/**
 * Float signals legitimately exceed 0 dBFS: every finite level must be measurable. Truths: the
 * standards' own cases moved up by a known gain (a constant gain moves every
 * level dB for dB, BS.1770 is linear in energy), and analytic values for sines.
 */
import { describe, expect, test } from "vitest";
import { meterSignal, newKernel } from "../helpers/kernel.js";
import { sine, toneSequence, truePeakTone } from "../helpers/signals.js";
import { expectWithin } from "../helpers/tolerance.js";
import { PARAM_ID as P } from "../../host/model/params.js";
import { readAutoTrim } from "../../host/model/readings.js";

const rate = 48000;
const scaled = (channels: Float32Array[], db: number) => channels.map((c) => c.map((x) => x * 10 ** (db / 20)));

describe.each([40, 100, 300, 700])("a 997 Hz stereo sine at +%i dBFS", (dbfs) => {
  const tone = sine(rate, 997, dbfs, 10);
  const r = meterSignal(rate, [tone, tone]);
  test("integrated, momentary and short-term loudness read its level (stereo sine: LUFS = dBFS, EBU 3341 #1)", () => {
    expectWithin(r.integratedLufs, dbfs, 0.1, 0.1, "I");
    expectWithin(r.momentaryLufs, dbfs, 0.1, 0.1, "M");
    expectWithin(r.shortTermLufs, dbfs, 0.1, 0.1, "S");
    expect(r.loudnessRangeLu).toBeLessThan(0.1);
  });
  test("true peak is finite and not below the sample peak", () => {
    expectWithin(r.overall.samplePeakMaxDbfs, dbfs, 0.01, 0.01, "sample peak");
    expectWithin(r.overall.truePeakMaxDbtp, dbfs, 0.2, 0.01, "true peak");
  });
});

test("±3e38 (near the largest finite float): every reading finite, true peak ≥ sample peak", () => {
  const amplitude = 3e38;
  const tone = sine(rate, 997, 0, 5).map((x) => x * amplitude);
  const r = meterSignal(rate, [tone, tone]);
  const level = 20 * Math.log10(amplitude);
  for (const value of [
    r.integratedLufs,
    r.momentaryLufs,
    r.overall.truePeakMaxDbtp,
    r.overall.rmsAes17Db,
    r.overall.vu,
  ])
    expect(Number.isFinite(value)).toBe(true);
  expectWithin(r.overall.samplePeakMaxDbfs, level, 0.01, 0.01, "sample peak +769.5 dBFS");
  expectWithin(r.overall.truePeakMaxDbtp, level, 0.2, 0, "true peak");
  expectWithin(r.integratedLufs, level, 0.1, 0.1, "integrated");
});

test("EBU Tech 3342 #1 moved up 55 dB (+35 / +25 LUFS, across the +30 LUFS bin boundary): LRA 10 ±1, I as the original + 55", () => {
  const original = toneSequence(rate, [
    { seconds: 20, dbfs: -20 },
    { seconds: 20, dbfs: -30 },
  ]);
  const low = meterSignal(rate, original),
    high = meterSignal(rate, scaled(original, 55));
  expectWithin(high.loudnessRangeLu, 10, 1, 1, "LRA");
  expectWithin(high.loudnessRangeLu, low.loudnessRangeLu, 0.1, 0.1, "LRA unchanged by the gain");
  expectWithin(high.integratedLufs, low.integratedLufs + 55, 0.01, 0.01, "integrated moves dB for dB");
});

test("EBU Tech 3341 #16 (fs/4, 45°) moved up 60 dB: true peak +54.0 dBTP (+0.2/−0.4)", () => {
  const tone = truePeakTone(rate, 4, -6 + 60, 45);
  expectWithin(meterSignal(rate, [tone, tone]).overall.truePeakMaxDbtp, 54, 0.2, 0.4, "TP");
});

test.each([
  [20, "target"],
  [40, "trim range"],
] as const)("Learn on a +%i dBFS file: nothing gated out; trim = target − level (limited by %s)", (dbfs, limitedBy) => {
  const tone = sine(rate, 997, dbfs, 8);
  const kernel = newKernel(rate, 2);
  kernel.setParam(P.peakCeilingOn, 0);
  kernel.setParam(P.autoTrimDetector, 3); // integrated loudness
  kernel.exports.learnStart(0);
  kernel.processAll([tone, tone], 128);
  kernel.exports.learnFinish();
  const r = readAutoTrim(kernel);
  expect(r).toMatchObject({ status: "ok", limitedBy });
  expect(r.blocksKept).toBe(r.blocksTotal);
  expectWithin(r.levelDb, dbfs, 0.1, 0.1, "level");
  expectWithin(r.trimDb, Math.max(-48, -18 - dbfs), 0.1, 0.1, "trim");
});
