/**
 * A picture of each file's level over time, for people who would rather look than read: as the
 * file is (IN), AES17 RMS (300 ms), sample peak, true peak and short-term loudness; after the
 * auto-trim, RMS and sample peak moved by the trim (a constant gain moves every curve dB for
 * dB). The stage targets are drawn in (the auto-trim target, the −6 dBFS headroom line, full
 * scale) and labelled in the right margin, clear of the data; time reads m:ss throughout; a
 * summary table follows the charts. SVG, or HTML with the same table as HTML; self-contained,
 * no scripts. Thread: CLI main thread.
 */
import { basename } from "node:path";
import { formatDb } from "../../model/format.js";
import type { FileAnalysis, Series, SeriesName } from "../analyze.js";

const WIDTH = 980,
  HEIGHT = 300,
  LEFT = 52,
  PLOT_RIGHT = 800,
  TOP = 52,
  BOTTOM = 30;
const FLOOR_DB = -60,
  CEILING_DB = 3;
/** At most this many points per curve: each is the highest reading in its slice of time. */
const MAX_POINTS = 1200;
const ROW_HEIGHT = 18,
  TABLE_TOP = 28;
const COLOURS = {
  in: "#3d7fc1",
  truePeak: "#7a4fb5",
  loudness: "#2e9d5b",
  trimmed: "#e08a00",
  target: "#2e9d5b",
  headroom: "#d9a400",
  full: "#c0392b",
  grid: "#e3e6ea",
  text: "#444",
};
/** Time-axis steps (s): the first that gives at most ten ticks. */
const TICK_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600];

/** Hop of the time series in reports (s): fine enough to see a transient, small for hours of audio. */
export const REPORT_HOP_SECONDS = 0.1;
export const REPORT_SERIES: readonly SeriesName[] = ["rms", "peak", "truepeak", "shortterm"];

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** m:ss, the one time format of the axis. */
function clock(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(Math.round(seconds - minutes * 60)).padStart(2, "0")}`;
}

function downsample(series: Series): { t: number; db: number }[] {
  const per = Math.max(1, Math.ceil(series.values.length / MAX_POINTS));
  const points: { t: number; db: number }[] = [];
  for (let i = 0; i < series.values.length; i += per) {
    let highest = -Infinity;
    for (let j = i; j < Math.min(series.values.length, i + per); j++)
      highest = Math.max(highest, series.values[j] ?? -Infinity);
    points.push({ t: series.t0 + (i + per - 1) * series.hopSeconds, db: highest });
  }
  return points;
}

/** One file's chart as an SVG <g> (height HEIGHT), translated to `y`. */
function chart(analysis: FileAnalysis, targetDb: number, unit: string, y: number): string {
  const duration = Math.max(analysis.durationSeconds, 1e-3);
  const px = (t: number) => LEFT + (t / duration) * (PLOT_RIGHT - LEFT);
  const py = (db: number) =>
    TOP +
    ((CEILING_DB - Math.max(FLOOR_DB, Math.min(CEILING_DB, db))) / (CEILING_DB - FLOOR_DB)) * (HEIGHT - TOP - BOTTOM);
  const trim = analysis.autoTrimDb ?? 0;
  const curve = (series: Series | undefined, offset: number, colour: string, style: string) => {
    if (!series) return "";
    let d = "",
      pen = false;
    for (const p of downsample(series)) {
      if (!(p.db > FLOOR_DB - 40)) {
        pen = false;
        continue;
      }
      d += `${pen ? "L" : "M"}${px(p.t).toFixed(1)},${py(p.db + offset).toFixed(1)}`;
      pen = true;
    }
    return `<path d="${d}" fill="none" stroke="${colour}" ${style}/>`;
  };
  const grid = [0, -6, -12, -18, -24, -30, -40, -50, -60]
    .map(
      (db) =>
        `<line x1="${LEFT}" x2="${PLOT_RIGHT}" y1="${py(db)}" y2="${py(db)}" stroke="${COLOURS.grid}"/><text x="${LEFT - 6}" y="${py(db) + 4}" text-anchor="end">${formatDb(db, "", { decimals: 0 })}</text>`,
    )
    .join("");
  const step = TICK_STEPS.find((s) => duration / s <= 10) ?? 7200;
  const ticks = Array.from({ length: Math.floor(duration / step) + 1 }, (_, i) => i * step)
    .map(
      (t) => `<text x="${px(t)}" y="${HEIGHT - 10}" text-anchor="${t === 0 ? "start" : "middle"}">${clock(t)}</text>`,
    )
    .join("");
  // Guides span the plot; their labels sit in the right margin, never over a curve.
  const guide = (db: number, colour: string, label: string) =>
    `<line x1="${LEFT}" x2="${PLOT_RIGHT}" y1="${py(db)}" y2="${py(db)}" stroke="${colour}" stroke-dasharray="6 4" stroke-width="1.5"/><text x="${PLOT_RIGHT + 8}" y="${py(db) + 4}" fill="${colour}">${escapeXml(label)}</text>`;
  const summary =
    analysis.autoTrimDb === null
      ? "not trimmable (silent)"
      : `trim ${formatDb(trim, "dB")} → ${formatDb(analysis.autoTrim.levelDb + trim, unit)}, peaks ${formatDb(analysis.autoTrim.peakAfterDbfs, "dBFS")}`;
  const s = analysis.series;
  return `<g transform="translate(0 ${y})" font-family="system-ui, sans-serif" font-size="11" fill="${COLOURS.text}">
  <text x="${LEFT}" y="18" font-size="14" font-weight="600">${escapeXml(basename(analysis.file))}</text>
  <text x="${PLOT_RIGHT}" y="18" text-anchor="end">${escapeXml(summary)}</text>
  <text x="${LEFT}" y="38"><tspan fill="${COLOURS.in}">━ RMS AES17 (bold), sample peak (light)</tspan><tspan dx="12" fill="${COLOURS.truePeak}">┅ true peak</tspan><tspan dx="12" fill="${COLOURS.loudness}">╌ short-term loudness (LUFS)</tspan><tspan dx="12" fill="${COLOURS.trimmed}">━ trimmed</tspan></text>
  ${grid}${ticks}
  ${guide(targetDb, COLOURS.target, `target ${formatDb(targetDb, unit)}`)}
  ${guide(-6, COLOURS.headroom, "−6 dBFS headroom")}
  ${guide(0, COLOURS.full, "0 dBFS full scale")}
  ${curve(s?.peak, 0, COLOURS.in, 'stroke-opacity="0.35"')}
  ${curve(s?.truepeak, 0, COLOURS.truePeak, 'stroke-dasharray="2 2" stroke-opacity="0.7"')}
  ${curve(s?.shortterm, 0, COLOURS.loudness, 'stroke-dasharray="5 3" stroke-width="1.4"')}
  ${curve(s?.rms, 0, COLOURS.in, 'stroke-width="1.6"')}
  ${curve(s?.peak, trim, COLOURS.trimmed, 'stroke-opacity="0.35"')}
  ${curve(s?.rms, trim, COLOURS.trimmed, 'stroke-width="1.6"')}
