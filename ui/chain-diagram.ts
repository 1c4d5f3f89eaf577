/**
 * The signal chain as a small diagram: source → input trim → effect → output trim → speakers,
 * with the four meter points on it (meter-points.ts) showing their level live (short-term
 * loudness; TO EFFECT in Learn's measure), so the meters below are easy to place. Clicking a point shows its strip. Thread: main thread.
 */
import { formatDb } from "../host/model/format.js";
import type { TapReadings } from "../host/model/readings.js";
import { METER_POINTS, type PointId } from "./meter-points.js";

const STAGES: { kind: "box" | "point"; id: string; text: string }[] = [
  { kind: "box", id: "source", text: "Source" },
  { kind: "point", id: "in", text: "" },
  { kind: "box", id: "input-trim", text: "Input trim" },
  { kind: "point", id: "send", text: "" },
  { kind: "box", id: "effect", text: "Effect" },
  { kind: "point", id: "return", text: "" },
  { kind: "box", id: "output-trim", text: "Output trim" },
  { kind: "point", id: "out", text: "" },
  { kind: "box", id: "speakers", text: "Speakers" },
];

export class ChainDiagram {
  readonly element: HTMLElement;
  private readonly levels = new Map<PointId, HTMLElement>();
  private readonly effect: HTMLElement;

  constructor(onPoint: (id: PointId) => void) {
    this.element = document.createElement("ol");
    this.element.className = "chain";
    this.element.setAttribute("aria-label", "Signal chain and its meter points");
    for (const stage of STAGES) {
      const item = document.createElement("li");
      item.dataset.stage = stage.id;
      if (stage.kind === "box") {
        const box = document.createElement("span");
        box.className = "chain-box";
        box.textContent = stage.text;
        item.append(box);
      } else {
        const point = METER_POINTS[stage.id as PointId];
        const button = document.createElement("button");
        button.type = "button";
        button.className = "chain-point";
        button.title = `${point.label}: ${point.words}`;
        button.innerHTML = `<span class="chain-point-name">${point.label}</span><span class="chain-point-level">—</span>`;
        button.addEventListener("click", () => onPoint(stage.id as PointId));
        this.levels.set(stage.id as PointId, button.querySelector(".chain-point-level")!);
        item.append(button);
      }
      this.element.append(item);
    }
    this.effect = this.element.querySelector('[data-stage="effect"] .chain-box')!;
  }

  /** Names the effect in the chain ("Tape saturator", "none: bypassed"). */
  setEffect(name: string): void {
    this.effect.textContent = name;
  }

  /**
   * Shows each point's short-term loudness, or the text `own` gives for it (TO EFFECT shows the
   * measure Learn uses: learn-measure.ts).
   */
  update(taps: Record<PointId, TapReadings>, own: Partial<Record<PointId, string>> = {}): void {
    for (const [id, element] of this.levels) {
      const text =
        own[id] ?? (Number.isFinite(taps[id].shortTermLufs) ? formatDb(taps[id].shortTermLufs, "LUFS") : "—");
      if (element.textContent !== text) element.textContent = text;
    }
  }
}
