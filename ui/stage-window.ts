/**
 * What the stage check judges: each meter point's levels over the window since the last trim
 * change (or meter reset), never over audio that went through an older trim. Built from the
 * kernel's cumulative readouts, so the window's average is exact: the energy since reset is
 * 10^(RMS total / 10) · frames, and the window's is the difference of two such readings.
 * Peaks are the highest "max since read" seen in the window. Pure (no DOM): tested directly.
 * Thread: main thread.
 */
import type { TapReadings } from "../host/model/readings.js";

/** A trim change ramps over 20 ms (GAIN_SMOOTHING_MS); the window starts after it has settled. */
export const SETTLE_MS = 50;
/** Shorter than this, a window says too little about a programme to suggest a trim. */
export const MIN_WINDOW_SECONDS = 3;
const AES17_OFFSET_DB = 10 * Math.log10(2);

export interface StageLevels {
  /** Seconds of audio in the window. */
  seconds: number;
  peakDbfs: number;
  truePeakDbtp: number;
  /** AES17 RMS of the whole window, the louder channel (dB). */
  averageAes17Db: number;
  clips: number;
  /** Integrated loudness since the meters' reset (BS.1770 needs its gate's history). */
  integratedLufs: number;
  /** Seconds since the meters' reset: when close to `seconds`, integratedLufs is the window's own. */
  sinceResetSeconds: number;
}

interface Base {
  frames: number;
  energies: number[];
  clips: number;
  peak: number;
  truePeak: number;
  sampleRate: number;
}

function energies(tap: TapReadings): number[] {
  return tap.channels.map((c) =>
    Number.isFinite(c.rmsTotalDbfs) ? 10 ** (c.rmsTotalDbfs / 10) * tap.framesSinceReset : 0,
  );
}

export class StageWindow<Point extends string> {
  private bases = new Map<Point, Base>();
  private pendingUntilMs = 0;
  private lastFrames = new Map<Point, number>();

  /** Starts every point's window over after `SETTLE_MS` (a trim changed at `nowMs`). */
  restart(nowMs: number): void {
    this.bases.clear();
    this.pendingUntilMs = nowMs + SETTLE_MS;
  }

  /** Feeds one snapshot of every point. */
  push(taps: Record<Point, TapReadings>, sampleRate: number, nowMs: number): void {
    for (const point of Object.keys(taps) as Point[]) {
      const tap = taps[point];
      // Meters reset (the count went back): that point's window starts over at once.
      if (tap.framesSinceReset < (this.lastFrames.get(point) ?? 0)) this.bases.delete(point);
      this.lastFrames.set(point, tap.framesSinceReset);
      const base = this.bases.get(point);
      if (!base) {
        if (nowMs >= this.pendingUntilMs) {
          this.bases.set(point, {
            frames: tap.framesSinceReset,
            energies: energies(tap),
            clips: tap.overall.clipCount,
            peak: -Infinity,
            truePeak: -Infinity,
            sampleRate,
          });
        }
        continue;
      }
      base.peak = Math.max(base.peak, tap.overall.samplePeakDbfs);
      base.truePeak = Math.max(base.truePeak, tap.overall.truePeakDbtp);
    }
    this.latest = taps;
  }

  private latest: Record<Point, TapReadings> | null = null;

  /** The levels of `point` over its window, or null before its window has begun. */
  levels(point: Point): StageLevels | null {
    const base = this.bases.get(point),
      tap = this.latest?.[point];
    if (!base || !tap) return null;
    const frames = tap.framesSinceReset - base.frames;
    const now = energies(tap);
    const loudest = Math.max(0, ...now.map((e, c) => (e - (base.energies[c] ?? 0)) / Math.max(1, frames)));
    return {
      seconds: frames / base.sampleRate,
      peakDbfs: base.peak,
      truePeakDbtp: base.truePeak,
      averageAes17Db: loudest > 0 ? 10 * Math.log10(loudest) + AES17_OFFSET_DB : -Infinity,
      clips: tap.overall.clipCount - base.clips,
      integratedLufs: tap.integratedLufs,
      sinceResetSeconds: tap.framesSinceReset / base.sampleRate,
    };
  }
}

/**
 * How long the stage check measures after a trim change before it suggests anything: the window
 * starts over at every change; MIN_WINDOW_SECONDS, but after Learn as long as Learn listened, so
 * it never offers again the cut Learn just made from a longer look. Learn's outcome and the trim's
 * move may arrive in either order (the kernel moves the trim itself; the panel applies after it):
 * the trim Learn set is remembered, so whichever comes second keeps Learn's length.
 */
export class StageSchedule<Point extends string> {
  /** Seconds the window must span before the check suggests a fix. */
  minSeconds = MIN_WINDOW_SECONDS;
  /** Whether the window began with Learn's trim (no other trim change since). */
  sinceLearn = false;
  private learned: { trimDb: number; seconds: number } | null = null;

  constructor(private readonly window: StageWindow<Point>) {}

  /** The input or output trim changed at `nowMs`; `inputTrimDb` is the input trim now. */
  trimChanged(inputTrimDb: number, nowMs: number): void {
    const learned = this.learned;
    this.sinceLearn = learned !== null && learned.trimDb === inputTrimDb;
    this.minSeconds = this.sinceLearn ? Math.max(MIN_WINDOW_SECONDS, learned!.seconds) : MIN_WINDOW_SECONDS;
    this.window.restart(nowMs);
  }

  /** Learn decided at `nowMs`: applied, it set the input trim to `trimDb` from `seconds` of listening. */
  learnDecided(outcome: { applied: boolean; trimDb: number; seconds: number }, nowMs: number): void {
    this.learned = outcome.applied ? { trimDb: outcome.trimDb, seconds: outcome.seconds } : null;
    if (outcome.applied) this.trimChanged(outcome.trimDb, nowMs);
  }
}
