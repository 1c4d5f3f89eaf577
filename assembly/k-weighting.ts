// K-weighting — ITU-R BS.1770-5 Annex 1, Tables 1–2: a high-shelf "pre-filter" (head effects)
// followed by the RLB high-pass, two biquads in direct form I, f64 throughout.
// Coefficients for any rate come from the analog prototypes recovered from the 48 kHz tables,
// bilinear transform with pre-warping — the derivation libebur128 (ebur128_init_filter), the
// Rust ebur128 crate (filter.rs) and ffmpeg (config_audio_in) share; at 48 kHz it reproduces
// Tables 1–2 to ~1e-13 (docs/metering.md §4).

import { arenaAlloc } from "./arena";
import { MAX_CHANNELS, MAX_FRAMES } from "./layout";

// Shelf prototype (docs/metering.md §4).
const SHELF_F0_HZ: f64 = 1681.974450955533;
const SHELF_GAIN_DB: f64 = 3.999843853973347;
const SHELF_Q: f64 = 0.7071752369554196;
const SHELF_VB_EXPONENT: f64 = 0.4996667741545416;
// RLB high-pass prototype.
const HIGHPASS_F0_HZ: f64 = 38.13547087602444;
const HIGHPASS_Q: f64 = 0.5003270373238773;

/** Below this magnitude a decaying filter state is set to 0 (keeps the CPU off subnormals). */
const STATE_FLUSH: f64 = 1e-30;
const STATE_SLOTS: i32 = 6; // x1 x2 (input), m1 m2 (between stages), y1 y2 (output), f64x2 each
const CHANNEL_STRIDE_BYTES: usize = (<usize>MAX_FRAMES) << 2;

// @ts-ignore: decorator
@unmanaged
export class KWeighting {
  // stage 1 (shelf), normalised a0 = 1
  sb0: f64;
  sb1: f64;
  sb2: f64;
  sa1: f64;
  sa2: f64;
  // stage 2 (high-pass), b = [1, −2, 1] exactly as Table 2
  ha1: f64;
  ha2: f64;
  state: usize; // STATE_SLOTS f64x2 per channel pair
  channels: i32;

  static create(sampleRate: f64, channels: i32): KWeighting {
    const filter = changetype<KWeighting>(arenaAlloc(offsetof<KWeighting>()));
    filter.channels = channels;
    filter.state = arenaAlloc((<usize>(MAX_CHANNELS * STATE_SLOTS)) << 3);

    let k = Math.tan((Math.PI * SHELF_F0_HZ) / sampleRate);
    const vh = 10.0 ** (SHELF_GAIN_DB / 20.0);
    const vb = vh ** SHELF_VB_EXPONENT;
    let a0 = 1.0 + k / SHELF_Q + k * k;
    filter.sb0 = (vh + (vb * k) / SHELF_Q + k * k) / a0;
    filter.sb1 = (2.0 * (k * k - vh)) / a0;
    filter.sb2 = (vh - (vb * k) / SHELF_Q + k * k) / a0;
    filter.sa1 = (2.0 * (k * k - 1.0)) / a0;
    filter.sa2 = (1.0 - k / SHELF_Q + k * k) / a0;

    k = Math.tan((Math.PI * HIGHPASS_F0_HZ) / sampleRate);
    a0 = 1.0 + k / HIGHPASS_Q + k * k;
    filter.ha1 = (2.0 * (k * k - 1.0)) / a0;
    filter.ha2 = (1.0 - k / HIGHPASS_Q + k * k) / a0;
    return filter;
  }

  reset(): void {
    memory.fill(this.state, 0, (<usize>(MAX_CHANNELS * STATE_SLOTS)) << 3);
  }

