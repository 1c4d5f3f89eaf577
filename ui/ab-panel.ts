/**
 * Level-matched A/B in the app: IN (what comes in) against OUT (what you hear) for each detector
 * with the delta, Match, a "matched" light, and A/B listen. Match listens for at least
 * MATCH_WINDOW_SECONDS from the moment it is pressed (with progress) and sets the output trim so
 * OUT is as loud as IN over that window by the chosen detector; the light compares IN and OUT
 * over the window since the last trim change, so it never lights on one lucky moment. The maths
 * is host/app/ab-match.ts. Thread: main thread.
 */
import { abDeltas, MatchWindow, MATCH_WINDOW_SECONDS, MATCHED_TOLERANCE_DB } from "../host/app/ab-match.js";
import { SETTLE_MS } from "./stage-window.js";
import type { TapReadings } from "../host/model/readings.js";
import type { MarkedTap, MarkTarget } from "../host/model/since-mark.js";
import { TAP_IN, TAP_OUT } from "../host/declaration/layout.js";
import type { ParamStore } from "../host/model/param-store.js";
import { MATCH_DETECTORS } from "../host/model/params.js";
import { formatDb } from "../host/model/format.js";

const ROWS: {
  label: string;
  unit: string;
  read: (t: TapReadings) => number;
  delta: keyof ReturnType<typeof abDeltas>;
}[] = [
  { label: "Short-term", unit: "LUFS", read: (t) => t.shortTermLufs, delta: "shortTermLu" },
  { label: "Momentary", unit: "LUFS", read: (t) => t.momentaryLufs, delta: "momentaryLu" },
  { label: "Integrated", unit: "LUFS", read: (t) => t.integratedLufs, delta: "integratedLu" },
  { label: "RMS AES17", unit: "dB", read: (t) => t.overall.rmsAes17Db, delta: "rmsAes17Db" },
  { label: "VU", unit: "VU", read: (t) => t.overall.vu, delta: "vuDb" },
  { label: "Sample peak max", unit: "dBFS", read: (t) => t.overall.samplePeakMaxDbfs, delta: "samplePeakDb" },
  { label: "True peak max", unit: "dBTP", read: (t) => t.overall.truePeakMaxDbtp, delta: "truePeakDb" },
];

/** A level as the strips show it: "—" until sound has passed that point (not "−∞", which means silence measured). */
function reading(value: number, unit: string, tap: TapReadings): string {
  return tap.overall.samplePeakMaxDbfs === -Infinity ? "—" : formatDb(value, unit);
}

export class AbPanel {
  readonly element: HTMLElement;
  private readonly cells: HTMLElement[][] = [];
  private readonly light: HTMLElement;
  private readonly message: HTMLElement;
  private readonly progress: HTMLProgressElement;
  /** The window behind the light: since the last trim change or meter reset. */
  private readonly watch: MatchWindow;
  /** The window Match is listening over, while it does. */
  private matching: MatchWindow | null = null;
  private restartAtMs = 0;
  /** Where IN (PRE's first tap) and OUT (POST's last) live, for the kernel's windows. */
  private readonly taps: () => { in: MarkedTap; out: MarkedTap };

  /** `points` gives the pair's PRE and POST (the same point when alone). */
  constructor(
    private readonly store: ParamStore,
    controls: HTMLElement[],
    points: () => { pre: MarkTarget; post: MarkTarget },
  ) {
    this.taps = () => ({ in: { point: points().pre, tap: TAP_IN }, out: { point: points().post, tap: TAP_OUT } });
    this.watch = new MatchWindow("compare", this.taps);
    this.element = document.createElement("div");
    this.element.className = "ab";
    this.element.innerHTML = `
      <table class="ab-table">
        <caption>IN (what comes in) against OUT (what you hear), now; Δ = OUT − IN</caption>
        <thead><tr><th scope="col">Detector</th><th scope="col">IN</th><th scope="col">OUT</th><th scope="col">Δ</th></tr></thead>
        <tbody>${ROWS.map((row) => `<tr><th scope="row">${row.label}</th><td></td><td></td><td class="delta"></td></tr>`).join("")}</tbody>
      </table>
      <div class="ab-actions">
        <button type="button" class="primary match-button" aria-keyshortcuts="M">Match</button>
        <progress class="match-progress" max="1" value="0" hidden></progress>
        <span class="matched-light" role="status" aria-live="polite"></span>
        <div class="ab-controls"></div>
      </div>
      <p class="ab-message" role="status" aria-live="polite"></p>`;
    this.element.querySelectorAll("tbody tr").forEach((tr) => this.cells.push(Array.from(tr.querySelectorAll("td"))));
    this.light = this.element.querySelector(".matched-light")!;
    this.message = this.element.querySelector(".ab-message")!;
    this.progress = this.element.querySelector(".match-progress")!;
    // A trim change makes the light's window start over, once the change has settled.
    store.subscribe((key) => {
      if (key === "outputTrimDb" || key === "inputTrimDb") this.restartAtMs = performance.now() + SETTLE_MS;
    });
    this.element.querySelector(".ab-controls")!.append(...controls);
    this.element.querySelector(".match-button")!.addEventListener("click", () => this.match());
  }

