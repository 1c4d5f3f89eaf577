/**
 * Level-matched A/B: the delta between what entered PRE (IN) and what leaves POST (OUT) for each
 * detector, and Match, which sets the output trim so OUT reads as loud as IN by the chosen
 * detector. The output trim sits after the chain, so every detector moves dB for dB with it and
 * one step lands on the match whatever the chain does (saturation, big gain changes).
 * Matching from one instantaneous reading is at the mercy of the moment; MatchWindow compares
 * IN and OUT over a window of at least MATCH_WINDOW_SECONDS instead (as TBProAudio AB_LM does):
 * the kernel's windows since a mark (host/model/since-mark.ts), exact. Thread: main thread.
 */
import type { MarkReadings, Mark, TapReadings } from "../model/readings.js";
import { LOUDNESS_WINDOWS_MS, MATCH_DETECTOR_SPECS } from "../declaration/declaration.js";
import { paramByKey } from "../model/params.js";
import { MarkedWindow, type MarkedTap } from "../model/since-mark.js";

/** The level of a tap now by match detector index (dB in that detector's units; −Infinity for silence). */
export function matchLevel(tap: TapReadings, detector: number): number {
  const key = (MATCH_DETECTOR_SPECS[detector] ?? MATCH_DETECTOR_SPECS[0]).now;
  return key in tap.overall
    ? tap.overall[key as keyof TapReadings["overall"]]
    : (tap[key as keyof TapReadings & string] as number);
}

/** The shortest window Match compares over (TBProAudio AB_LM's integrated mode needs a few seconds too). */
export const MATCH_WINDOW_SECONDS = 3;

/** IN against OUT over the time since start(): exact window levels, and the match they imply. */
export class MatchWindow {
  private readonly window: MarkedWindow<"in" | "out">;
  private begun = false;
  private latest: { in: MarkReadings | null; out: MarkReadings | null } = { in: null, out: null };
  private sampleRate = 0;

  /** `mark` is the kernel's window this one uses; `taps` where IN and OUT live (PRE's IN, POST's OUT). */
  constructor(mark: Mark, taps: () => { in: MarkedTap; out: MarkedTap }) {
    this.window = new MarkedWindow(mark, taps);
  }

  /** Starts the window now (a meter reset starts it over by itself). */
  start(): void {
    this.window.restart();
    this.begun = true;
    this.latest = { in: null, out: null };
  }

  get started(): boolean {
    return this.begun;
  }

  /** Takes the latest snapshot of IN and OUT. */
  push(inTap: TapReadings, outTap: TapReadings, sampleRate: number): void {
    this.latest = { in: this.window.read(inTap), out: this.window.read(outTap) };
    this.sampleRate = sampleRate;
  }

  /** Seconds the window holds (the OUT side's; both run on one clock); 0 until it has begun at both. */
  get seconds(): number {
    const { in: a, out: b } = this.latest;
    return a && b && this.sampleRate > 0 ? b.frames / this.sampleRate : 0;
  }

  /** Seconds of signal at IN in the window (silence, and a stopped source, do not count). */
  get signalSeconds(): number {
    return ((this.latest.in?.signalBlocks ?? 0) * LOUDNESS_WINDOWS_MS.gateHop) / 1000;
  }

  /** IN and OUT by `detector` over the window (dB in its units). */
  levels(detector: number): { in: number; out: number } {
    const key = (MATCH_DETECTOR_SPECS[detector] ?? MATCH_DETECTOR_SPECS[0]).window;
    return { in: this.latest.in?.[key] ?? -Infinity, out: this.latest.out?.[key] ?? -Infinity };
  }

  /**
   * The output trim that makes OUT as loud as IN over the window, from `currentOutputTrimDb`; null
   * while the window is shorter than MATCH_WINDOW_SECONDS or either side too quiet to tell.
   */
  matchedOutputTrimDb(currentOutputTrimDb: number, detector: number): number | null {
    if (this.seconds < MATCH_WINDOW_SECONDS) return null;
    const { in: inLevel, out: outLevel } = this.levels(detector);
    if (!(inLevel > MATCH_GATE_DB) || !(outLevel > MATCH_GATE_DB)) return null;
    const spec = paramByKey("outputTrimDb");
    return Math.min(spec.max, Math.max(spec.min, currentOutputTrimDb + inLevel - outLevel));
  }
}

/** OUT − IN for every detector (positive: the chain made it louder). */
export function abDeltas(inTap: TapReadings, outTap: TapReadings): Record<string, number> {
  const delta = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) ? b - a : NaN);
  return {
    shortTermLu: delta(inTap.shortTermLufs, outTap.shortTermLufs),
    momentaryLu: delta(inTap.momentaryLufs, outTap.momentaryLufs),
    integratedLu: delta(inTap.integratedLufs, outTap.integratedLufs),
    rmsAes17Db: delta(inTap.overall.rmsAes17Db, outTap.overall.rmsAes17Db),
    vuDb: delta(inTap.overall.vu, outTap.overall.vu),
    samplePeakDb: delta(inTap.overall.samplePeakMaxDbfs, outTap.overall.samplePeakMaxDbfs),
    truePeakDb: delta(inTap.overall.truePeakMaxDbtp, outTap.overall.truePeakMaxDbtp),
  };
}

/** Below this, a level is too quiet to match against (silence must not drive the gain). */
export const MATCH_GATE_DB = -70;

/**
 * The output trim that makes OUT as loud as IN by `detector`, from the current output trim;
 * null when either side is too quiet to tell (the trim then holds).
 */
export function matchedOutputTrimDb(
  inTap: TapReadings,
  outTap: TapReadings,
  currentOutputTrimDb: number,
  detector: number,
): number | null {
  const inLevel = matchLevel(inTap, detector),
    outLevel = matchLevel(outTap, detector);
  if (!(inLevel > MATCH_GATE_DB) || !(outLevel > MATCH_GATE_DB)) return null;
  const spec = paramByKey("outputTrimDb");
  return Math.min(spec.max, Math.max(spec.min, currentOutputTrimDb + inLevel - outLevel));
}

/** Within this, IN and OUT count as matched (the "matched" light). */
export const MATCHED_TOLERANCE_DB = 0.2;
