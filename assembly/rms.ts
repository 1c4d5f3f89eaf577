// RMS level per channel over a 300 ms rectangular window (the VU meter's integration time;
// not a standardised ballistic, docs/metering.md §8) and over everything since reset.
// Two dB conventions, always labelled: plain 20·log10(RMS) "dBFS", and AES17 "dB FS", where full
// scale is the RMS of a full-scale sine (AES17 via Prism Sound's glossary), i.e. plain + 3.0103 dB.

import { arenaAlloc } from "./arena";
import {
  MAX_CHANNELS,
  C_RMS_DBFS,
  C_RMS_AES17_DB,
  C_RMS_MAX_DBFS,
  C_RMS_MAX_AES17_DB,
  C_RMS_TOTAL_DBFS,
  C_RMS_TOTAL_AES17_DB,
} from "./layout";
import { writeLevel } from "./readout";
import { powerToDb } from "./units";
import { WindowSum } from "./window-sum";

export const RMS_WINDOW_MS: f64 = 300;
/** AES17 level − plain level = 20·log10(√2): a full-scale sine reads 0 dB FS AES17. */
export const AES17_OFFSET_DB: f64 = 3.010299956639812;

// @ts-ignore: decorator
@unmanaged
export class Rms {
  windows: usize; // WindowSum pointer per channel
  quantumSums: usize; // f64 per channel: Σx² of the open quantum (added by sample-pass.ts)
  totalSums: usize; // f64 per channel: Σx² of closed quanta since reset
  maxSinceRead: usize; // f64 per channel: largest window mean square since read
  windowFrames: f64;
  frames: f64; // frames since reset, the open quantum included
  channels: i32;

  static create(windowQuanta: i32, quantumFrames: i32, channels: i32): Rms {
    const meter = changetype<Rms>(arenaAlloc(offsetof<Rms>()));
    meter.channels = channels;
    meter.windowFrames = <f64>(windowQuanta * quantumFrames);
    meter.windows = arenaAlloc(<usize>MAX_CHANNELS * sizeof<usize>());
    for (let channel = 0; channel < channels; channel++) {
      store<usize>(meter.windows + <usize>channel * sizeof<usize>(), changetype<usize>(WindowSum.create(windowQuanta)));
    }
    meter.quantumSums = arenaAlloc((<usize>MAX_CHANNELS) << 3);
    meter.totalSums = arenaAlloc((<usize>MAX_CHANNELS) << 3);
    meter.maxSinceRead = arenaAlloc((<usize>MAX_CHANNELS) << 3);
    return meter;
  }

  // @ts-ignore: decorator
  @inline window(channel: i32): WindowSum {
    return changetype<WindowSum>(load<usize>(this.windows + <usize>channel * sizeof<usize>()));
  }

  reset(): void {
    for (let channel = 0; channel < this.channels; channel++) this.window(channel).reset();
    memory.fill(this.quantumSums, 0, (<usize>MAX_CHANNELS) << 3);
    memory.fill(this.totalSums, 0, (<usize>MAX_CHANNELS) << 3);
    memory.fill(this.maxSinceRead, 0, (<usize>MAX_CHANNELS) << 3);
    this.frames = 0;
  }

  /** The per-sample step: x² added to a channel's running Σx². */
  // @ts-ignore: decorator
  @inline static accumulate(sum: f64, x: f64): f64 {
    return sum + x * x;
  }

  /** accumulate() for two channels at once (f64x2 lanes). */
  // @ts-ignore: decorator
  @inline static accumulateLanes(sum: v128, x: v128): v128 {
    return f64x2.add(sum, f64x2.mul(x, x));
  }

  /** Counts `count` frames the sample pass (sample-pass.ts) added to the open quantum's sums. */
  advance(count: i32): void {
    this.frames += <f64>count;
  }

  /** Closes the quantum: slides each window by one quantum. */
  endQuantum(): void {
    for (let channel = 0; channel < this.channels; channel++) {
      const at = (<usize>channel) << 3;
      const sum = load<f64>(this.quantumSums + at);
      const window = this.window(channel);
      window.push(sum);
      store<f64>(this.totalSums + at, load<f64>(this.totalSums + at) + sum);
      store<f64>(this.quantumSums + at, 0);
      store<f64>(this.maxSinceRead + at, max(load<f64>(this.maxSinceRead + at), window.total() / this.windowFrames));
    }
  }

  /** Σx² of channel `channel` over every frame since reset (the open quantum included). */
  totalSquares(channel: i32): f64 {
    const at = (<usize>channel) << 3;
    return load<f64>(this.totalSums + at) + load<f64>(this.quantumSums + at);
  }

  /**
   * Writes its fields of the tap block at `block`: the 300 ms window ending at the last closed
   * quantum, its largest since the last read, and every frame since reset (the open quantum
   * included), plain and AES17; starts the next "since read" interval.
   */
  read(block: usize): void {
    for (let channel = 0; channel < this.channels; channel++) {
      const at = (<usize>channel) << 3;
      const now = powerToDb(this.window(channel).total() / this.windowFrames);
      const highest = powerToDb(load<f64>(this.maxSinceRead + at));
      const total = powerToDb(this.frames > 0 ? this.totalSquares(channel) / this.frames : 0);
      store<f64>(this.maxSinceRead + at, 0);
      writeLevel(block, channel, C_RMS_DBFS, now);
      writeLevel(block, channel, C_RMS_AES17_DB, now + AES17_OFFSET_DB);
      writeLevel(block, channel, C_RMS_MAX_DBFS, highest);
      writeLevel(block, channel, C_RMS_MAX_AES17_DB, highest + AES17_OFFSET_DB);
      writeLevel(block, channel, C_RMS_TOTAL_DBFS, total);
      writeLevel(block, channel, C_RMS_TOTAL_AES17_DB, total + AES17_OFFSET_DB);
    }
  }
}
