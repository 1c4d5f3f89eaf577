/**
 * One meter point's meters (meter-points.ts): per-channel bars on the scale chosen for this strip
 * (dBFS peak with hold and AES17 RMS inside, K-20/14/12, or the PPM: meter-scales.ts), clip lights
 * that stay until clicked, readouts beside the bars that always say which convention a number
 * uses (strip-readouts.ts), and a VU needle on the standard scale below. Until the point has
 * carried audio every readout shows "—". Draws from the snapshot it is given, once per animation
 * frame. Thread: main thread.
 */
import type { TapReadings } from "../host/model/readings.js";
import { ShortTermPeakWindow } from "../host/model/dynamics.js";
import { paramByKey } from "../host/model/params.js";
import { drawBars, type BarLevels } from "./meter-bars.js";
import { METER_POINTS, type PointId } from "./meter-points.js";
import {
  ANALOG_ZONE_DBFS,
  SCALE_KINDS,
  SCALE_LABELS,
  scaleFor,
  type Calibration,
  type ScaleKind,
} from "./meter-scales.js";
import { PeakHold } from "./peak-hold.js";
import { NONE, READOUTS, type StripState } from "./strip-readouts.js";
import { drawVu } from "./vu-needle.js";

/** Without a parameter store (tests, previews): the EBU R68 alignment and the EBU PPM. */
const DEFAULT_CALIBRATION: Calibration = {
  alignmentDbfs: paramByKey("vuReferenceDbfs").default,
  ppmStandard: paramByKey("ppmStandard").default,
};
const SCALE_STORAGE_KEY = "gainstage.scale.";

function storedScale(point: PointId): ScaleKind {
  try {
    const stored = globalThis.localStorage?.getItem(SCALE_STORAGE_KEY + point);
    return (SCALE_KINDS as readonly string[]).includes(stored ?? "") ? (stored as ScaleKind) : "dbfs";
  } catch {
    return "dbfs"; // storage refused (private mode, sandboxed frame): the default scale
  }
}

export class MeterStrip implements StripState {
  readonly element: HTMLElement;
  private readonly bars: HTMLCanvasElement;
  private readonly vu: HTMLCanvasElement;
  private readonly caption: HTMLElement;
  private readonly clipButtons: HTMLButtonElement[] = [];
  private readonly values: HTMLElement[] = [];
  private readonly terms: HTMLElement[] = [];
  private holds: PeakHold[] = [];
  /** Clip counts the user has acknowledged (clicked away), per channel. */
  private clipsSeen: number[] = [];
  private readonly psrWindow = new ShortTermPeakWindow();
  peakMaxDbfs = -Infinity;
  truePeakMaxDbtp = -Infinity;
  ppmMaxDbfs = -Infinity;
  psrDb = Number.NaN;
  scaleKind: ScaleKind;
  latest: TapReadings | null = null;

  readonly name: string;

  /** `calibration` says where the alignment level is and which PPM the point runs (the parameters). */
  constructor(
    readonly point: PointId,
    private readonly calibrationOf: () => Calibration = () => DEFAULT_CALIBRATION,
  ) {
    const { label: name, words } = METER_POINTS[point];
    this.name = name;
    this.scaleKind = storedScale(point);
    this.element = document.createElement("section");
    this.element.className = "meter-strip";
    this.element.dataset.tap = point;
    this.element.setAttribute("aria-label", `${name} meters`);
    this.element.innerHTML = `
      <header><h3>${name}</h3><p>${words}</p>
        <label class="scale-choice">Scale <select class="scale" aria-label="${name} bar scale"></select></label></header>
      <div class="meter-body">
        <div class="bar-column">
          <canvas class="bars" width="96" height="214" role="img" aria-label="${name} level bars"></canvas>
          <p class="scale-caption"></p>
          <div class="clips" role="group" aria-label="${name} clip indicators" hidden></div>
        </div>
        <dl class="readouts"></dl>
      </div>
      <canvas class="vu" width="264" height="96" role="img" aria-label="${name} VU meter"></canvas>`;
    this.bars = this.element.querySelector(".bars")!;
    this.vu = this.element.querySelector(".vu")!;
    this.caption = this.element.querySelector(".scale-caption")!;
    const select = this.element.querySelector<HTMLSelectElement>(".scale")!;
    for (const kind of SCALE_KINDS) select.add(new Option(SCALE_LABELS[kind], kind));
    select.value = this.scaleKind;
    select.addEventListener("change", () => {
      this.scaleKind = select.value as ScaleKind;
      try {
        globalThis.localStorage?.setItem(SCALE_STORAGE_KEY + point, this.scaleKind);
      } catch {
        // not kept across visits; the choice still holds now
      }
      this.render();
    });
    const list = this.element.querySelector(".readouts")!;
    for (const readout of READOUTS) {
      const term = document.createElement("dt");
      term.textContent = readout.label;
      const cell = document.createElement("dd");
      const value = readout.reset ? document.createElement("button") : cell;
      value.className = "readout";
      value.textContent = NONE;
      value.dataset.readout = readout.label.toLowerCase().replace(/\s+/g, "-");
      if (value !== cell) {
        (value as HTMLButtonElement).type = "button";
        value.addEventListener("click", () => {
          readout.reset!(this);
          this.render();
        });
        cell.append(value);
      }
      list.append(term, cell);
      this.terms.push(term);
      this.values.push(value);
    }
  }

