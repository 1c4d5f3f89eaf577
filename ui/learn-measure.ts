/**
 * TO EFFECT in the measure Learn uses: after Learn, the producer looks for the target on screen in
 * the unit Learn worked in ("−18.0 dB AES17"), not in another meter's. Over the window since the
 * last trim change (stage-window.ts) where one has begun, so the number is the average Learn
 * aimed at, not a 300 ms flicker. Pure: tested directly. Thread: main thread.
 */
import { formatDb } from "../host/model/format.js";
import { DETECTOR_SPECS } from "../host/model/params.js";
import type { TapReadings } from "../host/model/readings.js";
import type { StageLevels } from "./stage-window.js";

export interface LearnMeasure {
  /** The level in the detector's measure (dB in its unit; −Infinity for silence). */
  value: number;
  /** Its unit as people read it: "dB AES17", "LUFS", "dBFS", "dBTP", "VU". */
  unit: string;
  /** "−18.0 dB AES17", or "—" before sound. */
  text: string;
}

/** TO EFFECT's level by auto-trim detector `detector` (an index of DETECTOR_SPECS). */
export function learnMeasure(detector: number, tap: TapReadings, window: StageLevels | null): LearnMeasure {
  const key = (DETECTOR_SPECS[detector] ?? DETECTOR_SPECS[0]!).key;
  const [value, unit] =
    key === "lufs"
      ? [tap.shortTermLufs, "LUFS"]
      : key === "peak"
        ? [window?.peakDbfs ?? tap.overall.samplePeakDbfs, "dBFS"]
        : key === "true-peak"
          ? [window?.truePeakDbtp ?? tap.overall.truePeakDbtp, "dBTP"]
          : key === "vu"
            ? [tap.overall.vu, "VU"]
            : [window?.averageAes17Db ?? tap.overall.rmsAes17Db, "dB AES17"];
  const heard = tap.overall.samplePeakMaxDbfs > -Infinity;
  return { value, unit, text: heard ? formatDb(value, unit) : "—" };
}

/** After Learn: "TO EFFECT now averages −18.0 dB AES17 (target −18.0 dB) over 4.2 s", or null before a window. */
export function learnResult(
  detector: number,
  targetDb: number,
  tap: TapReadings,
  window: StageLevels | null,
): string | null {
  if (!window || window.seconds <= 0) return null;
  const measure = learnMeasure(detector, tap, window);
  const spec = DETECTOR_SPECS[detector] ?? DETECTOR_SPECS[0]!;
  const verb = measure.unit === "dB AES17" ? "averages" : "reads";
  return `TO EFFECT now ${verb} ${measure.text} (target ${formatDb(targetDb, spec.unit)}) over the ${window.seconds.toFixed(1)} s since Learn.`;
}