</g>`;
}

const COLUMNS: { title: string; x: number; cell: (a: FileAnalysis) => string }[] = [
  { title: "File", x: LEFT, cell: (a) => basename(a.file) },
  { title: "Sample peak", x: 420, cell: (a) => formatDb(a.samplePeakDbfs, "dBFS") },
  { title: "True peak", x: 510, cell: (a) => formatDb(a.truePeakDbtp, "dBTP") },
  { title: "RMS AES17", x: 600, cell: (a) => formatDb(a.rmsAes17Db, "dB") },
  { title: "Integrated", x: 700, cell: (a) => formatDb(a.integratedLufs, "LUFS") },
  { title: "LRA", x: 780, cell: (a) => formatDb(a.loudnessRangeLu, "LU") },
  { title: "Auto-trim", x: 870, cell: (a) => (a.autoTrimDb === null ? "—" : formatDb(a.autoTrimDb, "dB")) },
];

/** The summary table as SVG text rows (numbers right-aligned at each column's right edge). */
function summaryTable(analyses: FileAnalysis[], y: number): string {
  const row = (cells: string[], at: number, weight = "normal") =>
    cells
      .map(
        (text, i) =>
          `<text x="${COLUMNS[i]!.x}" y="${at}" text-anchor="${i === 0 ? "start" : "end"}" font-weight="${weight}">${escapeXml(text)}</text>`,
      )
      .join("");
  const rows = analyses
    .map((a, i) =>
      row(
        COLUMNS.map((c) => c.cell(a)),
        y + TABLE_TOP + (i + 1) * ROW_HEIGHT,
      ),
    )
    .join("\n");
  return `<g font-family="system-ui, sans-serif" font-size="12" fill="${COLOURS.text}">${row(
    COLUMNS.map((c) => c.title),
    y + TABLE_TOP,
    "600",
  )}\n${rows}</g>`;
}

export function reportSvg(analyses: FileAnalysis[], targetDb: number, unit = "dB"): string {
  const body = analyses.map((analysis, i) => chart(analysis, targetDb, unit, i * HEIGHT)).join("\n");
  const height = HEIGHT * analyses.length + TABLE_TOP + (analyses.length + 1) * ROW_HEIGHT + 12;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img"><title>Gainstage level report</title><rect width="100%" height="100%" fill="#fff"/>\n${body}\n${summaryTable(analyses, HEIGHT * analyses.length)}\n</svg>\n`;
}

export function reportHtml(
  analyses: FileAnalysis[],
  targetDb: number,
  unit = "dB",
  failures: { file: string; error: string }[] = [],
): string {
  const rows = analyses
    .map(
      (a) =>
        `<tr>${COLUMNS.map((c, i) => (i === 0 ? `<th scope="row">${escapeXml(c.cell(a))}</th>` : `<td>${escapeXml(c.cell(a))}</td>`)).join("")}</tr>`,
    )
    .join("\n");
  const failed = failures.map((f) => `<li>${escapeXml(f.file)}: ${escapeXml(f.error)}</li>`).join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Gainstage report</title>
<style>body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222}table{border-collapse:collapse;margin:12px 0 24px}th,td{padding:4px 10px;border-bottom:1px solid #ddd;text-align:right}th[scope=row]{text-align:left}svg{max-width:100%;height:auto}</style></head>
<body><h1>Gainstage level report</h1>
<p>Target ${escapeXml(formatDb(targetDb, unit))} (auto-trim detector ${escapeXml(analyses[0]?.autoTrim.detector ?? "rms-gated")}); RMS is AES17 (a sine reads its peak level), whole file; loudness per ITU-R BS.1770 / EBU R128.</p>
<table><thead><tr>${COLUMNS.map((c) => `<th>${c.title}</th>`).join("")}</tr></thead><tbody>
${rows}
</tbody></table>
${failed ? `<h2>Not analysed</h2><ul>${failed}</ul>` : ""}
${reportSvg(analyses, targetDb, unit)}
</body></html>
`;
}
