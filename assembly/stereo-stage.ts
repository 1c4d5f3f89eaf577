// The stereo input stage (PRE, before the trim): left/right trims, mid/side trims, width, mono
// sum and channel swap, as one 2×2 matrix on channels 1 and 2 whose four coefficients ramp
// linearly over the gain smoothing time, so any change — a swap included — crossfades instead of
// clicking. With L' and R' the swapped-or-not inputs scaled by the left/right trims,
//   M = (L' + R')/2 · g_mid,   S = (L' − R')/2 · g_side · w,   L = M + S,   R = M − S,
// w = width (1 = 100 %), 0 when summing to mono. At the defaults the matrix is exactly the
// identity and the stage does nothing (audio passes bit for bit). Bypass returns it to the
// identity too. Channels past the first two, and a mono signal, pass untouched.

import { arenaAlloc } from "./arena";
import { GAIN_SMOOTHING_MS, MAX_FRAMES } from "./layout";
import { Ramp } from "./ramp";
import { dbToGain, msToFrames } from "./units";

const CHANNEL_STRIDE_BYTES: usize = (<usize>MAX_FRAMES) << 2;
const PERCENT: f64 = 100.0;

// @ts-ignore: decorator
@unmanaged
export class StereoStage {
  // out L = ll·in1 + lr·in2, out R = rl·in1 + rr·in2
  ll: Ramp;
  lr: Ramp;
  rl: Ramp;
  rr: Ramp;
  leftDb: f64;
  rightDb: f64;
  midDb: f64;
  sideDb: f64;
  widthPercent: f64;
  mono: bool;
  swap: bool;
  bypassed: bool;
  rampFrames: i32;
  channels: i32;

  static create(sampleRate: f64, channels: i32): StereoStage {
    const stage = changetype<StereoStage>(arenaAlloc(offsetof<StereoStage>()));
    stage.ll = Ramp.create(1.0, false);
    stage.lr = Ramp.create(0.0, false);
    stage.rl = Ramp.create(0.0, false);
    stage.rr = Ramp.create(1.0, false);
    stage.widthPercent = PERCENT;
    stage.rampFrames = max(1, msToFrames(GAIN_SMOOTHING_MS, sampleRate));
    stage.channels = channels;
    return stage;
  }

  /** Sets the stage from its parameters (see the header) and ramps the matrix there. */
  set(
    leftDb: f64,
    rightDb: f64,
    midDb: f64,
    sideDb: f64,
    widthPercent: f64,
    mono: bool,
    swap: bool,
    immediate: bool,
  ): void {
    this.leftDb = leftDb;
    this.rightDb = rightDb;
    this.midDb = midDb;
    this.sideDb = sideDb;
    this.widthPercent = widthPercent;
    this.mono = mono;
    this.swap = swap;
    this.update(immediate);
  }

  /** Bypass: the matrix ramps to the identity (and back to the settings when bypass is off). */
  setBypassed(on: bool, immediate: bool): void {
    this.bypassed = on;
    this.update(immediate);
  }

  private update(immediate: bool): void {
    let ll: f64 = 1.0,
      lr: f64 = 0.0,
      rl: f64 = 0.0,
      rr: f64 = 1.0;
    if (!this.bypassed) {
      const a = 0.5 * dbToGain(this.midDb);
      const b = this.mono ? 0.0 : 0.5 * dbToGain(this.sideDb) * (this.widthPercent / PERCENT);
      const gl = dbToGain(this.leftDb),
        gr = dbToGain(this.rightDb);
      // Unswapped: L = (a+b)·gL·in1 + (a−b)·gR·in2, R = (a−b)·gL·in1 + (a+b)·gR·in2.
      if (this.swap) {
        ll = (a - b) * gr;
        lr = (a + b) * gl;
        rl = (a + b) * gr;
        rr = (a - b) * gl;
      } else {
        ll = (a + b) * gl;
        lr = (a - b) * gr;
        rl = (a - b) * gl;
        rr = (a + b) * gr;
      }
    }
    const frames = immediate ? 0 : this.rampFrames;
    this.ll.moveTo(ll, frames);
    this.lr.moveTo(lr, frames);
    this.rl.moveTo(rl, frames);
    this.rr.moveTo(rr, frames);
  }

  settle(): void {
    this.ll.jumpTo(this.ll.target);
    this.lr.jumpTo(this.lr.target);
    this.rl.jumpTo(this.rl.target);
    this.rr.jumpTo(this.rr.target);
  }

  /** True when the stage would change nothing: settled on the identity, or fewer than two channels. */
  isIdentity(): bool {
    if (this.channels < 2) return true;
    const settled = this.ll.framesLeft == 0 && this.lr.framesLeft == 0 && this.rl.framesLeft == 0;
    return (
      settled &&
      this.rr.framesLeft == 0 &&
      this.ll.current == 1.0 &&
      this.lr.current == 0.0 &&
      this.rl.current == 0.0 &&
      this.rr.current == 1.0
    );
  }

  /** Writes frames [start, start + count) of `input` through the matrix into `output` (other channels copied). */
  process(input: usize, output: usize, start: i32, count: i32): void {
    const left = (<usize>start) << 2,
      right = left + CHANNEL_STRIDE_BYTES;
    for (let frame: i32 = 0; frame < count; frame++) {
      const at = (<usize>frame) << 2;
      const x1 = <f64>load<f32>(input + left + at),
        x2 = <f64>load<f32>(input + right + at);
      const ll = this.ll.next(),
        lr = this.lr.next(),
        rl = this.rl.next(),
        rr = this.rr.next();
      store<f32>(output + left + at, <f32>(ll * x1 + lr * x2));
      store<f32>(output + right + at, <f32>(rl * x1 + rr * x2));
    }
    for (let channel = 2; channel < this.channels; channel++) {
      const base = <usize>channel * CHANNEL_STRIDE_BYTES + ((<usize>start) << 2);
      memory.copy(output + base, input + base, (<usize>count) << 2);
    }
  }
}
