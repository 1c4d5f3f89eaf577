/**
 * The conformance table (host/conformance/cases.ts) the app's self-test runs and the kernel's
 * conformance tests (ebu-conformance.test.ts) read: it must be the standards' own, checked here against
 * EBU Tech 3341 V4 Table 1 and Tech 3342 Table 1 transcribed in this file (the one independent
 * transcription); and the self-test's driver must pass them through the kernel and say where a
 * meter fails. The same self-test runs through the worklet in Chromium in tests/e2e.
 */
import { expect, test } from "vitest";
import { CONFORMANCE_CASES } from "../../host/conformance/cases.js";
import { type CaseMeter, runSelfTest } from "../../host/conformance/self-test.js";
import { meterRun } from "../helpers/kernel.js";

/** id → [field, expected, +tolerance, −tolerance] of its first check (Tech 3341 Table 1, Tech 3342 Table 1). */
const STANDARD: Record<string, [string, number, number, number]> = {
  "3341 #1": ["momentaryLufs", -23, 0.1, 0.1],
  "3341 #2": ["momentaryLufs", -33, 0.1, 0.1],
  "3341 #3": ["integratedLufs", -23, 0.1, 0.1],
  "3341 #4": ["integratedLufs", -23, 0.1, 0.1],
  "3341 #5": ["integratedLufs", -23, 0.1, 0.1],
  "3341 #6": ["integratedLufs", -23, 0.1, 0.1],
  "3341 #9": ["shortTermLufs", -23, 0.1, 0.1],
  "3341 #10": ["shortTermMaxSinceResetLufs", -23, 0.1, 0.1],
  "3341 #11": ["shortTermMaxLufs", -38, 0.1, 0.1],
  "3341 #12": ["momentaryLufs", -23, 0.1, 0.1],
  "3341 #13": ["momentaryMaxSinceResetLufs", -23, 0.1, 0.1],
  "3341 #14": ["momentaryMaxLufs", -38, 0.1, 0.1],
  "3341 #15": ["truePeakMaxDbtp", -6, 0.2, 0.4],
  "3341 #16": ["truePeakMaxDbtp", -6, 0.2, 0.4],
  "3341 #17": ["truePeakMaxDbtp", -6, 0.2, 0.4],
  "3341 #18": ["truePeakMaxDbtp", -6, 0.2, 0.4],
  "3341 #19": ["truePeakMaxDbtp", 3, 0.2, 0.4],
  "3341 #20": ["truePeakMaxDbtp", 0, 0.2, 0.4],
  "3341 #21": ["truePeakMaxDbtp", 0, 0.2, 0.4],
  "3341 #22": ["truePeakMaxDbtp", 0, 0.2, 0.4],
  "3341 #23": ["truePeakMaxDbtp", 0, 0.2, 0.4],
  "3342 #1": ["loudnessRangeLu", 10, 1, 1],
  "3342 #2": ["loudnessRangeLu", 5, 1, 1],
  "3342 #3": ["loudnessRangeLu", 20, 1, 1],
  "3342 #4": ["loudnessRangeLu", 15, 1, 1],
};

/** The kernel as a case meter: 128-frame blocks, a snapshot at each read frame. */
const kernelMeter: CaseMeter = async (rate, channels, reads) => meterRun(rate, { channels, reads });

test("the self-test's cases are the standards' synthetic cases with their expected values and tolerances", () => {
  expect(CONFORMANCE_CASES.map((c) => c.id)).toEqual(Object.keys(STANDARD));
  for (const testCase of CONFORMANCE_CASES) {
    const [field, expected, plus, minus] = STANDARD[testCase.id]!;
    const check = testCase.runs(48000)[0]!.checks(0)[0]!;
    expect([check.field, check.expected, check.plus, check.minus], testCase.id).toEqual([field, expected, plus, minus]);
  }
});

test("every case passes through the kernel at 48 kHz", { timeout: 120_000 }, async () => {
  const report = await runSelfTest(kernelMeter, 48000);
  const failed = report.results.filter((r) => !r.pass).map((r) => `${r.id}: ${r.detail}`);
  expect(failed).toEqual([]);
  expect(report.summary).toBe("25 of 25 passed");
});

test("a meter reading 0.3 dB hot fails the loudness cases and says where", async () => {
  const hot: CaseMeter = (rate, channels, reads) =>
    kernelMeter(
      rate,
      channels.map((data) => data.map((x) => x * 10 ** (0.3 / 20))),
      reads,
    );
  const report = await runSelfTest(hot, 48000, undefined, CONFORMANCE_CASES.slice(0, 2));
  expect(report.summary).toBe("0 of 2 passed");
  expect(report.results[0]!.detail).toMatch(/at 20\.00 s: −22\.\d\d LUFS/);
});
