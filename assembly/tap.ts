// A metering point: every meter on one signal (IN before the trim, OUT after it). Conditions the
// block once (sanitize.ts), runs the per-sample meters over it, and drives the windowed meters on
// the sample clock in quanta (quantum.ts). `read` writes the tap's readout block (layout.ts).

import { arenaAlloc } from "./arena";
import {
  MAX_CHANNELS, MAX_FRAMES, CHANNEL_FIELDS, channelFieldsOffset,
  L_MOMENTARY_LUFS, L_MOMENTARY_MAX_LUFS, L_MOMENTARY_MAX_SINCE_RESET_LUFS, L_SHORT_TERM_LUFS,
  L_SHORT_TERM_MAX_LUFS, L_SHORT_TERM_MAX_SINCE_RESET_LUFS, L_INTEGRATED_LUFS, L_LOUDNESS_RANGE_LU,
  L_FRAMES_SINCE_RESET, L_GATING_BLOCKS, L_LRA_VALUES, L_UNGATED_LUFS, L_UNGATED_FRAMES,
  C_SAMPLE_PEAK_DBFS, C_SAMPLE_PEAK_MAX_DBFS, C_TRUE_PEAK_DBTP, C_TRUE_PEAK_MAX_DBTP, C_RMS_DBFS,
  C_RMS_AES17_DB, C_RMS_MAX_DBFS, C_RMS_MAX_AES17_DB, C_RMS_TOTAL_DBFS, C_RMS_TOTAL_AES17_DB,
  C_VU, C_VU_MAX, C_VU_MAX_SINCE_RESET, C_CLIP_COUNT, C_NON_FINITE_COUNT,
  METER_SAMPLE_PEAK, METER_TRUE_PEAK, METER_LOUDNESS, METER_RMS, METER_VU, METER_ALL,
} from "./layout";
import { sanitizeInto } from "./sanitize";
import { SamplePeak } from "./sample-peak";
import { TruePeak } from "./true-peak";
import { Loudness } from "./loudness";
import { Rms, RMS_WINDOW_MS, AES17_OFFSET_DB } from "./rms";
import { Vu } from "./vu";
import { quantumFrames } from "./quantum";
import { amplitudeToDb, powerToDb, msToFrames } from "./units";

// @ts-ignore: decorator
@unmanaged export class Tap {
  scratch: usize;             // sanitized planar copy of the block being metered
  nonFiniteCounts: usize;     // f64 per channel
  samplePeak: SamplePeak;
  truePeak: TruePeak;
  loudness: Loudness;
  rms: Rms;
  vu: Vu;
  quantumFrames: i32;
  quantumFill: i32;
  channels: i32;
  meters: i32;                // METER_* bits

  static create(sampleRate: f64, channels: i32): Tap {
    const tap = changetype<Tap>(arenaAlloc(offsetof<Tap>()));
    const quantum = quantumFrames(sampleRate);
    tap.channels = channels;
    tap.quantumFrames = quantum;
    tap.scratch = arenaAlloc(<usize>(MAX_CHANNELS * MAX_FRAMES) << 2);
    tap.nonFiniteCounts = arenaAlloc(<usize>MAX_CHANNELS << 3);
    tap.samplePeak = SamplePeak.create(channels);
    tap.truePeak = TruePeak.create(sampleRate, channels);
    tap.loudness = Loudness.create(sampleRate, quantum, channels);
    tap.rms = Rms.create(msToFrames(RMS_WINDOW_MS, sampleRate) / quantum, quantum, channels);
    tap.vu = Vu.create(sampleRate, channels);
    tap.meters = METER_ALL;
    return tap;
  }

  reset(): void {
    memory.fill(this.nonFiniteCounts, 0, <usize>MAX_CHANNELS << 3);
    this.samplePeak.reset();
    this.truePeak.reset();
    this.loudness.reset();
    this.rms.reset();
    this.vu.reset();
    this.quantumFill = 0;
  }

