// K-weighting — ITU-R BS.1770-5 Annex 1, Tables 1–2: a high-shelf "pre-filter" (head effects)
// followed by the RLB high-pass, two biquads in direct form I, f64 throughout.
// Coefficients for any rate come from the analog prototypes recovered from the 48 kHz tables,
// bilinear transform with pre-warping — the derivation libebur128 (ebur128_init_filter), the
// Rust ebur128 crate (filter.rs) and ffmpeg (config_audio_in) share; at 48 kHz it reproduces
// Tables 1–2 to ~1e-13 (docs/metering.md §4). The filtering itself runs in sample-pass.ts, beside
// the other per-sample meters.

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
