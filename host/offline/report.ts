/**
 * A picture of each file's level over time, for people who would rather look than read: sample
 * peak and AES17 RMS (300 ms) as they are (IN) and after the auto-trim (the trim is a constant
 * gain, so the trimmed curves are the IN curves moved by it), with the stage targets drawn in:
 * the −18 dB analog-plugin target, the −6 dBFS headroom line, full scale. SVG, or HTML with the
 * readings beside it; self-contained, no scripts. Thread: CLI main thread.
 */
import { basename } from "node:path";
import { formatDb } from "../format.js";
import type { FileAnalysis, Series } from "./analyze.js";

const WIDTH = 960, HEIGHT = 280, LEFT = 52, RIGHT = 16, TOP = 34, BOTTOM = 30;
const FLOOR_DB = -60, CEILING_DB = 3;
/** At most this many points per curve: each is the highest reading in its slice of time. */
const MAX_POINTS = 1200;
const COLOURS = { in: "#3d7fc1", trimmed: "#e08a00", target: "#2e9d5b", headroom: "#d9a400", full: "#c0392b", grid: "#e3e6ea", text: "#444" };

export const REPORT_SERIES = ["rms", "peak"] as const;

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function downsample(series: Series): { t: number; db: number }[] {
  const per = Math.max(1, Math.ceil(series.values.length / MAX_POINTS));
  const points: { t: number; db: number }[] = [];
  for (let i = 0; i < series.values.length; i += per) {
    let highest = -Infinity;
    for (let j = i; j < Math.min(series.values.length, i + per); j++) highest = Math.max(highest, series.values[j] ?? -Infinity);
    points.push({ t: series.t0 + (i + per - 1) * series.hopSeconds, db: highest });
  }
  return points;
}

/** One file's chart as an SVG <g> (height HEIGHT), translated to `y`. */
function chart(analysis: FileAnalysis, targetDb: number, y: number): string {
  const duration = Math.max(analysis.durationSeconds, 1e-3);
  const px = (t: number) => LEFT + (t / duration) * (WIDTH - LEFT - RIGHT);
  const py = (db: number) => TOP + ((CEILING_DB - Math.max(FLOOR_DB, Math.min(CEILING_DB, db))) / (CEILING_DB - FLOOR_DB)) * (HEIGHT - TOP - BOTTOM);
  const trim = analysis.autoTrimDb ?? 0;
  const path = (series: Series | undefined, offset: number) => {
    if (!series) return "";
    let d = "", pen = false;
    for (const p of downsample(series)) {
      if (!(p.db > FLOOR_DB - 40)) { pen = false; continue; }
      d += `${pen ? "L" : "M"}${px(p.t).toFixed(1)},${py(p.db + offset).toFixed(1)}`;
      pen = true;
    }
    return d;
  };
  const grid = [0, -6, -12, -18, -24, -30, -40, -50, -60].map((db) =>
    `<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${py(db)}" y2="${py(db)}" stroke="${COLOURS.grid}"/><text x="${LEFT - 6}" y="${py(db) + 4}" text-anchor="end">${formatDb(db, "", { decimals: 0 })}</text>`).join("");
  const step = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600].find((s) => duration / s <= 10) ?? 1200;
  const ticks = Array.from({ length: Math.floor(duration / step) + 1 }, (_, i) => i * step)
    .map((t) => `<text x="${px(t)}" y="${HEIGHT - 10}" text-anchor="middle">${t >= 60 ? `${Math.floor(t / 60)}:${String(Math.round(t % 60)).padStart(2, "0")}` : `${t} s`}</text>`).join("");
  const guide = (db: number, colour: string, label: string) =>
    `<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${py(db)}" y2="${py(db)}" stroke="${colour}" stroke-dasharray="6 4" stroke-width="1.5"/><text x="${WIDTH - RIGHT - 4}" y="${py(db) - 4}" text-anchor="end" fill="${colour}">${label}</text>`;
  const summary = analysis.autoTrimDb === null ? "not trimmable (silent)" : `trim ${formatDb(trim, "dB", { signed: true })} → ${formatDb(analysis.autoTrim.levelDb + trim, "dB")} ${analysis.autoTrim.detector.toUpperCase()}, peaks ${formatDb(analysis.autoTrim.peakAfterDbfs, "dBFS")}`;
  return `<g transform="translate(0 ${y})" font-family="system-ui, sans-serif" font-size="11" fill="${COLOURS.text}">
  <text x="${LEFT}" y="18" font-size="14" font-weight="600">${escape(basename(analysis.file))}</text>
  <text x="${WIDTH - RIGHT}" y="18" text-anchor="end">${escape(summary)}</text>
  ${grid}${ticks}
  ${guide(targetDb, COLOURS.target, `target ${formatDb(targetDb, "dB")} (analog plugins, 0 VU)`)}
  ${guide(-6, COLOURS.headroom, "−6 dBFS headroom line")}
  ${guide(0, COLOURS.full, "0 dBFS")}
  <path d="${path(analysis.series?.peak, 0)}" fill="none" stroke="${COLOURS.in}" stroke-opacity="0.35"/>
  <path d="${path(analysis.series?.rms, 0)}" fill="none" stroke="${COLOURS.in}" stroke-width="1.6"/>
  <path d="${path(analysis.series?.peak, trim)}" fill="none" stroke="${COLOURS.trimmed}" stroke-opacity="0.35"/>
  <path d="${path(analysis.series?.rms, trim)}" fill="none" stroke="${COLOURS.trimmed}" stroke-width="1.6"/>
  <text x="${WIDTH / 2 - 170}" y="18" fill="${COLOURS.in}">━ as is: RMS AES17 (bold), sample peak (light)</text>
  <text x="${WIDTH / 2 + 110}" y="18" fill="${COLOURS.trimmed}">━ trimmed</text>
</g>`;
}

