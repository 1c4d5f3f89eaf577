// Meter input conditioning. NaN and ±Inf samples are counted and metered as 0, so a bad sample
// never poisons a window, a filter state or integrated loudness. Subnormal samples
// (|x| < 2^-126, below −750 dBFS) are flushed to 0 so that no meter pays the CPU's subnormal
// penalty: WebAssembly has no flush-to-zero mode.

import { MAX_FRAMES } from "./layout";

const FLT_MAX: f32 = 3.4028234663852886e38;
const FLT_MIN_NORMAL: f32 = 1.1754943508222875e-38;
const CHANNEL_STRIDE_BYTES: usize = (<usize>MAX_FRAMES) << 2;

/**
 * Copies frames [start, start + count) of planar `source` to frames [0, count) of planar `target`,
 * replacing non-finite and subnormal samples with 0. Adds each channel's non-finite sample count
 * to the f64 counters at `nonFiniteCounts`.
 */
export function sanitizeInto(
  source: usize,
  target: usize,
  channels: i32,
  start: i32,
  count: i32,
  nonFiniteCounts: usize,
): void {
  for (let channel = 0; channel < channels; channel++) {
    const from = source + <usize>channel * CHANNEL_STRIDE_BYTES + ((<usize>start) << 2);
    const to = target + <usize>channel * CHANNEL_STRIDE_BYTES;
    let bad: i32 = 0;
    let frame = 0;
    // The scalar build runs the tail loop only: a cleared lane is +0.0 there as here.
    if (ASC_FEATURE_SIMD) {
      const maxVec = f32x4.splat(FLT_MAX);
      const minVec = f32x4.splat(FLT_MIN_NORMAL);
      let badLanes = i32x4.splat(0);
      for (; frame + 4 <= count; frame += 4) {
        const x = v128.load(from + ((<usize>frame) << 2));
        const magnitude = f32x4.abs(x);
        const finite = f32x4.le(magnitude, maxVec); // false for NaN and ±Inf
        const normal = f32x4.ge(magnitude, minVec);
        v128.store(to + ((<usize>frame) << 2), v128.and(x, v128.and(finite, normal)));
        badLanes = i32x4.sub(badLanes, v128.not(finite)); // mask lanes are −1: subtracting counts them
      }
      bad =
        i32x4.extract_lane(badLanes, 0) +
        i32x4.extract_lane(badLanes, 1) +
        i32x4.extract_lane(badLanes, 2) +
        i32x4.extract_lane(badLanes, 3);
    }
    for (; frame < count; frame++) {
      const x = load<f32>(from + ((<usize>frame) << 2));
      const magnitude = Mathf.abs(x);
      const finite = magnitude <= FLT_MAX;
      if (!finite) bad++;
      store<f32>(to + ((<usize>frame) << 2), finite && magnitude >= FLT_MIN_NORMAL ? x : 0);
    }
    const counter = nonFiniteCounts + ((<usize>channel) << 3);
    store<f64>(counter, load<f64>(counter) + <f64>bad);
  }
}
