// A delay of whole frames on the alternate input at POST, so A (what entered PRE) lines up with
// B (what came back through the insert) when the insert has latency: listening, the delta and
// auto-match compare sample-aligned signals. One ring per channel, written every frame while a
// delay is set; a new delay clears the rings (a moment of silence, never stale audio).

import { arenaAlloc } from "./arena";
import { MAX_FRAMES } from "./layout";

/** Ring length: a power of two above the longest delay (insertLatencyFrames' maximum, 32767). */
const RING_FRAMES: i32 = 32768;
const RING_MASK: i32 = RING_FRAMES - 1;
const RING_BYTES: usize = (<usize>RING_FRAMES) << 2;
const CHANNEL_STRIDE_BYTES: usize = (<usize>MAX_FRAMES) << 2;

// @ts-ignore: decorator
@unmanaged
export class DelayLine {
  rings: usize;
  write: i32;
  delayFrames: i32;
  channels: i32;
  written: bool; // the rings hold audio (not all zero): reset must clear them

  static create(channels: i32): DelayLine {
    const line = changetype<DelayLine>(arenaAlloc(offsetof<DelayLine>()));
    line.rings = arenaAlloc(<usize>channels * RING_BYTES);
    line.channels = channels;
    return line;
  }

  /** Sets the delay (0 … RING_FRAMES − 1 frames); the rings start from silence. */
  setDelay(frames: i32): void {
    const delay = min(max(frames, 0), RING_MASK);
    if (delay == this.delayFrames) return;
    this.delayFrames = delay;
    this.reset();
  }

  reset(): void {
    // Clearing untouched rings would only fault in their pages (set-up resets every part).
    if (this.written) memory.fill(this.rings, 0, <usize>this.channels * RING_BYTES);
    this.written = false;
    this.write = 0;
  }

  /** Delays frames [start, start + count) of the planar block in place. */
  process(block: usize, start: i32, count: i32): void {
    const delay = this.delayFrames;
    if (delay == 0) return;
    this.written = true;
    for (let channel = 0; channel < this.channels; channel++) {
      const ring = this.rings + <usize>channel * RING_BYTES;
      const samples = block + <usize>channel * CHANNEL_STRIDE_BYTES + ((<usize>start) << 2);
      let write = this.write;
      for (let frame = 0; frame < count; frame++) {
        const at = samples + ((<usize>frame) << 2);
        store<f32>(ring + ((<usize>write) << 2), load<f32>(at));
        store<f32>(at, load<f32>(ring + ((<usize>((write - delay) & RING_MASK)) << 2)));
        write = (write + 1) & RING_MASK;
      }
    }
    this.write = (this.write + count) & RING_MASK;
  }
}