  /**
   * Filters frames [start, start + count) of channels 2·pair and 2·pair + 1 of the planar block
   * (one per f64x2 lane: the recursion is latency-bound, so a pair costs what one channel did) and
   * adds each output's y² to the lane sums at `sums` frame by frame, so the totals do not depend
   * on where blocks were split. A missing odd channel reads a zero scratch row.
   */
  sumSquaresPair(block: usize, pair: i32, start: i32, count: i32, sums: usize): void {
    if (!ASC_FEATURE_SIMD) {
      // The scalar build (wasm2c, native plugins): each lane alone, with the same operations in
      // the same order, so both builds give identical bits.
      this.sumSquaresLane(block, pair, 0, start, count, sums);
      this.sumSquaresLane(block, pair, 1, start, count, sums);
      return;
    }
    const state = this.state + ((<usize>(pair * STATE_SLOTS)) << 4);
    let x1 = v128.load(state),
      x2 = v128.load(state, 16);
    let m1 = v128.load(state, 32),
      m2 = v128.load(state, 48);
    let y1 = v128.load(state, 64),
      y2 = v128.load(state, 80);
    const sb0 = f64x2.splat(this.sb0),
      sb1 = f64x2.splat(this.sb1),
      sb2 = f64x2.splat(this.sb2);
    const sa1 = f64x2.splat(this.sa1),
      sa2 = f64x2.splat(this.sa2);
    const ha1 = f64x2.splat(this.ha1),
      ha2 = f64x2.splat(this.ha2),
      two = f64x2.splat(2.0);
    let sum = v128.load(sums);
    const left = block + <usize>(pair << 1) * CHANNEL_STRIDE_BYTES;
    const right = left + CHANNEL_STRIDE_BYTES;
    for (let frame = start; frame < start + count; frame++) {
      const at = (<usize>frame) << 2;
      const x = f64x2.promote_low_f32x4(v128.load32_lane(right + at, v128.load32_zero(left + at), 1));
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
      sum = f64x2.add(sum, f64x2.mul(y, y));
    }
    v128.store(sums, sum);
    v128.store(state, x1);
    v128.store(state, x2, 16);
    v128.store(state, m1, 32);
    v128.store(state, m2, 48);
    v128.store(state, y1, 64);
    v128.store(state, y2, 80);
  }

  /** sumSquaresPair's work for one lane (channel 2·pair + lane), in scalar f64. */
  private sumSquaresLane(block: usize, pair: i32, lane: i32, start: i32, count: i32, sums: usize): void {
    const state = this.state + ((<usize>(pair * STATE_SLOTS)) << 4) + ((<usize>lane) << 3);
    const sum = sums + ((<usize>lane) << 3);
    const samples = block + <usize>((pair << 1) + lane) * CHANNEL_STRIDE_BYTES;
    let x1 = load<f64>(state),
      x2 = load<f64>(state, 16);
    let m1 = load<f64>(state, 32),
      m2 = load<f64>(state, 48);
    let y1 = load<f64>(state, 64),
      y2 = load<f64>(state, 80);
    const sb0 = this.sb0,
      sb1 = this.sb1,
      sb2 = this.sb2,
      sa1 = this.sa1,
      sa2 = this.sa2,
      ha1 = this.ha1,
      ha2 = this.ha2;
    let total = load<f64>(sum);
    for (let frame = start; frame < start + count; frame++) {
      const x = <f64>load<f32>(samples + ((<usize>frame) << 2));
      const m = sb0 * x + sb1 * x1 + sb2 * x2 - (sa1 * m1 + sa2 * m2);
      const y = m - 2.0 * m1 + m2 - (ha1 * y1 + ha2 * y2);
      x2 = x1;
      x1 = x;
      m2 = m1;
      m1 = m;
      y2 = y1;
      y1 = y;
      total += y * y;
    }
    store<f64>(sum, total);
    store<f64>(state, x1);
    store<f64>(state, x2, 16);
    store<f64>(state, m1, 32);
    store<f64>(state, m2, 48);
    store<f64>(state, y1, 64);
    store<f64>(state, y2, 80);
  }

  /**
   * Zeroes states that have decayed below STATE_FLUSH. Called on the sample clock (every
   * loudness quantum), never at block boundaries, so results stay independent of block size.
   */
  flushSubnormals(): void {
    for (let slot = 0; slot < MAX_CHANNELS * STATE_SLOTS; slot++) {
      const at = this.state + ((<usize>slot) << 3);
      if (Math.abs(load<f64>(at)) < STATE_FLUSH) store<f64>(at, 0.0);
    }
  }
}
