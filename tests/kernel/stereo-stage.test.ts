/**
 * The stereo input stage in the kernel: left/right and mid/side trims, width,
 * mono sum and swap, against the matrix written out by hand here; click-free; the identity at the
 * defaults; IN metered before it; and delta listen and the insert-latency alignment at POST
 *, with the insert simulated as a delay of the signal.
 */
import { describe, expect, test } from "vitest";
import type { Kernel } from "../../host/core/kernel.js";
import { PARAM_ID as P } from "../../host/model/params.js";
import { newKernel } from "../helpers/kernel.js";
import { gaussianNoise, rng, sine } from "../helpers/signals.js";
import { expectWithin } from "../helpers/tolerance.js";
import { readSnapshot } from "../../host/model/readings.js";

const rate = 48000;
const gain = (db: number) => 10 ** (db / 20);
/** Frames of the 20 ms gain smoothing: after these, every ramp has landed. */
const RAMP = Math.round(0.02 * rate);

/** Runs stereo `left`, `right` through a kernel set up by `configure` (before the first frame: no ramps). */
function run(left: Float32Array, right: Float32Array, configure: (k: Kernel) => void) {
  const kernel = newKernel(rate, 2);
  configure(kernel);
  const [outL, outR] = kernel.processAll([left, right], 128);
  return { kernel, outL: outL!, outR: outR! };
}

/** The stage as the issue defines it, in double precision, for one frame. */
function expected(
  l: number,
  r: number,
  s: { gl?: number; gr?: number; gm?: number; gs?: number; w?: number; mono?: boolean; swap?: boolean },
) {
  const [a, b] = s.swap ? [r, l] : [l, r];
  const L = a * gain(s.gl ?? 0),
    R = b * gain(s.gr ?? 0);
  const M = ((L + R) / 2) * gain(s.gm ?? 0);
  const S = s.mono ? 0 : ((L - R) / 2) * gain(s.gs ?? 0) * ((s.w ?? 100) / 100);
  return [M + S, M - S] as const;
}

const left = gaussianNoise(rate, 0.1, rng(1));
const right = sine(rate, 440, -12, 1);

describe("each setting against the matrix written out by hand (settled before the first frame)", () => {
  const cases: [string, Partial<Record<keyof typeof P, number>>, Parameters<typeof expected>[2]][] = [
    ["left −6 dB, right +3 dB", { leftTrimDb: -6, rightTrimDb: 3 }, { gl: -6, gr: 3 }],
    ["mid +4 dB, side −10 dB", { midTrimDb: 4, sideTrimDb: -10 }, { gm: 4, gs: -10 }],
    ["width 0 % (mono)", { widthPercent: 0 }, { w: 0 }],
    ["width 200 %", { widthPercent: 200 }, { w: 200 }],
    ["mono sum", { monoSum: 1 }, { mono: true }],
    ["swap", { swapChannels: 1 }, { swap: true }],
    [
      "all at once",
      { leftTrimDb: 2, midTrimDb: -3, sideTrimDb: 5, widthPercent: 140, swapChannels: 1 },
      { gl: 2, gm: -3, gs: 5, w: 140, swap: true },
    ],
  ];
  test.each(cases)("%s", (_, params, settings) => {
    const { outL, outR } = run(left, right, (k) => {
      for (const [key, value] of Object.entries(params)) k.setParam(P[key as keyof typeof P], value!);
    });
    let worst = 0;
    for (let n = 0; n < left.length; n++) {
      const [L, R] = expected(left[n]!, right[n]!, settings);
      worst = Math.max(worst, Math.abs(outL[n]! - L), Math.abs(outR[n]! - R));
    }
    expect(worst).toBeLessThan(1e-6);
  });
});

test("M/S of a mono signal (L = R) has no side: side trim and width change nothing; mid trim scales both", () => {
  const mono = sine(rate, 997, -20, 0.5);
  const { outL, outR } = run(mono, mono, (k) => {
    k.setParam(P.sideTrimDb, 24);
    k.setParam(P.widthPercent, 200);
    k.setParam(P.midTrimDb, -6);
  });
  for (let n = 0; n < mono.length; n++) {
    expect(outL[n]).toBe(outR[n]);
    expect(Math.abs(outL[n]! - mono[n]! * gain(-6))).toBeLessThan(1e-7);
  }
});

