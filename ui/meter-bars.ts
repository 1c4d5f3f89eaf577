/**
 * Draws a strip's bars on its canvas for the chosen scale (meter-scales.ts): one bar per channel
 * coloured by the scale's zones, an inner bar (AES17 RMS on the dBFS scale), a hold line, the
 * scale's marks. Every scale shares one dBFS axis. Thread: main thread (animation frame).
 */
import type { Scale, Zone } from "./meter-scales.js";

import { BAR_FLOOR_DBFS, BAR_TOP_DBFS, COLOURS } from "../host/declaration/meter-face.js";

export { BAR_FLOOR_DBFS, BAR_TOP_DBFS, COLOURS };

export const ZONE_COLOURS: Record<Zone, string> = {
  safe: COLOURS.safe,
  analog: COLOURS.analog,
  hot: COLOURS.hot,
  over: COLOURS.over,
};

/** One channel's bar: the level it reaches, an optional inner level and hold line (dBFS). */
export interface BarLevels {
  barDbfs: number;
  innerDbfs?: number;
  holdDbfs?: number;
}

const SCALE_WIDTH = 30;
const MARGIN = 6;
const GAP = 4;

export function drawBars(
  canvas: HTMLCanvasElement,
  scale: Scale,
  channels: BarLevels[],
  shade?: readonly [number, number],
): void {
  const g = canvas.getContext("2d");
  if (!g) return;
  const { width, height } = canvas;
  const top = MARGIN,
    bottom = height - MARGIN;
  const y = (dbfs: number) =>
    bottom -
    ((Math.max(BAR_FLOOR_DBFS, Math.min(BAR_TOP_DBFS, dbfs)) - BAR_FLOOR_DBFS) / (BAR_TOP_DBFS - BAR_FLOOR_DBFS)) *
      (bottom - top);
  g.clearRect(0, 0, width, height);
  if (shade) {
    g.fillStyle = COLOURS.zone;
    g.fillRect(SCALE_WIDTH, y(shade[1]), width - SCALE_WIDTH, y(shade[0]) - y(shade[1]));
  }
  g.font = "10px system-ui, sans-serif";
  g.textAlign = "right";
  g.textBaseline = "middle";
  for (const mark of scale.marks) {
    if (mark.dbfs < BAR_FLOOR_DBFS || mark.dbfs > BAR_TOP_DBFS) continue;
    g.fillStyle = mark.strong ? COLOURS.strong : COLOURS.text;
    g.fillText(mark.label, SCALE_WIDTH - 4, y(mark.dbfs));
    g.fillStyle = COLOURS.grid;
    g.fillRect(SCALE_WIDTH, Math.round(y(mark.dbfs)), width - SCALE_WIDTH, 1);
  }
  const count = Math.max(1, channels.length);
  const barWidth = (width - SCALE_WIDTH - GAP * (count + 1)) / count;
  const edges = [BAR_FLOOR_DBFS, ...scale.zoneEdges, BAR_TOP_DBFS];
  channels.forEach((channel, c) => {
    const x = SCALE_WIDTH + GAP + c * (barWidth + GAP);
    const barTop = y(channel.barDbfs);
    // Drawn in zone segments, so the colour tells the zone at a glance.
    for (let i = 0; i + 1 < edges.length; i++) {
      const from = edges[i]!,
        to = edges[i + 1]!;
      if (channel.barDbfs <= from) break;
      g.fillStyle = ZONE_COLOURS[scale.zone(from)];
      const segmentTop = Math.max(barTop, y(to));
      g.fillRect(x, segmentTop, barWidth, y(from) - segmentTop);
    }
    if (channel.innerDbfs !== undefined) {
      g.fillStyle = COLOURS.inner;
      const innerTop = y(channel.innerDbfs);
      g.fillRect(x + barWidth * 0.3, innerTop, barWidth * 0.4, bottom - innerTop);
    }
    if (channel.holdDbfs !== undefined && Number.isFinite(channel.holdDbfs)) {
      const zone = scale.zone(channel.holdDbfs);
      g.fillStyle = zone === "safe" ? COLOURS.hold : ZONE_COLOURS[zone];
      g.fillRect(x, Math.round(y(channel.holdDbfs)) - 1, barWidth, 2);
    }
  });
  // The scale's first zone edge above "safe" as a dashed line (−6 dBFS; K's 0; the PPM's maximum).
  const line = scale.kind === "dbfs" ? scale.zoneEdges[1] : scale.zoneEdges[0];
  if (line !== undefined) {
    g.strokeStyle = COLOURS.hot;
    g.setLineDash([4, 3]);
    g.beginPath();
    g.moveTo(SCALE_WIDTH, Math.round(y(line)) + 0.5);
    g.lineTo(width, Math.round(y(line)) + 0.5);
    g.stroke();
    g.setLineDash([]);
  }
}
