// Windows since a mark: a tap's levels over everything since the host asked (markWindow), as
// libebur128 keeps a loudness window its caller starts — so a host judging "since the last trim
// change" (the stage check, the A/B light, Match) reads exact levels instead of redoing BS.1770
// and AES17 arithmetic from rounded readings.
//
// A mark takes effect where the command lands (a block boundary, sample-accurate in the event
// ring). Sums are differences of the meters' running totals since reset (loudness energy and
// frames, Σx² per channel, 400 ms gating blocks, clips, the VU's per-quantum readings), recorded
// at the mark; maxima (sample peak, true peak, momentary loudness) are folded into every window
// at each mark and each read from the meters' "since event" maxima, so a window never sees a peak
// from before its mark. The readout carries the serial the mark was asked with (0: since reset),
// so a host knows which window it reads. A meter reset, or a meter switched on (it starts from
// silence), starts every window over at once.

import { arenaAlloc } from "./arena";
import {
  MAX_CHANNELS,
  MARK_COUNT,
  M_SERIAL,
  M_FRAMES,
  M_SIGNAL_BLOCKS,
  M_LOUDNESS_LUFS,
  M_MOMENTARY_MAX_LUFS,
  M_RMS_AES17_DB,
  M_VU_MEAN,
  M_SAMPLE_PEAK_DBFS,
  M_TRUE_PEAK_DBTP,
  M_CLIP_COUNT,
  markFieldsOffset,
} from "./layout";
import { writeSlot } from "./readout";
import { LOUDNESS_OFFSET_LU } from "./loudness-histogram";
import { AES17_OFFSET_DB } from "./rms";
import { amplitudeToDb, powerToDb } from "./units";

/** A tap's running totals since its meters' reset, from which a window's sums follow by difference. */
// @ts-ignore: decorator
@unmanaged
export class Totals {
  frames: f64;
  signalBlocks: f64;
  loudnessEnergy: f64; // Σ of the closed quanta's K-weighted, channel-weighted energies
  loudnessFrames: f64; // the frames they cover
  rmsFrames: f64;
  clips: f64;
  vuSum: f64; // Σ of the louder channel's linear VU reading, one per quantum
  vuQuanta: f64;
  squares: usize; // f64 per channel: Σx² of every frame metered

  static create(): Totals {
    const totals = changetype<Totals>(arenaAlloc(offsetof<Totals>()));
    totals.squares = arenaAlloc((<usize>MAX_CHANNELS) << 3);
    return totals;
  }

  copyFrom(other: Totals): void {
    this.frames = other.frames;
    this.signalBlocks = other.signalBlocks;
    this.loudnessEnergy = other.loudnessEnergy;
    this.loudnessFrames = other.loudnessFrames;
    this.rmsFrames = other.rmsFrames;
    this.clips = other.clips;
    this.vuSum = other.vuSum;
    this.vuQuanta = other.vuQuanta;
    memory.copy(this.squares, other.squares, (<usize>MAX_CHANNELS) << 3);
  }
}

/** One window: where it started (the totals then) and its maxima so far. */
// @ts-ignore: decorator
@unmanaged
class Window {
  serial: f64;
  base: Totals;
  samplePeak: f64; // linear
  truePeak: f64; // linear
  momentaryMaxLufs: f64;

  static create(): Window {
    const window = changetype<Window>(arenaAlloc(offsetof<Window>()));
    window.base = Totals.create();
    window.serial = 0;
    window.restart(window.base);
    return window;
  }

  /** Starts over at `now`; the serial is kept. */
  restart(now: Totals): void {
    this.base.copyFrom(now);
    this.samplePeak = 0;
    this.truePeak = 0;
    this.momentaryMaxLufs = -Infinity;
  }
}

// @ts-ignore: decorator
@unmanaged
export class SinceMark {
  windows: usize; // Window pointer per mark
  silence: Totals; // every total zero: where windows start at reset
  channels: i32;

