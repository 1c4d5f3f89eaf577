/**
 * Peak-to-loudness ratios (docs/metering.md §14), read from a tap's readings:
 *   PLR = highest true peak since reset − integrated loudness  (the programme's micro-dynamics;
 *         what loudness normalisation leaves of its peaks)
 *   PSR = highest true peak in the short-term window − short-term loudness  (the same, now:
 *         MeterPlugs' Dynameter, standardised as "Peak to Short-Term Loudness Ratio" in the AES
 *         e-Brief by Grimm, Kahsnitz, Shepherd, Tapper et al., 143rd Convention, 2017)
 * Both in dB; −∞/NaN inputs give NaN ("no reading"), never a misleading number.
 * PSR's peak window is the short-term loudness's 3 s (Tech 3341 §2.2.2) to the nearest read: each
 * read contributes the true peak since the previous one (no peak between reads is lost).
 * Thread: main thread, offline hosts and tests (allocates at construction only).
 */
import { LOUDNESS_WINDOWS_MS } from "../declaration/limits.js";
import type { TapReadings } from "./readings.js";

/** The short-term window (declared with its source in limits.ts), s. */
export const SHORT_TERM_SECONDS = LOUDNESS_WINDOWS_MS.shortTerm / 1000;

const finite = (value: number) => Number.isFinite(value);

/** PLR (dB): highest true peak since reset − integrated loudness; NaN until both exist. */
export function peakToLoudnessRatio(tap: TapReadings): number {
  const peak = tap.overall.truePeakMaxDbtp,
    loudness = tap.integratedLufs;
  return finite(peak) && finite(loudness) ? peak - loudness : Number.NaN;
}

/**
 * PSR (dB) of a stream of reads: feed every read of one tap in order; `psr()` is the highest true
 * peak in the last 3 s minus the short-term loudness now. A reset of the meters (the frame count
 * going back) starts the window over.
 */
export class ShortTermPeakWindow {
  /** Reads kept: frame at the end of each read and the true peak since the read before. */
  private readonly frames: Float64Array;
  private readonly peaks: Float64Array;
  private head = 0;
  private count = 0;
  private shortTermLufs = Number.NaN;

  /** `capacity` reads cover the window at the fastest read rate expected (1000/s by default). */
  constructor(capacity = 1000 * SHORT_TERM_SECONDS) {
    this.frames = new Float64Array(capacity);
    this.peaks = new Float64Array(capacity);
  }

  /** Adds one read of the tap at `sampleRate`. */
  push(tap: TapReadings, sampleRate: number): void {
    const frame = tap.framesSinceReset;
    const last = this.count > 0 ? this.frames[(this.head + this.count - 1) % this.frames.length]! : -1;
    if (frame === last) return; // nothing new was metered (paused)
    if (frame < last) this.count = 0; // the meters were reset
    if (this.count === this.frames.length) {
      this.head = (this.head + 1) % this.frames.length;
      this.count--;
    }
    const at = (this.head + this.count) % this.frames.length;
    this.frames[at] = frame;
    this.peaks[at] = tap.overall.truePeakDbtp;
    this.count++;
    // Drop reads whose interval ended before the window began.
    const windowStart = frame - SHORT_TERM_SECONDS * sampleRate;
    while (this.count > 1 && this.frames[this.head]! <= windowStart) {
      this.head = (this.head + 1) % this.frames.length;
      this.count--;
    }
    this.shortTermLufs = tap.shortTermLufs;
  }

  /** Highest true peak (dBTP) of the reads in the window; −∞ when there are none. */
  peakDbtp(): number {
    let peak = -Infinity;
    for (let i = 0; i < this.count; i++) peak = Math.max(peak, this.peaks[(this.head + i) % this.peaks.length]!);
    return peak;
  }

  /** PSR (dB) now; NaN until there is a short-term loudness and a peak. */
  psr(): number {
    const peak = this.peakDbtp();
    return finite(peak) && finite(this.shortTermLufs) ? peak - this.shortTermLufs : Number.NaN;
  }

  reset(): void {
    this.count = 0;
    this.shortTermLufs = Number.NaN;
  }
}
