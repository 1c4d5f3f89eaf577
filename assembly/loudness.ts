// Loudness — ITU-R BS.1770-5 Annex 1 and EBU Tech 3341/3342: momentary (400 ms), short-term
// (3 s), integrated (gated) and loudness range, from K-weighted channels summed with the BS.1770
// channel weights (Table 3). Windows start as silence at reset (libebur128's convention,
// docs/metering.md §1) and are evaluated once per quantum (see quantum.ts).

import { arenaAlloc } from "./arena";
import {
  MAX_CHANNELS,
  L_MOMENTARY_LUFS,
  L_MOMENTARY_MAX_LUFS,
  L_MOMENTARY_MAX_SINCE_RESET_LUFS,
  L_SHORT_TERM_LUFS,
  L_SHORT_TERM_MAX_LUFS,
  L_SHORT_TERM_MAX_SINCE_RESET_LUFS,
  L_INTEGRATED_LUFS,
  L_LOUDNESS_RANGE_LU,
  L_FRAMES_SINCE_RESET,
  L_GATING_BLOCKS,
  L_LRA_VALUES,
  L_UNGATED_LUFS,
  L_UNGATED_FRAMES,
} from "./layout";
import { writeSlot } from "./readout";
import { KWeighting } from "./k-weighting";
import { LoudnessHistogram, LOUDNESS_OFFSET_LU, MIN_LUFS } from "./loudness-histogram";
import { GATE_BLOCK_MS, GATE_HOP_MS, SHORT_TERM_MS } from "./quantum";
import { msToFrames, powerToDb } from "./units";
import { WindowSum } from "./window-sum";

/** BS.1770-5 eq. 6: the relative gate sits 10 LU below the absolute-gated loudness. */
const RELATIVE_GATE_LU: f64 = -10.0;
/** EBU Tech 3342 §3.1: the LRA relative gate sits 20 LU below the short-term energy mean. */
const LRA_RELATIVE_GATE_LU: f64 = -20.0;
/** EBU Tech 3342 §3.1: LRA = P95 − P10 of the gated short-term distribution. */
const LRA_LOW_PERCENTILE: f64 = 0.1;
const LRA_HIGH_PERCENTILE: f64 = 0.95;
/** BS.1770-5 Table 3: surround channels weigh 1.41 (≈ +1.5 dB); LFE is excluded. */
const SURROUND_WEIGHT: f64 = 1.41;

/**
 * BS.1770 channel weight by layout. 5 channels: L R C Ls Rs; 6: 5.1 (L R C LFE Ls Rs); 8: 7.1
 * (L R C LFE Ls Rs Lb Rb, back pair weighted as surrounds); every other count weighs 1.0 each.
 * Mono is one channel of weight 1 (not dual mono, docs/metering.md §9.3).
 */
export function channelWeight(channels: i32, channel: i32): f64 {
  if (channels == 5) return channel >= 3 ? SURROUND_WEIGHT : 1.0;
  if (channels == 6 || channels == 8) {
    if (channel == 3) return 0.0;
    return channel >= 4 ? SURROUND_WEIGHT : 1.0;
  }
  return 1.0;
}

// @ts-ignore: decorator
@unmanaged
export class Loudness {
  filter: KWeighting;
  gating: LoudnessHistogram; // 400 ms blocks for integrated loudness
  range: LoudnessHistogram; // short-term values for LRA
  weights: usize; // f64 per channel
  quantumSums: usize; // f64 per channel (in lane pairs): Σy² of the open quantum (sample-pass.ts)
  momentary: WindowSum; // 400 ms of quantum energies
  shortTerm: WindowSum; // 3 s of quantum energies
  gateFrames: i32;
  quantumFrames: i32;
  hopFrames: i32;
  shortTermFrames: i32;
  channels: i32;
  framesSinceReset: i64;
  momentaryLufs: f64;
  momentaryMaxSinceRead: f64;
  momentaryMaxSinceReset: f64;
  shortTermLufs: f64;
  shortTermMaxSinceRead: f64;
  shortTermMaxSinceReset: f64;
  integratedLufs: f64;
  rangeLu: f64;
  gatedDirty: bool;
  /** K-weighted mean energy of the 400 ms ending at the last closed quantum. */
  blockEnergy: f64;
  /** Weighted Σy² of every closed quantum since reset, and the frames they hold (ungated loudness). */
  energyTotal: f64;
  closedFrames: f64;