  /** Which samples count as clipped (sample-peak.ts): 0 = float rule, else the source's integer depth. */
  setClipRule(integerBits: i32): void {
    this.samplePeak.setClipRule(integerBits);
  }

  /** Switches meters on and off (METER_* bits); meters switched on start from silence. */
  setMeters(mask: i32): void {
    const switchedOn = mask & ~this.meters;
    if (switchedOn & METER_SAMPLE_PEAK) { this.samplePeak.reset(); memory.fill(this.nonFiniteCounts, 0, <usize>MAX_CHANNELS << 3); }
    if (switchedOn & METER_TRUE_PEAK) this.truePeak.reset();
    if (switchedOn & METER_LOUDNESS) this.loudness.reset();
    if (switchedOn & METER_RMS) this.rms.reset();
    if (switchedOn & METER_VU) this.vu.reset();
    this.meters = mask;
  }

  /** Meters frames [start, start + count) of the planar buffer at `source`. */
  process(source: usize, start: i32, count: i32): void {
    const meters = this.meters;
    if (meters == 0) return;
    const block = this.scratch;
    sanitizeInto(source, block, this.channels, start, count, this.nonFiniteCounts);
    if (meters & METER_SAMPLE_PEAK) this.samplePeak.process(block, count);
    if (meters & METER_TRUE_PEAK) this.truePeak.process(block, count);
    if ((meters & (METER_LOUDNESS | METER_RMS | METER_VU)) == 0) return;
    let frame = 0;
    while (frame < count) {
      const span = min(count - frame, this.quantumFrames - this.quantumFill);
      if (meters & METER_LOUDNESS) this.loudness.accumulate(block, frame, span);
      if (meters & METER_RMS) this.rms.accumulate(block, frame, span);
      if (meters & METER_VU) this.vu.process(block, frame, span);
      frame += span;
      this.quantumFill += span;
      if (this.quantumFill == this.quantumFrames) {
        this.quantumFill = 0;
        if (meters & METER_LOUDNESS) this.loudness.endQuantum();
        if (meters & METER_RMS) this.rms.endQuantum();
        if (meters & METER_VU) this.vu.endQuantum();
      }
    }
  }

