// The per-sample pass: one loop over a pair of channels that runs every recursive meter asked
// for — K-weighting with its Σy² (loudness, auto-match), the RMS Σx², the VU ballistics and the
// PPM's integrators — on the same samples. Each is a loop-carried recursion that waits on its own
// latency (a mul and an add or two per sample); run side by side, the CPU overlaps them, so the
// pass costs about what its slowest meter did alone, where one loop per meter cost their sum.
// The formulas and state layouts are the meters' own (k-weighting.ts, loudness.ts, rms.ts, vu.ts,
// ppm.ts: each one's step, inlined here); the pass only holds their state in registers across
// the loop, two channels per f64x2 (a missing odd channel reads the zero scratch row and its lane
// is ignored). The flags are compile-time constants at every call (the function is inlined and
// the optimizer drops the meters not asked for; generated/sample-pass-dispatch.ts makes one
// call per combination). The scalar build runs each lane alone with the same operations in the
// same order (identical bits).

import { MAX_FRAMES, PASS_LOUDNESS, PASS_RMS, PASS_VU, PASS_PPM } from "./layout";
import { KWeighting, K_X1, K_X2, K_M1, K_M2, K_Y1, K_Y2 } from "./k-weighting";
import { Loudness } from "./loudness";
import { Rms } from "./rms";
import { Vu, VU_Z1, VU_Z2 } from "./vu";
import { Ppm, PPM_Z1, PPM_Z2, PPM_MAX_SINCE_READ } from "./ppm";

const CHANNEL_STRIDE_BYTES: usize = (<usize>MAX_FRAMES) << 2;

// A class of static methods because AssemblyScript inlines `@inline static` members and Biome cannot
// parse a decorated top-level function.
// @ts-ignore: decorator
@unmanaged
// biome-ignore lint/complexity/noStaticOnlyClass: see above
export class SamplePass {
  /** Address of channel pair `pair`'s two sums in an f64-per-channel array (lane order). */
  // @ts-ignore: decorator
  @inline static pairSums(sums: usize, pair: i32): usize {
    return sums + ((<usize>pair) << 4);
  }

