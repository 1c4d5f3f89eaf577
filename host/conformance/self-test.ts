/**
 * The self-test: every conformance case (cases.ts) through a meter — in the app the live worklet
 * path in an OfflineAudioContext (offline-meter.ts), in the tests the same, in Chromium — each
 * judged against its expected value and tolerance. A case passes when every read of every run is
 * within tolerance; its row shows the read that came closest to failing. Main thread / tests.
 */
import type { TapReadings } from "../model/readings.js";
import { formatDb } from "../model/format.js";
import { CONFORMANCE_CASES, type Check, type ConformanceCase, fieldOf } from "./cases.js";

/** Runs `channels` at `rate` through a fresh meter and returns the IN tap's readings at each read frame. */
export type CaseMeter = (rate: number, channels: Float32Array[], readFrames: number[]) => Promise<TapReadings[]>;

export interface CaseResult {
  id: string;
  standard: string;
  title: string;
  /** "−23.0 ±0.1 LUFS", "0.0 +0.2/−0.4 dBTP" (the first check's, when a case checks several). */
  expected: string;
  /** The reading that came closest to its limit (the one that failed, if any). */
  measured: string;
  pass: boolean;
  /** What was read and found wanting, for a failure. */
  detail: string;
}

export interface SelfTestReport {
  sampleRate: number;
  results: CaseResult[];
  passed: number;
  /** "25 of 25 passed". */
  summary: string;
}

const expectedText = (c: Check) =>
  `${formatDb(c.expected, "", { signed: c.expected > 0 })}${c.plus === c.minus ? ` ±${c.plus}` : ` +${c.plus}/−${c.minus}`} ${c.unit}`;

/** How close a value is to its window's edge: 0 at the expected value, 1 at the limit, > 1 outside (∞ for no reading). */
function margin(value: number, check: Check): number {
  if (!Number.isFinite(value)) return Number.POSITIVE_INFINITY;
  const off = value - check.expected;
  return off >= 0 ? off / check.plus : -off / check.minus;
}

export async function runCase(meter: CaseMeter, testCase: ConformanceCase, rate: number): Promise<CaseResult> {
  let worst = { margin: -1, value: Number.NaN, check: undefined as Check | undefined, where: "" };
  const runs = testCase.runs(rate);
  for (const [r, run] of runs.entries()) {
    const readings = await meter(rate, run.channels, run.reads);
    readings.forEach((tap, i) => {
      for (const check of run.checks(i)) {
        const value = fieldOf(tap, check.field);
        const m = margin(value, check);
        if (m > worst.margin) {
          const where = `${runs.length > 1 ? `file ${r + 1}, ` : ""}${check.field} at ${(run.reads[i]! / rate).toFixed(2)} s`;
          worst = { margin: m, value, check, where };
        }
      }
    });
  }
  const check = worst.check ?? runs[0]!.checks(0)[0]!;
  const pass = worst.check !== undefined && worst.margin <= 1;
  return {
    id: testCase.id,
    standard: testCase.standard,
    title: testCase.title,
    expected: expectedText(check),
    measured: formatDb(worst.value, check.unit, { decimals: 2 }),
    pass,
    detail: pass ? "" : `${worst.where}: ${formatDb(worst.value, check.unit, { decimals: 2 })}`,
  };
}

/** Runs every case at `rate`, reporting each as it finishes. */
export async function runSelfTest(
  meter: CaseMeter,
  rate: number,
  onResult: (result: CaseResult, index: number, total: number) => void = () => {},
  cases: readonly ConformanceCase[] = CONFORMANCE_CASES,
): Promise<SelfTestReport> {
  const results: CaseResult[] = [];
  for (const testCase of cases) {
    const result = await runCase(meter, testCase, rate);
    results.push(result);
    onResult(result, results.length - 1, cases.length);
  }
  const passed = results.filter((r) => r.pass).length;
  return { sampleRate: rate, results, passed, summary: `${passed} of ${results.length} passed` };
}
