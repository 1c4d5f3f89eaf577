/**
 * Level-matched A/B: the delta between what entered PRE (IN) and what leaves POST (OUT) for each
 * detector, and Match, which sets the output trim so OUT reads as loud as IN by the chosen
 * detector. The output trim sits after the chain, so every detector moves dB for dB with it and
 * one step lands on the match whatever the chain does (saturation, big gain changes).
 * Matching from one instantaneous reading is at the mercy of the moment; MatchWindow compares
 * IN and OUT over a window of at least MATCH_WINDOW_SECONDS instead (as TBProAudio AB_LM does),
 * exactly, from the kernel's cumulative readouts. Thread: main thread.
 */
import type { TapReadings } from "../model/readings.js";
import { LOUDNESS_WINDOWS_MS } from "../declaration/limits.js";
import { paramByKey } from "../model/params.js";

/** Match detector indices (declaration.ts MATCH_DETECTORS); 0, loudness, is the default case below. */
const MATCH_MOMENTARY = 1,
  MATCH_RMS = 2,
  MATCH_VU = 3;
const LOUDNESS_OFFSET_LU = -0.691; // BS.1770-5 eq. 2
const AES17_OFFSET_DB = 10 * Math.log10(2);

/** The level of a tap now by match detector index (dB in that detector's units; −Infinity for silence). */
export function matchLevel(tap: TapReadings, detector: number): number {
  switch (detector) {
    case MATCH_MOMENTARY:
      return tap.momentaryLufs;
    case MATCH_RMS:
      return tap.overall.rmsAes17Db;
    case MATCH_VU:
      return tap.overall.vu;
    default:
      return tap.shortTermLufs;
  }
}

/** Cumulative sums of one tap at one moment, from which a window's levels follow by difference. */
interface Totals {
  loudnessEnergy: number;
  loudnessFrames: number;
  squares: number[];
  frames: number;
  /** 400 ms blocks above the absolute gate since reset: one per 100 ms hop of signal. */
  signalBlocks: number;
}

function totals(tap: TapReadings): Totals {
  const loudnessEnergy = Number.isFinite(tap.ungatedLufs)
    ? 10 ** ((tap.ungatedLufs - LOUDNESS_OFFSET_LU) / 10) * tap.ungatedFrames
    : 0;
  const squares = tap.channels.map((c) =>
    Number.isFinite(c.rmsTotalDbfs) ? 10 ** (c.rmsTotalDbfs / 10) * tap.framesSinceReset : 0,
  );
  return {
    loudnessEnergy,
    loudnessFrames: tap.ungatedFrames,
    squares,
    frames: tap.framesSinceReset,
    signalBlocks: tap.gatingBlocks,
  };
}

/** One tap's levels over a window: from a start reading to the latest, per match detector. */
class TapWindow {
  private readonly start: Totals;
  private now: Totals;
  private momentaryMax = -Infinity;
  private vuSum = 0;
  private vuCount = 0;

  constructor(tap: TapReadings) {
    this.start = totals(tap);
    this.now = this.start;
  }

  push(tap: TapReadings): void {
    this.now = totals(tap);
    this.momentaryMax = Math.max(this.momentaryMax, tap.momentaryMaxLufs);
    if (Number.isFinite(tap.overall.vu)) {
      this.vuSum += 10 ** (tap.overall.vu / 20);
      this.vuCount++;
    }
  }

  get frames(): number {
    return this.now.frames - this.start.frames;
  }

  /** Seconds of signal (above BS.1770's absolute gate) in the window: silence does not count. */
  get signalSeconds(): number {
    return ((this.now.signalBlocks - this.start.signalBlocks) * LOUDNESS_WINDOWS_MS.gateHop) / 1000;
  }

  level(detector: number): number {
    const db = (power: number) => (power > 0 ? 10 * Math.log10(power) : -Infinity);
    switch (detector) {
      case MATCH_MOMENTARY:
        return this.momentaryMax;
      case MATCH_VU:
        return this.vuCount > 0 ? 20 * Math.log10(this.vuSum / this.vuCount) : -Infinity;
      case MATCH_RMS: {
        const frames = Math.max(1, this.frames);
        return (
          db(Math.max(0, ...this.now.squares.map((e, c) => (e - (this.start.squares[c] ?? 0)) / frames))) +
          AES17_OFFSET_DB
        );
      }
      default: {
        const frames = this.now.loudnessFrames - this.start.loudnessFrames;
        return frames > 0
          ? LOUDNESS_OFFSET_LU + db((this.now.loudnessEnergy - this.start.loudnessEnergy) / frames)
          : -Infinity;
      }
    }
  }
}

/** The shortest window Match compares over (TBProAudio AB_LM's integrated mode needs a few seconds too). */
export const MATCH_WINDOW_SECONDS = 3;

/** IN against OUT over the time since start(): exact window levels, and the match they imply. */
export class MatchWindow {
  private inWindow: TapWindow | null = null;
  private outWindow: TapWindow | null = null;
  private sampleRate = 0;

  /** Starts a window at these readings (a meter reset or a trim change starts a new one). */
  start(inTap: TapReadings, outTap: TapReadings, sampleRate: number): void {
    this.inWindow = new TapWindow(inTap);
    this.outWindow = new TapWindow(outTap);
    this.sampleRate = sampleRate;
  }

  get started(): boolean {
    return this.inWindow !== null;
  }

  push(inTap: TapReadings, outTap: TapReadings): void {
    this.inWindow?.push(inTap);
    this.outWindow?.push(outTap);
  }

  /** Seconds the window holds (the OUT side's; both run on one clock). */
  get seconds(): number {
    return this.outWindow && this.sampleRate > 0 ? this.outWindow.frames / this.sampleRate : 0;
  }

  /** Seconds of signal at IN in the window (silence, and a stopped source, do not count). */
  get signalSeconds(): number {
    return this.inWindow?.signalSeconds ?? 0;
  }

  /** IN and OUT by `detector` over the window (dB in its units). */
  levels(detector: number): { in: number; out: number } {
    return { in: this.inWindow?.level(detector) ?? -Infinity, out: this.outWindow?.level(detector) ?? -Infinity };
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
