// A/B listen: the output crossfades (linearly, over the gain smoothing time, so the switch never
// clicks) between B, the processed signal, and A, an alternate input — at POST, what entered
// PRE. The OUT tap meters B before this stage, so listening to A never disturbs the meters.
// Non-finite alternate samples are output as 0.

import { arenaAlloc } from "./arena";
import { MAX_FRAMES, GAIN_SMOOTHING_MS } from "./layout";
import { Ramp } from "./ramp";
import { msToFrames } from "./units";

const FLT_MAX: f32 = 3.4028234663852886e38;
const CHANNEL_STRIDE_BYTES: usize = (<usize>MAX_FRAMES) << 2;

// @ts-ignore: decorator
@unmanaged
export class Listen {
  mix: Ramp; // 0 = B, 1 = A
  rampFrames: i32;
  channels: i32;

  static create(sampleRate: f64, channels: i32): Listen {
    const listen = changetype<Listen>(arenaAlloc(offsetof<Listen>()));
    listen.mix = Ramp.create(0.0, false);
    listen.rampFrames = max(1, msToFrames(GAIN_SMOOTHING_MS, sampleRate));
    listen.channels = channels;
    return listen;
  }

  set(toA: bool, immediate: bool): void {
    const target: f64 = toA ? 1.0 : 0.0;
    if (immediate) this.mix.jumpTo(target);
    else this.mix.moveTo(target, this.rampFrames);
  }

  settle(): void {
    this.mix.jumpTo(this.mix.target);
  }

  /** Mixes frames [start, start + count): output = B + mix·(A − B), in place. */
  process(output: usize, alternate: usize, start: i32, count: i32): void {
    const mix = this.mix;
    if (mix.framesLeft == 0 && mix.current == 0.0) return; // B: nothing to do
    const rampStart = mix.current,
      rampFrames = min(mix.framesLeft, count);
    for (let channel = 0; channel < this.channels; channel++) {
      // Replay the same ramp for each channel, then advance it once below.
      let value = rampStart,
        left = mix.framesLeft;
      const base = <usize>channel * CHANNEL_STRIDE_BYTES;
      for (let frame = start; frame < start + count; frame++) {
        if (left > 0) {
          left--;
          value = left == 0 ? mix.target : value + mix.step;
        }
        const at = base + ((<usize>frame) << 2);
        const a = load<f32>(alternate + at);
        const b = load<f32>(output + at);
        const y = <f32>(<f64>b + value * (<f64>(Mathf.abs(a) <= FLT_MAX ? a : 0) - <f64>b));
        store<f32>(output + at, y);
      }
    }
    for (let frame = 0; frame < rampFrames; frame++) mix.next();
  }
}
