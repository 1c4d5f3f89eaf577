/**
 * EBU Tech 3341 V4 (2023) Table 1, every synthetic case, and EBU Tech 3342 (2023) Table 1, cases
 * 1–4 (docs/metering.md §10), through the kernel: the conformance table the app's self-test runs
 * (host/conformance/cases.ts, checked against the standards' tables transcribed in
 * self-test.test.ts), every check at every read with the standard's tolerance, at 44.1, 48 and
 * 96 kHz in two block sizes, and the fs-relative true-peak cases at every common rate up to 192 kHz.
 */
import { describe, expect, test } from "vitest";
import { CONFORMANCE_CASES, fieldOf } from "../../host/conformance/cases.js";
import { meterRun, meterSignal } from "../helpers/kernel.js";
import { sine } from "../helpers/signals.js";
import { expectWithin } from "../helpers/tolerance.js";

const RATES = [44100, 48000, 96000];
/** The true-peak cases are fs-relative: each must pass at every common rate, the high ones included. */
const TRUE_PEAK_RATES = [44100, 48000, 88200, 96000, 176400, 192000];
const isTruePeak = (id: string) =>
  CONFORMANCE_CASES.find((c) => c.id === id)!
    .runs(48000)[0]!
    .checks(0)[0]!.field === "truePeakMaxDbtp";

const cases = CONFORMANCE_CASES.flatMap((conformanceCase) =>
  (isTruePeak(conformanceCase.id) ? TRUE_PEAK_RATES : RATES).flatMap((rate) =>
    [128, 1000].map((block) => [conformanceCase.id, rate, block, conformanceCase] as const),
  ),
);

describe.each(cases)("%s at %i Hz, %i-frame blocks", (id, rate, block, conformanceCase) => {
  test(conformanceCase.title, () => {
    let checked = 0;
    conformanceCase.runs(rate).forEach((run, r) => {
      meterRun(rate, run, block).forEach((tap, index) => {
        for (const check of run.checks(index)) {
          const where = `${id} run ${r} read at ${(run.reads[index]! / rate).toFixed(2)} s: ${check.field}`;
          expectWithin(fieldOf(tap, check.field), check.expected, check.plus, check.minus, where);
          checked++;
        }
      });
    });
    expect(checked).toBeGreaterThan(0);
  });
});

test("BS.1770-5: a 0 dBFS 997 Hz sine in one channel reads −3.01 LKFS; mono counts as one channel", () => {
  const rate = 48000;
  const tone = sine(rate, 997, 0, 10);
  const silent = new Float32Array(tone.length);
  expectWithin(meterSignal(rate, [tone, silent]).integratedLufs, -3.01, 0.01, 0.01, "L only");
  expectWithin(meterSignal(rate, [tone]).integratedLufs, -3.01, 0.01, 0.01, "mono");
  // The same source on both channels of a stereo bus reads 3 dB higher (docs/metering.md §9.3).
  expectWithin(meterSignal(rate, [tone, tone]).integratedLufs, 0, 0.01, 0.01, "L = R");
});
