// Auto-trim learning: the level of the signal entering PRE, gated like BS.1770 so silence and
// quiet passages do not count (issue #4). Every 100 ms hop closes a 400 ms block (BS.1770-5
// eq. 3); a block is kept if its K-weighted loudness is above −70 LUFS (absolute gate) and
// above the mean of such blocks − 10 LU (relative gate, eq. 6). The detector's level is then
// averaged over the kept blocks:
//   AES17 RMS:  10·log10(mean of block mean squares) + 3.0103   (the louder channel)
//   VU:         20·log10(mean of block mean |x| · π/2)           (average-responding, sine-calibrated)
//   peak:       20·log10(max |x|) over the whole window           (ungated)
//   loudness:   −0.691 + 10·log10(mean of block energies)        (BS.1770 integrated)
// A fixed histogram (0.1 LU bins by block loudness) holds each bin's count, energy and
// per-channel sums, so a window of any length takes constant memory; continuous mode decays it.

import { arenaAlloc } from "./arena";
import { MAX_CHANNELS, MAX_FRAMES } from "./layout";
import { LOUDNESS_OFFSET_LU, MIN_LUFS } from "./loudness-histogram";
import { AES17_OFFSET_DB } from "./rms";
import { powerToDb, amplitudeToDb } from "./units";

export const DETECTOR_RMS: i32 = 0;
export const DETECTOR_VU: i32 = 1;
export const DETECTOR_PEAK: i32 = 2;
export const DETECTOR_LOUDNESS: i32 = 3;

const BIN_LU: f64 = 0.1;
const MAX_LUFS: f64 = 30.0;
const BIN_COUNT: i32 = <i32>((MAX_LUFS - MIN_LUFS) / BIN_LU);
const RELATIVE_GATE_LU: f64 = -10.0;               // BS.1770-5 eq. 6
const BLOCK_HOPS: i32 = 4;                         // 400 ms block = 4 hops of 100 ms
/** Slots per bin: count, loudness energy, Σ mean square per channel, Σ mean |x| per channel. */
const BIN_SLOTS: i32 = 2 + 2 * MAX_CHANNELS;
/** π/2: a rectified sine's mean times π/2 is its peak (the VU's sine calibration). */
const SINE_CALIBRATION: f64 = Math.PI / 2.0;
const CHANNEL_STRIDE_BYTES: usize = <usize>MAX_FRAMES << 2;

// @ts-ignore: decorator
@unmanaged export class Learner {
  bins: usize;              // BIN_COUNT × BIN_SLOTS f64
  hopSquares: usize;        // per channel: Σx² of the open hop
  hopAbs: usize;            // per channel: Σ|x| of the open hop
  ring: usize;              // last BLOCK_HOPS hops: per hop 2·MAX_CHANNELS f64 (Σx², Σ|x|) per channel
  peaks: usize;             // per channel: max |x| in the window (decayed in continuous mode)
  hopPeaks: usize;          // per channel: max |x| of the open hop
  hopFrames: i32;
  hopsSeen: i32;
  channels: i32;
  blocksTotal: f64;
  lastHopPeak: f64;         // max |x| over channels in the hop just closed
  lastBlockKept: bool;      // the block just closed passed both gates (there is signal now)
  lowestBin: i32;
  highestBin: i32;

  static create(hopFrames: i32, channels: i32): Learner {
    const learner = changetype<Learner>(arenaAlloc(offsetof<Learner>()));
    learner.bins = arenaAlloc(<usize>(BIN_COUNT * BIN_SLOTS) << 3);
    learner.hopSquares = arenaAlloc(<usize>MAX_CHANNELS << 3);
    learner.hopAbs = arenaAlloc(<usize>MAX_CHANNELS << 3);
    learner.ring = arenaAlloc(<usize>(BLOCK_HOPS * 2 * MAX_CHANNELS) << 3);
    learner.peaks = arenaAlloc(<usize>MAX_CHANNELS << 3);
    learner.hopPeaks = arenaAlloc(<usize>MAX_CHANNELS << 3);
    learner.hopFrames = hopFrames;
    learner.channels = channels;
    learner.reset();
    return learner;
  }

