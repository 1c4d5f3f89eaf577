// Auto-trim learning: the level of the signal entering PRE over the learned window. Every 100 ms
// hop closes a 400 ms block (BS.1770-5 eq. 3); a block is kept if its K-weighted loudness is
// above −70 LUFS (absolute gate) and above the mean of such blocks − 10 LU (relative gate,
// eq. 6). Each detector's level over the window (docs/metering.md §8, "Auto-trim"):
//   rms-gated:  10·log10(mean of kept blocks' mean squares) + 3.0103    (AES17, louder channel)
//   vu:         20·log10(mean of kept blocks' mean |x| · π/2)            (gated, sine-calibrated)
//   peak:       20·log10(max |x|)                                        (ungated)
//   lufs:       −0.691 + 10·log10(mean of kept blocks' energies)         (BS.1770 integrated)
//   rms:        10·log10(Σx² / frames) + 3.0103                          (ungated, louder channel:
//               what a plain RMS meter reads over the window, + 3.01 dB)
//   true-peak:  20·log10(max of the true-peak meter's readings)          (ungated, BS.1770 Annex 2)
// A fixed histogram (loudness-scale.ts: 0.1 LU bins to +30 LUFS, 1 LU above) holds each bin's
// count, energy and per-channel sums, so a window of any length takes constant memory;
// continuous mode (Ride) decays everything by the same factor each hop.

import { arenaAlloc } from "./arena";
import {
  MAX_CHANNELS,
  MAX_FRAMES,
  DETECTOR_RMS_GATED,
  DETECTOR_VU,
  DETECTOR_PEAK,
  DETECTOR_LUFS,
  DETECTOR_RMS,
  DETECTOR_TRUE_PEAK,
} from "./layout";
import { LOUDNESS_OFFSET_LU, MIN_LUFS } from "./loudness-histogram";
import { LoudnessScale } from "./loudness-scale";
import { AES17_OFFSET_DB } from "./rms";
import { powerToDb, amplitudeToDb } from "./units";

const FINE_BIN_LU: f64 = 0.1;
const COARSE_BIN_LU: f64 = 1.0;
const RELATIVE_GATE_LU: f64 = -10.0; // BS.1770-5 eq. 6
const BLOCK_HOPS: i32 = 4; // 400 ms block = 4 hops of 100 ms
/** Slots per bin: count, loudness energy, Σ mean square per channel, Σ mean |x| per channel. */
const BIN_SLOTS: i32 = 2 + 2 * MAX_CHANNELS;
/** π/2: a rectified sine's mean times π/2 is its peak (the VU's sine calibration). */
const SINE_CALIBRATION: f64 = Math.PI / 2.0;
const CHANNEL_STRIDE_BYTES: usize = (<usize>MAX_FRAMES) << 2;
const CHANNEL_BYTES: usize = (<usize>MAX_CHANNELS) << 3;

// @ts-ignore: decorator
@unmanaged
export class Learner {
  scale: LoudnessScale;
  bins: usize; // scale.bins × BIN_SLOTS f64
  hopSquares: usize; // per channel: Σx² of the open hop
  hopAbs: usize; // per channel: Σ|x| of the open hop
  ring: usize; // last BLOCK_HOPS hops: per hop 2·MAX_CHANNELS f64 (Σx², Σ|x|) per channel
  peaks: usize; // per channel: max |x| in the window (decayed in continuous mode)
  hopPeaks: usize; // per channel: max |x| of the open hop
  squares: usize; // per channel: Σx² of the closed hops in the window (decayed), ungated
  hopFrames: i32;
  hopFill: i32; // frames in the open hop
  hopsSeen: i32;
  channels: i32;
  frames: f64; // frames of the closed hops in the window (decayed)
  truePeak: f64; // max true peak over channels in the window (decayed), linear
  openTruePeak: f64; // the true-peak meter's largest reading in the open hop (set before deciding)
  blocksTotal: f64;
  lastHopPeak: f64; // max |x| over channels in the hop just closed
  lastHopTruePeak: f64; // max true peak over channels in the hop just closed
  lastBlockKept: bool; // the block just closed passed both gates (there is signal now)
  lowestBin: i32;
  highestBin: i32;