export function reportSvg(analyses: FileAnalysis[], targetDb: number): string {
  const body = analyses.map((analysis, i) => chart(analysis, targetDb, i * HEIGHT)).join("\n");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT * analyses.length}" viewBox="0 0 ${WIDTH} ${HEIGHT * analyses.length}" role="img"><title>Gainstage level report</title><rect width="100%" height="100%" fill="#fff"/>\n${body}\n</svg>\n`;
}

export function reportHtml(analyses: FileAnalysis[], targetDb: number, failures: { file: string; error: string }[] = []): string {
  const rows = analyses.map((a) => `<tr><th scope="row">${escape(basename(a.file))}</th><td>${formatDb(a.samplePeakDbfs, "dBFS")}</td><td>${formatDb(a.truePeakDbtp, "dBTP")}</td><td>${formatDb(a.rmsAes17Db, "dB")}</td><td>${formatDb(a.integratedLufs, "LUFS")}</td><td>${formatDb(a.loudnessRangeLu, "LU")}</td><td>${a.autoTrimDb === null ? "—" : formatDb(a.autoTrimDb, "dB", { signed: true })}</td></tr>`).join("\n");
  const failed = failures.map((f) => `<li>${escape(f.file)}: ${escape(f.error)}</li>`).join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Gainstage report</title>
<style>body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222}table{border-collapse:collapse;margin:12px 0 24px}th,td{padding:4px 10px;border-bottom:1px solid #ddd;text-align:right}th[scope=row]{text-align:left}svg{max-width:100%;height:auto}</style></head>
<body><h1>Gainstage level report</h1>
<p>Target ${formatDb(targetDb, "dB")} (auto-trim detector ${analyses[0]?.autoTrim.detector.toUpperCase() ?? "RMS"}); RMS is AES17 (a sine reads its peak level), whole file; loudness per ITU-R BS.1770 / EBU R128.</p>
<table><thead><tr><th>File</th><th>Sample peak</th><th>True peak</th><th>RMS AES17</th><th>Integrated</th><th>LRA</th><th>Auto-trim</th></tr></thead><tbody>
${rows}
</tbody></table>
${failed ? `<h2>Not analysed</h2><ul>${failed}</ul>` : ""}
${reportSvg(analyses, targetDb)}
</body></html>
`;
}