  static create(sampleRate: f64, quantumFrames: i32, channels: i32): Loudness {
    const meter = changetype<Loudness>(arenaAlloc(offsetof<Loudness>()));
    meter.channels = channels;
    meter.filter = KWeighting.create(sampleRate, channels);
    meter.gating = LoudnessHistogram.create();
    meter.range = LoudnessHistogram.create();
    meter.weights = arenaAlloc((<usize>MAX_CHANNELS) << 3);
    for (let channel = 0; channel < channels; channel++) {
      store<f64>(meter.weights + ((<usize>channel) << 3), channelWeight(channels, channel));
    }
    meter.quantumSums = arenaAlloc((<usize>MAX_CHANNELS) << 3);
    meter.quantumFrames = quantumFrames;
    meter.gateFrames = msToFrames(GATE_BLOCK_MS, sampleRate);
    meter.hopFrames = msToFrames(GATE_HOP_MS, sampleRate);
    meter.shortTermFrames = msToFrames(SHORT_TERM_MS, sampleRate);
    meter.momentary = WindowSum.create(meter.gateFrames / quantumFrames);
    meter.shortTerm = WindowSum.create(meter.shortTermFrames / quantumFrames);
    meter.reset();
    return meter;
  }

  reset(): void {
    this.filter.reset();
    this.gating.reset();
    this.range.reset();
    memory.fill(this.quantumSums, 0, (<usize>MAX_CHANNELS) << 3);
    this.momentary.reset();
    this.shortTerm.reset();
    this.framesSinceReset = 0;
    this.momentaryLufs = -Infinity;
    this.momentaryMaxSinceRead = -Infinity;
    this.momentaryMaxSinceReset = -Infinity;
    this.shortTermLufs = -Infinity;
    this.shortTermMaxSinceRead = -Infinity;
    this.shortTermMaxSinceReset = -Infinity;
    this.integratedLufs = -Infinity;
    this.rangeLu = 0;
    this.gatedDirty = false;
    this.energyTotal = 0;
    this.closedFrames = 0;
  }

  /**
   * Loudness of everything since reset, ungated: −0.691 + 10·log10(mean weighted energy). Two
   * readings of it (with ungatedFrames()) give the loudness of the time between them exactly.
   */
  ungatedLufs(): f64 {
    return this.closedFrames > 0 ? LOUDNESS_OFFSET_LU + powerToDb(this.energyTotal / this.closedFrames) : -Infinity;
  }

  /** Counts `count` frames the sample pass (sample-pass.ts) K-weighted into the open quantum. */
  advance(count: i32): void {
    this.framesSinceReset += count;
  }

  /** Closes the quantum: slides M and S, and every 100 ms adds a gating block and an LRA value. */
  endQuantum(): void {
    let energy: f64 = 0;
    for (let channel = 0; channel < this.channels; channel++) {
      const at = (<usize>channel) << 3;
      energy += load<f64>(this.weights + at) * load<f64>(this.quantumSums + at);
    }
    memory.fill(this.quantumSums, 0, (<usize>MAX_CHANNELS) << 3);
    const momentary = this.momentary;
    const shortTerm = this.shortTerm;
    momentary.push(energy);
    shortTerm.push(energy);
    this.energyTotal += energy;
    this.closedFrames += <f64>this.quantumFrames;
    this.filter.flushSubnormals();

    const blockEnergy = momentary.total() / <f64>this.gateFrames;
    this.blockEnergy = blockEnergy;
    const shortTermEnergy = shortTerm.total() / <f64>this.shortTermFrames;
    this.momentaryLufs = LOUDNESS_OFFSET_LU + powerToDb(blockEnergy);
    this.shortTermLufs = LOUDNESS_OFFSET_LU + powerToDb(shortTermEnergy);
    this.momentaryMaxSinceRead = max(this.momentaryMaxSinceRead, this.momentaryLufs);
    this.momentaryMaxSinceReset = max(this.momentaryMaxSinceReset, this.momentaryLufs);
    this.shortTermMaxSinceRead = max(this.shortTermMaxSinceRead, this.shortTermLufs);
    this.shortTermMaxSinceReset = max(this.shortTermMaxSinceReset, this.shortTermLufs);

    if (this.framesSinceReset % this.hopFrames != 0) return;
    // BS.1770-5 eq. 4: blocks strictly above the absolute gate; Tech 3342 §3.1: values at or above.
    if (this.framesSinceReset >= this.gateFrames && this.momentaryLufs > MIN_LUFS) {
      this.gating.add(this.momentaryLufs, blockEnergy);
      this.gatedDirty = true;
    }
    if (this.framesSinceReset >= this.shortTermFrames && this.shortTermLufs >= MIN_LUFS) {
      this.range.add(this.shortTermLufs, shortTermEnergy);
      this.gatedDirty = true;
    }
  }

