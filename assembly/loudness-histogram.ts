// Constant-memory store of loudness values for gating: integrated loudness (BS.1770-5 eqs. 3–7,
// EBU Tech 3341 §2.3) and loudness range (EBU Tech 3342 §3.1). One bin per BIN_LU from MIN_LUFS
// to MAX_LUFS holds the count of values and the exact sum of their energies, so gated means are
// exact except for values sharing a bin with a gate threshold, and percentiles are exact to
// ±BIN_LU/2. Hours of audio take the same 320 kB as seconds (issue #2: within 0.01 LU).

import { arenaAlloc } from "./arena";
import { powerToDb } from "./units";

export const MIN_LUFS: f64 = -70.0;       // the absolute gate, BS.1770-5 eq. 4 / Tech 3342 §3.1
const MAX_LUFS: f64 = 30.0;               // louder values share the top bin (energies stay exact)
const BIN_LU: f64 = 0.005;
const BIN_COUNT: i32 = <i32>((MAX_LUFS - MIN_LUFS) / BIN_LU);
/** BS.1770-5 eq. 2: L = −0.691 + 10·log10(Σ G_i z_i). */
export const LOUDNESS_OFFSET_LU: f64 = -0.691;

// @ts-ignore: decorator
@unmanaged export class LoudnessHistogram {
  counts: usize;        // f64 × BIN_COUNT
  energies: usize;      // f64 × BIN_COUNT
  lowestBin: i32;
  highestBin: i32;
  count: f64;
  energy: f64;

  static create(): LoudnessHistogram {
    const histogram = changetype<LoudnessHistogram>(arenaAlloc(offsetof<LoudnessHistogram>()));
    histogram.counts = arenaAlloc(<usize>BIN_COUNT << 3);
    histogram.energies = arenaAlloc(<usize>BIN_COUNT << 3);
    histogram.reset();
    return histogram;
  }

  reset(): void {
    memory.fill(this.counts, 0, <usize>BIN_COUNT << 3);
    memory.fill(this.energies, 0, <usize>BIN_COUNT << 3);
    this.lowestBin = BIN_COUNT;
    this.highestBin = -1;
    this.count = 0;
    this.energy = 0;
  }

  /** Adds a value of loudness `lufs` (>= MIN_LUFS, the caller gates) and mean energy `energy`. */
  add(lufs: f64, energy: f64): void {
    const bin = <i32>min(<f64>(BIN_COUNT - 1), Math.floor((lufs - MIN_LUFS) / BIN_LU));
    const at = <usize>bin << 3;
    store<f64>(this.counts + at, load<f64>(this.counts + at) + 1.0);
    store<f64>(this.energies + at, load<f64>(this.energies + at) + energy);
    this.lowestBin = min(this.lowestBin, bin);
    this.highestBin = max(this.highestBin, bin);
    this.count += 1.0;
    this.energy += energy;
  }

  /** Loudness of the mean energy of every value, LUFS; -Infinity when empty. */
  meanLufs(): f64 {
    return this.count > 0 ? LOUDNESS_OFFSET_LU + powerToDb(this.energy / this.count) : -Infinity;
  }

  /** First bin whose values count as above `thresholdLufs` (bin centre at or above it). */
  firstBinAbove(thresholdLufs: f64): i32 {
    return max(this.lowestBin, <i32>Math.ceil((thresholdLufs - MIN_LUFS) / BIN_LU - 0.5));
  }

  /** Loudness of the mean energy of the values from bin `fromBin` up; -Infinity when none. */
  meanLufsFrom(fromBin: i32): f64 {
    let count: f64 = 0, energy: f64 = 0;
    for (let bin = fromBin; bin <= this.highestBin; bin++) {
      count += load<f64>(this.counts + (<usize>bin << 3));
      energy += load<f64>(this.energies + (<usize>bin << 3));
    }
    return count > 0 ? LOUDNESS_OFFSET_LU + powerToDb(energy / count) : -Infinity;
  }

  /** Values from bin `fromBin` up. */
  countFrom(fromBin: i32): f64 {
    let count: f64 = 0;
    for (let bin = fromBin; bin <= this.highestBin; bin++) count += load<f64>(this.counts + (<usize>bin << 3));
    return count;
  }

  /** The value of 1-based rank `rank` among the values from bin `fromBin` up (bin centre). */
  valueAtRank(fromBin: i32, rank: f64): f64 {
    let seen: f64 = 0;
    for (let bin = fromBin; bin <= this.highestBin; bin++) {
      seen += load<f64>(this.counts + (<usize>bin << 3));
      if (seen >= rank) return MIN_LUFS + (<f64>bin + 0.5) * BIN_LU;
    }
    return -Infinity;
  }
}