test("at the defaults the stage is the identity: audio passes bit for bit", () => {
  const { outL, outR } = run(left, right, () => {});
  expect(outL).toEqual(left);
  expect(outR).toEqual(right);
});

test("a swap while playing crossfades over 20 ms: no sample jumps", () => {
  const dc = new Float32Array(rate / 2).fill(0.5);
  const zero = new Float32Array(rate / 2);
  const kernel = newKernel(rate, 2);
  kernel.processAll([dc.subarray(0, 4800), zero.subarray(0, 4800)], 128); // playing: changes now ramp
  kernel.setParam(P.swapChannels, 1);
  const [outL] = kernel.processAll([dc.subarray(4800), zero.subarray(4800)], 128);
  let largest = 0;
  for (let n = 1; n < outL!.length; n++) largest = Math.max(largest, Math.abs(outL![n]! - outL![n - 1]!));
  expectWithin(largest, 0.5 / RAMP, 1e-6, 1e-6, "largest step = the ramp's");
  expect(outL![RAMP]).toBe(0); // landed: left now carries the silent right
});

test("IN meters what arrives, before the stage; OUT what leaves it", () => {
  const { kernel } = run(left, right, (k) => k.setParam(P.leftTrimDb, -12));
  const [tapIn, tapOut] = readSnapshot(kernel);
  const peak = (x: Float32Array) => 20 * Math.log10(Math.max(...x.map(Math.abs)));
  expectWithin(tapIn!.channels[0]!.samplePeakMaxDbfs, peak(left), 1e-4, 1e-4, "IN left");
  expectWithin(tapOut!.channels[0]!.samplePeakMaxDbfs, peak(left) - 12, 1e-3, 1e-3, "OUT left");
});

describe("POST: delta listen and the insert's latency", () => {
  /** POST fed `back` (what returned from the insert) with `alternate` (what entered PRE) as A. */
  function post(back: Float32Array, alternate: Float32Array, configure: (k: Kernel) => void) {
    const kernel = newKernel(rate, 1);
    configure(kernel);
    const out = new Float32Array(back.length);
    for (let at = 0; at < back.length; at += 128) {
      const n = Math.min(128, back.length - at);
      kernel.input(0).set(back.subarray(at, at + n));
      kernel.alternate(0).set(alternate.subarray(at, at + n));
      kernel.processRange(0, n);
      out.set(kernel.output(0).subarray(0, n), at);
    }
    return out;
  }
  const x = gaussianNoise(rate, 0.2, rng(5));
  const dbfs = (data: Float32Array) => 20 * Math.log10(Math.max(...data.map(Math.abs)));

  test("delta (B − A) of a unity insert is silent, below −120 dBFS", () => {
    const out = post(x, x, (k) => k.setParam(P.abListen, 2));
    expect(dbfs(out)).toBeLessThan(-120);
  });

  test("an insert of 240 samples' latency: aligned by insertLatencyFrames, the delta is silent after it", () => {
    const latency = 240;
    const delayed = new Float32Array(x.length);
    delayed.set(x.subarray(0, x.length - latency), latency);
    const unaligned = post(delayed, x, (k) => k.setParam(P.abListen, 2));
    expect(dbfs(unaligned)).toBeGreaterThan(-20);
    const aligned = post(delayed, x, (k) => {
      k.setParam(P.abListen, 2);
      k.setParam(P.insertLatencyFrames, latency);
    });
    expect(dbfs(aligned)).toBeLessThan(-120);
  });

  test("A plays the alternate, delayed by the latency, sample for sample", () => {
    const out = post(x, x, (k) => {
      k.setParam(P.abListen, 1);
      k.setParam(P.insertLatencyFrames, 100);
    });
    for (let n = 0; n < 100; n++) expect(out[n]).toBe(0);
    for (let n = 100; n < x.length; n += 997) expect(out[n]).toBe(x[n - 100]);
  });
});