  update(taps: { in: TapReadings; out: TapReadings }, sampleRate: number, nowMs: number): void {
    this.latest = { ...taps, sampleRate };
    const deltas = abDeltas(taps.in, taps.out);
    ROWS.forEach((row, r) => {
      const [inCell, outCell, deltaCell] = this.cells[r]!;
      inCell!.textContent = reading(row.read(taps.in), row.unit, taps.in);
      outCell!.textContent = reading(row.read(taps.out), row.unit, taps.out);
      deltaCell!.textContent = formatDb(deltas[row.delta]!, row.unit === "LUFS" ? "LU" : "dB");
    });
    // A meter reset starts the kernel's windows over by itself.
    if (!this.watch.started || (this.restartAtMs > 0 && nowMs >= this.restartAtMs)) {
      this.restartAtMs = 0;
      this.watch.start();
    }
    this.watch.push(taps.in, taps.out, sampleRate);
    if (this.matching) {
      this.matching.push(taps.in, taps.out, sampleRate);
      this.finishMatch();
    }
    this.showLight();
  }

  private showLight(): void {
    const detector = this.store.get("matchDetector");
    const { in: inLevel, out: outLevel } = this.watch.levels(detector);
    const delta = outLevel - inLevel;
    // Between a trim change and the start of the new window (the change settling), nothing is known
    // yet; and only seconds with signal count (silence tells nothing about a match).
    const seconds = this.restartAtMs > 0 ? 0 : this.watch.signalSeconds;
    const matched =
      seconds >= MATCH_WINDOW_SECONDS && Number.isFinite(delta) && Math.abs(delta) <= MATCHED_TOLERANCE_DB;
    this.light.classList.toggle("on", matched);
    const over = `over ${seconds.toFixed(0)} s`;
    const text =
      seconds < MATCH_WINDOW_SECONDS
        ? `Comparing since the last change… ${seconds.toFixed(1)} s of signal`
        : !Number.isFinite(delta)
          ? "No level to compare"
          : matched
            ? `Matched (${MATCH_DETECTORS[detector]} ${over}, within ${MATCHED_TOLERANCE_DB} dB)`
            : `Not matched: OUT ${formatDb(delta, "dB")} ${over}`;
    if (this.light.textContent !== text) this.light.textContent = text;
  }

  /** Starts Match: it listens from now for at least MATCH_WINDOW_SECONDS, then sets the output trim. */
  match(): void {
    if (!this.latest) {
      this.message.textContent = "Match needs signal at both IN and OUT: play the source first. Output trim unchanged.";
      return;
    }
    this.matching = new MatchWindow("match", this.taps);
    this.matching.start();
    this.progress.hidden = false;
    this.progress.value = 0;
    this.message.textContent = `Matching: listening for ${MATCH_WINDOW_SECONDS} s…`;
  }

  /** While Match listens: progress; once the window is long enough, the trim and what it was based on. */
  private finishMatch(): void {
    const window = this.matching!;
    const detector = this.store.get("matchDetector");
    this.progress.value = Math.min(1, window.seconds / MATCH_WINDOW_SECONDS);
    if (window.seconds < MATCH_WINDOW_SECONDS) {
      this.message.textContent = `Matching: listening… ${window.seconds.toFixed(1)} of ${MATCH_WINDOW_SECONDS} s`;
      return;
    }
    this.matching = null;
    this.progress.hidden = true;
    const before = this.store.get("outputTrimDb");
    const trim = window.matchedOutputTrimDb(before, detector);
    if (trim === null) {
      this.message.textContent =
        "Match needs signal at both IN and OUT (above −70 dB) while it listens: play the source. Output trim unchanged.";
      return;
    }
    const { in: inLevel, out: outLevel } = window.levels(detector);
    this.store.set("outputTrimDb", trim);
    this.showLight();
    this.message.textContent = `Matched by ${MATCH_DETECTORS[detector]} over ${window.seconds.toFixed(1)} s (IN ${formatDb(inLevel, "")}, OUT ${formatDb(outLevel, "")}): output trim ${formatDb(before, "dB")} → ${formatDb(trim, "dB")}.`;
  }

  private latest: { in: TapReadings; out: TapReadings; sampleRate: number } | null = null;
}