  static create(hopFrames: i32, channels: i32): Learner {
    const learner = changetype<Learner>(arenaAlloc(offsetof<Learner>()));
    learner.scale = LoudnessScale.create(FINE_BIN_LU, COARSE_BIN_LU);
    learner.bins = arenaAlloc((<usize>(learner.scale.bins * BIN_SLOTS)) << 3);
    learner.hopSquares = arenaAlloc(CHANNEL_BYTES);
    learner.hopAbs = arenaAlloc(CHANNEL_BYTES);
    learner.ring = arenaAlloc((<usize>(BLOCK_HOPS * 2 * MAX_CHANNELS)) << 3);
    learner.peaks = arenaAlloc(CHANNEL_BYTES);
    learner.hopPeaks = arenaAlloc(CHANNEL_BYTES);
    learner.squares = arenaAlloc(CHANNEL_BYTES);
    learner.hopFrames = hopFrames;
    learner.channels = channels;
    learner.lowestBin = learner.scale.bins; // arenaAlloc hands out zeroed bins: none to clear
    learner.highestBin = -1;
    learner.reset();
    return learner;
  }

  reset(): void {
    if (this.highestBin >= this.lowestBin) {
      memory.fill(
        this.bins + ((<usize>(this.lowestBin * BIN_SLOTS)) << 3),
        0,
        (<usize>((this.highestBin - this.lowestBin + 1) * BIN_SLOTS)) << 3,
      );
    }
    memory.fill(this.hopSquares, 0, CHANNEL_BYTES);
    memory.fill(this.hopAbs, 0, CHANNEL_BYTES);
    memory.fill(this.ring, 0, (<usize>(BLOCK_HOPS * 2 * MAX_CHANNELS)) << 3);
    memory.fill(this.peaks, 0, CHANNEL_BYTES);
    memory.fill(this.hopPeaks, 0, CHANNEL_BYTES);
    memory.fill(this.squares, 0, CHANNEL_BYTES);
    this.hopFill = 0;
    this.hopsSeen = 0;
    this.frames = 0;
    this.truePeak = 0;
    this.openTruePeak = 0;
    this.blocksTotal = 0;
    this.lastHopPeak = 0;
    this.lastHopTruePeak = 0;
    this.lastBlockKept = false;
    this.lowestBin = this.scale.bins;
    this.highestBin = -1;
  }

  /** Adds frames [0, count) of the sanitized planar block to the open hop. */
  accumulate(block: usize, count: i32): void {
    for (let channel = 0; channel < this.channels; channel++) {
      const samples = block + <usize>channel * CHANNEL_STRIDE_BYTES;
      const at = (<usize>channel) << 3;
      let squares = load<f64>(this.hopSquares + at);
      let absolute = load<f64>(this.hopAbs + at);
      let peak = load<f64>(this.hopPeaks + at);
      for (let frame = 0; frame < count; frame++) {
        const x = Math.abs(<f64>load<f32>(samples + ((<usize>frame) << 2)));
        squares += x * x;
        absolute += x;
        peak = max(peak, x);
      }
      store<f64>(this.hopSquares + at, squares);
      store<f64>(this.hopAbs + at, absolute);
      store<f64>(this.hopPeaks + at, peak);
    }
    this.hopFill += count;
  }