  reset(): void {
    memory.fill(this.bins, 0, <usize>(BIN_COUNT * BIN_SLOTS) << 3);
    memory.fill(this.hopSquares, 0, <usize>MAX_CHANNELS << 3);
    memory.fill(this.hopAbs, 0, <usize>MAX_CHANNELS << 3);
    memory.fill(this.ring, 0, <usize>(BLOCK_HOPS * 2 * MAX_CHANNELS) << 3);
    memory.fill(this.peaks, 0, <usize>MAX_CHANNELS << 3);
    memory.fill(this.hopPeaks, 0, <usize>MAX_CHANNELS << 3);
    this.hopsSeen = 0;
    this.blocksTotal = 0;
    this.lastHopPeak = 0;
    this.lastBlockKept = false;
    this.lowestBin = BIN_COUNT;
    this.highestBin = -1;
  }

  /** Adds frames [start, start + count) of the sanitized planar block to the open hop. */
  accumulate(block: usize, start: i32, count: i32): void {
    for (let channel = 0; channel < this.channels; channel++) {
      const samples = block + <usize>channel * CHANNEL_STRIDE_BYTES;
      let squares = load<f64>(this.hopSquares + (<usize>channel << 3));
      let absolute = load<f64>(this.hopAbs + (<usize>channel << 3));
      let peak = load<f64>(this.hopPeaks + (<usize>channel << 3));
      for (let frame = start; frame < start + count; frame++) {
        const x = Math.abs(<f64>load<f32>(samples + (<usize>frame << 2)));
        squares += x * x;
        absolute += x;
        peak = max(peak, x);
      }
      store<f64>(this.hopSquares + (<usize>channel << 3), squares);
      store<f64>(this.hopAbs + (<usize>channel << 3), absolute);
      store<f64>(this.hopPeaks + (<usize>channel << 3), peak);
    }
  }

  /**
   * Closes a hop. `blockEnergy` is the K-weighted mean energy of the 400 ms ending here (the
   * loudness meter's momentary window). `decay` (<= 1) scales what was learned before (1 = keep).
   */
  endHop(blockEnergy: f64, decay: f64): void {
    const slot = this.ring + (<usize>((this.hopsSeen % BLOCK_HOPS) * 2 * MAX_CHANNELS) << 3);
    this.lastBlockKept = false;
    this.lastHopPeak = 0;
    for (let channel = 0; channel < this.channels; channel++) this.lastHopPeak = max(this.lastHopPeak, load<f64>(this.hopPeaks + (<usize>channel << 3)));
    for (let channel = 0; channel < MAX_CHANNELS; channel++) {
      const at = <usize>channel << 3;
      store<f64>(slot + at, load<f64>(this.hopSquares + at));
      store<f64>(slot + (<usize>MAX_CHANNELS << 3) + at, load<f64>(this.hopAbs + at));
      store<f64>(this.peaks + at, max(load<f64>(this.peaks + at) * decay, load<f64>(this.hopPeaks + at)));
      store<f64>(this.hopSquares + at, 0);
      store<f64>(this.hopAbs + at, 0);
      store<f64>(this.hopPeaks + at, 0);
    }
    this.hopsSeen++;
    if (decay < 1.0) this.decayBins(decay);
    if (this.hopsSeen < BLOCK_HOPS) return;           // the first block is not complete yet
    this.blocksTotal = this.blocksTotal * decay + 1.0;
    const lufs = LOUDNESS_OFFSET_LU + powerToDb(blockEnergy);
    if (!(lufs > MIN_LUFS)) return;                    // absolute gate (also −Infinity for silence)
    const bin = <i32>min(<f64>(BIN_COUNT - 1), Math.floor((lufs - MIN_LUFS) / BIN_LU));
    const binAt = this.bins + (<usize>(bin * BIN_SLOTS) << 3);
    const blockFrames = <f64>(this.hopFrames * BLOCK_HOPS);
    store<f64>(binAt, load<f64>(binAt) + 1.0);
    store<f64>(binAt, load<f64>(binAt, 8) + blockEnergy, 8);
    for (let channel = 0; channel < this.channels; channel++) {
      let squares: f64 = 0, absolute: f64 = 0;
      for (let hop = 0; hop < BLOCK_HOPS; hop++) {
        const hopAt = this.ring + (<usize>(hop * 2 * MAX_CHANNELS + channel) << 3);
        squares += load<f64>(hopAt);
        absolute += load<f64>(hopAt + (<usize>MAX_CHANNELS << 3));
      }
      const msAt = binAt + (<usize>(2 + channel) << 3);
      const absAt = binAt + (<usize>(2 + MAX_CHANNELS + channel) << 3);
      store<f64>(msAt, load<f64>(msAt) + squares / blockFrames);
      store<f64>(absAt, load<f64>(absAt) + absolute / blockFrames);
    }
    this.lowestBin = min(this.lowestBin, bin);
    this.highestBin = max(this.highestBin, bin);
    this.lastBlockKept = bin >= this.firstGatedBin();
  }

