/**
 * VU ballistics and calibration (IEC 60268-17 as quoted in docs/metering.md §8) and RMS in both dB
 * conventions (AES17 vs plain), against analytic values.
 */
import { describe, expect, test } from "vitest";
import { meterSignal, newKernel } from "../helpers/kernel.js";
import { sine, dbToAmplitude } from "../helpers/signals.js";
import { expectWithin } from "../helpers/tolerance.js";
import { PARAM_ID } from "../../host/model/params.js";
import { readSnapshot } from "../../host/model/readings.js";

const rate = 48000;
/** Sources give no tolerance on the 300 ms; ±10 % is our assumption (docs/metering.md §8, §10). */
const TIME_TOLERANCE_MS = 30;

function vuTrace(signal: Float32Array, stepMs = 1): number[] {
  const trace: number[] = [];
  meterSignal(rate, [signal], {
    readEveryFrames: Math.round((stepMs * rate) / 1000),
    onRead: (tap) => trace.push(tap.channels[0]!.vu),
  });
  return trace;
}

describe("VU ballistics", () => {
  const on = sine(rate, 1000, -18, 2);
  const signal = new Float32Array(rate * 4);
  signal.set(on);
  const trace = vuTrace(signal).map((vu) => 10 ** (vu / 20)); // linear deflection, 1 = 0 VU
  const steady = trace[1999]!;

  test("a −18 dBFS sine reads 0 VU (default reference)", () => {
    expectWithin(20 * Math.log10(steady), 0, 0.05, 0.05, "VU");
  });
  test("rise: 99 % of reference deflection in 300 ms", () => {
    const riseMs = trace.findIndex((v) => v >= 0.99 * steady) + 1;
    expectWithin(riseMs, 300, TIME_TOLERANCE_MS, TIME_TOLERANCE_MS, "rise ms");
  });
  test("overshoot 1 % to 1.5 %", () => {
    const overshoot = Math.max(...trace.slice(0, 2000)) / steady - 1;
    expectWithin(overshoot * 100, 1.25, 0.25, 0.25, "overshoot %");
  });
  test("return: to 1 % of reference in about 300 ms after removal", () => {
    const returnMs = trace.slice(2000).findIndex((v) => v <= 0.01 * steady) + 1;
    expectWithin(returnMs, 300, TIME_TOLERANCE_MS, TIME_TOLERANCE_MS, "return ms");
  });
});

describe("VU calibration and detector", () => {
  test("the reference level is a parameter: 0 VU = −14 dBFS makes a −18 dBFS sine read −4 VU", () => {
    const kernel = newKernel(rate, 1);
    kernel.setParam(PARAM_ID.vuReferenceDbfs, -14);
    kernel.processAll([sine(rate, 1000, -18, 2)], 4096);
    expectWithin(readSnapshot(kernel)[0]!.channels[0]!.vu, -4, 0.05, 0.05, "VU");
  });
  test("average-responding: a square wave reads +3.92 VU re its peak (π/2), 0.91 dB above its AES17 RMS", () => {
    const square = new Float32Array(rate * 2).map((_, n) => (Math.floor(n / 24) % 2 ? -1 : 1) * dbToAmplitude(-18));
    const r = meterSignal(rate, [square]).channels[0]!;
    expectWithin(r.vu, 20 * Math.log10(Math.PI / 2), 0.05, 0.05, "VU");
    expectWithin(r.vu + -18 - r.rmsAes17Db, 0.91, 0.05, 0.05, "VU − AES17 RMS");
  });
});

describe("RMS, plain dBFS and AES17 dB FS (docs/metering.md §8 table)", () => {
  const square = (dbfs: number) =>
    new Float32Array(rate).map((_, n) => (Math.floor(n / 24) % 2 ? -1 : 1) * dbToAmplitude(dbfs));
  const cases: [string, Float32Array, number, number][] = [
    ["full-scale sine", sine(rate, 997, 0, 1), -3.0103, 0],
    ["full-scale square", square(0), 0, 3.0103],
    ["sine at −18 dBFS peak", sine(rate, 997, -18, 1), -21.0103, -18],
  ];
  test.each(cases)("%s", (_, signal, plain, aes17) => {
    const r = meterSignal(rate, [signal]).channels[0]!;
    expectWithin(r.rmsDbfs, plain, 0.01, 0.01, "plain window");
    expectWithin(r.rmsAes17Db, aes17, 0.01, 0.01, "AES17 window");
    expectWithin(r.rmsTotalDbfs, plain, 0.01, 0.01, "plain total");
    expectWithin(r.rmsTotalAes17Db, aes17, 0.01, 0.01, "AES17 total");
  });
  test("noise: the 300 ms window is the RMS of exactly the last 300 ms", () => {
    let seed = 1;
    const noise = new Float32Array(rate).map(() => {
      seed = (seed * 16807) % 2147483647;
      return (seed / 2147483647 - 0.5) * 0.5;
    });
    let sum = 0;
    for (let n = rate - 0.3 * rate; n < rate; n++) sum += noise[n]! ** 2;
    const r = meterSignal(rate, [noise]).channels[0]!;
    expect(r.rmsDbfs).toBeCloseTo(10 * Math.log10(sum / (0.3 * rate)), 9);
  });
});
