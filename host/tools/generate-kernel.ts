/**
 * Writes the kernel's view of the declaration (declaration.ts) as AssemblyScript constants and
 * lookup functions: assembly/generated/contract.ts. Run by `npm run generate` (and before every
 * kernel build); tests/kernel/contract.test.ts proves the file is what this writes today, so a
 * declaration changed without regenerating fails the tests. Names are the declared keys in
 * SCREAMING_SNAKE_CASE with a prefix per kind (P_ parameter, L_/C_/A_ readout slot, …).
 * Thread: build time (Node).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  DETECTORS,
  LEARN_STATES,
  LEARN_STATUSES,
  LIMITED_BY,
  LIMITS,
  GAIN_SMOOTHING_MS,
  LOUDNESS_WINDOWS_MS,
  METERS,
  METERS_OFF_BY_DEFAULT,
  PARAMETERS,
  PPM_STANDARDS,
  READOUT,
  STATUS,
  TAPS,
} from "../declaration/declaration.js";

import { screaming } from "./names.js";

export { screaming };
export const GENERATED_PATH = "assembly/generated/contract.ts";

const f64 = (value: number) => (Number.isInteger(value) ? `${value}.0` : String(value));

function lookup(name: string, type: string, cases: [number, string][], otherwise: string, doc: string): string {
  const body = cases.map(([id, value]) => `    case ${id}: return ${value};`).join("\n");
  return `/** ${doc} */\nexport function ${name}(id: i32): ${type} {\n  switch (id) {\n${body}\n    default: return ${otherwise};\n  }\n}\n`;
}

export function kernelContractSource(): string {
  const kernelParams = PARAMETERS.filter((p) => p.kernel);
  const lines: string[] = [
    "// GENERATED from host/declaration/declaration.ts by host/tools/generate-kernel.ts: do not edit, run",
    "// `npm run generate`. tests/kernel/contract.test.ts checks that regenerating changes nothing.",
    "",
    "// Limits",
    `export const MAX_CHANNELS: i32 = ${LIMITS.maxChannels};`,
    `export const MAX_FRAMES: i32 = ${LIMITS.maxFrames};`,
    `export const MIN_SAMPLE_RATE: f64 = ${f64(LIMITS.minSampleRate)};`,
    `export const MAX_SAMPLE_RATE: f64 = ${f64(LIMITS.maxSampleRate)};`,
    `export const PARAM_ID_END: i32 = ${LIMITS.paramIdEnd};`,
    `export const GAIN_SMOOTHING_MS: f64 = ${f64(GAIN_SMOOTHING_MS)};`,
    `export const GATE_BLOCK_MS: f64 = ${f64(LOUDNESS_WINDOWS_MS.momentary)};`,
    `export const GATE_HOP_MS: f64 = ${f64(LOUDNESS_WINDOWS_MS.gateHop)};`,
    `export const SHORT_TERM_MS: f64 = ${f64(LOUDNESS_WINDOWS_MS.shortTerm)};`,
    "",
    "// Parameters the kernel applies (plain units; the ids are the host's)",
    ...kernelParams.map(
      (p) => `export const P_${screaming(p.key)}: i32 = ${p.id}; // ${p.name}${p.unit ? `, ${p.unit}` : ""}`,
    ),
    ...kernelParams
      .filter((p) => p.choices === undefined)
      .flatMap((p) => [
        `export const ${screaming(p.key)}_MIN: f64 = ${f64(p.min)};`,
        `export const ${screaming(p.key)}_MAX: f64 = ${f64(p.max)};`,
      ]),
    "",
    lookup(
      "isKnownParam",
      "bool",
      kernelParams.map((p) => [p.id, "true"]),
      "false",
      "Whether the kernel applies parameter `id`.",
    ),
    lookup(
      "paramMin",
      "f64",
      kernelParams.map((p) => [p.id, f64(p.min)]),
      "NaN",
      "Lower bound of a parameter's plain range; NaN for an unknown id.",
    ),
    lookup(
      "paramMax",
      "f64",
      kernelParams.map((p) => [p.id, f64(p.max)]),
      "NaN",
      "Upper bound of a parameter's plain range; NaN for an unknown id.",
    ),
    lookup(
      "paramDefault",
      "f64",
      kernelParams.map((p) => [p.id, f64(p.default)]),
      "NaN",
      "Default plain value; NaN for an unknown id.",
    ),
    lookup(
      "paramIsStepped",
      "bool",
      kernelParams.filter((p) => p.flags.stepped).map((p) => [p.id, "true"]),
      "false",
      "Stepped parameters (switches, choices) take whole values only.",
    ),
    "// Taps",
    ...TAPS.map((tap, i) => `export const TAP_${screaming(tap)}: i32 = ${i};`),
    `export const TAP_COUNT: i32 = ${TAPS.length};`,
    "",
    "// Readout slots (f64): per tap the loudness block, then channel blocks (overall, then per channel); then auto-trim",
    `export const LOUDNESS_FIELDS: i32 = ${READOUT.loudness.slots};`,
    ...READOUT.loudness.fields.map((f, i) => `export const L_${screaming(f.key)}: i32 = ${i};`),
    `export const CHANNEL_FIELDS: i32 = ${READOUT.channel.slots};`,
    ...READOUT.channel.fields.map((f, i) => `export const C_${screaming(f.key)}: i32 = ${i};`),
    `export const AUTO_TRIM_FIELDS: i32 = ${READOUT.autoTrim.slots};`,
    ...READOUT.autoTrim.fields.map((f, i) => `export const A_${screaming(f.key)}: i32 = ${i};`),
    "",
    "// Meters a tap runs (setMeterMask bits)",
    ...METERS.map((meter, i) => `export const METER_${screaming(meter)}: i32 = ${1 << i};`),
    `export const METER_ALL: i32 = ${(1 << METERS.length) - 1};`,
    `export const METER_DEFAULT: i32 = ${METERS.reduce((mask, meter, i) => ((METERS_OFF_BY_DEFAULT as readonly string[]).includes(meter) ? mask : mask | (1 << i)), 0)}; // a tap's meters until told otherwise`,
    "",
    "// Status codes (negative: refused, nothing changed)",
    ...STATUS.map((s) => `export const STATUS_${screaming(s.key)}: i32 = ${s.code};`),
    "",
    "// Auto-trim",
    ...LEARN_STATES.map((state, i) => `export const STATE_${screaming(state)}: i32 = ${i};`),
    ...LEARN_STATUSES.map((status, i) => `export const LEARN_${screaming(status)}: i32 = ${i};`),
    ...LIMITED_BY.map((limit, i) => `export const LIMITED_BY_${screaming(limit)}: i32 = ${i};`),
    ...DETECTORS.map((d, i) => `export const DETECTOR_${screaming(d.key)}: i32 = ${i}; // ${d.label}, ${d.unit}`),
    `export const DETECTOR_COUNT: i32 = ${DETECTORS.length};`,
    "",
    lookup(
      "detectorTargetMin",
      "f64",
      DETECTORS.map((d, i) => [i, f64(d.targetMin)]),
      "NaN",
      "Lowest auto-trim target detector `id` accepts (its own unit).",
    ),
    "// Programme meters (IEC 60268-10): value of ppmStandard",
    ...PPM_STANDARDS.map((p, i) => `export const PPM_${screaming(p.key)}: i32 = ${i}; // ${p.label}`),
    `export const PPM_STANDARD_COUNT: i32 = ${PPM_STANDARDS.length};`,
    lookup(
      "ppmIsTypeTwo",
      "bool",
      PPM_STANDARDS.map((p, i) => [i, p.type === "II" ? "true" : "false"]),
      "false",
      "Whether standard `id` has Type II ballistics (10 ms integration time) rather than Type I (5 ms).",
    ),
    lookup(
      "ppmReturnDbPerSecond",
      "f64",
      PPM_STANDARDS.map((p, i) => [i, f64(p.returnDb / p.returnSeconds)]),
      "NaN",
      "How fast standard `id` falls back after the signal stops (dB/s).",
    ),
    lookup(
      "detectorTargetMax",
      "f64",
      DETECTORS.map((d, i) => [i, f64(d.targetMax)]),
      "NaN",
      "Highest auto-trim target detector `id` accepts.",
    ),
  ];
  return `${lines
    .join("\n")
    .replace(/\n\n\n+/g, "\n\n")
    .trimEnd()}\n`;
}

// `npm run generate` bundles this file and runs it from the package's folder: write the file there.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(join(process.cwd(), GENERATED_PATH), kernelContractSource());
}
