// The per-sample pass: one loop over a pair of channels that runs every recursive meter asked
// for — K-weighting with its Σy² (loudness, auto-match), the RMS Σx², the VU ballistics and the
// PPM's integrators — on the same samples. Each is a loop-carried recursion that waits on its own
// latency (a mul and an add or two per sample); run side by side, the CPU overlaps them, so the
// pass costs about what its slowest meter did alone, where one loop per meter cost their sum.
// Each meter keeps its own state, coefficients and formulas' order exactly as alone (so the bits
// are the same as before the fusion), two channels per f64x2 (a missing odd channel reads the
// zero scratch row and its lane is ignored). The flags are compile-time constants at every call
// (the function is inlined and the optimizer drops the meters not asked for). The scalar build
// runs each lane alone with the same operations in the same order (identical bits).

import { MAX_FRAMES } from "./layout";
import { KWeighting } from "./k-weighting";
import { Vu } from "./vu";
import { Ppm } from "./ppm";

const CHANNEL_STRIDE_BYTES: usize = (<usize>MAX_FRAMES) << 2;
const K_STATE_BYTES: usize = 96; // x1 x2 m1 m2 y1 y2, f64x2 each
const VU_STATE_BYTES: usize = 32; // z1 z2
const PPM_STATE_BYTES: usize = 48; // z1 z2 peak

/** Which meters a pass runs (bits of the `meters` argument). */
export const PASS_K: i32 = 1;
export const PASS_RMS: i32 = 2;
export const PASS_VU: i32 = 4;
export const PASS_PPM: i32 = 8;

