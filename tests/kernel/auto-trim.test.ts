/** Auto-trim: Learn and Ride in the kernel, against analytic values and the gated reference. */
import { describe, expect, test } from "vitest";
import { newKernel } from "../helpers/kernel.js";
import { sine, gaussianNoise, rng, truePeakTone } from "../helpers/signals.js";
import { pinkNoise, drums } from "../helpers/programme.js";
import { gatedLevel, type Detector } from "../helpers/gated-level.js";
import { expectWithin } from "../helpers/tolerance.js";
import { DETECTOR_SPECS, PARAM_ID as P } from "../../host/model/params.js";
import { ParamStore } from "../../host/model/param-store.js";
import { applyLearned, undoLearned, describeDecision } from "../../host/app/learn-apply.js";
import { readAutoTrim } from "../../host/model/readings.js";

const rate = 48000;
const DETECTOR: Record<Detector, number> = { rms: 0, vu: 1, peak: 2, loudness: 3 };

function learn(
  channels: Float32Array[],
  options: { detector?: Detector; target?: number; ceiling?: number | null; seconds?: number } = {},
) {
  const kernel = newKernel(rate, channels.length);
  kernel.setParam(P.autoTrimDetector, DETECTOR[options.detector ?? "rms"]);
  if (options.target !== undefined) kernel.setParam(P.autoTrimTargetDb, options.target);
  if (options.ceiling === null) kernel.setParam(P.peakCeilingOn, 0);
  else if (options.ceiling !== undefined) kernel.setParam(P.peakCeilingDbfs, options.ceiling);
  kernel.exports.learnStart(options.seconds ?? 0);
  kernel.processAll(channels, 128);
  if (!options.seconds) kernel.exports.learnFinish();
  return { kernel, result: readAutoTrim(kernel) };
}

test("a −28 dBFS sine learns +10 dB with AES17 RMS (a −18 dBFS sine and 0 VU agree)", () => {
  const tone = sine(rate, 997, -28, 5);
  const { result } = learn([tone, tone]);
  expect(result).toMatchObject({ state: "done", status: "ok", limitedBy: "target" });
  expectWithin(result.levelDb, -28, 0.01, 0.01, "level");
  expectWithin(result.trimDb, 10, 0.01, 0.01, "trim");
  expectWithin(result.peakAfterDbfs, -18, 0.01, 0.01, "peak after");
  const vu = learn([tone, tone], { detector: "vu" }).result;
  expectWithin(vu.trimDb, 10, 0.02, 0.02, "VU trim");
});

describe("noise and drums: the learned trim puts the reference-measured level within 0.1 dB of the target", () => {
  const signals: [string, () => Float32Array[]][] = [
    ["white noise", () => [gaussianNoise(rate * 8, 0.03, rng(1)), gaussianNoise(rate * 8, 0.03, rng(2))]],
    ["pink noise", () => [pinkNoise(rate * 8, 0.02, 3), pinkNoise(rate * 8, 0.025, 4)]],
    ["drum-like", () => [drums(rate, 8, 0.3, 5), drums(rate, 8, 0.25, 6)]],
  ];
  const cases = signals.flatMap(([name, make]) =>
    (["rms", "vu", "peak", "loudness"] as Detector[]).map((d) => [`${name}, ${d}`, make, d] as const),
  );
  test.each(cases)("%s", (_, make, detector) => {
    const channels = make();
    const target = detector === "loudness" ? -20 : -18;
    const { result } = learn(channels, { detector, target, ceiling: null });
    expect(result.status).toBe("ok");
    const gain = 10 ** (result.trimDb / 20);
    const trimmed = channels.map((c) => c.map((x) => x * gain));
    expectWithin(gatedLevel(trimmed, rate, detector), target, 0.1, 0.1, "level after trim");
  });
});

test("a silent intro does not change the result", () => {
  // The 3 blocks that straddle the start pass the gates, as in BS.1770: on a 30 s part they move
  // the result by about 0.02 dB (on a 6 s part, about 0.1 dB).
  const tone = pinkNoise(rate * 30, 0.02, 8);
  const withIntro = new Float32Array(rate * 40);
  withIntro.set(tone, rate * 10);
  const a = learn([tone]).result,
    b = learn([withIntro]).result;
  expectWithin(b.trimDb, a.trimDb, 0.05, 0.05, "trim");
  // 10 s of silence ≈ 100 blocks gated out.
  expectWithin(b.blocksTotal - b.blocksKept, 100, 3, 3, "blocks gated out");
  expect(describeDecision(b)).toMatch(/gated out/);
});

