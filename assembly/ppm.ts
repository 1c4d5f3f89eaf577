// Quasi-peak programme meter — IEC 60268-10 Type I (DIN 45406, Nordic) and Type II (BBC, EBU)
// (docs/metering.md §13). A quasi-PPM reads a tone burst's full level only if the burst outlasts
// its integration time (the burst that reads 2 dB low: 5 ms Type I, 10 ms Type II, §3.10) and
// falls back at a fixed rate in dB (Type I 20 dB in 1.5 s DIN / 1.7 s Nordic, Type II 24 dB in
// 2.8 s: the standards' return times, declared in host/declaration/ppm-standards.ts).
//
// Model (after Fons Adriaensen's digital PPMs for x42/Ardour: two parallel rectifying
// integrators, summed — one integrator cannot meet the whole burst table): per sample and channel
//   z_k ← max(z_k·d, z_k·d·(1 − a_k) + a_k·|x|)      (decay; charge only when |x| is above)
//   reading = g·(z_1 + z_2)
// with d = exp(−return rate / fs). The charge rates a_k·fs are ours, fitted at 48 kHz to the
// tone-burst tables (tests/kernel/ppm.test.ts) and sample-rate independent; g makes a steady
// 1 kHz sine read its peak amplitude (sine calibration, like VU) and is measured at create for
// the sample rate in use, not tabled. Max-based charging is branch-free, and its loop-carried
// chain is one mul, one add and a max: charge() for one channel, chargeLanes() for a pair in
// f64x2 lanes, run by sample-pass.ts beside the other per-sample meters.

import { arenaAlloc } from "./arena";
import {
  MAX_CHANNELS,
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
/** A channel pair's state, byte offsets of its f64x2 slots (lane 0 the even channel). */
export const PPM_Z1: usize = 0;
export const PPM_Z2: usize = 16;
export const PPM_MAX_SINCE_READ: usize = 32;
const PAIR_STATE_BYTES: usize = 48;

// The calibration (f64 per standard) depends only on the sample rate: set-up measures it once
// for both taps, and every meter reads it here (set-up at a new rate recreates every meter).
const calibratedGains: usize = memory.data((<i32>PPM_STANDARD_COUNT) << 3, 8);
let calibratedRate: f64 = 0;

// @ts-ignore: decorator
@unmanaged
export class Ppm {
  sampleRate: f64;
  fast: f64; // per-sample charge coefficients of the standard in force
  slow: f64;
  decay: f64;
  gain: f64;
  state: usize; // per channel pair: z1, z2, max since read (f64x2 each)
  maxSinceReset: usize; // f64 per channel, raw (before gain)
  channels: i32;

  static create(sampleRate: f64, channels: i32): Ppm {
    const meter = changetype<Ppm>(arenaAlloc(offsetof<Ppm>()));
    meter.sampleRate = sampleRate;
    meter.channels = channels;
    meter.state = arenaAlloc((<usize>MAX_CHANNELS >> 1) * PAIR_STATE_BYTES);
    meter.maxSinceReset = arenaAlloc((<usize>MAX_CHANNELS) << 3);
    if (calibratedRate != sampleRate) {
      for (let standard = 0; standard < PPM_STANDARD_COUNT; standard++) {
        meter.configure(standard);
        store<f64>(calibratedGains + ((<usize>standard) << 3), 1.0 / meter.steadySineSum());
      }
      calibratedRate = sampleRate;
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
    this.gain = load<f64>(calibratedGains + ((<usize>standard) << 3));
  }

  reset(): void {
    memory.fill(this.state, 0, (<usize>MAX_CHANNELS >> 1) * PAIR_STATE_BYTES);
    memory.fill(this.maxSinceReset, 0, (<usize>MAX_CHANNELS) << 3);
  }

  /** Address of channel pair `pair`'s state (PPM_* offsets). */
  // @ts-ignore: decorator
  @inline pairState(pair: i32): usize {
    return this.state + <usize>pair * PAIR_STATE_BYTES;
  }

  /** One integrator z of one channel after a sample of magnitude |x|: decays, charges at `rate` only when |x| is above. */
  // @ts-ignore: decorator
  @inline static charge(z: f64, magnitude: f64, rate: f64, decay: f64): f64 {
    const decayed = z * decay;
    return max(decayed, decayed + rate * (magnitude - decayed));
  }

  /** Stores a channel pair's state (after a pass) at `at` (pairState). */
  // @ts-ignore: decorator
  @inline static storeLanes(at: usize, z1: v128, z2: v128, peak: v128): void {
    v128.store(at, z1, PPM_Z1);
    v128.store(at, z2, PPM_Z2);
    v128.store(at, peak, PPM_MAX_SINCE_READ);
  }

  /**
   * charge() for two channels at once (f64x2 lanes). pmax (one maxpd) equals max here: the
   * integrators are never NaN or −0 (sanitized input, non-negative coefficients), and max's
   * NaN/±0 handling costs V8 a long instruction sequence.
   */
  // @ts-ignore: decorator
  @inline static chargeLanes(z: v128, magnitude: v128, rate: v128, decay: v128): v128 {
    const decayed = f64x2.mul(z, decay);
    return f64x2.pmax(decayed, f64x2.add(decayed, f64x2.mul(rate, f64x2.sub(magnitude, decayed))));
  }

  /** Sample-clock point (every loudness quantum): flush decayed states so they never go denormal. */
  endQuantum(): void {
    for (let channel = 0; channel < this.channels; channel++) {
      const state = this.pairState(channel >> 1) + ((<usize>(channel & 1)) << 3);
      if (load<f64>(state, PPM_Z1) < STATE_FLUSH) store<f64>(state, 0.0, PPM_Z1);
      if (load<f64>(state, PPM_Z2) < STATE_FLUSH) store<f64>(state, 0.0, PPM_Z2);
    }
  }

  /**
   * Writes its fields of the tap block at `block` in dBFS of the sine that reads the same: the
   * reading now, the highest since the last read and since reset; starts the next "since read".
   */
  read(block: usize): void {
    for (let channel = 0; channel < this.channels; channel++) {
      const state = this.pairState(channel >> 1) + ((<usize>(channel & 1)) << 3);
      const now = load<f64>(state, PPM_Z1) + load<f64>(state, PPM_Z2);
      const sinceRead = max(load<f64>(state, PPM_MAX_SINCE_READ), now);
      const at = this.maxSinceReset + ((<usize>channel) << 3);
      const sinceReset = max(load<f64>(at), sinceRead);
      store<f64>(at, sinceReset);
      store<f64>(state, 0.0, PPM_MAX_SINCE_READ);
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
      z1 = Ppm.charge(z1, x, this.fast, this.decay);
      z2 = Ppm.charge(z2, x, this.slow, this.decay);
      peak = max(peak, z1 + z2);
    }
    return peak;
  }
}