  /**
   * Closes a hop. `blockEnergy` is the K-weighted mean energy of the 400 ms ending here (the
   * loudness meter's momentary window); `hopTruePeak` the true-peak meter's largest reading in
   * the hop (linear, over channels). `decay` (<= 1) scales what was learned before (1 = keep).
   */
  endHop(blockEnergy: f64, hopTruePeak: f64, decay: f64): void {
    const slot = this.ring + ((<usize>((this.hopsSeen % BLOCK_HOPS) * 2 * MAX_CHANNELS)) << 3);
    this.lastBlockKept = false;
    this.lastHopPeak = 0;
    this.lastHopTruePeak = hopTruePeak;
    this.truePeak = max(this.truePeak * decay, hopTruePeak);
    this.openTruePeak = 0;
    this.frames = this.frames * decay + <f64>this.hopFill;
    this.hopFill = 0;
    for (let channel = 0; channel < this.channels; channel++)
      this.lastHopPeak = max(this.lastHopPeak, load<f64>(this.hopPeaks + ((<usize>channel) << 3)));
    for (let channel = 0; channel < MAX_CHANNELS; channel++) {
      const at = (<usize>channel) << 3;
      const hopSquares = load<f64>(this.hopSquares + at);
      store<f64>(slot + at, hopSquares);
      store<f64>(slot + CHANNEL_BYTES + at, load<f64>(this.hopAbs + at));
      store<f64>(this.squares + at, load<f64>(this.squares + at) * decay + hopSquares);
      store<f64>(this.peaks + at, max(load<f64>(this.peaks + at) * decay, load<f64>(this.hopPeaks + at)));
      store<f64>(this.hopSquares + at, 0);
      store<f64>(this.hopAbs + at, 0);
      store<f64>(this.hopPeaks + at, 0);
    }
    this.hopsSeen++;
    if (decay < 1.0) this.decayBins(decay);
    if (this.hopsSeen < BLOCK_HOPS) return; // the first block is not complete yet
    this.blocksTotal = this.blocksTotal * decay + 1.0;
    const lufs = LOUDNESS_OFFSET_LU + powerToDb(blockEnergy);
    if (!(lufs > MIN_LUFS)) return; // absolute gate (also −Infinity for silence)
    const bin = this.scale.binOf(lufs);
    const binAt = this.bins + ((<usize>(bin * BIN_SLOTS)) << 3);
    const blockFrames = <f64>(this.hopFrames * BLOCK_HOPS);
    store<f64>(binAt, load<f64>(binAt) + 1.0);
    store<f64>(binAt, load<f64>(binAt, 8) + blockEnergy, 8);
    for (let channel = 0; channel < this.channels; channel++) {
      let squares: f64 = 0,
        absolute: f64 = 0;
      for (let hop = 0; hop < BLOCK_HOPS; hop++) {
        const hopAt = this.ring + ((<usize>(hop * 2 * MAX_CHANNELS + channel)) << 3);
        squares += load<f64>(hopAt);
        absolute += load<f64>(hopAt + CHANNEL_BYTES);
      }
      const msAt = binAt + ((<usize>(2 + channel)) << 3);
      const absAt = binAt + ((<usize>(2 + MAX_CHANNELS + channel)) << 3);
      store<f64>(msAt, load<f64>(msAt) + squares / blockFrames);
      store<f64>(absAt, load<f64>(absAt) + absolute / blockFrames);
    }
    this.lowestBin = min(this.lowestBin, bin);
    this.highestBin = max(this.highestBin, bin);
    this.lastBlockKept = bin >= this.firstGatedBin();
  }

  private decayBins(decay: f64): void {
    for (let bin = this.lowestBin; bin <= this.highestBin; bin++) {
      const binAt = this.bins + ((<usize>(bin * BIN_SLOTS)) << 3);
      for (let slot = 0; slot < BIN_SLOTS; slot++)
        store<f64>(binAt + ((<usize>slot) << 3), load<f64>(binAt + ((<usize>slot) << 3)) * decay);
    }
  }

  /** Blocks (weighted, in continuous mode) above the absolute gate. */
  blocksAboveAbsolute(): f64 {
    let count: f64 = 0;
    for (let bin = this.lowestBin; bin <= this.highestBin; bin++)
      count += load<f64>(this.bins + ((<usize>(bin * BIN_SLOTS)) << 3));
    return count;
  }