  /**
   * Runs frames [start, start + count) of channels 2·pair and 2·pair + 1 of the planar block
   * through the meters in `meters` (PASS_* bits, a constant at the call): K-weighting adding y² to
   * the lane sums at `kSums`, Σx² added to `rmsSums` (both f64 per channel: loudness.ts and rms.ts
   * quantumSums, auto-match.ts's own), the VU, the PPM.
   */
  // @ts-ignore: decorator
  @inline
  static run(
    block: usize,
    pair: i32,
    start: i32,
    count: i32,
    meters: i32,
    k: KWeighting,
    kSums: usize,
    rmsSums: usize,
    vu: Vu,
    ppm: Ppm,
  ): void {
    if (!ASC_FEATURE_SIMD) {
      samplePassLane(block, pair, 0, start, count, meters, k, kSums, rmsSums, vu, ppm);
      samplePassLane(block, pair, 1, start, count, meters, k, kSums, rmsSums, vu, ppm);
      return;
    }
    const doK = (meters & PASS_LOUDNESS) != 0,
      doRms = (meters & PASS_RMS) != 0,
      doVu = (meters & PASS_VU) != 0,
      doPpm = (meters & PASS_PPM) != 0;
    const zero = f64x2.splat(0);
    const ks = doK ? k.pairState(pair) : 0;
    let x1 = doK ? v128.load(ks, K_X1) : zero,
      x2 = doK ? v128.load(ks, K_X2) : zero,
      m1 = doK ? v128.load(ks, K_M1) : zero,
      m2 = doK ? v128.load(ks, K_M2) : zero,
      y1 = doK ? v128.load(ks, K_Y1) : zero,
      y2 = doK ? v128.load(ks, K_Y2) : zero;
    const sb0 = f64x2.splat(doK ? k.sb0 : 0),
      sb1 = f64x2.splat(doK ? k.sb1 : 0),
      sb2 = f64x2.splat(doK ? k.sb2 : 0),
      sa1 = f64x2.splat(doK ? k.sa1 : 0),
      sa2 = f64x2.splat(doK ? k.sa2 : 0),
      ha1 = f64x2.splat(doK ? k.ha1 : 0),
      ha2 = f64x2.splat(doK ? k.ha2 : 0),
      two = f64x2.splat(2.0);
    const kSumAt = SamplePass.pairSums(kSums, pair);
    let kSum = doK ? v128.load(kSumAt) : zero;
    const rmsAt = SamplePass.pairSums(rmsSums, pair);
    let rmsSum = doRms ? v128.load(rmsAt) : zero;
    const vs = doVu ? vu.pairState(pair) : 0;
    let v1 = doVu ? v128.load(vs, VU_Z1) : zero,
      v2 = doVu ? v128.load(vs, VU_Z2) : zero;
    const vuW = f64x2.splat(doVu ? vu.w : 0),
      vuHalfW = f64x2.splat(doVu ? 0.5 * vu.w : 0),
      vuKeep = f64x2.splat(doVu ? 1.0 - vu.w : 0);
    const ps = doPpm ? ppm.pairState(pair) : 0;
    let p1 = doPpm ? v128.load(ps, PPM_Z1) : zero,
      p2 = doPpm ? v128.load(ps, PPM_Z2) : zero,
      peak = doPpm ? v128.load(ps, PPM_MAX_SINCE_READ) : zero;
    const fast = f64x2.splat(doPpm ? ppm.fast : 0),
      slow = f64x2.splat(doPpm ? ppm.slow : 0),
      decay = f64x2.splat(doPpm ? ppm.decay : 0);

    const left = block + <usize>(pair << 1) * CHANNEL_STRIDE_BYTES;
    const right = left + CHANNEL_STRIDE_BYTES;
    for (let frame = start; frame < start + count; frame++) {
      const at = (<usize>frame) << 2;
      const x = f64x2.promote_low_f32x4(v128.load32_lane(right + at, v128.load32_zero(left + at), 1));
      if (doK) {
        const m = KWeighting.shelfLanes(x, x1, x2, m1, m2, sb0, sb1, sb2, sa1, sa2);
        const y = KWeighting.highPassLanes(m, m1, m2, y1, y2, ha1, ha2, two);
        x2 = x1;
        x1 = x;
        m2 = m1;
        m1 = m;
        y2 = y1;
        y1 = y;
        kSum = Loudness.accumulateLanes(kSum, y);
      }
      if (doRms) rmsSum = Rms.accumulateLanes(rmsSum, x);
      if (doVu || doPpm) {
        const magnitude = f64x2.abs(x);
        if (doVu) {
          v1 = Vu.z1Lanes(v1, v2, magnitude, vuW, vuHalfW, vuKeep);
          v2 = Vu.z2Lanes(v2, v1, vuW, vuKeep);
        }
        if (doPpm) {
          p1 = Ppm.chargeLanes(p1, magnitude, fast, decay);
          p2 = Ppm.chargeLanes(p2, magnitude, slow, decay);
          peak = f64x2.pmax(peak, f64x2.add(p1, p2));
        }
      }
    }
    if (doK) {
      v128.store(kSumAt, kSum);
      KWeighting.storeLanes(ks, x1, x2, m1, m2, y1, y2);
    }
    if (doRms) v128.store(rmsAt, rmsSum);
    if (doVu) Vu.storeLanes(vs, v1, v2);
    if (doPpm) Ppm.storeLanes(ps, p1, p2, peak);
  }
}

