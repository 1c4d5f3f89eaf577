/**
 * Level-matched A/B: the delta between what entered PRE (IN) and what leaves POST (OUT) for each
 * detector, and Match, which sets the output trim so OUT reads as loud as IN by the chosen
 * detector. The output trim sits after the chain, so every detector moves dB for dB with it and
 * one step lands on the match whatever the chain does (saturation, big gain changes).
 * Thread: main thread.
 */
import type { TapReadings } from "./kernel.js";
import { MATCH_DETECTORS, paramByKey } from "./params.js";

/** The level of a tap by match detector index (dB in that detector's units; −Infinity for silence). */
export function matchLevel(tap: TapReadings, detector: number): number {
  switch (MATCH_DETECTORS[detector]) {
    case "Momentary loudness": return tap.momentaryLufs;
    case "AES17 RMS (300 ms)": return tap.overall.rmsAes17Db;
    case "VU": return tap.overall.vu;
    default: return tap.shortTermLufs;
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
export function matchedOutputTrimDb(inTap: TapReadings, outTap: TapReadings, currentOutputTrimDb: number, detector: number): number | null {
  const inLevel = matchLevel(inTap, detector), outLevel = matchLevel(outTap, detector);
  if (!(inLevel > MATCH_GATE_DB) || !(outLevel > MATCH_GATE_DB)) return null;
  const spec = paramByKey("outputTrimDb");
  return Math.min(spec.max, Math.max(spec.min, currentOutputTrimDb + inLevel - outLevel));
}

/** Within this, IN and OUT count as matched (the "matched" light). */
export const MATCHED_TOLERANCE_DB = 0.2;
