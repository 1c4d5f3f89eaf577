/**
 * The "why meters disagree" panel: for the point chosen (IN or OUT), every meter's reading side by
 * side and one sentence per difference with its number and a link to the clause that explains it
 * (why-meters.ts). Redrawn a few times a second, only when the words change. Thread: main thread.
 */
import type { TapReadings } from "../host/model/readings.js";
import { explainDisagreements, readingsOf, type WhyContext } from "./why-meters.js";

/** Redraws at most this often: the sentences are read, not watched. */
const REDRAW_EVERY_MS = 500;
const DOCS_PAGE = "docs/metering.html";

export class WhyPanel {
  readonly element: HTMLElement;
  private readonly point: HTMLSelectElement;
  private readonly readings: HTMLElement;
  private readonly list: HTMLElement;
  private lastDrawMs = -Infinity;
  private signature = "";

  constructor() {
    this.element = document.createElement("div");
    this.element.className = "why-meters";
    this.element.innerHTML = `
      <label>Point <select class="why-point"><option value="in">IN</option><option value="out">OUT</option></select></label>
      <dl class="why-readings"></dl>
      <ul class="why-list" aria-live="off"></ul>
      <p class="hint">Each difference follows from how the meters are defined; the links open the clause in the
        <a href="${DOCS_PAGE}" target="_blank" rel="noopener">metering notes</a>.</p>`;
    this.point = this.element.querySelector(".why-point")!;
    this.readings = this.element.querySelector(".why-readings")!;
    this.list = this.element.querySelector(".why-list")!;
    this.point.addEventListener("change", () => {
      this.lastDrawMs = -Infinity;
    });
  }

  /** Feeds the latest readings of IN and OUT with what the readings are relative to. */
  update(
    taps: { in: TapReadings; out: TapReadings },
    contexts: { in: WhyContext; out: WhyContext },
    nowMs: number,
  ): void {
    if (nowMs - this.lastDrawMs < REDRAW_EVERY_MS) return;
    this.lastDrawMs = nowMs;
    const point = this.point.value as "in" | "out";
    const tap = taps[point],
      context = contexts[point];
    const heard = tap.overall.samplePeakMaxDbfs > -Infinity;
    const readings = readingsOf(tap, context);
    const explanations = heard ? explainDisagreements(tap, context) : [];
    const signature = JSON.stringify([readings, explanations]);
    if (signature === this.signature) return;
    this.signature = signature;
    this.readings.replaceChildren(
      ...readings.flatMap((reading) => {
        const term = document.createElement("dt");
        term.textContent = reading.label;
        const value = document.createElement("dd");
        value.textContent = heard ? reading.text : "—";
        return [term, value];
      }),
    );
    if (!heard) {
      const item = document.createElement("li");
      item.textContent = `Nothing has played through ${point.toUpperCase()} since its meters were reset: play something.`;
      this.list.replaceChildren(item);
      return;
    }
    this.list.replaceChildren(
      ...explanations.map((explanation) => {
        const item = document.createElement("li");
        item.dataset.why = explanation.key;
        const link = document.createElement("a");
        link.href = `${DOCS_PAGE}#s${explanation.section}`;
        link.target = "_blank";
        link.rel = "noopener";
        link.textContent = `§${explanation.section}`;
        item.append(`${explanation.text} `, link);
        return item;
      }),
    );
  }
}
