// K-weighting — ITU-R BS.1770-5 Annex 1, Tables 1–2: a high-shelf "pre-filter" (head effects)
// followed by the RLB high-pass, two biquads in direct form I, f64 throughout.
// Coefficients for any rate come from the analog prototypes recovered from the 48 kHz tables,
// bilinear transform with pre-warping — the derivation libebur128 (ebur128_init_filter), the
// Rust ebur128 crate (filter.rs) and ffmpeg (config_audio_in) share; at 48 kHz it reproduces
// Tables 1–2 to ~1e-13 (docs/metering.md §4). The per-sample step is here (shelf, highPass, for
// one channel or a lane pair); sample-pass.ts runs it beside the other per-sample meters.

import { arenaAlloc } from "./arena";
import { MAX_CHANNELS } from "./layout";

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

/** A channel pair's state, byte offsets of its f64x2 slots (lane 0 the even channel, 8 bytes on the odd). */
export const K_X1: usize = 0;
export const K_X2: usize = 16;
export const K_M1: usize = 32;
export const K_M2: usize = 48;
export const K_Y1: usize = 64;
export const K_Y2: usize = 80;
const PAIR_STATE_BYTES: usize = (<usize>STATE_SLOTS) << 4;

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

  /** Address of channel pair `pair`'s state (K_* offsets). */
  // @ts-ignore: decorator
  @inline pairState(pair: i32): usize {
    return this.state + <usize>pair * PAIR_STATE_BYTES;
  }

  /**
   * Stage 1 (shelf) of one sample x of one channel, with its inputs x1 x2 and outputs m1 m2 before
   * it: the shelf's output m. Feed-forward terms first, feedback last: the loop-carried chain is
   * one mul and two adds.
   */
  // @ts-ignore: decorator
  @inline shelf(x: f64, x1: f64, x2: f64, m1: f64, m2: f64): f64 {
    return this.sb0 * x + this.sb1 * x1 + this.sb2 * x2 - (this.sa1 * m1 + this.sa2 * m2);
  }

  /** Stage 2 (RLB high-pass, b = [1, −2, 1]) of the shelf's output m: the K-weighted sample y. */
  // @ts-ignore: decorator
  @inline highPass(m: f64, m1: f64, m2: f64, y1: f64, y2: f64): f64 {
    return m - 2.0 * m1 + m2 - (this.ha1 * y1 + this.ha2 * y2);
  }

  /** Stores a channel pair's state (after a pass) at `at` (pairState). */
  // @ts-ignore: decorator
  @inline static storeLanes(at: usize, x1: v128, x2: v128, m1: v128, m2: v128, y1: v128, y2: v128): void {
    v128.store(at, x1, K_X1);
    v128.store(at, x2, K_X2);
    v128.store(at, m1, K_M1);
    v128.store(at, m2, K_M2);
    v128.store(at, y1, K_Y1);
    v128.store(at, y2, K_Y2);
  }

  /** shelf() for two channels at once (f64x2 lanes), the coefficients splatted by the caller. */
  // @ts-ignore: decorator
  @inline static shelfLanes(
    x: v128,
    x1: v128,
    x2: v128,
    m1: v128,
    m2: v128,
    b0: v128,
    b1: v128,
    b2: v128,
    a1: v128,
    a2: v128,
  ): v128 {
    return f64x2.sub(
      f64x2.add(f64x2.add(f64x2.mul(b0, x), f64x2.mul(b1, x1)), f64x2.mul(b2, x2)),
      f64x2.add(f64x2.mul(a1, m1), f64x2.mul(a2, m2)),
    );
  }

  /** highPass() for two channels at once; `two` is 2.0 splatted. */
  // @ts-ignore: decorator
  @inline static highPassLanes(m: v128, m1: v128, m2: v128, y1: v128, y2: v128, a1: v128, a2: v128, two: v128): v128 {
    return f64x2.sub(f64x2.add(f64x2.sub(m, f64x2.mul(two, m1)), m2), f64x2.add(f64x2.mul(a1, y1), f64x2.mul(a2, y2)));
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
