/**
 * The meter face (host/declaration/meter-face.ts) as C for the native editor: the bar's axis, the
 * dBFS marks and zones, and every colour as an RGBA quadruple of doubles (cairo's).
 */
import {
  ANALOG_ZONE_DBFS,
  BAR_FLOOR_DBFS,
  BAR_TOP_DBFS,
  COLOURS,
  DBFS_MARKS,
  HEADROOM_LINE_DBFS,
  OVER_DBFS,
  PANEL_COLOURS,
} from "../declaration/meter-face.js";
import { screaming } from "./names.js";

/** "#rrggbb" or "rgba(r,g,b,a)" as "{r, g, b, a}" in 0…1. */
function rgba(colour: string): string {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  const fn = /^rgba\((\d+),\s*(\d+),\s*(\d+),\s*([\d.]+)\)$/.exec(colour);
  const parts = hex
    ? [...hex.slice(1, 4).map((h) => Number.parseInt(h, 16) / 255), 1]
    : fn
      ? [...fn.slice(1, 4).map((d) => Number(d) / 255), Number(fn[4])]
      : null;
  if (!parts) throw new Error(`meter-face: cannot read colour ${colour}`);
  return `{${parts.map((x) => Number(x.toFixed(6))).join(", ")}}`;
}

export function faceHeaderLines(): string[] {
  return [
    "/* The meter face (host/declaration/meter-face.ts): axis, marks, zones (dBFS) and colours (RGBA). */",
    `#define GS_FACE_BAR_FLOOR_DBFS ${BAR_FLOOR_DBFS}`,
    `#define GS_FACE_BAR_TOP_DBFS ${BAR_TOP_DBFS}`,
    `#define GS_FACE_ANALOG_ZONE_LOW_DBFS ${ANALOG_ZONE_DBFS[0]}`,
    `#define GS_FACE_ANALOG_ZONE_HIGH_DBFS ${ANALOG_ZONE_DBFS[1]}`,
    `#define GS_FACE_HEADROOM_LINE_DBFS ${HEADROOM_LINE_DBFS}`,
    `#define GS_FACE_OVER_DBFS ${OVER_DBFS}`,
    `#define GS_FACE_MARK_COUNT ${DBFS_MARKS.length}`,
    `static const double GS_FACE_MARKS_DBFS[GS_FACE_MARK_COUNT] = {${DBFS_MARKS.join(", ")}};`,
    "typedef struct gs_rgba { double r, g, b, a; } gs_rgba;",
    ...Object.entries({
      ...COLOURS,
      ...Object.fromEntries(Object.entries(PANEL_COLOURS).map(([k, v]) => [`panel_${k}`, v])),
    }).map(([key, colour]) => `static const gs_rgba GS_FACE_${screaming(key)} = ${rgba(colour)};`),
  ];
}