  private decayBins(decay: f64): void {
    for (let bin = this.lowestBin; bin <= this.highestBin; bin++) {
      const binAt = this.bins + (<usize>(bin * BIN_SLOTS) << 3);
      for (let slot = 0; slot < BIN_SLOTS; slot++) store<f64>(binAt + (<usize>slot << 3), load<f64>(binAt + (<usize>slot << 3)) * decay);
    }
  }

  /** Blocks (weighted, in continuous mode) above the absolute gate. */
  blocksAboveAbsolute(): f64 {
    let count: f64 = 0;
    for (let bin = this.lowestBin; bin <= this.highestBin; bin++) count += load<f64>(this.bins + (<usize>(bin * BIN_SLOTS) << 3));
    return count;
  }

  /** First bin above the relative gate. */
  private firstGatedBin(): i32 {
    let count: f64 = 0, energy: f64 = 0;
    for (let bin = this.lowestBin; bin <= this.highestBin; bin++) {
      const binAt = this.bins + (<usize>(bin * BIN_SLOTS) << 3);
      count += load<f64>(binAt);
      energy += load<f64>(binAt, 8);
    }
    if (count <= 0) return this.highestBin + 1;
    const gate = LOUDNESS_OFFSET_LU + powerToDb(energy / count) + RELATIVE_GATE_LU;
    return max(this.lowestBin, <i32>Math.ceil((gate - MIN_LUFS) / BIN_LU - 0.5));
  }

  /** Blocks that passed both gates. */
  blocksKept(): f64 {
    let count: f64 = 0;
    for (let bin = this.firstGatedBin(); bin <= this.highestBin; bin++) count += load<f64>(this.bins + (<usize>(bin * BIN_SLOTS) << 3));
    return count;
  }

  /** The detector's gated level in dB (AES17 dB FS, dBFS sine-peak for VU, dBFS, LUFS); −Infinity if nothing passed. */
  levelDb(detector: i32): f64 {
    if (detector == DETECTOR_PEAK) return amplitudeToDb(this.peakLinear());
    const from = this.firstGatedBin();
    let count: f64 = 0, energy: f64 = 0;
    for (let bin = from; bin <= this.highestBin; bin++) {
      const binAt = this.bins + (<usize>(bin * BIN_SLOTS) << 3);
      count += load<f64>(binAt);
      energy += load<f64>(binAt, 8);
    }
    if (count <= 0) return -Infinity;
    if (detector == DETECTOR_LOUDNESS) return LOUDNESS_OFFSET_LU + powerToDb(energy / count);
    let loudest: f64 = 0;
    for (let channel = 0; channel < this.channels; channel++) {
      let sum: f64 = 0;
      const offset = detector == DETECTOR_VU ? 2 + MAX_CHANNELS + channel : 2 + channel;
      for (let bin = from; bin <= this.highestBin; bin++) sum += load<f64>(this.bins + (<usize>(bin * BIN_SLOTS + offset) << 3));
      loudest = max(loudest, sum / count);
    }
    return detector == DETECTOR_VU ? amplitudeToDb(loudest * SINE_CALIBRATION) : powerToDb(loudest) + AES17_OFFSET_DB;
  }

  /** Largest sample magnitude seen in the window (over channels). */
  peakLinear(): f64 {
    let peak: f64 = 0;
    for (let channel = 0; channel < this.channels; channel++) peak = max(peak, load<f64>(this.peaks + (<usize>channel << 3)));
    return peak;
  }
}
