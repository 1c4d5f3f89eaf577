// A sliding rectangular window over per-quantum sums (energy or squares), kept as a running sum
// in f64. A running add/subtract sum drifts (ffmpeg's goes slightly negative after the signal
// stops and prints M=nan, docs/metering.md §5), so the sum is recomputed exactly from the ring every
// time the ring wraps, and is never reported below 0.

import { arenaAlloc } from "./arena";

// @ts-ignore: decorator
@unmanaged
export class WindowSum {
  ring: usize; // f64 × length
  length: i32;
  index: i32;
  sum: f64;

  static create(length: i32): WindowSum {
    const window = changetype<WindowSum>(arenaAlloc(offsetof<WindowSum>()));
    window.length = length;
    window.ring = arenaAlloc((<usize>length) << 3);
    return window;
  }

  reset(): void {
    memory.fill(this.ring, 0, (<usize>this.length) << 3);
    this.index = 0;
    this.sum = 0;
  }

  push(value: f64): void {
    const at = this.ring + ((<usize>this.index) << 3);
    this.sum += value - load<f64>(at);
    store<f64>(at, value);
    if (++this.index == this.length) {
      this.index = 0;
      let exact: f64 = 0;
      for (let slot = 0; slot < this.length; slot++) exact += load<f64>(this.ring + ((<usize>slot) << 3));
      this.sum = exact;
    }
  }

  /** The window's total, never negative. */
  // @ts-ignore: decorator
  @inline total(): f64 {
    return max(this.sum, 0.0);
  }
}
