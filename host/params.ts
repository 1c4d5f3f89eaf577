/**
 * The parameter table: the single source of truth for every parameter. UI controls, saved
 * state, automation and the kernel's clamp ranges all derive from it (a test checks the kernel's
 * ranges against it). Ids are stable and append-only: never reuse or renumber one.
 * Thread: main thread (text conversion allocates); the audio thread only sees ids and numbers.
 */
import { KernelParam } from "./kernel-layout.js";
import { formatDb, MINUS } from "./format.js";

export interface ParamFlags {
  automatable: boolean;
  stepped: boolean;
  enum: boolean;
  bypass: boolean;
  readOnly: boolean;
}

export interface ParamSpec {
  /** Stable numeric id (append-only, never reused). */
  id: number;
  /** Stable string key (state files, APIs). */
  key: string;
  name: string;
  /** Display unit ("dB", "dBFS"); empty for switches and choices. */
  unit: string;
  min: number;
  max: number;
  default: number;
  flags: ParamFlags;
  /** Ramp time the kernel applies to a change, ms (0 = takes effect at once). */
  smoothingMs: number;
  /** Choice labels for enum/stepped parameters, index = plain value. */
  options?: readonly string[];
  /** Kernel parameter id when the kernel applies it; absent for host-side parameters. */
  kernelId?: number;
  /**
   * Which point's kernel applies it when PRE and POST are a pair: input trim and polarity at
   * PRE, output trim and A/B listen at POST; bypass (of the whole pair, make-up gain included)
   * and the VU calibration at both. A single point applies everything.
   */
  appliesAt: "pre" | "post" | "both";
  /** Digits after the decimal point in text. */
  decimals: number;
  /** Fine-adjust and wheel step in plain units. */
  step: number;
}

/** Ramp of every gain change in the kernel (assembly/params.ts GAIN_SMOOTHING_MS). */
export const GAIN_SMOOTHING_MS = 20;

const continuous: ParamFlags = { automatable: true, stepped: false, enum: false, bypass: false, readOnly: false };
const choice: ParamFlags = { automatable: true, stepped: true, enum: true, bypass: false, readOnly: false };

/** What an auto-trim detector measures over the learned passage, and the targets it takes. */
export interface DetectorSpec {
  /** Name on the command line and in JSON. */
  key: string;
  /** Name in the app. */
  label: string;
  /** Unit of its level and of its target. */
  unit: "dB" | "dBFS" | "dBTP" | "LUFS";
  /** Measured through BS.1770's gates (silence and quiet passages left out) or over every sample. */
  gated: boolean;
  /** Targets it accepts, in its unit (the kernel's detectorTargetMin/Max; a test checks). */
  targetMin: number;
  targetMax: number;
  /** What it reads, in one sentence for help texts. */
  explain: string;
}

const GATE_WORDS = "the 400 ms blocks that pass BS.1770's gates (−70 LUFS absolute, 10 LU below the mean relative), so silence and quiet passages do not count";

/** Auto-trim detectors, index = plain value of autoTrimDetector (kernel learn.ts DETECTOR_*): append only. */
export const DETECTOR_SPECS: readonly DetectorSpec[] = [
  { key: "rms-gated", label: "AES17 RMS, gated", unit: "dB", gated: true, targetMin: -40, targetMax: 0, explain: `AES17 RMS (a sine reads its peak level) of ${GATE_WORDS}` },
  { key: "vu", label: "VU, gated", unit: "dB", gated: true, targetMin: -40, targetMax: 0, explain: `what a VU meter settles at (average-responding, sine-calibrated, in dBFS of the equal sine), over ${GATE_WORDS}` },
  { key: "peak", label: "Sample peak", unit: "dBFS", gated: false, targetMin: -40, targetMax: 0, explain: "the highest sample, ungated" },
  { key: "lufs", label: "Loudness (LUFS, integrated)", unit: "LUFS", gated: true, targetMin: -60, targetMax: 0, explain: "BS.1770 integrated loudness (gated by definition)" },
  { key: "rms", label: "AES17 RMS, ungated", unit: "dB", gated: false, targetMin: -40, targetMax: 0, explain: "AES17 RMS of every sample: what a plain RMS meter (sox, ffmpeg astats) reads + 3.01 dB" },
  { key: "true-peak", label: "True peak", unit: "dBTP", gated: false, targetMin: -40, targetMax: 0, explain: "the highest inter-sample peak (BS.1770-5 Annex 2), ungated" },
];
export const DETECTORS = DETECTOR_SPECS.map((d) => d.label);
/**
 * Match detectors (index = plain value of matchDetector): what "equally loud" means for A/B.
 * Match compares IN and OUT over a window (host/ab-match.ts): loudness integrated over it
 * (ungated), its loudest momentary value, its AES17 RMS, its mean VU reading.
 */
