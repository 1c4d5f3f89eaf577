// The loudness of one stream of quantum energies — BS.1770-5 Annex 1 and EBU Tech 3341/3342:
// momentary (400 ms) and short-term (3 s) windows, their maxima, integrated loudness (gated) and
// loudness range. The programme's gate is fed the channels' weighted sum (loudness.ts); with
// channel loudness on, each channel also feeds a gate of its own (its loudness alone, as a mono
// programme). Windows start as silence at reset (libebur128's convention, docs/metering.md §1).

import { arenaAlloc } from "./arena";
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

// @ts-ignore: decorator
@unmanaged
export class LoudnessGate {
  gating: LoudnessHistogram; // 400 ms blocks for integrated loudness
  range: LoudnessHistogram; // short-term values for LRA
  momentary: WindowSum; // 400 ms of quantum energies
  shortTerm: WindowSum; // 3 s of quantum energies
  gateFrames: i32;
  quantumFrames: i32;
  hopFrames: i32;
  shortTermFrames: i32;
  /** Frames of the quanta closed since reset. */
  closedFrames: i64;
  momentaryLufs: f64;
  momentaryMaxSinceRead: f64;
  /** Highest momentary loudness since the last takeMomentarySinceEvent() (windows since a mark: since-mark.ts). */
  momentaryMaxSinceEvent: f64;
  momentaryMaxSinceReset: f64;
  shortTermLufs: f64;
  shortTermMaxSinceRead: f64;
  shortTermMaxSinceReset: f64;
  integratedLufs: f64;
  rangeLu: f64;
  gatedDirty: bool;
  /** Mean energy of the 400 ms ending at the last closed quantum. */
  blockEnergy: f64;
  /** Σ energy of every closed quantum since reset (ungated loudness). */
  energyTotal: f64;

  static create(sampleRate: f64, quantumFrames: i32): LoudnessGate {
    const gate = changetype<LoudnessGate>(arenaAlloc(offsetof<LoudnessGate>()));
    gate.gating = LoudnessHistogram.create();
    gate.range = LoudnessHistogram.create();
    gate.quantumFrames = quantumFrames;
    gate.gateFrames = msToFrames(GATE_BLOCK_MS, sampleRate);
    gate.hopFrames = msToFrames(GATE_HOP_MS, sampleRate);
    gate.shortTermFrames = msToFrames(SHORT_TERM_MS, sampleRate);
    gate.momentary = WindowSum.create(gate.gateFrames / quantumFrames);
    gate.shortTerm = WindowSum.create(gate.shortTermFrames / quantumFrames);
    gate.reset();
    return gate;
  }

  reset(): void {
    this.gating.reset();
    this.range.reset();
    this.momentary.reset();
    this.shortTerm.reset();
    this.closedFrames = 0;
    this.momentaryLufs = -Infinity;
    this.momentaryMaxSinceRead = -Infinity;
    this.momentaryMaxSinceEvent = -Infinity;
    this.momentaryMaxSinceReset = -Infinity;
    this.shortTermLufs = -Infinity;
    this.shortTermMaxSinceRead = -Infinity;
    this.shortTermMaxSinceReset = -Infinity;
    this.integratedLufs = -Infinity;
    this.rangeLu = 0;
    this.gatedDirty = false;
    this.energyTotal = 0;
  }

  /**
   * Loudness of everything since reset, ungated: −0.691 + 10·log10(mean energy). Two readings of
   * it (with the frames it covers) give the loudness of the time between them exactly.
   */
  ungatedLufs(): f64 {
    return this.closedFrames > 0
      ? LOUDNESS_OFFSET_LU + powerToDb(this.energyTotal / <f64>this.closedFrames)
      : -Infinity;
  }

  /** Closes a quantum of `energy` (Σ of its K-weighted squares): slides M and S, and every 100 ms adds a gating block and an LRA value. */
  push(energy: f64): void {
    const momentary = this.momentary;
    const shortTerm = this.shortTerm;
    momentary.push(energy);
    shortTerm.push(energy);
    this.energyTotal += energy;
    this.closedFrames += this.quantumFrames;

    const blockEnergy = momentary.total() / <f64>this.gateFrames;
    this.blockEnergy = blockEnergy;
    const shortTermEnergy = shortTerm.total() / <f64>this.shortTermFrames;
    this.momentaryLufs = LOUDNESS_OFFSET_LU + powerToDb(blockEnergy);
    this.shortTermLufs = LOUDNESS_OFFSET_LU + powerToDb(shortTermEnergy);
    this.momentaryMaxSinceRead = max(this.momentaryMaxSinceRead, this.momentaryLufs);
    this.momentaryMaxSinceEvent = max(this.momentaryMaxSinceEvent, this.momentaryLufs);
    this.momentaryMaxSinceReset = max(this.momentaryMaxSinceReset, this.momentaryLufs);
    this.shortTermMaxSinceRead = max(this.shortTermMaxSinceRead, this.shortTermLufs);
    this.shortTermMaxSinceReset = max(this.shortTermMaxSinceReset, this.shortTermLufs);

    if (this.closedFrames % this.hopFrames != 0) return;
    // BS.1770-5 eq. 4: blocks strictly above the absolute gate; Tech 3342 §3.1: values at or above.
    if (this.closedFrames >= this.gateFrames && this.momentaryLufs > MIN_LUFS) {
      this.gating.add(this.momentaryLufs, blockEnergy);
      this.gatedDirty = true;
    }
    if (this.closedFrames >= this.shortTermFrames && this.shortTermLufs >= MIN_LUFS) {
      this.range.add(this.shortTermLufs, shortTermEnergy);
      this.gatedDirty = true;
    }
  }

  /** The highest momentary loudness since the last call (LUFS); starts the next interval. */
  takeMomentarySinceEvent(): f64 {
    const highest = this.momentaryMaxSinceEvent;
    this.momentaryMaxSinceEvent = -Infinity;
    return highest;
  }

  /** Starts the next "since read" interval of the maxima. */
  startRead(): void {
    this.momentaryMaxSinceRead = this.momentaryLufs;
    this.shortTermMaxSinceRead = this.shortTermLufs;
  }

  /** Recomputes integrated loudness and LRA if blocks were added since the last call. */
  updateGated(): void {
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