test("the peak ceiling lowers the trim and says so; off, the target wins", () => {
  const hits = drums(rate, 6, 0.1, 9);
  const free = learn([hits], { ceiling: null, target: -14 }).result;
  // The target alone would put the peaks above −6 dBFS (the drums' crest factor exceeds 12 dB).
  expect(free.peakAfterDbfs).toBeGreaterThan(-6);
  expect(free.limitedBy).toBe("target");
  const limited = learn([hits], { ceiling: -6, target: -14 }).result;
  expect(limited.limitedBy).toBe("peak ceiling");
  expectWithin(limited.peakAfterDbfs, -6, 1e-9, 1e-9, "peak after");
  expect(describeDecision(limited)).toMatch(/peak ceiling/);
  expect(free.trimDb).toBeGreaterThan(limited.trimDb);
});

test("silence, near-silence and too little signal do nothing and say why", () => {
  expect(learn([new Float32Array(rate * 5)]).result.status).toBe("silent");
  expect(learn([sine(rate, 997, -80, 5)]).result.status).toBe("silent");
  const short = new Float32Array(rate * 5);
  short.set(sine(rate, 997, -20, 0.6), rate);
  const r = learn([short]).result;
  expect(r.status).toBe("too little signal");
  expect(describeDecision(r)).toMatch(/Trim unchanged/);
  const store = new ParamStore();
  store.set("inputTrimDb", 3);
  expect(applyLearned(store, r, []).applied).toBe(false);
  expect(store.get("inputTrimDb")).toBe(3);
});

test("a timed Learn ends on its exact frame", () => {
  const kernel = newKernel(rate, 1);
  kernel.exports.learnStart(2);
  kernel.processAll([sine(rate, 997, -24, 2 - 1 / rate)], 100);
  expect(readAutoTrim(kernel).state).toBe("learning");
  kernel.processAll([new Float32Array(1)], 1);
  const r = readAutoTrim(kernel);
  expect(r.state).toBe("done");
  expect(r.seconds).toBe(2);
});

test("applying is a parameter change; Undo restores the previous trim exactly", () => {
  const store = new ParamStore();
  store.set("inputTrimDb", -3.3);
  const seen: number[] = [];
  store.subscribe((key, value) => {
    if (key === "inputTrimDb") seen.push(value);
  });
  const tone = sine(rate, 997, -28, 5);
  const undo: number[] = [];
  const outcome = applyLearned(store, learn([tone]).result, undo);
  expect(outcome.applied).toBe(true);
  expectWithin(store.get("inputTrimDb"), 10, 0.01, 0.01, "applied");
  expect(undoLearned(store, undo)).toBe(true);
  expect(store.get("inputTrimDb")).toBe(-3.3);
  expect(seen).toHaveLength(2);
  expect(undoLearned(store, undo)).toBe(false);
});

describe("ride (continuous)", () => {
  // 20 s at −30 dBFS, 10 s of silence, then 5 s at −10 dBFS.
  const rideInput = new Float32Array(rate * 35);
  rideInput.set(sine(rate, 997, -30, 20));
  rideInput.set(sine(rate, 997, -10, 5), rate * 30);
  const kernel = newKernel(rate, 1);
  kernel.setParam(P.autoRide, 1);
  const trims: number[] = [];
  for (let start = 0; start < rideInput.length; start += 4800) {
    kernel.processAll([rideInput.subarray(start, start + 4800)], 128);
    trims.push(kernel.getParam(P.inputTrimDb));
  }
  test("converges to the target within the dead-band and rises at most 1 dB/s", () => {
    expectWithin(trims[199]!, 12, 0.5, 0.5, "trim after 20 s");
    for (let i = 1; i < 200; i++) expect(trims[i]! - trims[i - 1]!).toBeLessThanOrEqual(0.1 + 1e-9);
  });
  test("holds in silence (never rises)", () => {
    // The first 3 hops of silence still close 400 ms blocks holding signal; from then on it holds.
    for (let i = 203; i < 300; i++) expect(trims[i]).toBe(trims[202]);
  });
  test("steps down at once when the ceiling is threatened", () => {
    // −10 dBFS peaks with +12 dB would be +2 dBFS: the first hop of the loud part pulls it to the −6 dBFS ceiling.
    expectWithin(trims[301]!, -6 - -10, 0.01, 0.01, "trim right after the jump");
    expect(Math.min(...trims.slice(301))).toBeGreaterThan(-8.5);
  });
});

const DETECTOR_RMS = DETECTOR_SPECS.findIndex((d) => d.key === "rms"),
  DETECTOR_TRUE_PEAK = DETECTOR_SPECS.findIndex((d) => d.key === "true-peak");
