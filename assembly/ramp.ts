// A value that moves to a new target over a fixed number of frames, one step per frame, and lands
// on the target exactly (so a settled 0 dB gain is exactly 1.0 and passes audio bit for bit).
// Geometric ramps move gains linearly in dB (perceptually even); linear ramps cross zero, as a
// polarity flip or a dry/wet crossfade must.

import { arenaAlloc } from "./arena";

// @ts-ignore: decorator
@unmanaged
export class Ramp {
  current: f64;
  target: f64;
  step: f64; // added per frame (linear) or multiplied per frame (geometric)
  framesLeft: i32;
  geometric: bool;

  static create(value: f64, geometric: bool): Ramp {
    const ramp = changetype<Ramp>(arenaAlloc(offsetof<Ramp>()));
    ramp.current = value;
    ramp.target = value;
    ramp.geometric = geometric;
    return ramp;
  }

  /** Starts moving to `target` over `frames` frames from wherever it is now (frames >= 1). */
  moveTo(target: f64, frames: i32): void {
    this.target = target;
    if (this.current == target || frames <= 0) {
      this.jumpTo(target);
      return;
    }
    this.framesLeft = frames;
    this.step = this.geometric ? (target / this.current) ** (1.0 / <f64>frames) : (target - this.current) / <f64>frames;
  }

  /** Lands on `target` at once (set-up, reset, state restored before audio runs). */
  jumpTo(target: f64): void {
    this.target = target;
    this.current = target;
    this.framesLeft = 0;
  }

  /** The value for the next frame. */
  // @ts-ignore: decorator
  @inline next(): f64 {
    if (this.framesLeft > 0) {
      this.framesLeft--;
      this.current =
        this.framesLeft == 0 ? this.target : this.geometric ? this.current * this.step : this.current + this.step;
    }
    return this.current;
  }
}
