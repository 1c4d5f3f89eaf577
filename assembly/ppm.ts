// Quasi-peak programme meter — IEC 60268-10 Type I (DIN 45406, Nordic) and Type II (BBC, EBU)
// (docs/metering.md §13). A quasi-PPM reads a tone burst's full level only if the burst outlasts
// its integration time (the burst that reads 2 dB low: 5 ms Type I, 10 ms Type II, §3.10) and
// falls back at a fixed rate in dB (Type I 20 dB in 1.5 s DIN / 1.7 s Nordic, Type II 24 dB in
// 2.8 s: the standards' return times, declared in host/contract/ppm-standards.ts).
//
// Model (after Fons Adriaensen's digital PPMs for x42/Ardour: two parallel rectifying
// integrators, summed — one integrator cannot meet the whole burst table): per sample and channel
//   z_k ← z_k·d;   z_k ← max(z_k, z_k + a_k·(|x| − z_k))      (charge only when |x| is above)
//   reading = g·(z_1 + z_2)
// with d = exp(−return rate / fs). The charge rates a_k·fs are ours, fitted at 48 kHz to the
// tone-burst tables (tests/kernel/ppm.test.ts) and sample-rate independent; g makes a steady
// 1 kHz sine read its peak amplitude (sine calibration, like VU) and is measured at create for
// the sample rate in use, not tabled. Max-based charging is branch-free: two channels per f64x2.

import { arenaAlloc } from "./arena";
import {
  MAX_CHANNELS,
  MAX_FRAMES,
  C_PPM_DBFS,
  C_PPM_MAX_DBFS,
  C_PPM_MAX_SINCE_RESET_DBFS,
  PPM_STANDARD_COUNT,
  ppmIsTypeTwo,
  ppmReturnDbPerSecond,
} from "./layout";
import { writeLevel } from "./readout";
import { amplitudeToDb } from "./units";

/** Charge rates (1/s) of the fast and slow integrators: Type I meets 10 ms → −1 dB (DIN) and 5 ms → −2 dB. */
const TYPE_ONE_FAST_PER_SECOND: f64 = 1350;
const TYPE_ONE_SLOW_PER_SECOND: f64 = 450;
/** Type II meets 10 ms → −2, 5 ms → −4, 1.5 ms → −9 and 0.5 ms (10 kHz) → −17 dB. */
const TYPE_TWO_FAST_PER_SECOND: f64 = 815;
const TYPE_TWO_SLOW_PER_SECOND: f64 = 220;
/** The calibration tone: 1 kHz (IEC 60268-10's reference frequency), long enough to settle. */
const CALIBRATION_HZ: f64 = 1000;
const CALIBRATION_SECONDS: f64 = 0.25;
const NEPERS_PER_DB: f64 = Math.LN10 / 20.0;
const STATE_FLUSH: f64 = 1e-30;
const CHANNEL_STRIDE_BYTES: usize = (<usize>MAX_FRAMES) << 2;
const PAIR_STATE_BYTES: usize = 48; // z1, z2, max since read: f64x2 each

// @ts-ignore: decorator
@unmanaged
export class Ppm {
  sampleRate: f64;
  fast: f64; // per-sample charge coefficients of the standard in force
  slow: f64;
  decay: f64;
  gain: f64;
  gains: usize; // f64 per standard: the sine calibration at this sample rate
  state: usize; // per channel pair: z1, z2, max since read (f64x2 each)
  maxSinceReset: usize; // f64 per channel, raw (before gain)
  channels: i32;

  static create(sampleRate: f64, channels: i32): Ppm {
    const meter = changetype<Ppm>(arenaAlloc(offsetof<Ppm>()));
    meter.sampleRate = sampleRate;
    meter.channels = channels;
    meter.state = arenaAlloc((<usize>MAX_CHANNELS >> 1) * PAIR_STATE_BYTES);
    meter.maxSinceReset = arenaAlloc((<usize>MAX_CHANNELS) << 3);
    meter.gains = arenaAlloc((<usize>PPM_STANDARD_COUNT) << 3);
    for (let standard = 0; standard < PPM_STANDARD_COUNT; standard++) {
      meter.configure(standard);
      store<f64>(meter.gains + ((<usize>standard) << 3), 1.0 / meter.steadySineSum());
    }
    meter.configure(0);
    return meter;
  }

  /** Takes standard `standard`'s ballistics (PPM_* value); state is kept (Tap resets it). */
  configure(standard: i32): void {
    const two = ppmIsTypeTwo(standard);
    this.fast = (two ? TYPE_TWO_FAST_PER_SECOND : TYPE_ONE_FAST_PER_SECOND) / this.sampleRate;
    this.slow = (two ? TYPE_TWO_SLOW_PER_SECOND : TYPE_ONE_SLOW_PER_SECOND) / this.sampleRate;
    this.decay = Math.exp((-ppmReturnDbPerSecond(standard) * NEPERS_PER_DB) / this.sampleRate);
    this.gain = load<f64>(this.gains + ((<usize>standard) << 3));
  }

  reset(): void {
    memory.fill(this.state, 0, (<usize>MAX_CHANNELS >> 1) * PAIR_STATE_BYTES);
    memory.fill(this.maxSinceReset, 0, (<usize>MAX_CHANNELS) << 3);
  }

