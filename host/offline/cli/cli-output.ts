/**
 * How the CLI prints: file names made safe for a terminal, JSON numbers rounded to what they
 * mean, one line or one CSV row per file, and words wrapped to the terminal's width (never cut
 * mid-word). Thread: CLI main thread.
 */
import { basename } from "node:path";
import { formatDb } from "../../model/format.js";
import { DETECTOR_SPECS } from "../../model/params.js";
import type { DeliveryAnalysis, FileAnalysis } from "../analyze.js";

/** Levels are meaningful to 0.001 dB/LU; times to a microsecond (below one sample at any rate we read). */
const LEVEL_DECIMALS = 3;
const TIME_DECIMALS = 6;
const TIME_FIELDS = new Set(["t0", "hopSeconds", "durationSeconds", "seconds"]);
/** Columns when the output is not a terminal (or the terminal does not say). */
export const DEFAULT_COLUMNS = 80;

// C0 controls, DEL, C1 controls, and the invisible direction marks and overrides that can make a
// terminal show a name other than the one on disk.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this pattern's purpose
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t", "\u001b": "\\e" };

/** `text` with every control character shown as an escape: a file name can never move the cursor or split a line. */
export function printable(text: string): string {
  return text.replace(UNSAFE, (c) => NAMED[c] ?? `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** JSON text with levels rounded to 0.001, times to 1 µs; −∞ (silence) is null, never NaN. */
export function toJson(value: unknown, indent?: number): string {
  return JSON.stringify(
    value,
    (key, v: unknown) => {
      if (typeof v !== "number" || Number.isInteger(v)) return v;
      if (!Number.isFinite(v)) return null;
      return round(v, TIME_FIELDS.has(key) ? TIME_DECIMALS : LEVEL_DECIMALS);
    },
    indent,
  );
}

/** The delivery verdict in words: "streaming (−14 LUFS ±1, ≤ −1 dBTP): meets it" or what it needs. */
export function deliveryText(d: DeliveryAnalysis): string {
  const spec = `${d.label} (${formatDb(d.integratedLufs, "LUFS")} ±${d.toleranceLu} LU, true peak ≤ ${formatDb(d.truePeakCeilingDbtp, "dBTP")})`;
  if (d.meets) return `${spec}: meets it`;
  if (d.needsLimiter)
    return `${spec}: needs ${formatDb(d.gainDb, "dB")}, which would put true peaks at ${formatDb(d.truePeakAfterDbtp, "dBTP")}; gain alone can add ${formatDb(d.safeGainDb, "dB")}, a true-peak limiter is needed`;
  return `${spec}: needs ${formatDb(d.gainDb, "dB")} (true peak then ${formatDb(d.truePeakAfterDbtp, "dBTP")})`;
}

/** One line per file: the readings a producer checks first, each with its unit. */
export function analysisLine(a: FileAnalysis): string {
  const trim =
    a.autoTrimDb === null
      ? "no auto-trim"
      : `auto-trim ${formatDb(a.autoTrimDb, "dB")} to ${formatDb(a.autoTrim.targetDb, a.autoTrim.unit)} ${a.autoTrim.detector}`;
  const spec = DETECTOR_SPECS.find((d) => d.key === a.autoTrim.detector) ?? DETECTOR_SPECS[0]!;
  return (
    `${printable(a.file)}: peak ${formatDb(a.samplePeakDbfs, "dBFS")}, true peak ${formatDb(a.truePeakDbtp, "dBTP")}, ` +
    `RMS ${formatDb(a.rmsAes17Db, "dB")} AES17 (${formatDb(a.rmsDbfs, "dBFS")} plain), integrated ${formatDb(a.integratedLufs, "LUFS")}, ` +
    `LRA ${formatDb(a.loudnessRangeLu, "LU")}, PLR ${formatDb(a.plrDb, "dB", { signed: false })}, ${a.clipCount} clipped, ` +
    `${spec.label} ${formatDb(a.autoTrim.levelDb, spec.unit)}, ${trim}` +
    (a.delivery ? `; ${deliveryText(a.delivery)}` : "")
  );
}

/** CSV columns: the JSON field names, so a spreadsheet and a script read the same names. */
const CSV_FIELDS: (keyof FileAnalysis)[] = [
  "file",
  "format",
  "sampleRate",
  "channels",
  "durationSeconds",
  "samplePeakDbfs",
  "truePeakDbtp",
  "rmsDbfs",
  "rmsAes17Db",
  "vuMaxVu",
  "integratedLufs",
  "loudnessRangeLu",
  "maxMomentaryLufs",
  "maxShortTermLufs",
  "clipCount",
  "clipRule",
  "autoTrimDb",
  "plrDb",
];

function csvCell(value: unknown): string {
  const text =
    value === null || value === undefined
      ? ""
      : typeof value === "number"
        ? Number.isFinite(value)
          ? String(round(value, LEVEL_DECIMALS))
          : ""
        : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvHeader(): string {
  return [...CSV_FIELDS, "error"].join(",");
}

/** One CSV row (RFC 4180 quoting) for an analysis, or for a file that failed. */
export function csvRow(result: FileAnalysis | { file: string; error: string }): string {
  if ("error" in result)
    return [csvCell(result.file), ...CSV_FIELDS.slice(1).map(() => ""), csvCell(result.error)].join(",");
  return [...CSV_FIELDS.map((field) => csvCell(result[field])), ""].join(",");
}

/** Wraps `text` to `columns` at spaces; continuation lines start with `indent`. A word longer than a line stays whole. */
export function wrap(text: string, columns: number, indent = ""): string {
  const lead = /^ */.exec(text)![0];
  const lines: string[] = [];
  let line = lead;
  for (const word of text.slice(lead.length).split(" ").filter(Boolean)) {
    const fresh = line === lead || line === indent;
    const candidate = fresh ? `${line}${word}` : `${line} ${word}`;
    if (candidate.length > columns && !fresh) {
      lines.push(line);
      line = `${indent}${word}`;
    } else {
      line = candidate;
    }
  }
  lines.push(line);
  return lines.join("\n");
}

/** A short, safe name for the progress bar. */
export function shortName(file: string, width: number): string {
  const name = printable(basename(file));
  return name.length <= width ? name : `…${name.slice(name.length - width + 1)}`;
}