  /** True when the last closed quantum ended a 100 ms hop (gating blocks and auto-trim step there). */
  atHop(): bool {
    return this.framesSinceReset % this.hopFrames == 0;
  }

  /** Frames from now to the next hop boundary (1 … hopFrames). */
  framesToNextHop(): i32 {
    return this.hopFrames - <i32>(this.framesSinceReset % this.hopFrames);
  }

  /** Writes its fields of the tap block at `block` (LUFS/LU, counts) and starts the next "since read" interval. */
  read(block: usize): void {
    this.updateGated();
    writeSlot(block, L_MOMENTARY_LUFS, this.momentaryLufs);
    writeSlot(block, L_MOMENTARY_MAX_LUFS, this.momentaryMaxSinceRead);
    writeSlot(block, L_MOMENTARY_MAX_SINCE_RESET_LUFS, this.momentaryMaxSinceReset);
    writeSlot(block, L_SHORT_TERM_LUFS, this.shortTermLufs);
    writeSlot(block, L_SHORT_TERM_MAX_LUFS, this.shortTermMaxSinceRead);
    writeSlot(block, L_SHORT_TERM_MAX_SINCE_RESET_LUFS, this.shortTermMaxSinceReset);
    writeSlot(block, L_INTEGRATED_LUFS, this.integratedLufs);
    writeSlot(block, L_LOUDNESS_RANGE_LU, this.rangeLu);
    writeSlot(block, L_FRAMES_SINCE_RESET, <f64>this.framesSinceReset);
    writeSlot(block, L_GATING_BLOCKS, this.gating.count);
    writeSlot(block, L_LRA_VALUES, this.range.count);
    writeSlot(block, L_UNGATED_LUFS, this.ungatedLufs());
    writeSlot(block, L_UNGATED_FRAMES, this.closedFrames);
    this.momentaryMaxSinceRead = this.momentaryLufs;
    this.shortTermMaxSinceRead = this.shortTermLufs;
  }

  /** Recomputes integrated loudness and LRA if blocks were added since the last call. */
  private updateGated(): void {
    if (!this.gatedDirty) return;
    this.gatedDirty = false;
    const gating = this.gating;
    const relativeGate = gating.meanLufs() + RELATIVE_GATE_LU;
    this.integratedLufs = gating.meanLufsFrom(gating.firstBinAbove(max(relativeGate, MIN_LUFS)));

    const range = this.range;
    const from = range.firstBinAbove(range.meanLufs() + LRA_RELATIVE_GATE_LU);
    const n = range.countFrom(from);
    if (n < 1) {
      this.rangeLu = 0;
      return;
    }
    // 1-based ranks with MATLAB round(), as Tech 3342's reference code.
    const low = range.valueAtRank(from, Math.floor((n - 1) * LRA_LOW_PERCENTILE + 1 + 0.5));
    const high = range.valueAtRank(from, Math.floor((n - 1) * LRA_HIGH_PERCENTILE + 1 + 0.5));
    this.rangeLu = high - low;
  }
}
