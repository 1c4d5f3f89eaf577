// VU meter — IEC 60268-17 / ANSI C16.5 "standard volume indicator" ballistics: full-wave
// average-responding, 99 % of reference deflection in 300 ms with 1–1.5 % overshoot, same return
// time (docs/metering.md §8). Digital model after Fons Adriaensen's vumeterdsp.cc (x42 meters),
// per sample: a rectifier feeding a 2nd-order low-pass
//   z1 += w·(|x| − z2/2 − z1);  z2 += w·(z1 − z2);  w = 11.1/fs
// whose continuous form W²/(s² + 2Ws + 1.5W²) reaches 99 % in 301 ms with 1.18 % overshoot.
// Evaluated as z1 = (1 − w)·z1 + (w·|x| − (w/2)·z2), z2 = (1 − w)·z2 + w·z1 (the same recursion,
// a shorter dependency chain): step() for one channel, stepLanes() for a pair in f64x2 lanes,
// run by sample-pass.ts beside the other per-sample meters.
// reading = 1.5·(π/2)·z2 is sine-calibrated (a steady sine reads its peak amplitude), and
// VU = 20·log10(reading) − reference, with 0 VU = a −18 dBFS sine by default (EBU R68 alignment).

import { arenaAlloc } from "./arena";
import { MAX_CHANNELS, C_VU, C_VU_MAX, C_VU_MAX_SINCE_RESET } from "./layout";
import { writeLevel } from "./readout";
import { amplitudeToDb } from "./units";

const BALLISTICS_W_PER_SECOND: f64 = 11.1;
/** 1.5 undoes the filter's DC gain of 1/1.5; π/2 turns a rectified sine's mean into its peak. */
const SINE_CALIBRATION: f64 = (1.5 * Math.PI) / 2.0;
const STATE_FLUSH: f64 = 1e-30;

/** A channel pair's state, byte offsets of its f64x2 slots (lane 0 the even channel). */
export const VU_Z1: usize = 0;
export const VU_Z2: usize = 16;
const PAIR_STATE_BYTES: usize = 32;

// @ts-ignore: decorator
@unmanaged
export class Vu {
  w: f64;
  state: usize; // per channel pair: z1 (f64x2), z2 (f64x2)
  maxSinceRead: usize; // f64 per channel, linear reading
  maxSinceReset: usize;
  /** Σ of the louder channel's reading at each quantum since reset, and their number (a window's mean VU: since-mark.ts). */
  readingSum: f64;
  readings: f64;
  channels: i32;

  static create(sampleRate: f64, channels: i32): Vu {
    const meter = changetype<Vu>(arenaAlloc(offsetof<Vu>()));
    meter.w = BALLISTICS_W_PER_SECOND / sampleRate;
    meter.channels = channels;
    meter.state = arenaAlloc((<usize>MAX_CHANNELS >> 1) * PAIR_STATE_BYTES);
    meter.maxSinceRead = arenaAlloc((<usize>MAX_CHANNELS) << 3);
    meter.maxSinceReset = arenaAlloc((<usize>MAX_CHANNELS) << 3);
    return meter;
  }

  reset(): void {
    memory.fill(this.state, 0, (<usize>MAX_CHANNELS >> 1) * PAIR_STATE_BYTES);
    memory.fill(this.maxSinceRead, 0, (<usize>MAX_CHANNELS) << 3);
    memory.fill(this.maxSinceReset, 0, (<usize>MAX_CHANNELS) << 3);
    this.readingSum = 0;
    this.readings = 0;
  }

  /** Address of channel pair `pair`'s state (VU_* offsets). */
  // @ts-ignore: decorator
  @inline pairState(pair: i32): usize {
    return this.state + <usize>pair * PAIR_STATE_BYTES;
  }

  /**
   * One sample of one channel: the rectifier's output |x| into the two integrators, with
   * keep = 1 − w and halfW = w/2 precomputed by the caller. Returns the new z1; z2 follows from
   * z2Step() with that z1.
   */
  // @ts-ignore: decorator
  @inline static z1Step(z1: f64, z2: f64, magnitude: f64, w: f64, halfW: f64, keep: f64): f64 {
    return keep * z1 + (w * magnitude - halfW * z2);
  }

  // @ts-ignore: decorator
  @inline static z2Step(z2: f64, z1: f64, w: f64, keep: f64): f64 {
    return keep * z2 + w * z1;
  }

  /** Stores a channel pair's state (after a pass) at `at` (pairState). */
  // @ts-ignore: decorator
  @inline static storeLanes(at: usize, z1: v128, z2: v128): void {
    v128.store(at, z1, VU_Z1);
    v128.store(at, z2, VU_Z2);
  }

  /** z1Step() for two channels at once (f64x2 lanes). */
  // @ts-ignore: decorator
  @inline static z1Lanes(z1: v128, z2: v128, magnitude: v128, w: v128, halfW: v128, keep: v128): v128 {
    return f64x2.add(f64x2.mul(keep, z1), f64x2.sub(f64x2.mul(w, magnitude), f64x2.mul(halfW, z2)));
  }

  /** z2Step() for two channels at once. */
  // @ts-ignore: decorator
  @inline static z2Lanes(z2: v128, z1: v128, w: v128, keep: v128): v128 {
    return f64x2.add(f64x2.mul(keep, z2), f64x2.mul(w, z1));
  }

  /** Sample-clock point (every loudness quantum): track maxima, flush decayed states. */
  endQuantum(): void {
    let louder: f64 = 0;
    for (let channel = 0; channel < this.channels; channel++) {
      const value = this.reading(channel);
      const at = (<usize>channel) << 3;
      store<f64>(this.maxSinceRead + at, max(load<f64>(this.maxSinceRead + at), value));
      store<f64>(this.maxSinceReset + at, max(load<f64>(this.maxSinceReset + at), value));
      louder = max(louder, value);
    }
    this.readingSum += louder;
    this.readings += 1;
    for (let slot = 0; slot < MAX_CHANNELS * 2; slot++) {
      const at = this.state + ((<usize>slot) << 3);
      if (Math.abs(load<f64>(at)) < STATE_FLUSH) store<f64>(at, 0.0);
    }
  }

  /** Sine-calibrated reading (a steady sine reads its peak amplitude), never negative. */
  reading(channel: i32): f64 {
    const z2 = this.pairState(channel >> 1) + VU_Z2 + ((<usize>(channel & 1)) << 3);
    return max(0.0, SINE_CALIBRATION * load<f64>(z2));
  }

  /**
   * Writes its fields of the tap block at `block` in VU (0 VU = a sine of peak `referenceDbfs`):
   * the reading now, the largest since the last read and since reset (the current one included);
   * starts the next "since read" interval.
   */
  read(block: usize, referenceDbfs: f64): void {
    for (let channel = 0; channel < this.channels; channel++) {
      const at = (<usize>channel) << 3;
      const now = this.reading(channel);
      writeLevel(block, channel, C_VU, amplitudeToDb(now) - referenceDbfs);
      writeLevel(block, channel, C_VU_MAX, amplitudeToDb(max(load<f64>(this.maxSinceRead + at), now)) - referenceDbfs);
      writeLevel(
        block,
        channel,
        C_VU_MAX_SINCE_RESET,
        amplitudeToDb(max(load<f64>(this.maxSinceReset + at), now)) - referenceDbfs,
      );
      store<f64>(this.maxSinceRead + at, 0);
    }
  }
}