  static create(channels: i32): SinceMark {
    const marks = changetype<SinceMark>(arenaAlloc(offsetof<SinceMark>()));
    marks.channels = channels;
    marks.silence = Totals.create();
    marks.windows = arenaAlloc(<usize>MARK_COUNT * sizeof<usize>());
    for (let mark = 0; mark < MARK_COUNT; mark++)
      store<usize>(marks.windows + <usize>mark * sizeof<usize>(), changetype<usize>(Window.create()));
    return marks;
  }

  // @ts-ignore: decorator
  @inline window(mark: i32): Window {
    return changetype<Window>(load<usize>(this.windows + <usize>mark * sizeof<usize>()));
  }

  /** Every window starts over from silence (the meters were reset); serials are kept. */
  reset(): void {
    for (let mark = 0; mark < MARK_COUNT; mark++) this.window(mark).restart(this.silence);
  }

  /** Every window starts over at `now` (a meter switched on starts from silence beneath them). */
  restartAll(now: Totals): void {
    for (let mark = 0; mark < MARK_COUNT; mark++) this.window(mark).restart(now);
  }

  /**
   * Folds the maxima since the last fold (sample and true peak linear, momentary loudness in LUFS)
   * into every window: called at each mark and each read, so each window has exactly its own.
   */
  fold(samplePeak: f64, truePeak: f64, momentaryMaxLufs: f64): void {
    for (let mark = 0; mark < MARK_COUNT; mark++) {
      const window = this.window(mark);
      window.samplePeak = max(window.samplePeak, samplePeak);
      window.truePeak = max(window.truePeak, truePeak);
      window.momentaryMaxLufs = max(window.momentaryMaxLufs, momentaryMaxLufs);
    }
  }

  /** Starts window `mark` over at `now` (after a fold), its readout echoing `serial`. */
  start(mark: i32, serial: i32, now: Totals): void {
    const window = this.window(mark);
    window.serial = <f64>serial;
    window.restart(now);
  }

  /** Writes every window's fields into the tap block at `block` (after a fold), VU re `vuReferenceDbfs`. */
  read(block: usize, now: Totals, vuReferenceDbfs: f64): void {
    for (let mark = 0; mark < MARK_COUNT; mark++)
      this.write(block + ((<usize>markFieldsOffset(mark)) << 3), this.window(mark), now, vuReferenceDbfs);
  }

  private write(at: usize, window: Window, now: Totals, vuReferenceDbfs: f64): void {
    const base = window.base;
    const loudnessFrames = now.loudnessFrames - base.loudnessFrames;
    const rmsFrames = now.rmsFrames - base.rmsFrames;
    let loudestSquare: f64 = 0;
    for (let channel = 0; channel < this.channels; channel++) {
      const offset = (<usize>channel) << 3;
      const squares = load<f64>(now.squares + offset) - load<f64>(base.squares + offset);
      if (rmsFrames > 0) loudestSquare = max(loudestSquare, squares / rmsFrames);
    }
    const vuQuanta = now.vuQuanta - base.vuQuanta;
    writeSlot(at, M_SERIAL, window.serial);
    writeSlot(at, M_FRAMES, now.frames - base.frames);
    writeSlot(at, M_SIGNAL_BLOCKS, now.signalBlocks - base.signalBlocks);
    writeSlot(
      at,
      M_LOUDNESS_LUFS,
      loudnessFrames > 0
        ? LOUDNESS_OFFSET_LU + powerToDb((now.loudnessEnergy - base.loudnessEnergy) / loudnessFrames)
        : -Infinity,
    );
    writeSlot(at, M_MOMENTARY_MAX_LUFS, window.momentaryMaxLufs);
    writeSlot(at, M_RMS_AES17_DB, powerToDb(loudestSquare) + AES17_OFFSET_DB);
    writeSlot(
      at,
      M_VU_MEAN,
      vuQuanta > 0 ? amplitudeToDb((now.vuSum - base.vuSum) / vuQuanta) - vuReferenceDbfs : -Infinity,
    );
    writeSlot(at, M_SAMPLE_PEAK_DBFS, amplitudeToDb(window.samplePeak));
    writeSlot(at, M_TRUE_PEAK_DBTP, amplitudeToDb(window.truePeak));
    writeSlot(at, M_CLIP_COUNT, now.clips - base.clips);
  }
}