export const MATCH_DETECTORS = ["Loudness (LUFS)", "Momentary loudness, highest (LUFS)", "AES17 RMS", "VU"] as const;

export const PARAMS: readonly ParamSpec[] = [
  { id: 0, key: "inputTrimDb", name: "Input trim", unit: "dB", min: -48, max: 48, default: 0, flags: continuous, smoothingMs: GAIN_SMOOTHING_MS, kernelId: KernelParam.P_INPUT_TRIM_DB, appliesAt: "pre", decimals: 1, step: 0.1 },
  { id: 1, key: "outputTrimDb", name: "Output trim", unit: "dB", min: -48, max: 48, default: 0, flags: continuous, smoothingMs: GAIN_SMOOTHING_MS, kernelId: KernelParam.P_OUTPUT_TRIM_DB, appliesAt: "post", decimals: 1, step: 0.1 },
  { id: 2, key: "bypass", name: "Bypass", unit: "", min: 0, max: 1, default: 0, flags: { ...choice, bypass: true }, smoothingMs: GAIN_SMOOTHING_MS, options: ["Off", "On"], kernelId: KernelParam.P_BYPASS, appliesAt: "both", decimals: 0, step: 1 },
  { id: 3, key: "vuReferenceDbfs", name: "VU reference (0 VU)", unit: "dBFS", min: -30, max: 0, default: -18, flags: continuous, smoothingMs: 0, kernelId: KernelParam.P_VU_REFERENCE_DBFS, appliesAt: "both", decimals: 1, step: 0.5 },
  { id: 8, key: "polarityL", name: "Polarity L", unit: "", min: 0, max: 1, default: 0, flags: choice, smoothingMs: GAIN_SMOOTHING_MS, options: ["Normal", "Inverted"], kernelId: KernelParam.P_POLARITY_BASE + 0, appliesAt: "pre", decimals: 0, step: 1 },
  { id: 9, key: "polarityR", name: "Polarity R", unit: "", min: 0, max: 1, default: 0, flags: choice, smoothingMs: GAIN_SMOOTHING_MS, options: ["Normal", "Inverted"], kernelId: KernelParam.P_POLARITY_BASE + 1, appliesAt: "pre", decimals: 0, step: 1 },
  { id: 16, key: "autoTrimTargetDb", name: "Auto-trim target", unit: "dB", min: -60, max: 0, default: -18, flags: continuous, smoothingMs: 0, kernelId: KernelParam.P_LEARN_TARGET_DB, appliesAt: "pre", decimals: 1, step: 0.5 },
  { id: 17, key: "autoTrimDetector", name: "Auto-trim detector", unit: "", min: 0, max: DETECTORS.length - 1, default: 0, flags: choice, smoothingMs: 0, options: DETECTORS, kernelId: KernelParam.P_LEARN_DETECTOR, appliesAt: "pre", decimals: 0, step: 1 },
  { id: 18, key: "abListen", name: "A/B listen", unit: "", min: 0, max: 1, default: 0, flags: choice, smoothingMs: GAIN_SMOOTHING_MS, options: ["B (processed)", "A (input)"], kernelId: KernelParam.P_LISTEN_A, appliesAt: "post", decimals: 0, step: 1 },
  { id: 19, key: "peakCeilingDbfs", name: "Peak ceiling", unit: "dBFS", min: -24, max: 0, default: -6, flags: continuous, smoothingMs: 0, kernelId: KernelParam.P_CEILING_DBFS, appliesAt: "pre", decimals: 1, step: 0.5 },
  { id: 20, key: "peakCeilingOn", name: "Peak ceiling on", unit: "", min: 0, max: 1, default: 1, flags: choice, smoothingMs: 0, options: ["Off", "On"], kernelId: KernelParam.P_CEILING_ON, appliesAt: "pre", decimals: 0, step: 1 },
  { id: 21, key: "autoRide", name: "Auto-trim ride", unit: "", min: 0, max: 1, default: 0, flags: choice, smoothingMs: 0, options: ["Off", "On"], kernelId: KernelParam.P_AUTO_RIDE, appliesAt: "pre", decimals: 0, step: 1 },
  { id: 22, key: "matchDetector", name: "Match detector", unit: "", min: 0, max: MATCH_DETECTORS.length - 1, default: 0, flags: choice, smoothingMs: 0, options: MATCH_DETECTORS, appliesAt: "post", decimals: 0, step: 1 },
  { id: 23, key: "peakCeilingTpDbtp", name: "True-peak ceiling", unit: "dBTP", min: -24, max: 0, default: -1, flags: continuous, smoothingMs: 0, kernelId: KernelParam.P_CEILING_TP_DBTP, appliesAt: "pre", decimals: 1, step: 0.5 },
  { id: 24, key: "peakCeilingTpOn", name: "True-peak ceiling on", unit: "", min: 0, max: 1, default: 0, flags: choice, smoothingMs: 0, options: ["Off", "On"], kernelId: KernelParam.P_CEILING_TP_ON, appliesAt: "pre", decimals: 0, step: 1 },
];

