/**
 * The command line's option parsers and the analysis settings they make: each refuses a bad value
 * with a message naming the flag, its unit and the range (ranges come from the parameter
 * declaration, never restated). Thread: main thread.
 */
import { InvalidArgumentError } from "commander";
import { DETECTOR_SPECS, paramByKey, type ParamSpec } from "../../model/params.js";
import { formatDb } from "../../model/format.js";
import { loudnessTarget } from "../../model/loudness-targets.js";
import { DEFAULT_SETTINGS, SERIES_NAMES, type AnalyzeSettings, type SeriesName } from "../analyze.js";

/** A number option (the true minus sign accepted too). */
export function number(flag: string, unit: string) {
  return (text: string): number => {
    const value = Number(text.replace("\u2212", "-"));
    if (!Number.isFinite(value) || text.trim() === "")
      throw new InvalidArgumentError(`${flag} takes a number in ${unit}, not "${text}"`);
    return value;
  };
}

/** A number option within a parameter's range (the parameter table is the one source of ranges). */
export function inRange(spec: ParamSpec, flag: string) {
  return (text: string): number => {
    const value = number(flag, spec.unit)(text);
    if (value < spec.min || value > spec.max)
      throw new InvalidArgumentError(
        `${flag} ${text} is outside ${formatDb(spec.min, "")} … ${formatDb(spec.max, spec.unit)}`,
      );
    return value;
  };
}

export function positive(flag: string, max: number, integer = false) {
  return (text: string): number => {
    const value = Number(text);
    if (!Number.isFinite(value) || value <= 0 || value > max || (integer && !Number.isInteger(value))) {
      throw new InvalidArgumentError(
        `${flag} takes ${integer ? "a whole number" : "a number"} above 0${max < Infinity ? ` and at most ${max}` : ""}, not "${text}"`,
      );
    }
    return value;
  };
}

export function seriesList(text: string): SeriesName[] {
  const names = text
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const unknown = names.filter((name) => !(SERIES_NAMES as readonly string[]).includes(name));
  if (unknown.length > 0 || names.length === 0)
    throw new InvalidArgumentError(
      `--series takes a comma list of ${SERIES_NAMES.join(", ")}; "${unknown.join(",") || text}" is not one`,
    );
  return [...new Set(names)] as SeriesName[];
}

export interface CommonOptions {
  delivery?: string;
  target?: number;
  detector: string;
  ceiling?: number | false;
  ceilingTp?: number;
  jobs: number;
  quiet?: boolean;
}

/** The analysis settings from the options; throws InvalidArgumentError for a target outside the detector's range. */
export function settingsFrom(
  options: CommonOptions,
  series: readonly SeriesName[] = [],
  hopSeconds = DEFAULT_SETTINGS.hopSeconds,
): AnalyzeSettings {
  const delivery = options.delivery ? loudnessTarget(options.delivery) : undefined;
  if (delivery)
    // A delivery target is a loudness target with its true-peak ceiling; a sample-peak ceiling only if asked.
    return {
      targetDb: delivery.integratedLufs,
      detector: "lufs",
      ceilingDbfs: typeof options.ceiling === "number" ? options.ceiling : null,
      ceilingTpDbtp: delivery.truePeakCeilingDbtp,
      series,
      hopSeconds,
      delivery: delivery.key,
    };
  const spec = DETECTOR_SPECS.find((d) => d.key === options.detector)!;
  const targetDb = options.target ?? DEFAULT_SETTINGS.targetDb;
  if (targetDb < spec.targetMin || targetDb > spec.targetMax) {
    throw new InvalidArgumentError(
      `--target ${targetDb} is outside ${formatDb(spec.targetMin, "")} … ${formatDb(spec.targetMax, spec.unit)} for --detector ${spec.key}`,
    );
  }
  // A peak detector's target is itself a peak: the −6 dBFS sample-peak ceiling applies to the others unless set.
  const peakDetector = spec.key === "peak" || spec.key === "true-peak";
  const ceilingDbfs =
    options.ceiling === false
      ? null
      : (options.ceiling ?? (peakDetector ? null : paramByKey("peakCeilingDbfs").default));
  return { targetDb, detector: spec.key, ceilingDbfs, ceilingTpDbtp: options.ceilingTp ?? null, series, hopSeconds };
}
