/**
 * Level-matched A/B in the app: IN (what entered PRE) against OUT (what leaves POST) for each
 * detector with the delta, Match (sets the output trim so OUT reads as loud as IN by the chosen
 * detector), a "matched" light, and A/B listen. The maths is host/ab-match.ts. Thread: main thread.
 */
import { abDeltas, matchLevel, matchedOutputTrimDb, MATCHED_TOLERANCE_DB } from "../host/ab-match.js";
import type { TapReadings } from "../host/kernel.js";
import type { ParamStore } from "../host/param-store.js";
import { MATCH_DETECTORS } from "../host/params.js";
import { formatDb } from "../host/format.js";

const ROWS: { label: string; unit: string; read: (t: TapReadings) => number; delta: keyof ReturnType<typeof abDeltas> }[] = [
  { label: "Short-term", unit: "LUFS", read: (t) => t.shortTermLufs, delta: "shortTermLu" },
  { label: "Momentary", unit: "LUFS", read: (t) => t.momentaryLufs, delta: "momentaryLu" },
  { label: "Integrated", unit: "LUFS", read: (t) => t.integratedLufs, delta: "integratedLu" },
  { label: "RMS AES17", unit: "dB", read: (t) => t.overall.rmsAes17Db, delta: "rmsAes17Db" },
  { label: "VU", unit: "VU", read: (t) => t.overall.vu, delta: "vuDb" },
  { label: "Sample peak max", unit: "dBFS", read: (t) => t.overall.samplePeakMaxDbfs, delta: "samplePeakDb" },
  { label: "True peak max", unit: "dBTP", read: (t) => t.overall.truePeakMaxDbtp, delta: "truePeakDb" },
];

export class AbPanel {
  readonly element: HTMLElement;
  private readonly cells: HTMLElement[][] = [];
  private readonly light: HTMLElement;
  private readonly message: HTMLElement;
  private latest: { in: TapReadings; out: TapReadings } | null = null;

  constructor(private readonly store: ParamStore, controls: HTMLElement[]) {
    this.element = document.createElement("div");
    this.element.className = "ab";
    this.element.innerHTML = `
      <table class="ab-table">
        <caption>IN (entering PRE) against OUT (leaving POST); Δ = OUT − IN</caption>
        <thead><tr><th scope="col">Detector</th><th scope="col">IN</th><th scope="col">OUT</th><th scope="col">Δ</th></tr></thead>
        <tbody>${ROWS.map((row) => `<tr><th scope="row">${row.label}</th><td></td><td></td><td class="delta"></td></tr>`).join("")}</tbody>
      </table>
      <div class="ab-actions">
        <button type="button" class="primary match-button" aria-keyshortcuts="M">Match</button>
        <span class="matched-light" role="status" aria-live="polite"></span>
        <div class="ab-controls"></div>
      </div>
      <p class="ab-message" role="status" aria-live="polite"></p>`;
    this.element.querySelectorAll("tbody tr").forEach((tr) => this.cells.push(Array.from(tr.querySelectorAll("td"))));
    this.light = this.element.querySelector(".matched-light")!;
    this.message = this.element.querySelector(".ab-message")!;
    this.element.querySelector(".ab-controls")!.append(...controls);
    this.element.querySelector(".match-button")!.addEventListener("click", () => this.match());
  }

  update(taps: { in: TapReadings; out: TapReadings }): void {
    this.latest = taps;
    const deltas = abDeltas(taps.in, taps.out);
    ROWS.forEach((row, r) => {
      const [inCell, outCell, deltaCell] = this.cells[r]!;
      inCell!.textContent = formatDb(row.read(taps.in), row.unit);
      outCell!.textContent = formatDb(row.read(taps.out), row.unit);
      deltaCell!.textContent = formatDb(deltas[row.delta]!, row.unit === "LUFS" ? "LU" : "dB");
    });
    const detector = this.store.get("matchDetector");
    const delta = matchLevel(taps.out, detector) - matchLevel(taps.in, detector);
    const matched = Math.abs(delta) <= MATCHED_TOLERANCE_DB;
    this.light.classList.toggle("on", matched);
    const text = Number.isFinite(delta)
      ? matched ? `Matched (${MATCH_DETECTORS[detector]}, within ${MATCHED_TOLERANCE_DB} dB)` : `Not matched: OUT ${formatDb(delta, "dB")}`
      : "No level to compare";
    if (this.light.textContent !== text) this.light.textContent = text;
  }

  /** Sets the output trim so OUT equals IN by the match detector. */
  match(): void {
    const detector = this.store.get("matchDetector");
    const trim = this.latest && matchedOutputTrimDb(this.latest.in, this.latest.out, this.store.get("outputTrimDb"), detector);
    if (trim === null || trim === undefined) {
      this.message.textContent = "Match needs signal at both IN and OUT (above −70 dB): play the source first. Output trim unchanged.";
      return;
    }
    const before = this.store.get("outputTrimDb");
    this.store.set("outputTrimDb", trim);
    this.message.textContent = `Matched by ${MATCH_DETECTORS[detector]}: output trim ${formatDb(before, "dB")} → ${formatDb(trim, "dB")}. Windowed detectors settle over their window (short-term: 3 s).`;
  }
}
