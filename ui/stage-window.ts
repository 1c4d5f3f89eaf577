/**
 * What the stage check judges: each meter point's levels over the window since the last trim
 * change (or meter reset), never over audio that went through an older trim: the kernel's
 * "stage" window since a mark (host/model/since-mark.ts), started once the change has settled,
 * exact. Pure (no DOM): tested directly. Thread: main thread.
 */
import type { TapReadings } from "../host/model/readings.js";
import { MarkedWindow, type MarkedTap } from "../host/model/since-mark.js";

/** A trim change ramps over 20 ms (GAIN_SMOOTHING_MS); the window starts after it has settled. */
export const SETTLE_MS = 50;
/** Shorter than this, a window says too little about a programme to suggest a trim. */
export const MIN_WINDOW_SECONDS = 3;

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

export class StageWindow<Point extends string> {
  private readonly window: MarkedWindow<Point>;
  /** When the window starts over (a change settling), or null when it has. */
  private pendingUntilMs: number | null = null;
  private latest: Record<Point, TapReadings> | null = null;
  private sampleRate = 0;

  /** `points` says where each meter point's tap lives (a getter: the pair can change). */
  constructor(points: () => Record<Point, MarkedTap>) {
    this.window = new MarkedWindow("stage", points);
  }

  /** Starts every point's window over after `SETTLE_MS` (a trim changed at `nowMs`). */
  restart(nowMs: number): void {
    this.pendingUntilMs = nowMs + SETTLE_MS;
  }

  /** Feeds one snapshot of every point. */
  push(taps: Record<Point, TapReadings>, sampleRate: number, nowMs: number): void {
    if (this.pendingUntilMs !== null && nowMs >= this.pendingUntilMs) {
      this.pendingUntilMs = null;
      this.window.restart();
    }
    this.latest = taps;
    this.sampleRate = sampleRate;
  }

  /** The levels of `point` over its window, or null before its window has begun. */
  levels(point: Point): StageLevels | null {
    const tap = this.latest?.[point];
    const window = this.pendingUntilMs === null && tap ? this.window.read(tap) : null;
    if (!tap || !window || !(this.sampleRate > 0)) return null;
    return {
      seconds: window.frames / this.sampleRate,
      peakDbfs: window.samplePeakDbfs,
      truePeakDbtp: window.truePeakDbtp,
      averageAes17Db: window.rmsAes17Db,
      clips: window.clipCount,
      integratedLufs: tap.integratedLufs,
      sinceResetSeconds: tap.framesSinceReset / this.sampleRate,
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
