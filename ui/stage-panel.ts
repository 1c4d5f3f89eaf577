/**
 * The stage check panel: the findings for the chosen stage over each point's window, each fix a
 * button that applies it. Rebuilt only when the words change, so a focused button keeps its
 * focus. Thread: main thread.
 */
import type { ParamStore } from "../host/model/param-store.js";
import { paramByKey } from "../host/model/params.js";
import { formatDb } from "../host/model/format.js";
import type { PointId } from "./meter-points.js";
import { checkStage, STAGES, type StageId } from "./stage-check.js";
import type { StageWindow } from "./stage-window.js";

const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;

export function wireStagePanel(): void {
  const select = $<HTMLSelectElement>("#stage");
  STAGES.forEach((stage) => select.add(new Option(`${stage.name} — ${stage.target}`, stage.id)));
  select.value = "plugin-input";
}

export function renderStage(window: StageWindow<PointId>, store: ParamStore, minSeconds: number): void {
  const list = $("#stage-findings");
  const stage = $<HTMLSelectElement>("#stage").value as StageId;
  const findings = checkStage(
    stage,
    { in: window.levels("in"), send: window.levels("send"), out: window.levels("out") },
    store.get("autoTrimTargetDb"),
    minSeconds,
  );
  const signature = findings.map((finding) => finding.severity + finding.text).join("\n");
  if (list.dataset.signature === signature) return;
  list.dataset.signature = signature;
  list.replaceChildren(
    ...findings.map((finding) => {
      const item = document.createElement("li");
      item.className = finding.severity;
      item.textContent = finding.text;
      if (finding.fix) {
        const fix = finding.fix;
        const button = document.createElement("button");
        button.type = "button";
        button.textContent = `Apply ${formatDb(fix.changeDb, "dB")} to ${paramByKey(fix.param).name.toLowerCase()}`;
        button.addEventListener("click", () => store.set(fix.param, store.get(fix.param) + fix.changeDb));
        item.append(" ", button);
      }
      return item;
    }),
  );
}
