// A/B listen at POST: the output is wB·B + wA·A, B the processed signal, A the alternate input
// (what entered PRE, delayed by the insert's latency so the two are sample-aligned). B is (1, 0),
// A is (0, 1), Delta is (1, −1): OUT − IN, only what the insert added. The weights ramp linearly
// over the gain smoothing time, so a switch never clicks. The OUT tap meters B before this stage,
// so listening to A or to the delta never disturbs the meters. Non-finite A samples count as 0.

import { arenaAlloc } from "./arena";
import { MAX_FRAMES, GAIN_SMOOTHING_MS } from "./layout";
import { Ramp } from "./ramp";
import { msToFrames } from "./units";

const FLT_MAX: f32 = 3.4028234663852886e38;
const CHANNEL_STRIDE_BYTES: usize = (<usize>MAX_FRAMES) << 2;

/** Listen modes: the plain values of abListen (declaration: B, A, Delta). */
export const LISTEN_B: i32 = 0;
export const LISTEN_A: i32 = 1;
export const LISTEN_DELTA: i32 = 2;

// @ts-ignore: decorator
@unmanaged
export class Listen {
  weightB: Ramp;
  weightA: Ramp;
  rampFrames: i32;
  channels: i32;

  static create(sampleRate: f64, channels: i32): Listen {
    const listen = changetype<Listen>(arenaAlloc(offsetof<Listen>()));
    listen.weightB = Ramp.create(1.0, false);
    listen.weightA = Ramp.create(0.0, false);
    listen.rampFrames = max(1, msToFrames(GAIN_SMOOTHING_MS, sampleRate));
    listen.channels = channels;
    return listen;
  }

  set(mode: i32, immediate: bool): void {
    const b: f64 = mode == LISTEN_A ? 0.0 : 1.0;
    const a: f64 = mode == LISTEN_A ? 1.0 : mode == LISTEN_DELTA ? -1.0 : 0.0;
    const frames = immediate ? 0 : this.rampFrames;
    this.weightB.moveTo(b, frames);
    this.weightA.moveTo(a, frames);
  }

  settle(): void {
    this.weightB.jumpTo(this.weightB.target);
    this.weightA.jumpTo(this.weightA.target);
  }

  /** True when the output is B, untouched. */
  passesB(): bool {
    return (
      this.weightB.framesLeft == 0 &&
      this.weightA.framesLeft == 0 &&
      this.weightB.current == 1.0 &&
      this.weightA.current == 0.0
    );
  }

  /** Mixes frames [start, start + count): output = wB·B + wA·A, in place. */
  process(output: usize, alternate: usize, start: i32, count: i32): void {
    if (this.passesB()) return;
    const wB = this.weightB,
      wA = this.weightA;
    const rampFrames = min(max(wB.framesLeft, wA.framesLeft), count);
    for (let channel = 0; channel < this.channels; channel++) {
      // Replay the same ramps for each channel, then advance them once below.
      let b = wB.current,
        a = wA.current,
        leftB = wB.framesLeft,
        leftA = wA.framesLeft;
      const base = <usize>channel * CHANNEL_STRIDE_BYTES;
      for (let frame = start; frame < start + count; frame++) {
        if (leftB > 0) {
          leftB--;
          b = leftB == 0 ? wB.target : b + wB.step;
        }
        if (leftA > 0) {
          leftA--;
          a = leftA == 0 ? wA.target : a + wA.step;
        }
        const at = base + ((<usize>frame) << 2);
        const x = load<f32>(alternate + at);
        store<f32>(output + at, <f32>(b * <f64>load<f32>(output + at) + a * <f64>(Mathf.abs(x) <= FLT_MAX ? x : 0)));
      }
    }
    for (let frame = 0; frame < rampFrames; frame++) {
      wB.next();
      wA.next();
    }
  }
}
