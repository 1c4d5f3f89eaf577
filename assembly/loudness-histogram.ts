// Constant-memory store of loudness values for gating: integrated loudness (BS.1770-5 eqs. 3–7,
// EBU Tech 3341 §2.3) and loudness range (EBU Tech 3342 §3.1). Each bin of the loudness axis
// (loudness-scale.ts: 0.005 LU up to +30 LUFS, 0.1 LU above) holds the count of values and the
// exact sum of their energies, so gated means are exact except for values sharing a bin with a
// gate threshold, and percentiles are exact to half a bin. Hours of audio take the same memory
// as seconds (within 0.01 LU of an exact computation, tests/kernel/long-run.test.ts).

import { arenaAlloc } from "./arena";
import { LoudnessScale } from "./loudness-scale";
import { powerToDb } from "./units";

export { MIN_LUFS } from "./loudness-scale";
/** BS.1770-5 eq. 2: L = −0.691 + 10·log10(Σ G_i z_i). */
export const LOUDNESS_OFFSET_LU: f64 = -0.691;
const FINE_BIN_LU: f64 = 0.005;
const COARSE_BIN_LU: f64 = 0.1;

// @ts-ignore: decorator
@unmanaged
export class LoudnessHistogram {
  scale: LoudnessScale;
  counts: usize; // f64 per bin
  energies: usize; // f64 per bin
  lowestBin: i32;
  highestBin: i32;
  count: f64;
  energy: f64;

  static create(): LoudnessHistogram {
    const histogram = changetype<LoudnessHistogram>(arenaAlloc(offsetof<LoudnessHistogram>()));
    histogram.scale = LoudnessScale.create(FINE_BIN_LU, COARSE_BIN_LU);
    histogram.counts = arenaAlloc((<usize>histogram.scale.bins) << 3);
    histogram.energies = arenaAlloc((<usize>histogram.scale.bins) << 3);
    histogram.lowestBin = histogram.scale.bins;
    histogram.highestBin = -1;
    return histogram;
  }

  /** Empties the histogram; only the bins in use are cleared (the rest are zero), so this is cheap. */
  reset(): void {
    if (this.highestBin >= this.lowestBin) {
      const from = (<usize>this.lowestBin) << 3,
        bytes = (<usize>(this.highestBin - this.lowestBin + 1)) << 3;
      memory.fill(this.counts + from, 0, bytes);
      memory.fill(this.energies + from, 0, bytes);
    }
    this.lowestBin = this.scale.bins;
    this.highestBin = -1;
    this.count = 0;
    this.energy = 0;
  }

  /** Adds a value of loudness `lufs` (>= MIN_LUFS, the caller gates) and mean energy `energy`. */
  add(lufs: f64, energy: f64): void {
    const bin = this.scale.binOf(lufs);
    const at = (<usize>bin) << 3;
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
    return max(this.lowestBin, this.scale.firstBinAtOrAbove(thresholdLufs));
  }

  /** Loudness of the mean energy of the values from bin `fromBin` up; -Infinity when none. */
  meanLufsFrom(fromBin: i32): f64 {
    let count: f64 = 0,
      energy: f64 = 0;
    for (let bin = fromBin; bin <= this.highestBin; bin++) {
      count += load<f64>(this.counts + ((<usize>bin) << 3));
      energy += load<f64>(this.energies + ((<usize>bin) << 3));
    }
    return count > 0 ? LOUDNESS_OFFSET_LU + powerToDb(energy / count) : -Infinity;
  }

  /** Values from bin `fromBin` up. */
  countFrom(fromBin: i32): f64 {
    let count: f64 = 0;
    for (let bin = fromBin; bin <= this.highestBin; bin++) count += load<f64>(this.counts + ((<usize>bin) << 3));
    return count;
  }

  /** The value of 1-based rank `rank` among the values from bin `fromBin` up (bin centre). */
  valueAtRank(fromBin: i32, rank: f64): f64 {
    let seen: f64 = 0;
    for (let bin = fromBin; bin <= this.highestBin; bin++) {
      seen += load<f64>(this.counts + ((<usize>bin) << 3));
      if (seen >= rank) return this.scale.centreOf(bin);
    }
    return -Infinity;
  }
}