export type ParamKey = (typeof PARAMS)[number]["key"];
export type ParamValues = Record<string, number>;

const byKey = new Map(PARAMS.map((p) => [p.key, p]));
const byId = new Map(PARAMS.map((p) => [p.id, p]));

export class ParamError extends Error {}

export function paramByKey(key: string): ParamSpec {
  const spec = byKey.get(key);
  if (!spec) throw new ParamError(`unknown parameter "${key}" (known: ${PARAMS.map((p) => p.key).join(", ")})`);
  return spec;
}

export function paramById(id: number): ParamSpec | undefined {
  return byId.get(id);
}

export function defaultValues(): ParamValues {
  return Object.fromEntries(PARAMS.map((p) => [p.key, p.default]));
}

/** Clamps to the range and rounds stepped values; throws ParamError for non-numbers and NaN/Inf. */
export function normalizeValue(spec: ParamSpec, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new ParamError(`${spec.name}: ${describe(value)} is not a finite number`);
  }
  const clamped = Math.min(spec.max, Math.max(spec.min, value));
  return spec.flags.stepped ? Math.round(clamped) : clamped;
}

/** "−18.0 dB", "+6.0 dB", "0.0 dB", "Off", "Inverted". */
export function valueToText(spec: ParamSpec, value: number): string {
  if (spec.options) return spec.options[Math.round(value)] ?? String(value);
  return formatDb(value, spec.unit, { decimals: spec.decimals, signed: spec.unit === "dB" });
}

/**
 * Parses what a user types: "-18", "-18 dB", "−18,0", "+6dBFS", " 3.5 "; for choices a label
 * ("inverted", "on") or its index. Out-of-range numbers are clamped; anything else throws a
 * ParamError that names the parameter and its range.
 */
export function textToValue(spec: ParamSpec, text: string): number {
  const trimmed = text.trim();
  if (spec.options) {
    const index = spec.options.findIndex((label) => label.toLowerCase() === trimmed.toLowerCase()
      || label.toLowerCase().split(" ")[0] === trimmed.toLowerCase());
    if (index >= 0) return index;
  }
  const unitPattern = spec.unit ? `(?:\\s*(?:${escapeRegExp(spec.unit)}|db))?` : "";
  const match = new RegExp(`^([+\\-\u2212]?\\s*\\d+(?:[.,]\\d*)?|[+\\-\u2212]?\\s*[.,]\\d+)${unitPattern}$`, "i").exec(trimmed);
  if (!match) {
    const expected = spec.options ? `one of ${spec.options.join(", ")}` : `a number in ${spec.unit || "plain units"}`;
    throw new ParamError(`${spec.name}: "${text}" is not ${expected} (range ${valueToText(spec, spec.min)} … ${valueToText(spec, spec.max)})`);
  }
  const number = Number(match[1]!.replace(MINUS, "-").replace(",", ".").replace(/\s+/g, ""));
  return normalizeValue(spec, number);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function describe(value: unknown): string {
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return `"${value.slice(0, 40)}"`;
  return value === null ? "null" : typeof value;
}
