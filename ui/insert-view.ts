/**
 * What the effect does, shown: the saturator's transfer curve with where the peaks it is fed land
 * on it, the waveform leaving it (flattened when driven hot), and a word for the drive. This is
 * the "show, don't preach" case for −18 dBFS. Another WAM effect shows the waveform and its own
 * panel (its createGui()), if it has one. Thread: main thread.
 */
import { formatDb } from "../host/model/format.js";
import { compressionAtDb, driveLabel, saturate } from "./saturator.js";

/** The curve is drawn over inputs ±CURVE_VIEW (linear, 1 = 0 dBFS). */
const CURVE_VIEW = 1.5;
/** The marker of the peaks fed to the effect follows a held peak so it is readable (dB fall per second). */
const MARKER_FALL_DB_PER_S = 2;

/** What is in the slot: the tape saturator (its curve is known), another WAM effect, or nothing. */
export type InsertKind = "tape" | "other" | "none";

export class InsertView {
  readonly element: HTMLElement;
  private readonly curve: HTMLCanvasElement;
  private readonly scopeCanvas: HTMLCanvasElement;
  private readonly label: HTMLElement;
  private readonly pluginPanel: HTMLElement;
  private samples: Float32Array<ArrayBuffer>;
  private markerDbfs = -Infinity;
  private lastMs = 0;

  /** `scope` gives the analyser after the effect now (it is rebuilt with the audio context). */
  constructor(
    private readonly scope: () => AnalyserNode,
    private readonly kind: () => { kind: InsertKind; name: string },
  ) {
    this.samples = new Float32Array(scope().fftSize);
    this.element = document.createElement("div");
    this.element.className = "insert-view";
    this.element.innerHTML = `
      <canvas class="curve" width="180" height="180" role="img" aria-label="Saturator transfer curve with the peaks fed to it marked"></canvas>
      <canvas class="scope" width="360" height="180" role="img" aria-label="Waveform leaving the insert"></canvas>
      <p class="drive" role="status"></p>
      <div class="plugin-gui"></div>`;
    this.curve = this.element.querySelector(".curve")!;
    this.scopeCanvas = this.element.querySelector(".scope")!;
    this.label = this.element.querySelector(".drive")!;
    this.pluginPanel = this.element.querySelector(".plugin-gui")!;
  }

  /** Shows the effect's own panel (null: none). */
  setPluginGui(gui: Element | null): void {
    this.pluginPanel.replaceChildren(...(gui ? [gui] : []));
  }

  /** `sendPeakDbfs`: the sample peak fed to the effect (TO EFFECT) since the previous frame. */
  update(sendPeakDbfs: number, nowMs: number): void {
    const elapsed = this.lastMs ? (nowMs - this.lastMs) / 1000 : 0;
    this.lastMs = nowMs;
    this.markerDbfs = Math.max(sendPeakDbfs, this.markerDbfs - MARKER_FALL_DB_PER_S * elapsed);
    const { kind, name } = this.kind();
    this.curve.hidden = kind !== "tape";
    if (kind === "none") {
      this.label.textContent = "No effect: the input trim feeds the output trim directly.";
      this.label.dataset.drive = "none";
    } else if (kind === "other") {
      this.label.textContent = `${name}: the waveform leaving it, and its own controls.`;
      this.label.dataset.drive = "none";
    } else if (!(this.markerDbfs > -90)) {
      this.label.textContent = "Drive: no signal.";
      this.label.dataset.drive = "none";
    } else {
      const compression = compressionAtDb(this.markerDbfs);
      const word = driveLabel(compression);
      this.label.dataset.drive = word;
      this.label.textContent = `Drive: ${word} — peaks fed to it at ${formatDb(this.markerDbfs, "dBFS")} are compressed by ${formatDb(-compression, "dB", { decimals: 1, signed: false })}.`;
    }
    this.drawCurve();
    this.drawScope();
  }

  private drawCurve(): void {
    const g = this.curve.getContext("2d");
    if (!g) return;
    const { width, height } = this.curve;
    const px = (x: number) => ((x / CURVE_VIEW + 1) / 2) * width;
    const py = (y: number) => height - ((y / CURVE_VIEW + 1) / 2) * height;
    g.clearRect(0, 0, width, height);
    g.strokeStyle = "#2b3138";
    g.beginPath();
    g.moveTo(0, height / 2);
    g.lineTo(width, height / 2);
    g.moveTo(width / 2, 0);
    g.lineTo(width / 2, height);
    g.stroke();
    g.strokeStyle = "#59626d";
    g.setLineDash([3, 3]);
    g.beginPath();
    g.moveTo(px(-CURVE_VIEW), py(-CURVE_VIEW));
    g.lineTo(px(CURVE_VIEW), py(CURVE_VIEW));
    g.stroke();
    g.setLineDash([]);
    g.strokeStyle = "#dfe6ee";
    g.lineWidth = 2;
    g.beginPath();
    for (let i = 0; i <= width; i++) {
      const x = ((2 * i) / width - 1) * CURVE_VIEW;
      if (i === 0) g.moveTo(px(x), py(saturate(x)));
      else g.lineTo(px(x), py(saturate(x)));
    }
    g.stroke();
    g.lineWidth = 1;
    if (this.kind().kind === "tape" && this.markerDbfs > -90) {
      const peak = 10 ** (this.markerDbfs / 20);
      g.fillStyle = "rgba(242,179,61,0.25)";
      g.fillRect(px(-peak), 0, px(peak) - px(-peak), height);
      for (const x of [-peak, peak]) {
        g.fillStyle = "#f2b33d";
        g.beginPath();
        g.arc(px(x), py(saturate(x)), 4, 0, 2 * Math.PI);
        g.fill();
      }
      // The band says what it is: the span of the curve TO EFFECT's peaks reach.
      g.fillStyle = "#f2b33d";
      g.font = "10px system-ui, sans-serif";
      g.fillText("peaks fed to it", Math.min(px(peak) + 4, width - 76), height - 6);
    }
    g.fillStyle = "#aab3bd";
    g.font = "10px system-ui, sans-serif";
    g.fillText("in →", width - 28, height / 2 - 4);
    g.fillText("out", width / 2 + 4, 10);
  }

  private drawScope(): void {
    const g = this.scopeCanvas.getContext("2d");
    if (!g) return;
    const { width, height } = this.scopeCanvas;
    g.clearRect(0, 0, width, height);
    g.strokeStyle = "#2b3138";
    g.beginPath();
    g.moveTo(0, height / 2);
    g.lineTo(width, height / 2);
    g.stroke();
    const scope = this.scope();
    if (scope.fftSize !== this.samples.length) this.samples = new Float32Array(scope.fftSize);
    scope.getFloatTimeDomainData(this.samples);
    g.strokeStyle = "#7fc8f8";
    g.beginPath();
    for (let i = 0; i < this.samples.length; i++) {
      const x = (i / (this.samples.length - 1)) * width,
        y = height / 2 - (this.samples[i]! / CURVE_VIEW) * (height / 2);
      if (i === 0) g.moveTo(x, y);
      else g.lineTo(x, y);
    }
    g.stroke();
    g.fillStyle = "#aab3bd";
    g.font = "10px system-ui, sans-serif";
    g.fillText("The waveform leaving the effect", 6, 12);
  }
}
