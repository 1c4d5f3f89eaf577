// A metering point: every meter on one signal (IN before the trim, OUT after it), and nothing
// else. Conditions the block once (sanitize.ts), runs the per-sample meters over it, drives the
// windowed meters on the sample clock in quanta (quantum.ts), and reads every meter through its
// own read(block) into the tap's readout block (layout.ts). Each meter has the same shape:
// create, reset, process (or accumulate + endQuantum), read.

import { arenaAlloc } from "./arena";
import {
  MAX_CHANNELS,
  MAX_FRAMES,
  C_NON_FINITE_COUNT,
  METER_SAMPLE_PEAK,
  METER_TRUE_PEAK,
  METER_LOUDNESS,
  METER_RMS,
  METER_VU,
  METER_PPM,
  METER_DEFAULT,
  METER_CHANNEL_LOUDNESS,
  samplePassBits,
} from "./layout";
import { clearChannelFields, writeCount } from "./readout";
import { sanitizeInto } from "./sanitize";
import { SamplePeak } from "./sample-peak";
import { TruePeak } from "./true-peak";
import { Loudness } from "./loudness";
import { Rms, RMS_WINDOW_MS } from "./rms";
import { Vu } from "./vu";
import { Ppm } from "./ppm";
import { runSamplePass } from "./generated/sample-pass-dispatch";
import { quantumFrames } from "./quantum";
import { SinceMark, Totals } from "./since-mark";
import { msToFrames } from "./units";

// @ts-ignore: decorator
@unmanaged
export class Tap {
  scratch: usize; // sanitized planar copy of the block being metered
  nonFiniteCounts: usize; // f64 per channel
  samplePeak: SamplePeak;
  truePeak: TruePeak;
  loudness: Loudness;
  rms: Rms;
  vu: Vu;
  ppm: Ppm;
  marks: SinceMark;
  totals: Totals; // the running totals the marks' windows difference (filled at each read)
  frames: f64; // frames metered since reset
  quantumFrames: i32;
  quantumFill: i32;
  channels: i32;
  meters: i32; // METER_* bits

  static create(sampleRate: f64, channels: i32): Tap {
    const tap = changetype<Tap>(arenaAlloc(offsetof<Tap>()));
    const quantum = quantumFrames(sampleRate);
    tap.channels = channels;
    tap.quantumFrames = quantum;
    tap.scratch = arenaAlloc((<usize>(MAX_CHANNELS * MAX_FRAMES)) << 2);
    tap.nonFiniteCounts = arenaAlloc((<usize>MAX_CHANNELS) << 3);
    tap.samplePeak = SamplePeak.create(channels);
    tap.truePeak = TruePeak.create(channels);
    tap.loudness = Loudness.create(sampleRate, quantum, channels);
    tap.rms = Rms.create(msToFrames(RMS_WINDOW_MS, sampleRate) / quantum, quantum, channels);
    tap.vu = Vu.create(sampleRate, channels);
    tap.ppm = Ppm.create(sampleRate, channels);
    tap.marks = SinceMark.create(channels);
    tap.totals = Totals.create();
    tap.meters = METER_DEFAULT;
    return tap;
  }

  reset(): void {
    memory.fill(this.nonFiniteCounts, 0, (<usize>MAX_CHANNELS) << 3);
    this.samplePeak.reset();
    this.truePeak.reset();
    this.loudness.reset();
    this.rms.reset();
    this.vu.reset();
    this.ppm.reset();
    this.marks.reset();
    this.frames = 0;
    this.quantumFill = 0;
  }

  /** Takes PPM standard `standard`'s ballistics (ppm.ts); the programme meter starts from silence. */
  setPpmStandard(standard: i32): void {
    this.ppm.configure(standard);
    this.ppm.reset();
  }

  /** Which samples count as clipped (sample-peak.ts): 0 = float rule, else the source's integer depth. */
  setClipRule(integerBits: i32): void {
    this.samplePeak.setClipRule(integerBits);
  }

  /** Switches meters on and off (METER_* bits); meters switched on start from silence. */
  setMeters(mask: i32): void {
    const switchedOn = mask & ~this.meters;
    if (switchedOn & METER_SAMPLE_PEAK) {
      this.samplePeak.reset();
      memory.fill(this.nonFiniteCounts, 0, (<usize>MAX_CHANNELS) << 3);
    }
    if (switchedOn & METER_TRUE_PEAK) this.truePeak.reset();
    if (switchedOn & METER_LOUDNESS) this.loudness.reset();
    if (switchedOn & METER_RMS) this.rms.reset();
    if (switchedOn & METER_VU) this.vu.reset();
    if (switchedOn & METER_PPM) this.ppm.reset();
    this.loudness.setChannelLoudness((mask & METER_CHANNEL_LOUDNESS) != 0 && (mask & METER_LOUDNESS) != 0);
    this.meters = mask;
    if (switchedOn != 0) {
      this.updateTotals();
      this.marks.restartAll(this.totals);
    }
  }

