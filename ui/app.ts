/**
 * The gain-staging console: wires the audio engine, the controls derived from the parameter
 * table, the meters, Learn, A/B, the history, the stage check and presets, and draws everything
 * once per animation frame from one snapshot per point (the audio thread never posts per block).
 * Thread: main thread.
 */
import { ParamStore } from "../host/param-store.js";
import { defaultValues, paramByKey } from "../host/params.js";
import { saveState } from "../host/state.js";
import { formatDb } from "../host/format.js";
import type { PointSnapshot } from "../host/meter-snapshot.js";
import { Engine, type InsertKind } from "./engine.js";
import { createParamControl, type ParamControl } from "./param-control.js";
import { CALIBRATIONS_DBFS, CONTROL_GROUPS } from "./control-groups.js";
import { MeterStrip } from "./meter-strip.js";
import { LearnPanel } from "./learn-panel.js";
import { AbPanel } from "./ab-panel.js";
import { HistoryPlot } from "./history-plot.js";
import { InsertView } from "./insert-view.js";
import { STAGES, checkStage, type StageId } from "./stage-check.js";
import { downloadPreset, loadPresetFile, persistState, restoreLastState } from "./presets.js";
import { notify } from "./notices.js";

const STAGE_CHECK_EVERY_MS = 250;
const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;

