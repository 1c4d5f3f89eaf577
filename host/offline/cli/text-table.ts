/**
 * The readable per-file table of `gainstage analyze`: one column for the file as a whole, one per
 * channel; every number with its unit and convention (dBFS sample peak, dBTP, plain vs AES17 RMS,
 * VU re its reference, LUFS/LU). The "all" column's rule is said per row: peaks, RMS and VU are
 * the loudest channel's, clips the total, loudness the summed programme (BS.1770 channel
 * weights). Columns that do not fit the terminal go to a further block, never cut mid-cell.
 * Thread: CLI main thread.
 */
import { formatDb } from "../../model/format.js";
import { DETECTOR_SPECS } from "../../model/params.js";
import type { ChannelAnalysis, FileAnalysis } from "../analyze.js";
import { DEFAULT_COLUMNS, deliveryText, printable, wrap } from "./cli-output.js";

type Rule = "loudest" | "total" | "programme";
const ROWS: [string, Rule, (c: ChannelAnalysis) => string][] = [
  ["Sample peak", "loudest", (c) => formatDb(c.samplePeakDbfs, "dBFS")],
  ["True peak", "loudest", (c) => formatDb(c.truePeakDbtp, "dBTP")],
  ["RMS (plain)", "loudest", (c) => formatDb(c.rmsDbfs, "dBFS")],
  ["RMS (AES17)", "loudest", (c) => formatDb(c.rmsAes17Db, "dB")],
  ["VU, highest", "loudest", (c) => formatDb(c.vuMaxVu, "VU")],
  ["Integrated", "programme", (c) => formatDb(c.integratedLufs, "LUFS")],
  ["Loudness range", "programme", (c) => formatDb(c.loudnessRangeLu, "LU")],
  ["Max momentary", "programme", (c) => formatDb(c.maxMomentaryLufs, "LUFS")],
  ["Max short-term", "programme", (c) => formatDb(c.maxShortTermLufs, "LUFS")],
  ["Clipped samples", "total", (c) => String(c.clipCount)],
];
const RULE_WORDS: Record<Rule, string> = { loudest: "loudest ch.", total: "total", programme: "programme" };
const GAP = "   ";
const INDENT = "  ";

/** Explanations printed once after the tables, not per file. */
export const TABLE_NOTES = [
  "VU: 0 VU = a −18 dBFS sine. AES17 RMS reads a sine at its peak level; plain RMS reads 3.01 dB lower.",
  "The RMS rows count every sample (ungated); the first row is the auto-trim's measure, gated where its detector gates (what a trim to −18 dB sets to −18.0).",
  "Loudness is BS.1770: a mono file is one channel (not dual mono); per-channel loudness measures each channel alone.",
];

function channelNames(count: number): string[] {
  if (count === 2) return ["L", "R"];
  if (count === 6) return ["L", "R", "C", "LFE", "Ls", "Rs"];
  return Array.from({ length: count }, (_, c) => `ch ${c + 1}`);
}

function duration(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${(seconds - minutes * 60).toFixed(1).padStart(4, "0")}`;
}

/**
 * The table for one file, at most `columns` wide where the cells allow. Its first row is the level
 * in the auto-trim's own measure (gated where the detector gates), so a file trimmed to −18 dB
 * AES17 gated shows −18.0 there, beside the ungated whole-file RMS.
 */
export function analysisTable(a: FileAnalysis, columns = DEFAULT_COLUMNS): string {
  const multi = a.channels > 1;
  const spec = DETECTOR_SPECS.find((d) => d.key === a.autoTrim.detector) ?? DETECTOR_SPECS[0]!;
  const labels = ["", `${spec.label} (trim's measure)`, ...ROWS.map(([label]) => label)];
  const trimLevel = formatDb(a.autoTrim.levelDb, spec.unit);
  const valueColumns: string[][] = [[multi ? "all" : "mono", trimLevel, ...ROWS.map(([, , read]) => read(a))]];
  if (multi) valueColumns.push(["(all is)", "programme", ...ROWS.map(([, rule]) => RULE_WORDS[rule])]);
  channelNames(a.channels).forEach((name, c) => {
    if (multi) valueColumns.push([name, "", ...ROWS.map(([, , read]) => read(a.perChannel[c]!))]);
  });
  const labelWidth = Math.max(...labels.map((l) => l.length));
  const width = (column: string[]) => Math.max(...column.map((cell) => cell.length));
  // Group value columns so each block fits: the labels repeat in every block.
  const blocks: string[][][] = [];
  let block: string[][] = [],
    used = INDENT.length + labelWidth;
  for (const column of valueColumns) {
    const needed = GAP.length + width(column);
    if (block.length > 0 && used + needed > columns) {
      blocks.push(block);
      block = [];
      used = INDENT.length + labelWidth;
    }
    block.push(column);
    used += needed;
  }
  blocks.push(block);
  const render = (cols: string[][]) =>
    labels
      .map((label, row) =>
        (
          INDENT +
          label.padEnd(labelWidth) +
          cols
            .map(
              (col, i) =>
                GAP +
                (i === 1 && multi && cols === blocks[0]
                  ? col[row]!.padEnd(width(col))
                  : col[row]!.padStart(width(col))),
            )
            .join("")
        ).trimEnd(),
      )
      .join("\n");
  const trim = a.autoTrimDb === null ? "none" : formatDb(a.autoTrimDb, "dB");
  return [
    wrap(
      `${printable(a.file)}  ·  ${a.format}, ${a.sampleRate} Hz, ${a.channels} ch, ${duration(a.durationSeconds)}`,
      columns,
      INDENT,
    ),
    blocks.map(render).join("\n\n"),
    wrap(
      `${INDENT}Auto-trim to ${formatDb(a.autoTrim.targetDb, spec.unit)} (${spec.label}): ${trim}. ${a.autoTrim.message}`,
      columns,
      INDENT + INDENT,
    ),
    `${INDENT}PLR (true peak − integrated): ${formatDb(a.plrDb, "dB", { signed: false })}`,
    ...(a.delivery ? [wrap(`${INDENT}Delivery: ${deliveryText(a.delivery)}.`, columns, INDENT + INDENT)] : []),
  ].join("\n");
}
