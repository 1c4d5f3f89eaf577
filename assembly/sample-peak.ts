// Sample peak and clip count — ITU-R BS.1770-5 Annex 2, Attachment 1 ("peak-sample meter"):
// SP = max |x[n]| per channel. A clip is a sample at the format's full scale or past it
// (docs/metering.md §2): for a float signal |x| >= 1.0; for a signal read from an integer file
// of b bits, the largest code (2^(b−1) − 1)/2^(b−1) or the smallest, −1 — the positive full
// scale of an integer format is one step short of 1.0, so |x| >= 1.0 would never count it.
// Hold and release are presentation, left to the display.

import { arenaAlloc } from "./arena";
import { MAX_CHANNELS, MAX_FRAMES, C_SAMPLE_PEAK_DBFS, C_SAMPLE_PEAK_MAX_DBFS, C_CLIP_COUNT } from "./layout";
import { writeCount, writeLevel } from "./readout";
import { amplitudeToDb } from "./units";

const FULL_SCALE: f32 = 1.0;
/** Largest integer depth whose top code differs from 1.0 in f32 (2^-24 is f32's step below 1). */
const MAX_DISTINCT_BITS: i32 = 24;
const CHANNEL_STRIDE_BYTES: usize = (<usize>MAX_FRAMES) << 2;

// @ts-ignore: decorator
@unmanaged
export class SamplePeak {
  peakSinceRead: usize; // f64 per channel, linear
  peakSinceReset: usize; // f64 per channel, linear
  clipCount: usize; // f64 per channel
  /** Largest over channels since the last takeSinceEvent(), linear (windows since a mark: since-mark.ts). */
  sinceEvent: f64;
  channels: i32;
  clipHigh: f32; // a sample at or above this is clipped …
  clipLow: f32; // … and at or below this

  static create(channels: i32): SamplePeak {
    const meter = changetype<SamplePeak>(arenaAlloc(offsetof<SamplePeak>()));
    const bytes = (<usize>MAX_CHANNELS) << 3;
    meter.peakSinceRead = arenaAlloc(bytes);
    meter.peakSinceReset = arenaAlloc(bytes);
    meter.clipCount = arenaAlloc(bytes);
    meter.channels = channels;
    meter.setClipRule(0);
    return meter;
  }

  /**
   * Which samples count as clipped: `integerBits` = 0 for a float signal (|x| >= 1), else the
   * depth of the integer format the signal was read from (2 … 32).
   */
  setClipRule(integerBits: i32): void {
    this.clipLow = -FULL_SCALE;
    this.clipHigh =
      integerBits > 0 && integerBits <= MAX_DISTINCT_BITS ? <f32>(1.0 - 2.0 ** <f64>(1 - integerBits)) : FULL_SCALE;
  }

  reset(): void {
    const bytes = (<usize>MAX_CHANNELS) << 3;
    memory.fill(this.peakSinceRead, 0, bytes);
    memory.fill(this.peakSinceReset, 0, bytes);
    memory.fill(this.clipCount, 0, bytes);
    this.sinceEvent = 0;
  }

  /** The largest sample over channels since the last call (linear); starts the next interval. */
  takeSinceEvent(): f64 {
    const peak = this.sinceEvent;
    this.sinceEvent = 0;
    return peak;
  }

  /** Writes its fields of the tap block at `block` (dBFS, clip counts) and starts the next "since read" interval. */
  read(block: usize): void {
    for (let channel = 0; channel < this.channels; channel++) {
      const at = (<usize>channel) << 3;
      writeLevel(block, channel, C_SAMPLE_PEAK_DBFS, amplitudeToDb(load<f64>(this.peakSinceRead + at)));
      writeLevel(block, channel, C_SAMPLE_PEAK_MAX_DBFS, amplitudeToDb(load<f64>(this.peakSinceReset + at)));
      writeCount(block, channel, C_CLIP_COUNT, load<f64>(this.clipCount + at));
      store<f64>(this.peakSinceRead + at, 0);
    }
  }

  /** Meters frames [0, count) of the sanitized planar block at `block`. */
  process(block: usize, count: i32): void {
    const clipHigh = this.clipHigh,
      clipLow = this.clipLow;
    for (let channel = 0; channel < this.channels; channel++) {
      const samples = block + <usize>channel * CHANNEL_STRIDE_BYTES;
      let peak: f32 = 0;
      let clips = 0;
      let frame = 0;
      // The scalar build (no SIMD: wasm2c, native plugins) runs the tail loop only; max and counts
      // do not depend on order, so both builds give identical readings.
      if (ASC_FEATURE_SIMD) {
        const high = f32x4.splat(clipHigh),
          low = f32x4.splat(clipLow);
        let peakLanes = f32x4.splat(0);
        let clipLanes = i32x4.splat(0);
        for (; frame + 4 <= count; frame += 4) {
          const x = v128.load(samples + ((<usize>frame) << 2));
          // pmax (one maxps) equals max for magnitudes of sanitized samples (never NaN, never −0).
          peakLanes = f32x4.pmax(peakLanes, f32x4.abs(x));
          clipLanes = i32x4.sub(clipLanes, v128.or(f32x4.ge(x, high), f32x4.le(x, low)));
        }
        peak = max(
          max(f32x4.extract_lane(peakLanes, 0), f32x4.extract_lane(peakLanes, 1)),
          max(f32x4.extract_lane(peakLanes, 2), f32x4.extract_lane(peakLanes, 3)),
        );
        clips =
          i32x4.extract_lane(clipLanes, 0) +
          i32x4.extract_lane(clipLanes, 1) +
          i32x4.extract_lane(clipLanes, 2) +
          i32x4.extract_lane(clipLanes, 3);
      }
      for (; frame < count; frame++) {
        const x = load<f32>(samples + ((<usize>frame) << 2));
        peak = max(peak, Mathf.abs(x));
        if (x >= clipHigh || x <= clipLow) clips++;
      }
      const at = (<usize>channel) << 3;
      store<f64>(this.peakSinceRead + at, max(load<f64>(this.peakSinceRead + at), <f64>peak));
      store<f64>(this.peakSinceReset + at, max(load<f64>(this.peakSinceReset + at), <f64>peak));
      store<f64>(this.clipCount + at, load<f64>(this.clipCount + at) + <f64>clips);
      this.sinceEvent = max(this.sinceEvent, <f64>peak);
    }
  }
}