  /** First bin above the relative gate. */
  private firstGatedBin(): i32 {
    let count: f64 = 0,
      energy: f64 = 0;
    for (let bin = this.lowestBin; bin <= this.highestBin; bin++) {
      const binAt = this.bins + ((<usize>(bin * BIN_SLOTS)) << 3);
      count += load<f64>(binAt);
      energy += load<f64>(binAt, 8);
    }
    if (count <= 0) return this.highestBin + 1;
    const gate = LOUDNESS_OFFSET_LU + powerToDb(energy / count) + RELATIVE_GATE_LU;
    return max(this.lowestBin, this.scale.firstBinAtOrAbove(gate));
  }

  /** Blocks that passed both gates. */
  blocksKept(): f64 {
    let count: f64 = 0;
    for (let bin = this.firstGatedBin(); bin <= this.highestBin; bin++)
      count += load<f64>(this.bins + ((<usize>(bin * BIN_SLOTS)) << 3));
    return count;
  }

  /** Whether `detector` reads a level through BS.1770's gates (the others are ungated). */
  static isGated(detector: i32): bool {
    return detector == DETECTOR_RMS_GATED || detector == DETECTOR_VU || detector == DETECTOR_LUFS;
  }

  /**
   * The detector's level over the window in dB (AES17 dB FS, dBFS sine-peak for VU, dBFS, LUFS,
   * dBTP); −Infinity if nothing passed the gates (gated detectors) or nothing was heard.
   */
  levelDb(detector: i32): f64 {
    if (detector == DETECTOR_PEAK) return amplitudeToDb(this.peakLinear());
    if (detector == DETECTOR_TRUE_PEAK) return amplitudeToDb(this.truePeakLinear());
    if (detector == DETECTOR_RMS) return this.ungatedRmsDb();
    const from = this.firstGatedBin();
    let count: f64 = 0,
      energy: f64 = 0;
    for (let bin = from; bin <= this.highestBin; bin++) {
      const binAt = this.bins + ((<usize>(bin * BIN_SLOTS)) << 3);
      count += load<f64>(binAt);
      energy += load<f64>(binAt, 8);
    }
    if (count <= 0) return -Infinity;
    if (detector == DETECTOR_LUFS) return LOUDNESS_OFFSET_LU + powerToDb(energy / count);
    let loudest: f64 = 0;
    for (let channel = 0; channel < this.channels; channel++) {
      let sum: f64 = 0;
      const offset = detector == DETECTOR_VU ? 2 + MAX_CHANNELS + channel : 2 + channel;
      for (let bin = from; bin <= this.highestBin; bin++)
        sum += load<f64>(this.bins + ((<usize>(bin * BIN_SLOTS + offset)) << 3));
      loudest = max(loudest, sum / count);
    }
    return detector == DETECTOR_VU ? amplitudeToDb(loudest * SINE_CALIBRATION) : powerToDb(loudest) + AES17_OFFSET_DB;
  }

  /** AES17 RMS of every frame in the window (the open hop included), the louder channel. */
  private ungatedRmsDb(): f64 {
    const frames = this.frames + <f64>this.hopFill;
    if (frames <= 0) return -Infinity;
    let loudest: f64 = 0;
    for (let channel = 0; channel < this.channels; channel++) {
      const at = (<usize>channel) << 3;
      loudest = max(loudest, (load<f64>(this.squares + at) + load<f64>(this.hopSquares + at)) / frames);
    }
    return powerToDb(loudest) + AES17_OFFSET_DB;
  }

  /** Largest sample magnitude seen in the window (over channels, the open hop included). */
  peakLinear(): f64 {
    let peak: f64 = 0;
    for (let channel = 0; channel < this.channels; channel++) {
      const at = (<usize>channel) << 3;
      peak = max(peak, max(load<f64>(this.peaks + at), load<f64>(this.hopPeaks + at)));
    }
    return peak;
  }

  /** Largest true peak seen in the window (linear, the open hop included; never below the sample peak). */
  truePeakLinear(): f64 {
    return max(max(this.truePeak, this.openTruePeak), this.peakLinear());
  }
}