  /** Runs the ballistics over frames [start, start + count) of the planar block. */
  process(block: usize, start: i32, count: i32): void {
    if (!ASC_FEATURE_SIMD) {
      this.processScalar(block, start, count);
      return;
    }
    const fast = f64x2.splat(this.fast),
      slow = f64x2.splat(this.slow),
      decay = f64x2.splat(this.decay);
    for (let pair = 0; pair < (this.channels + 1) >> 1; pair++) {
      const state = this.state + <usize>pair * PAIR_STATE_BYTES;
      let z1 = v128.load(state),
        z2 = v128.load(state, 16),
        peak = v128.load(state, 32);
      // Channel 2·pair + 1 may not exist: its scratch row is all zeros and its lane is ignored.
      const left = block + <usize>(pair << 1) * CHANNEL_STRIDE_BYTES;
      const right = left + CHANNEL_STRIDE_BYTES;
      for (let frame = start; frame < start + count; frame++) {
        const at = (<usize>frame) << 2;
        const x = f64x2.abs(f64x2.promote_low_f32x4(v128.load32_lane(right + at, v128.load32_zero(left + at), 1)));
        z1 = f64x2.mul(z1, decay);
        z2 = f64x2.mul(z2, decay);
        z1 = f64x2.max(z1, f64x2.add(z1, f64x2.mul(fast, f64x2.sub(x, z1))));
        z2 = f64x2.max(z2, f64x2.add(z2, f64x2.mul(slow, f64x2.sub(x, z2))));
        peak = f64x2.max(peak, f64x2.add(z1, z2));
      }
      v128.store(state, z1);
      v128.store(state, z2, 16);
      v128.store(state, peak, 32);
    }
  }

  /** The scalar build's process(): each channel alone, the same operations in the same order (identical bits). */
  private processScalar(block: usize, start: i32, count: i32): void {
    const fast = this.fast,
      slow = this.slow,
      decay = this.decay;
    for (let channel = 0; channel < this.channels; channel++) {
      const state = this.state + <usize>(channel >> 1) * PAIR_STATE_BYTES + ((<usize>(channel & 1)) << 3);
      const samples = block + <usize>channel * CHANNEL_STRIDE_BYTES;
      let z1 = load<f64>(state),
        z2 = load<f64>(state, 16),
        peak = load<f64>(state, 32);
      for (let frame = start; frame < start + count; frame++) {
        const x = Math.abs(<f64>load<f32>(samples + ((<usize>frame) << 2)));
        z1 = z1 * decay;
        z2 = z2 * decay;
        z1 = max(z1, z1 + fast * (x - z1));
        z2 = max(z2, z2 + slow * (x - z2));
        peak = max(peak, z1 + z2);
      }
      store<f64>(state, z1);
      store<f64>(state, z2, 16);
      store<f64>(state, peak, 32);
    }
  }

  /** Sample-clock point (every loudness quantum): flush decayed states so they never go denormal. */
  endQuantum(): void {
    for (let channel = 0; channel < this.channels; channel++) {
      const state = this.state + <usize>(channel >> 1) * PAIR_STATE_BYTES + ((<usize>(channel & 1)) << 3);
      if (load<f64>(state) < STATE_FLUSH) store<f64>(state, 0.0);
      if (load<f64>(state, 16) < STATE_FLUSH) store<f64>(state, 0.0, 16);
    }
  }

  /**
   * Writes its fields of the tap block at `block` in dBFS of the sine that reads the same: the
   * reading now, the highest since the last read and since reset; starts the next "since read".
   */
  read(block: usize): void {
    for (let channel = 0; channel < this.channels; channel++) {
      const state = this.state + <usize>(channel >> 1) * PAIR_STATE_BYTES + ((<usize>(channel & 1)) << 3);
      const now = load<f64>(state) + load<f64>(state, 16);
      const sinceRead = max(load<f64>(state, 32), now);
      const at = this.maxSinceReset + ((<usize>channel) << 3);
      const sinceReset = max(load<f64>(at), sinceRead);
      store<f64>(at, sinceReset);
      store<f64>(state, 0.0, 32);
      writeLevel(block, channel, C_PPM_DBFS, amplitudeToDb(this.gain * now));
      writeLevel(block, channel, C_PPM_MAX_DBFS, amplitudeToDb(this.gain * sinceRead));
      writeLevel(block, channel, C_PPM_MAX_SINCE_RESET_DBFS, amplitudeToDb(this.gain * sinceReset));
    }
  }

  /** z1 + z2 at its highest for a steady full-scale 1 kHz sine (the calibration), from silence. */
  private steadySineSum(): f64 {
    const step = (2.0 * Math.PI * CALIBRATION_HZ) / this.sampleRate;
    const frames = <i32>(CALIBRATION_SECONDS * this.sampleRate);
    let z1: f64 = 0,
      z2: f64 = 0,
      peak: f64 = 0;
    for (let n = 0; n < frames; n++) {
      const x = Math.abs(Math.sin(step * <f64>n));
      z1 = z1 * this.decay;
      z2 = z2 * this.decay;
      z1 = max(z1, z1 + this.fast * (x - z1));
      z2 = max(z2, z2 + this.slow * (x - z2));
      peak = max(peak, z1 + z2);
    }
    return peak;
  }
}
