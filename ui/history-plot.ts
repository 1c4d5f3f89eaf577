/**
 * Level over the last minute, IN against OUT, by a detector the user picks, with the target
 * line and a cursor readout — or the trims themselves, so a Ride or auto-match is seen moving
 * (the input trim beside IN, the output trim beside OUT). Records every detector at HISTORY_HZ
 * from the snapshots, so switching detector shows the past at once. Thread: main thread.
 */
import type { TapReadings } from "../host/model/readings.js";
import { formatDb } from "../host/model/format.js";

export const HISTORY_SECONDS = 60;
export const HISTORY_HZ = 10;
const POINTS = HISTORY_SECONDS * HISTORY_HZ;

export const HISTORY_DETECTORS = [
  { name: "Short-term loudness", unit: "LUFS", read: (t: TapReadings) => t.shortTermLufs, range: [-60, 0] },
  { name: "Momentary loudness", unit: "LUFS", read: (t: TapReadings) => t.momentaryLufs, range: [-60, 0] },
  { name: "RMS AES17 (300 ms)", unit: "dB", read: (t: TapReadings) => t.overall.rmsAes17Db, range: [-60, 0] },
  { name: "Sample peak", unit: "dBFS", read: (t: TapReadings) => t.overall.samplePeakDbfs, range: [-60, 3] },
  { name: "VU", unit: "VU", read: (t: TapReadings) => t.overall.vu, range: [-20, 3] },
  {
    name: "Trims (Ride, auto-match)",
    unit: "dB trim",
    read: (_: TapReadings, trimDb: number) => trimDb,
    range: [-24, 24],
  },
] as const;

const SERIES = [
  { key: "in", label: "IN", colour: "#7fc8f8" },
  { key: "out", label: "OUT", colour: "#f2b33d" },
] as const;
const TIME_STEP_SECONDS = 10;

/**
 * The time axis's labels from −60 s (left) to now (right), between the plot's edges `left` and
 * `right`: the two ends are aligned inward so they are never cut by the canvas's edge.
 */
export function timeAxisLabels(left: number, right: number): { text: string; x: number; align: CanvasTextAlign }[] {
  const labels: { text: string; x: number; align: CanvasTextAlign }[] = [];
  for (let seconds = HISTORY_SECONDS; seconds >= 0; seconds -= TIME_STEP_SECONDS) {
    const x = left + ((HISTORY_SECONDS - seconds) / HISTORY_SECONDS) * (right - left);
    labels.push({
      text: seconds === 0 ? "now" : `−${seconds} s`,
      x,
      align: seconds === HISTORY_SECONDS ? "left" : seconds === 0 ? "right" : "center",
    });
  }
  return labels;
}

export class HistoryPlot {
  readonly element: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly readout: HTMLElement;
  /** [series][detector] ring of POINTS values. */
  private readonly data = SERIES.map(() => HISTORY_DETECTORS.map(() => new Float32Array(POINTS).fill(-Infinity)));
  private head = 0;
  private lastPushMs = 0;
  private cursorX: number | null = null;
  detector = 0;
  /** Horizontal guide lines per detector unit (target, headroom). */
  guides: (unit: string) => { db: number; label: string }[] = () => [];

  constructor() {
    this.element = document.createElement("div");
    this.element.className = "history";
    this.element.innerHTML = `
      <div class="history-head">
        <label>Detector <select class="history-detector">${HISTORY_DETECTORS.map((d, i) => `<option value="${i}">${d.name} (${d.unit})</option>`).join("")}</select></label>
        <span class="legend">${SERIES.map((s) => `<span style="color:${s.colour}">━ ${s.label}</span>`).join(" ")}</span>
        <output class="history-readout" aria-live="off"></output>
      </div>
      <canvas width="900" height="180" role="img" aria-label="Level history, last ${HISTORY_SECONDS} s, IN versus OUT"></canvas>`;
    this.canvas = this.element.querySelector("canvas")!;
    this.readout = this.element.querySelector(".history-readout")!;
    const select = this.element.querySelector<HTMLSelectElement>(".history-detector")!;
    select.addEventListener("change", () => {
      this.detector = Number(select.value);
      this.draw();
    });
    this.canvas.addEventListener("pointermove", (event) => {
      const box = this.canvas.getBoundingClientRect();
      this.cursorX = ((event.clientX - box.left) / box.width) * this.canvas.width;
      this.draw();
    });
    this.canvas.addEventListener("pointerleave", () => {
      this.cursorX = null;
      this.readout.textContent = "";
      this.draw();
    });
  }