export async function startApp(): Promise<void> {
  const store = new ParamStore();
  const restoreNotice = restoreLastState(store);
  if (restoreNotice) notify(restoreNotice, "warn");
  persistState(store);
  const engine = await Engine.create(store);

  const controls = new Map<string, ParamControl>();
  const control = (key: string) => {
    const made = createParamControl(paramByKey(key), store, (message) => notify(message, "error"));
    controls.set(key, made);
    return made.element;
  };
  $("#console-controls").append(...CONTROL_GROUPS.console.map(control));
  const calibration = $("#calibration");
  for (const level of CALIBRATIONS_DBFS) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = formatDb(level, "", { decimals: 0 });
    button.title = `0 VU and the Learn target at a ${level} dBFS sine`;
    button.addEventListener("click", () => { store.set("vuReferenceDbfs", level); store.set("autoTrimTargetDb", level); });
    calibration.append(button);
  }

  const strips = {
    in: new MeterStrip("IN", "entering PRE, before the input trim"),
    send: new MeterStrip("SEND", "after the input trim, into the insert"),
    return: new MeterStrip("RETURN", "back from the insert, before the output trim"),
    out: new MeterStrip("OUT", "leaving POST, after the output trim"),
  };
  $("#strips-left").append(strips.in.element, strips.send.element);
  $("#strips-right").append(strips.return.element, strips.out.element);
  const showInner = $<HTMLInputElement>("#show-send-return");
  const layoutStrips = () => { strips.send.element.hidden = !showInner.checked; strips.return.element.hidden = !showInner.checked; };
  showInner.addEventListener("change", layoutStrips);
  layoutStrips();

  const learn = new LearnPanel(engine.pre, (trimDb) => controls.get("inputTrimDb")!.setMarker(trimDb), CONTROL_GROUPS.learn.map(control), () => engine.play());
  $("#learn-panel").append(learn.element);
  const ab = new AbPanel(store, CONTROL_GROUPS.ab.map(control));
  $("#ab-panel").append(ab.element);
  const history = new HistoryPlot();
  history.guides = (unit) => unit === "dBFS" ? [{ db: -6, label: "−6 dBFS headroom line" }]
    : unit === "VU" ? [{ db: 0, label: "0 VU" }]
    : unit === "dB" ? [{ db: store.get("autoTrimTargetDb"), label: `target ${formatDb(store.get("autoTrimTargetDb"), "dB")}` }] : [];
  $("#history-panel").append(history.element);
  const insertView = new InsertView(engine.scope, () => engine.insertName !== "none");
  $("#insert-panel").append(insertView.element);

  // Transport and sources.
  const play = $<HTMLButtonElement>("#play");
  const togglePlay = async () => { if (engine.playing) engine.pause(); else await engine.play(); };
  play.addEventListener("click", () => void togglePlay());
  $<HTMLInputElement>("#loop").addEventListener("change", (event) => engine.setLoop((event.target as HTMLInputElement).checked));
  const monitor = $<HTMLInputElement>("#monitor");
  monitor.addEventListener("change", () => engine.setMonitor(monitor.checked));
  $<HTMLSelectElement>("#insert").addEventListener("change", (event) => engine.setInsert((event.target as HTMLSelectElement).value as InsertKind));
  const fileInput = $<HTMLInputElement>("#file-input");
  const useFile = async (file: File) => {
    try { await engine.useFile(file); notify(`Loaded "${file.name}".`, "info"); await engine.play(); } catch (error) { notify((error as Error).message, "error"); }
  };
  const sourceActions: Record<string, () => Promise<void> | void> = {
    demo: () => engine.useDemo(),
    tone: () => engine.useTone(),
    file: () => fileInput.click(),
    mic: async () => { try { await engine.useMic(); } catch (error) { notify((error as Error).message, "error"); } },
  };
  document.querySelectorAll<HTMLButtonElement>("[data-source]").forEach((button) =>
    button.addEventListener("click", () => void sourceActions[button.dataset.source!]!()));
  fileInput.addEventListener("change", () => { const file = fileInput.files?.[0]; if (file) void useFile(file); fileInput.value = ""; });
  document.addEventListener("dragover", (event) => { event.preventDefault(); document.body.classList.add("dropping"); });
  document.addEventListener("dragleave", () => document.body.classList.remove("dropping"));
  document.addEventListener("drop", (event) => {
    event.preventDefault();
    document.body.classList.remove("dropping");
    const file = event.dataTransfer?.files[0];
    if (file) void useFile(file);
  });

  const resetMeters = () => {
    engine.pre.resetMeters();
    engine.post.resetMeters();
    Object.values(strips).forEach((strip) => strip.reset());
  };
  $("#reset-meters").addEventListener("click", resetMeters);

  // Stage check.
  const stageSelect = $<HTMLSelectElement>("#stage");
  STAGES.forEach((stage) => stageSelect.add(new Option(`${stage.name} — ${stage.target}`, stage.id)));
  stageSelect.value = "plugin-input";
  const stageList = $("#stage-findings");

  // Presets.
  $("#preset-save").addEventListener("click", () => downloadPreset(store));
  const presetInput = $<HTMLInputElement>("#preset-file");
  $("#preset-load").addEventListener("click", () => presetInput.click());
  presetInput.addEventListener("change", async () => {
    const file = presetInput.files?.[0];
    presetInput.value = "";
    if (!file) return;
    try { await loadPresetFile(store, file); notify(`Preset "${file.name}" loaded.`, "info"); } catch (error) { notify((error as Error).message, "error"); }
  });
  $("#preset-defaults").addEventListener("click", () => { store.load(saveState(defaultValues())); notify("All settings back to their defaults.", "info"); });

  // Keyboard shortcuts (not while typing in a field).
  const shortcuts: Record<string, () => void> = {
    " ": () => void togglePlay(),
    a: () => store.set("abListen", store.get("abListen") >= 0.5 ? 0 : 1),
    l: () => void learn.toggle(),
    m: () => ab.match(),
    r: resetMeters,
  };
  document.addEventListener("keydown", (event) => {
    const target = event.target as HTMLElement;
    if (event.ctrlKey || event.metaKey || event.altKey || target.closest("input, select, textarea, [role=slider]")) return;
    const action = shortcuts[event.key.toLowerCase()];
    if (action && !(event.key === " " && target.closest("button"))) { action(); event.preventDefault(); }
  });

  $("#status").textContent = `${engine.context.sampleRate} Hz · meters via ${engine.pre.transport === "shared-memory" ? "shared memory" : "port messages (page not cross-origin isolated)"}`;
  let last: { pre: PointSnapshot; post: PointSnapshot } | null = null;
  let lastStageMs = 0;
  const frame = (nowMs: number) => {
    const pre = engine.pre.meters(), post = engine.post.meters();
    if (pre && post) {
      last = { pre, post };
      strips.in.update(pre.before, nowMs);
      strips.send.update(pre.after, nowMs);
      strips.return.update(post.before, nowMs);
      strips.out.update(post.after, nowMs);
      ab.update({ in: pre.before, out: post.after });
      learn.update(pre.autoTrim);
      history.push({ in: pre.before, out: post.after }, nowMs);
      insertView.update(pre.after.overall.samplePeakDbfs, nowMs);
      if (nowMs - lastStageMs > STAGE_CHECK_EVERY_MS) {
        lastStageMs = nowMs;
        renderStage(stageList, stageSelect.value as StageId, { in: pre.before, send: pre.after, out: post.after }, store);
      }
    }
    play.textContent = engine.playing ? "Pause" : "Play";
    play.setAttribute("aria-pressed", String(engine.playing));
    $("#source-name").textContent = engine.sourceName;
    $("#position").textContent = engine.durationSeconds ? `${engine.positionSeconds.toFixed(1)} / ${engine.durationSeconds.toFixed(1)} s` : "live";
    monitor.checked = engine.monitoring;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);

  // For the end-to-end tests and for developers poking at the console.
  Object.assign(globalThis, { gainstage: { engine, store, learn, ab, strips, meters: () => last } });
}

function renderStage(list: HTMLElement, stage: StageId, taps: Parameters<typeof checkStage>[1], store: ParamStore): void {
  const findings = checkStage(stage, taps, store.get("autoTrimTargetDb"));
  // Rebuild only when the words change, so a focused "Apply" button keeps its focus.
  const signature = findings.map((finding) => finding.severity + finding.text).join("\n");
  if (list.dataset.signature === signature) return;
  list.dataset.signature = signature;
  list.replaceChildren(...findings.map((finding) => {
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
  }));
}
