// Sample peak and clip count — ITU-R BS.1770-5 Annex 2, Attachment 1 ("peak-sample meter"):
// SP = max |x[n]| per channel. A clip is a sample at or beyond digital full scale (|x| >= 1.0).
// Hold and release are presentation (metering.md §2), left to the display.

import { arenaAlloc } from "./arena";
import { MAX_CHANNELS, MAX_FRAMES } from "./layout";

const FULL_SCALE: f32 = 1.0;
const CHANNEL_STRIDE_BYTES: usize = <usize>MAX_FRAMES << 2;

// @ts-ignore: decorator
@unmanaged export class SamplePeak {
  peakSinceRead: usize;    // f64 per channel, linear
  peakSinceReset: usize;   // f64 per channel, linear
  clipCount: usize;        // f64 per channel
  channels: i32;

  static create(channels: i32): SamplePeak {
    const meter = changetype<SamplePeak>(arenaAlloc(offsetof<SamplePeak>()));
    const bytes = <usize>MAX_CHANNELS << 3;
    meter.peakSinceRead = arenaAlloc(bytes);
    meter.peakSinceReset = arenaAlloc(bytes);
    meter.clipCount = arenaAlloc(bytes);
    meter.channels = channels;
    return meter;
  }

  reset(): void {
    const bytes = <usize>MAX_CHANNELS << 3;
    memory.fill(this.peakSinceRead, 0, bytes);
    memory.fill(this.peakSinceReset, 0, bytes);
    memory.fill(this.clipCount, 0, bytes);
  }

  /** Meters frames [0, count) of the sanitized planar block at `block`. */
  process(block: usize, count: i32): void {
    const fullScale = f32x4.splat(FULL_SCALE);
    for (let channel = 0; channel < this.channels; channel++) {
      const samples = block + <usize>channel * CHANNEL_STRIDE_BYTES;
      let peakLanes = f32x4.splat(0);
      let clipLanes = i32x4.splat(0);
      let frame = 0;
      for (; frame + 4 <= count; frame += 4) {
        const magnitude = f32x4.abs(v128.load(samples + (<usize>frame << 2)));
        peakLanes = f32x4.max(peakLanes, magnitude);
        clipLanes = i32x4.sub(clipLanes, f32x4.ge(magnitude, fullScale));
      }
      let peak = max(max(f32x4.extract_lane(peakLanes, 0), f32x4.extract_lane(peakLanes, 1)),
        max(f32x4.extract_lane(peakLanes, 2), f32x4.extract_lane(peakLanes, 3)));
      let clips = i32x4.extract_lane(clipLanes, 0) + i32x4.extract_lane(clipLanes, 1)
        + i32x4.extract_lane(clipLanes, 2) + i32x4.extract_lane(clipLanes, 3);
      for (; frame < count; frame++) {
        const magnitude = Mathf.abs(load<f32>(samples + (<usize>frame << 2)));
        peak = max(peak, magnitude);
        if (magnitude >= FULL_SCALE) clips++;
      }
      const at = <usize>channel << 3;
      store<f64>(this.peakSinceRead + at, max(load<f64>(this.peakSinceRead + at), <f64>peak));
      store<f64>(this.peakSinceReset + at, max(load<f64>(this.peakSinceReset + at), <f64>peak));
      store<f64>(this.clipCount + at, load<f64>(this.clipCount + at) + <f64>clips);
    }
  }
}
