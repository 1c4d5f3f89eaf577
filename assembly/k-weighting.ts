// K-weighting — ITU-R BS.1770-5 Annex 1, Tables 1–2: a high-shelf "pre-filter" (head effects)
// followed by the RLB high-pass, two biquads in direct form I, f64 throughout.
// Coefficients for any rate come from the analog prototypes recovered from the 48 kHz tables,
// bilinear transform with pre-warping — the derivation libebur128 (ebur128_init_filter), the
// Rust ebur128 crate (filter.rs) and ffmpeg (config_audio_in) share; at 48 kHz it reproduces
// Tables 1–2 to ~1e-13 (metering.md §4).

import { arenaAlloc } from "./arena";
import { MAX_CHANNELS, MAX_FRAMES } from "./layout";

// Shelf prototype (metering.md §4).
const SHELF_F0_HZ: f64 = 1681.974450955533;
const SHELF_GAIN_DB: f64 = 3.999843853973347;
const SHELF_Q: f64 = 0.7071752369554196;
const SHELF_VB_EXPONENT: f64 = 0.4996667741545416;
// RLB high-pass prototype.
const HIGHPASS_F0_HZ: f64 = 38.13547087602444;
const HIGHPASS_Q: f64 = 0.5003270373238773;

/** Below this magnitude a decaying filter state is set to 0 (keeps the CPU off subnormals). */
const STATE_FLUSH: f64 = 1e-30;
const STATE_SLOTS: i32 = 6;        // x1 x2 (input), m1 m2 (between stages), y1 y2 (output)
const CHANNEL_STRIDE_BYTES: usize = <usize>MAX_FRAMES << 2;

// @ts-ignore: decorator
@unmanaged export class KWeighting {
  // stage 1 (shelf), normalised a0 = 1
  sb0: f64; sb1: f64; sb2: f64; sa1: f64; sa2: f64;
  // stage 2 (high-pass), b = [1, −2, 1] exactly as Table 2
  ha1: f64; ha2: f64;
  state: usize;                 // STATE_SLOTS f64 per channel
  channels: i32;

  static create(sampleRate: f64, channels: i32): KWeighting {
    const filter = changetype<KWeighting>(arenaAlloc(offsetof<KWeighting>()));
    filter.channels = channels;
    filter.state = arenaAlloc(<usize>(MAX_CHANNELS * STATE_SLOTS) << 3);

    let k = Math.tan(Math.PI * SHELF_F0_HZ / sampleRate);
    const vh = Math.pow(10.0, SHELF_GAIN_DB / 20.0);
    const vb = Math.pow(vh, SHELF_VB_EXPONENT);
    let a0 = 1.0 + k / SHELF_Q + k * k;
    filter.sb0 = (vh + vb * k / SHELF_Q + k * k) / a0;
    filter.sb1 = 2.0 * (k * k - vh) / a0;
    filter.sb2 = (vh - vb * k / SHELF_Q + k * k) / a0;
    filter.sa1 = 2.0 * (k * k - 1.0) / a0;
    filter.sa2 = (1.0 - k / SHELF_Q + k * k) / a0;

    k = Math.tan(Math.PI * HIGHPASS_F0_HZ / sampleRate);
    a0 = 1.0 + k / HIGHPASS_Q + k * k;
    filter.ha1 = 2.0 * (k * k - 1.0) / a0;
    filter.ha2 = (1.0 - k / HIGHPASS_Q + k * k) / a0;
    return filter;
  }

  reset(): void {
    memory.fill(this.state, 0, <usize>(MAX_CHANNELS * STATE_SLOTS) << 3);
  }

  /**
   * Filters frames [start, start + count) of channel `channel` of the planar block and returns
   * `sum` + Σ y² of the K-weighted output, added frame by frame so the total does not depend on
   * where blocks were split (the caller applies the BS.1770 channel weight).
   */
  sumSquares(block: usize, channel: i32, start: i32, count: i32, sum: f64): f64 {
    const state = this.state + (<usize>(channel * STATE_SLOTS) << 3);
    let x1 = load<f64>(state), x2 = load<f64>(state, 8);
    let m1 = load<f64>(state, 16), m2 = load<f64>(state, 24);
    let y1 = load<f64>(state, 32), y2 = load<f64>(state, 40);
    const sb0 = this.sb0, sb1 = this.sb1, sb2 = this.sb2, sa1 = this.sa1, sa2 = this.sa2;
    const ha1 = this.ha1, ha2 = this.ha2;
    const samples = block + <usize>channel * CHANNEL_STRIDE_BYTES;
    for (let frame = start; frame < start + count; frame++) {
      const x = <f64>load<f32>(samples + (<usize>frame << 2));
      const m = sb0 * x + sb1 * x1 + sb2 * x2 - sa1 * m1 - sa2 * m2;
      const y = m - 2.0 * m1 + m2 - ha1 * y1 - ha2 * y2;
      x2 = x1; x1 = x;
      m2 = m1; m1 = m;
      y2 = y1; y1 = y;
      sum += y * y;
    }
    store<f64>(state, x1); store<f64>(state, x2, 8);
    store<f64>(state, m1, 16); store<f64>(state, m2, 24);
    store<f64>(state, y1, 32); store<f64>(state, y2, 40);
    return sum;
  }

  /**
   * Zeroes states that have decayed below STATE_FLUSH. Called on the sample clock (every
   * loudness quantum), never at block boundaries, so results stay independent of block size.
   */
  flushSubnormals(): void {
    for (let slot = 0; slot < this.channels * STATE_SLOTS; slot++) {
      const at = this.state + (<usize>slot << 3);
      if (Math.abs(load<f64>(at)) < STATE_FLUSH) store<f64>(at, 0.0);
    }
  }
}