  get calibration(): Calibration {
    return this.calibrationOf();
  }

  /** Feeds one snapshot of this tap (maxima since the previous frame) at `sampleRate`. */
  update(tap: TapReadings, nowMs: number, sampleRate: number): void {
    this.latest = tap;
    if (this.holds.length !== tap.channels.length) this.layoutChannels(tap.channels.length);
    tap.channels.forEach((channel, c) => this.holds[c]!.update(channel.samplePeakDbfs, nowMs));
    this.peakMaxDbfs = Math.max(this.peakMaxDbfs, tap.overall.samplePeakDbfs);
    this.truePeakMaxDbtp = Math.max(this.truePeakMaxDbtp, tap.overall.truePeakDbtp);
    this.ppmMaxDbfs = Math.max(this.ppmMaxDbfs, tap.overall.ppmMaxDbfs);
    this.psrWindow.push(tap, sampleRate);
    this.psrDb = this.psrWindow.psr();
    if (!this.element.hidden) this.render(); // hidden strips keep their maxima but do not draw
  }

  /** After the point's meters were reset: display maxima and clip lights start over too. */
  reset(): void {
    this.peakMaxDbfs = -Infinity;
    this.truePeakMaxDbtp = -Infinity;
    this.ppmMaxDbfs = -Infinity;
    this.psrWindow.reset();
    this.psrDb = Number.NaN;
    this.holds.forEach((hold) => hold.reset());
    this.clipsSeen = this.clipsSeen.map(() => 0);
  }

  /** Whether sound (not just digital silence) has passed this point since its meters were reset. */
  private heard(tap: TapReadings): boolean {
    return tap.overall.samplePeakMaxDbfs > -Infinity;
  }

  private layoutChannels(count: number): void {
    this.holds = Array.from({ length: count }, () => new PeakHold());
    this.clipsSeen = Array.from({ length: count }, () => 0);
    const box = this.element.querySelector(".clips")!;
    box.replaceChildren();
    this.clipButtons.length = 0;
    for (let c = 0; c < count; c++) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "clip";
      const channel = count === 1 ? "" : count === 2 ? (c === 0 ? "L" : "R") : String(c + 1);
      button.textContent = count === 1 ? "clip" : `clip ${channel}`;
      button.title = `Clip light${channel ? `, channel ${channel}` : ""}: lights at a clipped sample and stays until clicked`;
      button.addEventListener("click", () => {
        this.clipsSeen[c] = this.latest?.channels[c]?.clipCount ?? 0;
        this.render();
      });
      box.append(button);
      this.clipButtons.push(button);
    }
  }

  private render(): void {
    const tap = this.latest;
    if (!tap) return;
    const heard = this.heard(tap);
    this.element.querySelector<HTMLElement>(".clips")!.hidden = !heard;
    READOUTS.forEach((readout, i) => {
      const text = heard ? readout.value(tap, this) : NONE;
      if (this.values[i]!.textContent !== text) this.values[i]!.textContent = text;
      const title = typeof readout.title === "string" ? readout.title : readout.title(this);
      if (this.values[i]!.title !== title) this.values[i]!.title = this.terms[i]!.title = title;
    });
    tap.channels.forEach((channel, c) => {
      const clipped = channel.clipCount > (this.clipsSeen[c] ?? 0);
      const button = this.clipButtons[c];
      if (!button) return;
      button.classList.toggle("lit", clipped);
      button.setAttribute(
        "aria-label",
        `${button.textContent} ${clipped ? `clipped ${channel.clipCount - this.clipsSeen[c]!} samples; click to clear` : "no clips"}`,
      );
    });
    const scale = scaleFor(this.scaleKind, this.calibration);
    if (this.caption.textContent !== scale.caption) this.caption.textContent = scale.caption;
    drawBars(this.bars, scale, this.barLevels(tap), this.scaleKind === "dbfs" ? ANALOG_ZONE_DBFS : undefined);
    drawVu(
      this.vu,
      tap.channels.map((channel) => channel.vu),
    );
  }

  /** What each channel's bar shows on this strip's scale. */
  private barLevels(tap: TapReadings): BarLevels[] {
    return tap.channels.map((channel, c) => {
      const hold = this.holds[c]!;
      if (this.scaleKind === "dbfs")
        return { barDbfs: hold.barDb, innerDbfs: channel.rmsAes17Db, holdDbfs: hold.holdDb };
      if (this.scaleKind === "ppm") return { barDbfs: channel.ppmMaxDbfs };
      return { barDbfs: channel.rmsAes17Db, holdDbfs: hold.holdDb };
    });
  }
}
