/**
 * The readable per-file table of `gainstage analyze`: one column for the file as a whole, one per
 * channel; every number with its unit and convention (dBFS sample peak, dBTP, plain vs AES17 RMS,
 * VU re its reference, LUFS/LU). Thread: CLI main thread.
 */
import { basename } from "node:path";
import { formatDb } from "../format.js";
import type { ChannelAnalysis, FileAnalysis } from "./analyze.js";

const ROWS: [string, (c: ChannelAnalysis) => string][] = [
  ["Sample peak", (c) => formatDb(c.samplePeakDbfs, "dBFS")],
  ["True peak", (c) => formatDb(c.truePeakDbtp, "dBTP")],
  ["RMS (plain)", (c) => formatDb(c.rmsDbfs, "dBFS")],
  ["RMS (AES17)", (c) => formatDb(c.rmsAes17Db, "dB")],
  ["VU, highest", (c) => formatDb(c.vuMaxVu, "VU", { signed: true })],
  ["Integrated", (c) => formatDb(c.integratedLufs, "LUFS")],
  ["Loudness range", (c) => formatDb(c.loudnessRangeLu, "LU")],
  ["Max momentary", (c) => formatDb(c.maxMomentaryLufs, "LUFS")],
  ["Max short-term", (c) => formatDb(c.maxShortTermLufs, "LUFS")],
  ["Clipped samples", (c) => String(c.clipCount)],
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

export function analysisTable(a: FileAnalysis): string {
  const columns = [a, ...(a.channels > 1 ? a.perChannel : [])];
  const headers = ["", a.channels > 1 ? "all" : "mono", ...(a.channels > 1 ? channelNames(a.channels) : [])];
  const cells = ROWS.map(([label, read]) => [label, ...columns.map(read)]);
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((row) => row[i]!.length)));
  const line = (row: string[]) => "  " + row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("   ");
  const trim = a.autoTrimDb === null ? "none" : formatDb(a.autoTrimDb, "dB", { signed: true });
  return [
    `${basename(a.file)}  ·  ${a.format}, ${a.sampleRate} Hz, ${a.channels} ch, ${duration(a.durationSeconds)}`,
    line(headers),
    ...cells.map(line),
    `  Auto-trim to ${formatDb(a.autoTrim.targetDb, "dB")} (${a.autoTrim.detector}): ${trim}. ${a.autoTrim.message}`,
    "  (VU: 0 VU = a −18 dBFS sine. AES17 RMS reads a sine at its peak level; plain RMS 3.01 dB lower.)",
  ].join("\n");
}
