/**
 * One meter point's meters (meter-points.ts): per-channel peak bars with hold, AES17 RMS inside
 * them, clip lights that stay until clicked, readouts beside the bars that always say which
 * convention a number uses (dBFS sample peak, dBTP, AES17 vs plain RMS, VU re its reference,
 * LUFS/LU), and a VU needle on the standard scale below. Max readouts reset on click. Until the
 * point has carried audio every readout shows "—". Draws from the snapshot it is given, once per
 * animation frame. Thread: main thread.
 */
import type { TapReadings } from "../host/contract/readings.js";
import { formatDb, formatNumberDb } from "../host/contract/format.js";
import { METER_POINTS, type PointId } from "./meter-points.js";
import { PeakHold } from "./peak-hold.js";
import { drawVu } from "./vu-needle.js";

/** Bar scale, dBFS. */
export const BAR_FLOOR_DBFS = -60;
export const BAR_TOP_DBFS = 3;
/** Marks of the producer's targets: the −18 dBFS analog zone and the −6 dBFS headroom line. */
export const ANALOG_ZONE_DBFS = [-21, -15] as const;
export const HEADROOM_LINE_DBFS = -6;
const BAR_MARKS_DBFS = [0, -3, -6, -12, -18, -24, -30, -40, -50, -60];

export const COLOURS = {
  safe: "#3fb37f",
  analog: "#8fd14f",
  hot: "#f2b33d",
  over: "#e5533d",
  rms: "rgba(255,255,255,0.55)",
  hold: "#ffffff",
  grid: "#3a4048",
  text: "#aab3bd",
  zone: "rgba(143,209,79,0.12)",
};

/** Bar colour at a level: green below the analog zone, lime in it, amber above −6 dBFS, red near 0. */
export function levelColour(dbfs: number): string {
  if (dbfs >= -1) return COLOURS.over;
  if (dbfs >= HEADROOM_LINE_DBFS) return COLOURS.hot;
  if (dbfs >= ANALOG_ZONE_DBFS[0]) return COLOURS.analog;
  return COLOURS.safe;
}

interface Readout {
  label: string;
  title: string;
  value: (tap: TapReadings, strip: MeterStrip) => string;
  reset?: (strip: MeterStrip) => void;
}

/** No reading yet (nothing has played through this point since its meters were reset). */
const NONE = "—";

const READOUTS: Readout[] = [
  {
    label: "Peak max",
    title: "Highest sample peak since reset (dBFS). Click to reset.",
    value: (_, s) => formatDb(s.peakMaxDbfs, "dBFS"),
    reset: (s) => {
      s.peakMaxDbfs = -Infinity;
    },
  },
  {
    label: "True peak max",
    title: "Highest inter-sample peak, BS.1770-5 Annex 2 (dBTP). Click to reset.",
    value: (_, s) => formatDb(s.truePeakMaxDbtp, "dBTP"),
    reset: (s) => {
      s.truePeakMaxDbtp = -Infinity;
    },
  },
  {
    label: "RMS AES17",
    title: "300 ms RMS re a full-scale sine (AES17): a −18 dBFS sine reads −18.0 dB.",
    value: (t) => formatDb(t.overall.rmsAes17Db, "dB"),
  },
  {
    label: "RMS plain",
    title: "300 ms RMS in plain dBFS: a sine reads 3.01 dB below its peak.",
    value: (t) => formatDb(t.overall.rmsDbfs, "dBFS"),
  },
  {
    label: "VU",
    title: "IEC 60268-17 VU (300 ms ballistics), 0 VU = the VU reference level.",
    value: (t) => formatDb(t.overall.vu, "VU"),
  },
  {
    label: "Momentary",
    title: "BS.1770 loudness, 400 ms window (EBU R128 M).",
    value: (t) => formatDb(t.momentaryLufs, "LUFS"),
  },
  {
    label: "Short-term",
    title: "BS.1770 loudness, 3 s window (EBU R128 S).",
    value: (t) => formatDb(t.shortTermLufs, "LUFS"),
  },
  {
    label: "Integrated",
    title: "Gated BS.1770 loudness since reset (EBU R128 I).",
    value: (t) => formatDb(t.integratedLufs, "LUFS"),
  },
  {
    label: "LRA",
    title: "Loudness range, EBU Tech 3342, since reset (needs 3 s of signal).",
    value: (t) => (t.lraValues > 0 ? formatDb(t.loudnessRangeLu, "LU") : NONE),
  },
  {
    label: "Clips",
    title: "Clipped samples since reset: at full scale (a file's largest or smallest code; |x| ≥ 1.0 for float).",
    value: (t) => String(t.overall.clipCount),
  },
];

export class MeterStrip {
  readonly element: HTMLElement;
  private readonly bars: HTMLCanvasElement;
  private readonly vu: HTMLCanvasElement;
  private readonly clipButtons: HTMLButtonElement[] = [];
  private readonly values: HTMLElement[] = [];
  private holds: PeakHold[] = [];
  /** Clip counts the user has acknowledged (clicked away), per channel. */
  private clipsSeen: number[] = [];
  peakMaxDbfs = -Infinity;
  truePeakMaxDbtp = -Infinity;
  latest: TapReadings | null = null;

  readonly name: string;