  /** Starts window `mark` (since-mark.ts) over now, its readout echoing `serial`. */
  markWindow(mark: i32, serial: i32): void {
    this.foldMaxima();
    this.updateTotals();
    this.marks.start(mark, serial, this.totals);
  }

  /** Hands the maxima since the last mark or read to every window. */
  private foldMaxima(): void {
    this.marks.fold(
      this.samplePeak.takeSinceEvent(),
      this.truePeak.takeSinceEvent(),
      this.loudness.gate.takeMomentarySinceEvent(),
    );
  }

  /** Meters frames [start, start + count) of the planar buffer at `source`. */
  process(source: usize, start: i32, count: i32): void {
    const meters = this.meters;
    this.frames += <f64>count;
    if (meters == 0) return;
    const block = this.scratch;
    sanitizeInto(source, block, this.channels, start, count, this.nonFiniteCounts);
    if (meters & METER_SAMPLE_PEAK) this.samplePeak.process(block, count);
    if (meters & METER_TRUE_PEAK) this.truePeak.process(block, count);
    if ((meters & (METER_LOUDNESS | METER_RMS | METER_VU | METER_PPM)) == 0) return;
    let frame = 0;
    while (frame < count) {
      const span = min(count - frame, this.quantumFrames - this.quantumFill);
      this.samplePass(block, frame, span, meters);
      if (meters & METER_LOUDNESS) this.loudness.advance(span);
      if (meters & METER_RMS) this.rms.advance(span);
      frame += span;
      this.quantumFill += span;
      if (this.quantumFill == this.quantumFrames) {
        this.quantumFill = 0;
        if (meters & METER_LOUDNESS) this.loudness.endQuantum();
        if (meters & METER_RMS) this.rms.endQuantum();
        if (meters & METER_VU) this.vu.endQuantum();
        if (meters & METER_PPM) this.ppm.endQuantum();
      }
    }
  }

  /** The per-sample meters switched on, over frames [start, start + count), in one pass per channel pair. */
  private samplePass(block: usize, start: i32, count: i32, meters: i32): void {
    const pass = samplePassBits(meters);
    for (let pair = 0; pair < (this.channels + 1) >> 1; pair++)
      runSamplePass(
        block,
        pair,
        start,
        count,
        pass,
        this.loudness.filter,
        this.loudness.quantumSums,
        this.rms.quantumSums,
        this.vu,
        this.ppm,
      );
  }

  /**
   * Writes this tap's readout block at `block` (f64 slots, layout.ts) and starts the next "since
   * read" interval of every maximum. The overall reading is the max over channels (counts summed).
   */
  read(block: usize, vuReferenceDbfs: f64): void {
    clearChannelFields(block, this.channels);
    this.loudness.read(block);
    this.samplePeak.read(block);
    this.truePeak.read(block);
    this.rms.read(block);
    this.vu.read(block, vuReferenceDbfs);
    this.ppm.read(block);
    for (let channel = 0; channel < this.channels; channel++)
      writeCount(block, channel, C_NON_FINITE_COUNT, load<f64>(this.nonFiniteCounts + ((<usize>channel) << 3)));
    this.foldMaxima();
    this.updateTotals();
    this.marks.read(block, this.totals, vuReferenceDbfs);
  }

  /** The running totals since reset the marks' windows are differences of. */
  private updateTotals(): void {
    const totals = this.totals;
    const gate = this.loudness.gate;
    totals.frames = this.frames;
    totals.signalBlocks = gate.gating.count;
    totals.loudnessEnergy = gate.energyTotal;
    totals.loudnessFrames = <f64>gate.closedFrames;
    totals.rmsFrames = this.rms.frames;
    totals.vuSum = this.vu.readingSum;
    totals.vuQuanta = this.vu.readings;
    let clips: f64 = 0;
    for (let channel = 0; channel < this.channels; channel++) {
      const at = (<usize>channel) << 3;
      clips += load<f64>(this.samplePeak.clipCount + at);
      store<f64>(totals.squares + at, this.rms.totalSquares(channel));
    }
    totals.clips = clips;
  }
}