/** SamplePass.run for one lane (channel 2·pair + lane) in scalar f64: the scalar build's pass. */
function samplePassLane(
  block: usize,
  pair: i32,
  lane: i32,
  start: i32,
  count: i32,
  meters: i32,
  k: KWeighting,
  kSums: usize,
  rmsSums: usize,
  vu: Vu,
  ppm: Ppm,
): void {
  const doK = (meters & PASS_LOUDNESS) != 0,
    doRms = (meters & PASS_RMS) != 0,
    doVu = (meters & PASS_VU) != 0,
    doPpm = (meters & PASS_PPM) != 0;
  const laneBytes = (<usize>lane) << 3;
  const samples = block + <usize>((pair << 1) + lane) * CHANNEL_STRIDE_BYTES;
  const ks = doK ? k.pairState(pair) + laneBytes : 0;
  let x1 = doK ? load<f64>(ks, K_X1) : 0,
    x2 = doK ? load<f64>(ks, K_X2) : 0,
    m1 = doK ? load<f64>(ks, K_M1) : 0,
    m2 = doK ? load<f64>(ks, K_M2) : 0,
    y1 = doK ? load<f64>(ks, K_Y1) : 0,
    y2 = doK ? load<f64>(ks, K_Y2) : 0;
  const kSumAt = SamplePass.pairSums(kSums, pair) + laneBytes;
  let kSum = doK ? load<f64>(kSumAt) : 0;
  const rmsAt = SamplePass.pairSums(rmsSums, pair) + laneBytes;
  let rmsSum = doRms ? load<f64>(rmsAt) : 0;
  const vs = doVu ? vu.pairState(pair) + laneBytes : 0;
  let v1 = doVu ? load<f64>(vs, VU_Z1) : 0,
    v2 = doVu ? load<f64>(vs, VU_Z2) : 0;
  const vuW = doVu ? vu.w : 0,
    vuHalfW = 0.5 * vuW,
    vuKeep = 1.0 - vuW;
  const ps = doPpm ? ppm.pairState(pair) + laneBytes : 0;
  let p1 = doPpm ? load<f64>(ps, PPM_Z1) : 0,
    p2 = doPpm ? load<f64>(ps, PPM_Z2) : 0,
    peak = doPpm ? load<f64>(ps, PPM_MAX_SINCE_READ) : 0;
  for (let frame = start; frame < start + count; frame++) {
    const x = <f64>load<f32>(samples + ((<usize>frame) << 2));
    if (doK) {
      const m = k.shelf(x, x1, x2, m1, m2);
      const y = k.highPass(m, m1, m2, y1, y2);
      x2 = x1;
      x1 = x;
      m2 = m1;
      m1 = m;
      y2 = y1;
      y1 = y;
      kSum = Loudness.accumulate(kSum, y);
    }
    if (doRms) rmsSum = Rms.accumulate(rmsSum, x);
    const magnitude = Math.abs(x);
    if (doVu) {
      v1 = Vu.z1Step(v1, v2, magnitude, vuW, vuHalfW, vuKeep);
      v2 = Vu.z2Step(v2, v1, vuW, vuKeep);
    }
    if (doPpm) {
      p1 = Ppm.charge(p1, magnitude, ppm.fast, ppm.decay);
      p2 = Ppm.charge(p2, magnitude, ppm.slow, ppm.decay);
      peak = max(peak, p1 + p2);
    }
  }
  if (doK) {
    store<f64>(kSumAt, kSum);
    store<f64>(ks, x1, K_X1);
    store<f64>(ks, x2, K_X2);
    store<f64>(ks, m1, K_M1);
    store<f64>(ks, m2, K_M2);
    store<f64>(ks, y1, K_Y1);
    store<f64>(ks, y2, K_Y2);
  }
  if (doRms) store<f64>(rmsAt, rmsSum);
  if (doVu) {
    store<f64>(vs, v1, VU_Z1);
    store<f64>(vs, v2, VU_Z2);
  }
  if (doPpm) {
    store<f64>(ps, p1, PPM_Z1);
    store<f64>(ps, p2, PPM_Z2);
    store<f64>(ps, peak, PPM_MAX_SINCE_READ);
  }
}