  /** Records the taps (at most HISTORY_HZ times a second) and redraws. */
  /** One sample of IN and OUT, with the input and output trims (dB) in force. */
  push(taps: { in: TapReadings; out: TapReadings }, nowMs: number, trims = { in: 0, out: 0 }): void {
    if (nowMs - this.lastPushMs < 1000 / HISTORY_HZ) return;
    this.lastPushMs = nowMs;
    SERIES.forEach((series, s) =>
      HISTORY_DETECTORS.forEach((detector, d) => {
        this.data[s]![d]![this.head] = detector.read(taps[series.key], trims[series.key]);
      }),
    );
    this.head = (this.head + 1) % POINTS;
    this.draw();
  }

  clear(): void {
    this.data.forEach((series) => series.forEach((ring) => ring.fill(-Infinity)));
  }

  private draw(): void {
    const g = this.canvas.getContext("2d");
    if (!g) return;
    const { width, height } = this.canvas;
    const detector = HISTORY_DETECTORS[this.detector]!;
    const [low, high] = detector.range;
    const left = 44,
      right = width - 8,
      top = 8,
      bottom = height - 18;
    const x = (i: number) => left + (i / (POINTS - 1)) * (right - left);
    const y = (value: number) =>
      bottom - ((Math.max(low, Math.min(high, value)) - low) / (high - low)) * (bottom - top);
    g.clearRect(0, 0, width, height);
    g.font = "10px system-ui, sans-serif";
    g.fillStyle = "#aab3bd";
    g.textAlign = "right";
    g.textBaseline = "middle";
    const step = detector.unit === "VU" ? 5 : 10;
    for (let level = Math.ceil(low / step) * step; level <= high; level += step) {
      g.fillText(formatDb(level, "", { decimals: 0 }), left - 4, y(level));
      g.fillStyle = "#2b3138";
      g.fillRect(left, Math.round(y(level)), right - left, 1);
      g.fillStyle = "#aab3bd";
    }
    for (const label of timeAxisLabels(left, right)) {
      g.textAlign = label.align;
      g.fillText(label.text, label.x, height - 6);
    }
    for (const guide of this.guides(detector.unit)) {
      g.strokeStyle = "#8fd14f";
      g.setLineDash([5, 4]);
      g.beginPath();
      g.moveTo(left, y(guide.db) + 0.5);
      g.lineTo(right, y(guide.db) + 0.5);
      g.stroke();
      g.setLineDash([]);
      g.fillStyle = "#8fd14f";
      g.textAlign = "left";
      g.fillText(guide.label, left + 4, y(guide.db) - 7);
    }
    SERIES.forEach((series, s) => {
      const ring = this.data[s]![this.detector]!;
      g.strokeStyle = series.colour;
      g.lineWidth = 1.5;
      g.beginPath();
      let pen = false;
      for (let i = 0; i < POINTS; i++) {
        const value = ring[(this.head + i) % POINTS]!;
        if (!(value > low - 40)) {
          pen = false;
          continue;
        }
        if (pen) g.lineTo(x(i), y(value));
        else g.moveTo(x(i), y(value));
        pen = true;
      }
      g.stroke();
    });
    if (this.cursorX !== null && this.cursorX >= left && this.cursorX <= right) {
      const i = Math.round(((this.cursorX - left) / (right - left)) * (POINTS - 1));
      g.strokeStyle = "#dfe6ee";
      g.beginPath();
      g.moveTo(this.cursorX + 0.5, top);
      g.lineTo(this.cursorX + 0.5, bottom);
      g.stroke();
      const values = SERIES.map(
        (series, s) =>
          `${series.label} ${formatDb(this.data[s]![this.detector]![(this.head + i) % POINTS]!, detector.unit)}`,
      );
      this.readout.textContent = `${((POINTS - 1 - i) / HISTORY_HZ).toFixed(1)} s ago: ${values.join(", ")}`;
    }
  }
}
