/**
 * The VU meter face: the standard scale from −20 to +3 VU, linear in voltage as on a real VU
 * meter (0 VU sits at 1/1.413 ≈ 71 % of the arc, ANSI C16.5 / IEC 60268-17 scale), red above
 * 0 VU, one needle per channel. The ballistics are the kernel's (IEC 60268-17); this only draws.
 * Thread: main thread.
 */
import { formatNumberDb } from "../host/model/format.js";

export const VU_MIN = -20;
export const VU_MAX = 3;
const VU_MARKS = [-20, -10, -7, -5, -3, -2, -1, 0, 1, 2, 3];
/** Marks that carry a number: every mark but −2, whose number would crowd −3 and −1. */
export const VU_LABELLED = [-20, -10, -7, -5, -3, -1, 0, 1, 2, 3];
const LABEL_FONT_PX = 10;
/** Half the arc's opening, radians. */
const ARC_HALF_ANGLE = (48 * Math.PI) / 180;
const NEEDLE_COLOURS = ["#f4f1e8", "#f2b33d", "#7fc8f8", "#c39bd3", "#8fd14f", "#e5533d", "#aab3bd", "#ffffff"];

/** Position on the scale, 0 … 1: proportional to voltage, pinned at both ends. */
export function vuScalePosition(vu: number): number {
  if (!(vu > -Infinity)) return 0;
  return Math.min(1, 10 ** ((vu - VU_MAX) / 20));
}

/** The face's geometry for a canvas: the arc as wide as the canvas allows, its top clear of the labels. */
export function vuGeometry(width: number, height: number) {
  const radius = Math.min((width * 0.46) / Math.sin(ARC_HALF_ANGLE), height * 1.45);
  const cx = width / 2,
    cy = radius + 2.2 * LABEL_FONT_PX;
  const angle = (position: number) => -ARC_HALF_ANGLE + 2 * ARC_HALF_ANGLE * position;
  const point = (a: number, r: number) => [cx + r * Math.sin(a), cy - r * Math.cos(a)] as const;
  return { cx, cy, radius, angle, point };
}

/** Where each labelled mark's number sits (its centre), for a canvas of this size. */
export function vuLabelPositions(width: number, height: number): { vu: number; x: number; y: number }[] {
  const { radius, angle, point } = vuGeometry(width, height);
  return VU_LABELLED.map((vu) => {
    const [x, y] = point(angle(vuScalePosition(vu)), radius + 1.5 * LABEL_FONT_PX);
    return { vu, x, y };
  });
}

export function drawVu(canvas: HTMLCanvasElement, vuPerChannel: number[]): void {
  const g = canvas.getContext("2d");
  if (!g) return;
  const { width, height } = canvas;
  const { cx, cy, radius, angle, point } = vuGeometry(width, height);
  g.clearRect(0, 0, width, height);
  g.fillStyle = "#f3ecd6";
  g.fillRect(0, 0, width, height);
  g.lineWidth = 2;
  for (const [from, to, colour] of [
    [VU_MIN, 0, "#222"],
    [0, VU_MAX, "#c0392b"],
  ] as const) {
    g.strokeStyle = colour;
    g.beginPath();
    g.arc(cx, cy, radius, angle(vuScalePosition(from)) - Math.PI / 2, angle(vuScalePosition(to)) - Math.PI / 2);
    g.stroke();
  }
  g.font = `${LABEL_FONT_PX}px system-ui, sans-serif`;
  g.textAlign = "center";
  g.textBaseline = "middle";
  for (const mark of VU_MARKS) {
    const a = angle(vuScalePosition(mark));
    const [x1, y1] = point(a, radius),
      [x2, y2] = point(a, radius + 6);
    g.strokeStyle = mark > 0 ? "#c0392b" : "#222";
    g.lineWidth = 1.5;
    g.beginPath();
    g.moveTo(x1, y1);
    g.lineTo(x2, y2);
    g.stroke();
  }
  for (const { vu, x, y } of vuLabelPositions(width, height)) {
    g.fillStyle = vu > 0 ? "#c0392b" : "#222";
    g.fillText(formatNumberDb(vu, { decimals: 0 }), x, y);
  }
  g.fillStyle = "#222";
  g.font = "bold 12px system-ui, sans-serif";
  g.fillText("VU", cx, height - 14);
  vuPerChannel.forEach((vu, c) => {
    const [x, y] = point(angle(vuScalePosition(vu)), radius + 4);
    g.strokeStyle = needleColour(c, vuPerChannel.length);
    g.lineWidth = 2;
    g.beginPath();
    g.moveTo(cx, cy);
    g.lineTo(x, y);
    g.stroke();
  });
  if (vuPerChannel.length > 1) drawLegend(g, vuPerChannel.length, height);
}

/** Channel c's needle: black for the first (L), the palette's colours for the others. */
function needleColour(channel: number, channels: number): string {
  return channels > 1 && channel > 0 ? NEEDLE_COLOURS[channel % NEEDLE_COLOURS.length]! : "#111";
}

/** Which needle is which channel: a short stroke of its colour and its name, in the lower left. */
function drawLegend(g: CanvasRenderingContext2D, channels: number, height: number): void {
  g.font = `${LABEL_FONT_PX}px system-ui, sans-serif`;
  g.textAlign = "left";
  for (let c = 0; c < channels; c++) {
    const x = 8 + c * 30,
      y = height - 10;
    g.strokeStyle = needleColour(c, channels);
    g.lineWidth = 3;
    g.beginPath();
    g.moveTo(x, y);
    g.lineTo(x + 10, y);
    g.stroke();
    g.fillStyle = "#222";
    g.fillText(channels === 2 ? (c === 0 ? "L" : "R") : String(c + 1), x + 13, y);
  }
}
