// The gain stage: input trim + output trim (one geometric ramp), per-channel polarity and bypass,
// every change smoothed per frame (no zipper noise, no click). Effective gain of channel c:
//   G_c = b + (1 − b) · g · p_c      b: bypass mix 0..1, g: trim gain, p_c: polarity −1..+1
// With everything settled at 0 dB, G_c = 1 exactly and output == input bit for bit.
// Non-finite results are written as 0, so the output is never NaN or Inf.

import { arenaAlloc } from "./arena";
import { MAX_CHANNELS, MAX_FRAMES, GAIN_SMOOTHING_MS } from "./layout";
import { Ramp } from "./ramp";
import { dbToGain, msToFrames } from "./units";

const FLT_MAX: f32 = 3.4028234663852886e38;
const CHANNEL_STRIDE_BYTES: usize = (<usize>MAX_FRAMES) << 2;

// @ts-ignore: decorator
@unmanaged
export class Trim {
  gain: Ramp;
  bypass: Ramp;
  polarity: usize; // MAX_CHANNELS Ramp pointers
  inputTrimDb: f64;
  outputTrimDb: f64;
  rampFrames: i32;
  channels: i32;

  static create(sampleRate: f64, channels: i32): Trim {
    const trim = changetype<Trim>(arenaAlloc(offsetof<Trim>()));
    trim.gain = Ramp.create(1.0, true);
    trim.bypass = Ramp.create(0.0, false);
    trim.polarity = arenaAlloc(<usize>MAX_CHANNELS * sizeof<usize>());
    for (let channel = 0; channel < MAX_CHANNELS; channel++) {
      store<usize>(trim.polarity + <usize>channel * sizeof<usize>(), changetype<usize>(Ramp.create(1.0, false)));
    }
    trim.rampFrames = max(1, msToFrames(GAIN_SMOOTHING_MS, sampleRate));
    trim.channels = channels;
    return trim;
  }

  // @ts-ignore: decorator
  @inline polarityRamp(channel: i32): Ramp {
    return changetype<Ramp>(load<usize>(this.polarity + <usize>channel * sizeof<usize>()));
  }

  setTrimDb(inputTrimDb: f64, outputTrimDb: f64, immediate: bool): void {
    this.inputTrimDb = inputTrimDb;
    this.outputTrimDb = outputTrimDb;
    const target = dbToGain(inputTrimDb + outputTrimDb);
    if (immediate) this.gain.jumpTo(target);
    else this.gain.moveTo(target, this.rampFrames);
  }

  setBypass(on: bool, immediate: bool): void {
    const target: f64 = on ? 1.0 : 0.0;
    if (immediate) this.bypass.jumpTo(target);
    else this.bypass.moveTo(target, this.rampFrames);
  }

  setPolarity(channel: i32, inverted: bool, immediate: bool): void {
    const target: f64 = inverted ? -1.0 : 1.0;
    const ramp = this.polarityRamp(channel);
    if (immediate) ramp.jumpTo(target);
    else ramp.moveTo(target, this.rampFrames);
  }

  /** Lands every ramp on its target (reset, or parameters restored before audio runs). */
  settle(): void {
    this.gain.jumpTo(this.gain.target);
    this.bypass.jumpTo(this.bypass.target);
    for (let channel = 0; channel < MAX_CHANNELS; channel++) {
      const ramp = this.polarityRamp(channel);
      ramp.jumpTo(ramp.target);
    }
  }

  /** Frames until every ramp has landed (0 when settled). */
  framesUntilSettled(): i32 {
    let frames = max(this.gain.framesLeft, this.bypass.framesLeft);
    for (let channel = 0; channel < this.channels; channel++) {
      frames = max(frames, this.polarityRamp(channel).framesLeft);
    }
    return frames;
  }

  /** Applies the gain to frames [start, start + count) of planar f32 buffers `input` → `output`. */
  process(input: usize, output: usize, start: i32, count: i32): void {
    let frame = start;
    const end = start + count;
    const rampCount = min(this.framesUntilSettled(), count);
    if (rampCount > 0) {
      this.processRamping(input, output, frame, rampCount);
      frame += rampCount;
    }
    if (frame < end) this.processSettled(input, output, frame, end - frame);
  }

  private processRamping(input: usize, output: usize, start: i32, count: i32): void {
    const channels = this.channels;
    for (let frame = start; frame < start + count; frame++) {
      const g = this.gain.next();
      const b = this.bypass.next();
      const offset = (<usize>frame) << 2;
      for (let channel = 0; channel < channels; channel++) {
        const gain = <f32>(b + (1.0 - b) * g * this.polarityRamp(channel).next());
        const base = <usize>channel * CHANNEL_STRIDE_BYTES + offset;
        const y = load<f32>(input + base) * gain;
        store<f32>(output + base, Mathf.abs(y) <= FLT_MAX ? y : 0);
      }
    }
  }

  private processSettled(input: usize, output: usize, start: i32, count: i32): void {
    const g = this.gain.current;
    const b = this.bypass.current;
    for (let channel = 0; channel < this.channels; channel++) {
      const gain = <f32>(b + (1.0 - b) * g * this.polarityRamp(channel).current);
      const base = <usize>channel * CHANNEL_STRIDE_BYTES;
      let frame = start;
      // Vector body: y = x·G, then zero every lane that is NaN or ±Inf (NaN compares false). The
      // scalar build (no SIMD) runs the tail loop only, with the same result.
      if (ASC_FEATURE_SIMD) {
        const maxVec = f32x4.splat(FLT_MAX);
        const gainVec = f32x4.splat(gain);
        for (; frame + 4 <= start + count; frame += 4) {
          const at = base + ((<usize>frame) << 2);
          const y = f32x4.mul(v128.load(input + at), gainVec);
          v128.store(output + at, v128.and(y, f32x4.le(f32x4.abs(y), maxVec)));
        }
      }
      for (; frame < start + count; frame++) {
        const at = base + ((<usize>frame) << 2);
        const y = load<f32>(input + at) * gain;
        store<f32>(output + at, Mathf.abs(y) <= FLT_MAX ? y : 0);
      }
    }
  }
}
