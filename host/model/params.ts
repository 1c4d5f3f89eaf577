/**
 * The parameter table for people and hosts: the declared parameters (declaration.ts, the one
 * source: the kernel's ranges are generated from it too) and what a host needs around them —
 * lookup by key or id, defaults, clamping, value ↔ text. Ids are the
 * kernel's ids. Thread: main thread (text conversion allocates); the audio thread sees ids and numbers.
 */
import {
  DETECTORS as DETECTOR_SPECS,
  MATCH_DETECTORS,
  PARAMETERS,
  type ParamKey,
  type ParamSpec,
} from "../declaration/declaration.js";
import { formatDb, MINUS } from "./format.js";

export { DETECTOR_SPECS, MATCH_DETECTORS, type ParamKey, type ParamSpec };
/** Auto-trim detectors' names for people, index = plain value of autoTrimDetector. */
export const DETECTORS = DETECTOR_SPECS.map((d) => d.label);

/** The declared parameters, as declared: the declaration's spec is the table's (parameter-kinds.ts). */
export const PARAMS: readonly ParamSpec[] = PARAMETERS;

export type ParamValues = Record<string, number>;

const byKey = new Map<string, ParamSpec>(PARAMS.map((p) => [p.key, p]));
const byId = new Map(PARAMS.map((p) => [p.id, p]));

export class ParamError extends Error {}

export function paramByKey(key: string): ParamSpec {
  const spec = byKey.get(key);
  if (!spec) throw new ParamError(`unknown parameter "${key}" (known: ${PARAMS.map((p) => p.key).join(", ")})`);
  return spec;
}

/** The id of parameter `key` (the id hosts send and the kernel applies). */
export const PARAM_ID = Object.fromEntries(PARAMS.map((p) => [p.key, p.id])) as { readonly [K in ParamKey]: number };

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

/**
 * "−18.0 dB", "+6.0 dB", "0.0 dB", "Off", "Inverted": the text of the value the parameter would
 * take (clamped to its range, whole for choices), so a host's ±1e300 reads as the range's end; a
 * NaN reads "—".
 */
export function valueToText(spec: ParamSpec, value: number): string {
  if (Number.isNaN(value)) return formatDb(value, "");
  const normalized = Math.min(spec.max, Math.max(spec.min, value));
  if (spec.choices) return spec.choices[Math.round(normalized)]!;
  return formatDb(normalized, spec.unit, { decimals: spec.decimals, signed: spec.unit === "dB" });
}

/**
 * Parses what a user types: "-18", "-18 dB", "−18,0", "+6dBFS", " 3.5 "; for choices a label
 * ("inverted", "on") or its index. Out-of-range numbers are clamped; anything else throws a
 * ParamError that names the parameter and its range.
 */
export function textToValue(spec: ParamSpec, text: string): number {
  const trimmed = text.trim();
  if (spec.choices) {
    const index = spec.choices.findIndex(
      (label) =>
        label.toLowerCase() === trimmed.toLowerCase() || label.toLowerCase().split(" ")[0] === trimmed.toLowerCase(),
    );
    if (index >= 0) return index;
  }
  const unitPattern = spec.unit ? `(?:\\s*(?:${escapeRegExp(spec.unit)}|db))?` : "";
  const match = new RegExp(`^([+\\-\u2212]?\\s*\\d+(?:[.,]\\d*)?|[+\\-\u2212]?\\s*[.,]\\d+)${unitPattern}$`, "i").exec(
    trimmed,
  );
  if (!match) {
    const expected = spec.choices ? `one of ${spec.choices.join(", ")}` : `a number in ${spec.unit || "plain units"}`;
    throw new ParamError(
      `${spec.name}: "${text}" is not ${expected} (range ${valueToText(spec, spec.min)} … ${valueToText(spec, spec.max)})`,
    );
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