/** Learn over all of `channels` with `settings` ([parameter id, value]); the decision. */
function learnWith(channels: Float32Array[], settings: [number, number][]) {
  const kernel = newKernel(rate, channels.length);
  for (const [id, value] of settings) kernel.setParam(id, value);
  kernel.exports.learnStart(0);
  kernel.processAll(channels, 128);
  kernel.exports.learnFinish();
  return readAutoTrim(kernel);
}

describe("ungated detectors", () => {
  // 6 s of noise after 6 s of digital silence: the gated and ungated RMS differ by 10·log10(2).
  const noise = new Float32Array(rate * 12);
  noise.set(gaussianNoise(rate * 6, 0.05, rng(21)), rate * 6);

  test("ungated AES17 RMS is the RMS of every sample + 3.01 dB (silence counts); gated leaves the silence out", () => {
    const meanSquare = noise.reduce((sum, x) => sum + x * x, 0) / noise.length;
    const ungated = learnWith(
      [noise],
      [
        [P.autoTrimDetector, DETECTOR_RMS],
        [P.peakCeilingOn, 0],
      ],
    );
    expectWithin(ungated.levelDb, 10 * Math.log10(meanSquare) + 10 * Math.log10(2), 0.001, 0.001, "ungated");
    const gated = learnWith(
      [noise],
      [
        [P.autoTrimDetector, 0],
        [P.peakCeilingOn, 0],
      ],
    );
    expectWithin(gated.levelDb, gatedLevel([noise], rate, "rms"), 0.01, 0.01, "gated (the reference)");
    expect(gated.levelDb - ungated.levelDb).toBeGreaterThan(2.8); // half of it was silence: ≈ 3 dB
  });
});

describe("peak detectors and the true-peak ceiling", () => {
  test("true peak: EBU 3341 #16 (fs/4 at 45°, true peak −6.0 dBTP) learns +5 dB to a −1 dBTP target", () => {
    const tone = truePeakTone(rate, 4, -6, 45);
    const r = learnWith(
      [tone, tone],
      [
        [P.autoTrimDetector, DETECTOR_TRUE_PEAK],
        [P.autoTrimTargetDb, -1],
        [P.peakCeilingOn, 0],
      ],
    );
    expect(r.status).toBe("ok");
    expectWithin(r.levelDb, -6, 0.2, 0.4, "true peak (EBU tolerance)");
    expectWithin(r.trimDb, -1 - r.levelDb, 1e-9, 1e-9, "trim");
    expect(r.levelDb).toBeGreaterThan(r.peakBeforeDbfs + 2.9); // sample peak of fs/4 at 45° is 3.01 dB lower
  });

  test("peak normalisation to −1 dBFS is in range; the true-peak ceiling holds the trim back and says so", () => {
    const tone = truePeakTone(rate, 4, -6, 45);
    const peak = learnWith(
      [tone, tone],
      [
        [P.autoTrimDetector, 2],
        [P.autoTrimTargetDb, -1],
        [P.peakCeilingOn, 0],
      ],
    );
    expectWithin(peak.peakAfterDbfs, -1, 1e-9, 1e-9, "sample peak lands on the target");
    const held = learnWith(
      [tone, tone],
      [
        [P.autoTrimDetector, 2],
        [P.autoTrimTargetDb, -1],
        [P.peakCeilingOn, 0],
        [P.peakCeilingTpOn, 1],
        [P.peakCeilingTpDbtp, -1],
      ],
    );
    expect(held.limitedBy).toBe("true-peak ceiling");
    expectWithin(held.truePeakAfterDbtp, -1, 1e-9, 1e-9, "true peak lands on the ceiling");
    expect(describeDecision(held)).toMatch(/true-peak ceiling/);
  });

  test("each detector keeps the target within its own range (loudness down to −60 LUFS, others −40 dB)", () => {
    const kernel = newKernel(rate, 1);
    expect(
      [0, 1, 2, 3, 4, 5].map((d) => [kernel.exports.detectorTargetMin(d), kernel.exports.detectorTargetMax(d)]),
    ).toEqual([
      [-40, 0],
      [-40, 0],
      [-40, 0],
      [-60, 0],
      [-40, 0],
      [-40, 0],
    ]);
    const tone = sine(rate, 997, -20, 5);
    const r = learnWith(
      [tone],
      [
        [P.autoTrimDetector, 0],
        [P.autoTrimTargetDb, -55],
        [P.peakCeilingOn, 0],
      ],
    );
    expect(r.targetDb).toBe(-40);
  });
});
