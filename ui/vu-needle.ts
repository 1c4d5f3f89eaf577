/**
 * The VU meter face: the standard scale from −20 to +3 VU, linear in voltage as on a real VU
 * meter (0 VU sits at 1/1.413 ≈ 71 % of the arc, ANSI C16.5 / IEC 60268-17 scale), red above
 * 0 VU, one needle per channel. The ballistics are the kernel's (IEC 60268-17); this only draws.
 * Thread: main thread.
 */
import { formatNumberDb } from "../host/format.js";

export const VU_MIN = -20;
export const VU_MAX = 3;
const VU_MARKS = [-20, -10, -7, -5, -3, -2, -1, 0, 1, 2, 3];
/** Half the arc's opening, radians. */
const ARC_HALF_ANGLE = (48 * Math.PI) / 180;
const NEEDLE_COLOURS = ["#f4f1e8", "#f2b33d", "#7fc8f8", "#c39bd3", "#8fd14f", "#e5533d", "#aab3bd", "#ffffff"];

/** Position on the scale, 0 … 1: proportional to voltage, pinned at both ends. */
export function vuScalePosition(vu: number): number {
  if (!(vu > -Infinity)) return 0;
  return Math.min(1, 10 ** ((vu - VU_MAX) / 20));
}

export function drawVu(canvas: HTMLCanvasElement, vuPerChannel: number[]): void {
  const g = canvas.getContext("2d");
  if (!g) return;
  const { width, height } = canvas;
  const cx = width / 2, cy = height * 1.05, radius = height * 0.88;
  const angle = (position: number) => -ARC_HALF_ANGLE + 2 * ARC_HALF_ANGLE * position;
  const point = (a: number, r: number) => [cx + r * Math.sin(a), cy - r * Math.cos(a)] as const;
  g.clearRect(0, 0, width, height);
  g.fillStyle = "#f3ecd6";
  g.fillRect(0, 0, width, height);
  g.lineWidth = 2;
  for (const [from, to, colour] of [[VU_MIN, 0, "#222"], [0, VU_MAX, "#c0392b"]] as const) {
    g.strokeStyle = colour;
    g.beginPath();
    g.arc(cx, cy, radius, angle(vuScalePosition(from)) - Math.PI / 2, angle(vuScalePosition(to)) - Math.PI / 2);
    g.stroke();
  }
  g.font = "10px system-ui, sans-serif";
  g.textAlign = "center";
  g.textBaseline = "middle";
  for (const mark of VU_MARKS) {
    const a = angle(vuScalePosition(mark));
    const [x1, y1] = point(a, radius), [x2, y2] = point(a, radius + 6), [tx, ty] = point(a, radius + 15);
    g.strokeStyle = mark > 0 ? "#c0392b" : "#222";
    g.lineWidth = 1.5;
    g.beginPath(); g.moveTo(x1, y1); g.lineTo(x2, y2); g.stroke();
    g.fillStyle = mark > 0 ? "#c0392b" : "#222";
    g.fillText(mark > 0 ? `+${mark}` : formatNumberDb(mark, { decimals: 0 }), tx, ty);
  }
  g.fillStyle = "#222";
  g.font = "bold 12px system-ui, sans-serif";
  g.fillText("VU", cx, height * 0.62);
  vuPerChannel.forEach((vu, c) => {
    const [x, y] = point(angle(vuScalePosition(vu)), radius + 4);
    g.strokeStyle = vuPerChannel.length > 1 ? NEEDLE_COLOURS[c % NEEDLE_COLOURS.length]! : "#111";
    if (vuPerChannel.length > 1 && c === 0) g.strokeStyle = "#111";
    g.lineWidth = 2;
    g.beginPath(); g.moveTo(cx, cy); g.lineTo(x, y); g.stroke();
  });
}