  constructor(readonly point: PointId) {
    const { label: name, words } = METER_POINTS[point];
    this.name = name;
    this.element = document.createElement("section");
    this.element.className = "meter-strip";
    this.element.dataset.tap = point;
    this.element.setAttribute("aria-label", `${name} meters`);
    this.element.innerHTML = `
      <header><h3>${name}</h3><p>${words}</p></header>
      <div class="meter-body">
        <div class="bar-column">
          <canvas class="bars" width="96" height="214" role="img" aria-label="${name} peak and RMS bars"></canvas>
          <div class="clips" role="group" aria-label="${name} clip indicators" hidden></div>
        </div>
        <dl class="readouts"></dl>
      </div>
      <canvas class="vu" width="264" height="96" role="img" aria-label="${name} VU meter"></canvas>`;
    this.bars = this.element.querySelector(".bars")!;
    this.vu = this.element.querySelector(".vu")!;
    const list = this.element.querySelector(".readouts")!;
    for (const readout of READOUTS) {
      const term = document.createElement("dt");
      term.textContent = readout.label;
      term.title = readout.title;
      const cell = document.createElement("dd");
      const value = readout.reset ? document.createElement("button") : cell;
      value.className = "readout";
      value.textContent = NONE;
      value.dataset.readout = readout.label.toLowerCase().replace(/\s+/g, "-");
      value.title = readout.title;
      if (value !== cell) {
        (value as HTMLButtonElement).type = "button";
        value.addEventListener("click", () => {
          readout.reset!(this);
          this.render();
        });
        cell.append(value);
      }
      list.append(term, cell);
      this.values.push(value);
    }
  }

  /** Feeds one snapshot of this tap (maxima since the previous frame). */
  update(tap: TapReadings, nowMs: number): void {
    this.latest = tap;
    if (this.holds.length !== tap.channels.length) this.layoutChannels(tap.channels.length);
    tap.channels.forEach((channel, c) => this.holds[c]!.update(channel.samplePeakDbfs, nowMs));
    this.peakMaxDbfs = Math.max(this.peakMaxDbfs, tap.overall.samplePeakDbfs);
    this.truePeakMaxDbtp = Math.max(this.truePeakMaxDbtp, tap.overall.truePeakDbtp);
    if (!this.element.hidden) this.render(); // hidden strips keep their maxima but do not draw
  }

  /** After the point's meters were reset: display maxima and clip lights start over too. */
  reset(): void {
    this.peakMaxDbfs = -Infinity;
    this.truePeakMaxDbtp = -Infinity;
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
      button.textContent = count === 1 ? "clip" : count === 2 ? (c === 0 ? "L" : "R") : String(c + 1);
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
    this.drawBars(tap);
    drawVu(
      this.vu,
      tap.channels.map((channel) => channel.vu),
    );
  }

  private drawBars(tap: TapReadings): void {
    const g = this.bars.getContext("2d");
    if (!g) return;
    const { width, height } = this.bars;
    const scaleWidth = 30,
      top = 6,
      bottom = height - 6;
    const y = (dbfs: number) =>
      bottom -
      ((Math.max(BAR_FLOOR_DBFS, Math.min(BAR_TOP_DBFS, dbfs)) - BAR_FLOOR_DBFS) / (BAR_TOP_DBFS - BAR_FLOOR_DBFS)) *
        (bottom - top);
    g.clearRect(0, 0, width, height);
    g.fillStyle = COLOURS.zone;
    g.fillRect(scaleWidth, y(ANALOG_ZONE_DBFS[1]), width - scaleWidth, y(ANALOG_ZONE_DBFS[0]) - y(ANALOG_ZONE_DBFS[1]));
    g.font = "10px system-ui, sans-serif";
    g.textAlign = "right";
    g.textBaseline = "middle";
    for (const mark of BAR_MARKS_DBFS) {
      g.fillStyle = mark === HEADROOM_LINE_DBFS || mark === -18 ? "#dfe6ee" : COLOURS.text;
      g.fillText(formatNumberDb(mark, { decimals: 0 }), scaleWidth - 4, y(mark));
      g.fillStyle = COLOURS.grid;
      g.fillRect(scaleWidth, Math.round(y(mark)), width - scaleWidth, 1);
    }
    const channels = tap.channels.length;
    const gap = 4,
      barWidth = (width - scaleWidth - gap * (channels + 1)) / channels;
    tap.channels.forEach((channel, c) => {
      const x = scaleWidth + gap + c * (barWidth + gap);
      const hold = this.holds[c]!;
      const barTop = y(hold.barDb);
      // Peak bar coloured by zone, drawn in segments so the colour tells the zone at a glance.
      for (const [from, to] of [
        [BAR_FLOOR_DBFS, ANALOG_ZONE_DBFS[0]],
        [ANALOG_ZONE_DBFS[0], HEADROOM_LINE_DBFS],
        [HEADROOM_LINE_DBFS, -1],
        [-1, BAR_TOP_DBFS],
      ] as const) {
        if (hold.barDb <= from) break;
        g.fillStyle = levelColour(from);
        const segmentTop = Math.max(barTop, y(to));
        g.fillRect(x, segmentTop, barWidth, y(from) - segmentTop);
      }
      g.fillStyle = COLOURS.rms;
      const rmsTop = y(channel.rmsAes17Db);
      g.fillRect(x + barWidth * 0.3, rmsTop, barWidth * 0.4, bottom - rmsTop);
      if (Number.isFinite(hold.holdDb)) {
        g.fillStyle = levelColour(hold.holdDb) === COLOURS.safe ? COLOURS.hold : levelColour(hold.holdDb);
        g.fillRect(x, Math.round(y(hold.holdDb)) - 1, barWidth, 2);
      }
    });
    g.strokeStyle = COLOURS.hot;
    g.setLineDash([4, 3]);
    g.beginPath();
    g.moveTo(scaleWidth, Math.round(y(HEADROOM_LINE_DBFS)) + 0.5);
    g.lineTo(width, Math.round(y(HEADROOM_LINE_DBFS)) + 0.5);
    g.stroke();
    g.setLineDash([]);
  }
}