// A class of static methods because AssemblyScript inlines `@inline static` members and Biome cannot
// parse a decorated top-level function.
// @ts-ignore: decorator
@unmanaged
// biome-ignore lint/complexity/noStaticOnlyClass: see above
export class SamplePass {
  /**
   * Runs frames [start, start + count) of channels 2·pair and 2·pair + 1 of the planar block
   * through the meters in `meters` (PASS_* bits, a constant at the call): K-weighting adding y² to
   * the lane sums at `kSums`, Σx² added to `rmsSums`, the VU, the PPM.
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
    const doK = (meters & PASS_K) != 0,
      doRms = (meters & PASS_RMS) != 0,
      doVu = (meters & PASS_VU) != 0,
      doPpm = (meters & PASS_PPM) != 0;
    const zero = f64x2.splat(0);
    // K-weighting (k-weighting.ts): shelf then high-pass, direct form I.
    const ks = doK ? k.state + <usize>pair * K_STATE_BYTES : 0;
    let x1 = doK ? v128.load(ks) : zero,
      x2 = doK ? v128.load(ks, 16) : zero,
      m1 = doK ? v128.load(ks, 32) : zero,
      m2 = doK ? v128.load(ks, 48) : zero,
      y1 = doK ? v128.load(ks, 64) : zero,
      y2 = doK ? v128.load(ks, 80) : zero;
    const sb0 = f64x2.splat(doK ? k.sb0 : 0),
      sb1 = f64x2.splat(doK ? k.sb1 : 0),
      sb2 = f64x2.splat(doK ? k.sb2 : 0),
      sa1 = f64x2.splat(doK ? k.sa1 : 0),
      sa2 = f64x2.splat(doK ? k.sa2 : 0),
      ha1 = f64x2.splat(doK ? k.ha1 : 0),
      ha2 = f64x2.splat(doK ? k.ha2 : 0),
      two = f64x2.splat(2.0);
    const kSumAt = kSums + ((<usize>pair) << 4);
    let kSum = doK ? v128.load(kSumAt) : zero;
    // RMS (rms.ts): Σx² of the open quantum, channels contiguous.
    const rmsAt = rmsSums + ((<usize>pair) << 4);
    let rmsSum = doRms ? v128.load(rmsAt) : zero;
    // VU (vu.ts).
    const vs = doVu ? vu.state + <usize>pair * VU_STATE_BYTES : 0;
    let v1 = doVu ? v128.load(vs) : zero,
      v2 = doVu ? v128.load(vs, 16) : zero;
    const vuW = f64x2.splat(doVu ? vu.w : 0),
      vuHalfW = f64x2.splat(doVu ? 0.5 * vu.w : 0),
      vuKeep = f64x2.splat(doVu ? 1.0 - vu.w : 0);
    // PPM (ppm.ts).
    const ps = doPpm ? ppm.state + <usize>pair * PPM_STATE_BYTES : 0;
    let p1 = doPpm ? v128.load(ps) : zero,
      p2 = doPpm ? v128.load(ps, 16) : zero,
      peak = doPpm ? v128.load(ps, 32) : zero;
    const fast = f64x2.splat(doPpm ? ppm.fast : 0),
      slow = f64x2.splat(doPpm ? ppm.slow : 0),
      decay = f64x2.splat(doPpm ? ppm.decay : 0);

    const left = block + <usize>(pair << 1) * CHANNEL_STRIDE_BYTES;
    const right = left + CHANNEL_STRIDE_BYTES;
    for (let frame = start; frame < start + count; frame++) {
      const at = (<usize>frame) << 2;
      const x = f64x2.promote_low_f32x4(v128.load32_lane(right + at, v128.load32_zero(left + at), 1));
      if (doK) {
        // Feed-forward terms first, feedback last: the loop-carried chain is one mul and two adds.
        const m = f64x2.sub(
          f64x2.add(f64x2.add(f64x2.mul(sb0, x), f64x2.mul(sb1, x1)), f64x2.mul(sb2, x2)),
          f64x2.add(f64x2.mul(sa1, m1), f64x2.mul(sa2, m2)),
        );
        const y = f64x2.sub(
          f64x2.add(f64x2.sub(m, f64x2.mul(two, m1)), m2),
          f64x2.add(f64x2.mul(ha1, y1), f64x2.mul(ha2, y2)),
        );
        x2 = x1;
        x1 = x;
        m2 = m1;
        m1 = m;
        y2 = y1;
        y1 = y;
        kSum = f64x2.add(kSum, f64x2.mul(y, y));
      }
      if (doRms) rmsSum = f64x2.add(rmsSum, f64x2.mul(x, x));
      if (doVu || doPpm) {
        const magnitude = f64x2.abs(x);
        if (doVu) {
          v1 = f64x2.add(f64x2.mul(vuKeep, v1), f64x2.sub(f64x2.mul(vuW, magnitude), f64x2.mul(vuHalfW, v2)));
          v2 = f64x2.add(f64x2.mul(vuKeep, v2), f64x2.mul(vuW, v1));
        }
        if (doPpm) {
          // pmax (one maxpd) equals max here: the integrators are never NaN or −0 (sanitized input,
          // non-negative coefficients), and max's NaN/±0 handling costs V8 a long instruction sequence.
          p1 = f64x2.mul(p1, decay);
          p2 = f64x2.mul(p2, decay);
          p1 = f64x2.pmax(p1, f64x2.add(p1, f64x2.mul(fast, f64x2.sub(magnitude, p1))));
          p2 = f64x2.pmax(p2, f64x2.add(p2, f64x2.mul(slow, f64x2.sub(magnitude, p2))));
          peak = f64x2.pmax(peak, f64x2.add(p1, p2));
        }
      }
    }
    if (doK) {
      v128.store(kSumAt, kSum);
      v128.store(ks, x1);
      v128.store(ks, x2, 16);
      v128.store(ks, m1, 32);
      v128.store(ks, m2, 48);
      v128.store(ks, y1, 64);
      v128.store(ks, y2, 80);
    }
    if (doRms) v128.store(rmsAt, rmsSum);
    if (doVu) {
      v128.store(vs, v1);
      v128.store(vs, v2, 16);
    }
    if (doPpm) {
      v128.store(ps, p1);
      v128.store(ps, p2, 16);
      v128.store(ps, peak, 32);
    }
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
  const doK = (meters & PASS_K) != 0,
    doRms = (meters & PASS_RMS) != 0,
    doVu = (meters & PASS_VU) != 0,
    doPpm = (meters & PASS_PPM) != 0;
  const laneBytes = (<usize>lane) << 3;
  const samples = block + <usize>((pair << 1) + lane) * CHANNEL_STRIDE_BYTES;
  const ks = doK ? k.state + <usize>pair * K_STATE_BYTES + laneBytes : 0;
  let x1 = doK ? load<f64>(ks) : 0,
    x2 = doK ? load<f64>(ks, 16) : 0,
    m1 = doK ? load<f64>(ks, 32) : 0,
    m2 = doK ? load<f64>(ks, 48) : 0,
    y1 = doK ? load<f64>(ks, 64) : 0,
    y2 = doK ? load<f64>(ks, 80) : 0;
  const kSumAt = kSums + ((<usize>pair) << 4) + laneBytes;
  let kSum = doK ? load<f64>(kSumAt) : 0;
  const rmsAt = rmsSums + ((<usize>pair) << 4) + laneBytes;
  let rmsSum = doRms ? load<f64>(rmsAt) : 0;
  const vs = doVu ? vu.state + <usize>pair * VU_STATE_BYTES + laneBytes : 0;
  let v1 = doVu ? load<f64>(vs) : 0,
    v2 = doVu ? load<f64>(vs, 16) : 0;
  const vuW = doVu ? vu.w : 0,
    vuHalfW = 0.5 * vuW,
    vuKeep = 1.0 - vuW;
  const ps = doPpm ? ppm.state + <usize>pair * PPM_STATE_BYTES + laneBytes : 0;
  let p1 = doPpm ? load<f64>(ps) : 0,
    p2 = doPpm ? load<f64>(ps, 16) : 0,
    peak = doPpm ? load<f64>(ps, 32) : 0;
  for (let frame = start; frame < start + count; frame++) {
    const x = <f64>load<f32>(samples + ((<usize>frame) << 2));
    if (doK) {
      const m = k.sb0 * x + k.sb1 * x1 + k.sb2 * x2 - (k.sa1 * m1 + k.sa2 * m2);
      const y = m - 2.0 * m1 + m2 - (k.ha1 * y1 + k.ha2 * y2);
      x2 = x1;
      x1 = x;
      m2 = m1;
      m1 = m;
      y2 = y1;
      y1 = y;
      kSum += y * y;
    }
    if (doRms) rmsSum += x * x;
    const magnitude = Math.abs(x);
    if (doVu) {
      v1 = vuKeep * v1 + (vuW * magnitude - vuHalfW * v2);
      v2 = vuKeep * v2 + vuW * v1;
    }
    if (doPpm) {
      p1 = p1 * ppm.decay;
      p2 = p2 * ppm.decay;
      p1 = max(p1, p1 + ppm.fast * (magnitude - p1));
      p2 = max(p2, p2 + ppm.slow * (magnitude - p2));
      peak = max(peak, p1 + p2);
    }
  }
  if (doK) {
    store<f64>(kSumAt, kSum);
    store<f64>(ks, x1);
    store<f64>(ks, x2, 16);
    store<f64>(ks, m1, 32);
    store<f64>(ks, m2, 48);
    store<f64>(ks, y1, 64);
    store<f64>(ks, y2, 80);
  }
  if (doRms) store<f64>(rmsAt, rmsSum);
  if (doVu) {
    store<f64>(vs, v1);
    store<f64>(vs, v2, 16);
  }
  if (doPpm) {
    store<f64>(ps, p1);
    store<f64>(ps, p2, 16);
    store<f64>(ps, peak, 32);
  }
}