  /**
   * Writes this tap's readout block at `out` (f64 slots, layout.ts) and starts the next
   * "since read" interval. The overall reading is the max over channels (counts are summed).
   */
  read(out: usize, vuReferenceDbfs: f64): void {
    const loudness = this.loudness;
    loudness.updateGated();
    store<f64>(out + (<usize>L_MOMENTARY_LUFS << 3), loudness.momentaryLufs);
    store<f64>(out + (<usize>L_MOMENTARY_MAX_LUFS << 3), loudness.momentaryMaxSinceRead);
    store<f64>(out + (<usize>L_MOMENTARY_MAX_SINCE_RESET_LUFS << 3), loudness.momentaryMaxSinceReset);
    store<f64>(out + (<usize>L_SHORT_TERM_LUFS << 3), loudness.shortTermLufs);
    store<f64>(out + (<usize>L_SHORT_TERM_MAX_LUFS << 3), loudness.shortTermMaxSinceRead);
    store<f64>(out + (<usize>L_SHORT_TERM_MAX_SINCE_RESET_LUFS << 3), loudness.shortTermMaxSinceReset);
    store<f64>(out + (<usize>L_INTEGRATED_LUFS << 3), loudness.integratedLufs);
    store<f64>(out + (<usize>L_LOUDNESS_RANGE_LU << 3), loudness.rangeLu);
    store<f64>(out + (<usize>L_FRAMES_SINCE_RESET << 3), <f64>loudness.framesSinceReset);
    store<f64>(out + (<usize>L_GATING_BLOCKS << 3), loudness.gating.count);
    store<f64>(out + (<usize>L_LRA_VALUES << 3), loudness.range.count);
    store<f64>(out + (<usize>L_UNGATED_LUFS << 3), loudness.ungatedLufs());
    store<f64>(out + (<usize>L_UNGATED_FRAMES << 3), loudness.closedFrames);
    loudness.clearMaxSinceRead();

    const overall = out + (<usize>channelFieldsOffset(-1) << 3);
    memory.fill(overall, 0, <usize>CHANNEL_FIELDS << 3);
    for (let field = 0; field < CHANNEL_FIELDS; field++) {
      if (field != C_CLIP_COUNT && field != C_NON_FINITE_COUNT) store<f64>(overall + (<usize>field << 3), -Infinity);
    }
    const frames = <f64>loudness.framesSinceReset;
    for (let channel = 0; channel < MAX_CHANNELS; channel++) {
      const fields = out + (<usize>channelFieldsOffset(channel) << 3);
      if (channel >= this.channels) {
        memory.fill(fields, 0, <usize>CHANNEL_FIELDS << 3);
        continue;
      }
      const at = <usize>channel << 3;
      const samplePeak = load<f64>(this.samplePeak.peakSinceRead + at);
      const samplePeakMax = load<f64>(this.samplePeak.peakSinceReset + at);
      store<f64>(this.samplePeak.peakSinceRead + at, 0);
      // True peak is never below the sample peak: phase 0 of the interpolator is the samples.
      const truePeak = max(load<f64>(this.truePeak.peakSinceRead + at), samplePeak);
      const truePeakMax = max(load<f64>(this.truePeak.peakSinceReset + at), samplePeakMax);
      store<f64>(this.truePeak.peakSinceRead + at, 0);
      const rmsDb = powerToDb(this.rms.meanSquare(channel));
      const rmsMaxDb = powerToDb(this.rms.takeMaxMeanSquare(channel));
      const rmsTotalDb = powerToDb(this.rms.totalMeanSquare(channel, frames));
      writeField(fields, overall, C_SAMPLE_PEAK_DBFS, amplitudeToDb(samplePeak));
      writeField(fields, overall, C_SAMPLE_PEAK_MAX_DBFS, amplitudeToDb(samplePeakMax));
      writeField(fields, overall, C_TRUE_PEAK_DBTP, amplitudeToDb(truePeak));
      writeField(fields, overall, C_TRUE_PEAK_MAX_DBTP, amplitudeToDb(truePeakMax));
      writeField(fields, overall, C_RMS_DBFS, rmsDb);
      writeField(fields, overall, C_RMS_AES17_DB, rmsDb + AES17_OFFSET_DB);
      writeField(fields, overall, C_RMS_MAX_DBFS, rmsMaxDb);
      writeField(fields, overall, C_RMS_MAX_AES17_DB, rmsMaxDb + AES17_OFFSET_DB);
      writeField(fields, overall, C_RMS_TOTAL_DBFS, rmsTotalDb);
      writeField(fields, overall, C_RMS_TOTAL_AES17_DB, rmsTotalDb + AES17_OFFSET_DB);
      writeField(fields, overall, C_VU, amplitudeToDb(this.vu.reading(channel)) - vuReferenceDbfs);
      writeField(fields, overall, C_VU_MAX, amplitudeToDb(this.vu.takeMax(channel)) - vuReferenceDbfs);
      writeField(fields, overall, C_VU_MAX_SINCE_RESET, amplitudeToDb(this.vu.maxSinceResetOf(channel)) - vuReferenceDbfs);
      addField(fields, overall, C_CLIP_COUNT, load<f64>(this.samplePeak.clipCount + at));
      addField(fields, overall, C_NON_FINITE_COUNT, load<f64>(this.nonFiniteCounts + at));
    }
  }
}

// @ts-ignore: decorator
@inline function writeField(fields: usize, overall: usize, field: i32, value: f64): void {
  const at = <usize>field << 3;
  store<f64>(fields + at, value);
  store<f64>(overall + at, max(load<f64>(overall + at), value));
}

// @ts-ignore: decorator
@inline function addField(fields: usize, overall: usize, field: i32, value: f64): void {
  const at = <usize>field << 3;
  store<f64>(fields + at, value);
  store<f64>(overall + at, load<f64>(overall + at) + value);
}
