// The loudness axis of the gating histograms (integrated loudness, LRA, Learn): fine bins from the
// absolute gate up to +30 LUFS, where every real programme lives, then coarse bins up to the
// loudest a float signal can be. A float file may legitimately exceed 0 dBFS, and the largest
// finite f32 sample (3.4e38, +770.6 dBFS) with the K-filter's +4 dB and eight weighted channels
// reads about +786 LUFS, so the axis ends at +800: every finite level is measured, none is
// "gated out as silence" for being loud (docs/metering.md §5).
// A bin's values are those from its lower edge up to (not including) the next bin's; its centre
// stands for them in percentiles and gate decisions.

import { arenaAlloc } from "./arena";

/** BS.1770-5 eq. 4 / Tech 3342 §3.1: the absolute gate, and the axis's lower end. */
export const MIN_LUFS: f64 = -70.0;
/** Top of the fine part of the axis: louder than any mastered programme. */
export const FINE_TOP_LUFS: f64 = 30.0;
/** Top of the axis: above the loudest finite f32 signal (see the header). */
export const MAX_LUFS: f64 = 800.0;

// @ts-ignore: decorator
@unmanaged
export class LoudnessScale {
  fineLu: f64;
  coarseLu: f64;
  fineBins: i32;
  bins: i32;

  /** A scale of `fineLu` bins up to FINE_TOP_LUFS and `coarseLu` bins above. */
  static create(fineLu: f64, coarseLu: f64): LoudnessScale {
    const scale = changetype<LoudnessScale>(arenaAlloc(offsetof<LoudnessScale>()));
    scale.fineLu = fineLu;
    scale.coarseLu = coarseLu;
    scale.fineBins = <i32>Math.round((FINE_TOP_LUFS - MIN_LUFS) / fineLu);
    scale.bins = scale.fineBins + <i32>Math.round((MAX_LUFS - FINE_TOP_LUFS) / coarseLu);
    return scale;
  }

  /** The bin holding `lufs` (>= MIN_LUFS; values past the top share the last bin). */
  binOf(lufs: f64): i32 {
    if (lufs < FINE_TOP_LUFS) return max(0, <i32>Math.floor((lufs - MIN_LUFS) / this.fineLu));
    return min(this.bins - 1, this.fineBins + <i32>Math.floor((lufs - FINE_TOP_LUFS) / this.coarseLu));
  }

  /** The centre of bin `bin`, LUFS. */
  centreOf(bin: i32): f64 {
    if (bin < this.fineBins) return MIN_LUFS + (<f64>bin + 0.5) * this.fineLu;
    return FINE_TOP_LUFS + (<f64>(bin - this.fineBins) + 0.5) * this.coarseLu;
  }

  /** The first bin whose centre is at or above `thresholdLufs` (may be `bins`: none). */
  firstBinAtOrAbove(thresholdLufs: f64): i32 {
    if (!(thresholdLufs > MIN_LUFS)) return 0;
    const bin = this.binOf(thresholdLufs);
    return this.centreOf(bin) >= thresholdLufs ? bin : bin + 1;
  }
}
