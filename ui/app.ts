/**
 * The gain-staging console: builds the views (controls from the parameter table, meter strips,
 * the chain, Learn, A/B, history, the effect's view, the stage check, presets) and wires them to
 * the audio engine; transport.ts, shortcuts.ts and render-loop.ts do the rest.
 * Thread: main thread.
 */
import { ParamStore } from "../host/model/param-store.js";
import { defaultValues, paramByKey } from "../host/model/params.js";
import { saveState } from "../host/model/state.js";
import { formatDb } from "../host/model/format.js";
import { AbPanel } from "./ab-panel.js";
import { BlindPanel } from "./blind-panel.js";
import { ChainDiagram } from "./chain-diagram.js";
import { CALIBRATIONS_DBFS, CONTROL_GROUPS } from "./control-groups.js";
import { Engine } from "./engine.js";
import { HistoryPlot } from "./history-plot.js";
import { InsertView } from "./insert-view.js";
import { LatencyPanel } from "./latency-panel.js";
import { LearnPanel } from "./learn-panel.js";
import { MeterStrip } from "./meter-strip.js";
import type { PointId } from "./meter-points.js";
import { notify } from "./notices.js";
import { createParamControl, type ParamControl } from "./param-control.js";
import { downloadPreset, loadPresetFile, persistState, restoreLastState } from "./presets.js";
import { startRenderLoop } from "./render-loop.js";
import { WhyPanel } from "./why-panel.js";
import { SelfTestPanel } from "./self-test-panel.js";
import { createSnapshotBar } from "./snapshot-bar.js";
import { wireShortcuts } from "./shortcuts.js";
import { wireStagePanel } from "./stage-panel.js";
import { wireInsertPicker } from "./insert-picker.js";
import { wireTransport } from "./transport.js";

const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;

export async function startApp(): Promise<void> {
  const store = new ParamStore();
  const restoreNotice = restoreLastState(store);
  if (restoreNotice) notify(restoreNotice, "warn");
  persistState(store);
  const engine = await Engine.create(store);
  const { controls, control } = buildConsole(store);
  const { strips, chain, showEffect } = buildStrips(store, engine);

  const learn = new LearnPanel(
    () => engine.pre,
    (trimDb) => controls.get("inputTrimDb")!.setMarker(trimDb),
    CONTROL_GROUPS.learn.map(control),
    () => engine.play(),
  );
  $("#learn-panel").append(learn.element);
  const ab = new AbPanel(store, CONTROL_GROUPS.ab.map(control), () => ({ pre: engine.pre, post: engine.post }));
  const latency = new LatencyPanel(
    () => engine.post,
    store,
    () => engine.playing,
  );
  $("#ab-panel").append(ab.element, latency.element);
  $("#stereo-controls").append(...CONTROL_GROUPS.stereo.map(control));
  const blind = new BlindPanel(store);
  $("#blind-panel").append(blind.element);
  $("#snapshot-bar").append(createSnapshotBar(store, (message) => notify(message, "info")));
  const history = buildHistory(store);
  const insertView = new InsertView(
    () => engine.scope,
    () => ({
      kind: engine.insertIsTapeSaturator ? "tape" : engine.insertName === "none" ? "none" : "other",
      name: engine.insertName,
    }),
  );
  $("#insert-panel").append(insertView.element);
  wireStagePanel();

  const showStatus = () => {
    $("#status").textContent =
      `${engine.context.sampleRate} Hz · meters via ${engine.pre.transport === "shared-memory" ? "shared memory" : "port messages (page not cross-origin isolated)"}`;
    showEffect();
  };
  const { togglePlay } = wireTransport(engine, showStatus);
  const showPluginGui = async () => {
    const plugin = engine.insertIsTapeSaturator ? null : engine.insert.plugin;
    insertView.setPluginGui(null);
    const gui = await plugin?.createGui().catch(() => null);
    if (gui && plugin === engine.insert.plugin) insertView.setPluginGui(gui);
  };
  const loadDefaultInsert = wireInsertPicker(engine, () => {
    showStatus();
    void showPluginGui();
  });
  await loadDefaultInsert();
  const resetMeters = () => {
    engine.pre.resetMeters();
    engine.post.resetMeters();
    Object.values(strips).forEach((strip) => strip.reset());
  };
  $("#reset-meters").addEventListener("click", resetMeters);
  wirePresets(store);

  wireShortcuts({
    " ": () => void togglePlay(),
    a: () => store.set("abListen", store.get("abListen") >= 0.5 ? 0 : 1),
    l: () => void learn.toggle(),
    m: () => ab.match(),
    r: resetMeters,
    ...Object.fromEntries(["1", "2", "3", "z", "m"].map((key) => [key, () => blind.key(key)])),
  });
  showStatus();
  const why = new WhyPanel();
  $("#why-panel").append(why.element);
  $("#self-test-panel").append(new SelfTestPanel(() => engine.context.sampleRate).element);
  const { meters, stage } = startRenderLoop(engine, store, { strips, chain, ab, learn, history, insertView, why });
  // For the end-to-end tests and for developers poking at the console.
  Object.assign(globalThis, {
    gainstage: { engine, store, learn, ab, latency, blind, strips, history, meters, stage },
  });
}

/** The console's faders and switches, and the calibration buttons; `control` makes any parameter's control. */
function buildConsole(store: ParamStore) {
  const controls = new Map<string, ParamControl>();
  const control = (key: string) => {
    const made = createParamControl(paramByKey(key), store, (message) => notify(message, "error"));
    controls.set(key, made);
    return made.element;
  };
  // Faders one per row; the switches side by side beneath them.
  const consoleControls = CONTROL_GROUPS.console.map(control);
  const toggles = document.createElement("div");
  toggles.className = "toggles";
  toggles.append(...consoleControls.filter((element) => element.classList.contains("param-toggle")));
  $("#console-controls").append(
    ...consoleControls.filter((element) => !element.classList.contains("param-toggle")),
    toggles,
  );
  for (const level of CALIBRATIONS_DBFS) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = formatDb(level, "", { decimals: 0 });
    button.title = `0 VU and the Learn target at a ${level} dBFS sine`;
    button.addEventListener("click", () => {
      store.set("vuReferenceDbfs", level);
      store.set("autoTrimTargetDb", level);
    });
    $("#calibration").append(button);
  }
  return { controls, control };
}

/** The four meter strips (SEND and RETURN folded until asked for) and the chain diagram that points at them. */
function buildStrips(store: ParamStore, engine: Engine) {
  const calibration = () => ({ alignmentDbfs: store.get("vuReferenceDbfs"), ppmStandard: store.get("ppmStandard") });
  const strips: Record<PointId, MeterStrip> = {
    in: new MeterStrip("in", calibration),
    send: new MeterStrip("send", calibration),
    return: new MeterStrip("return", calibration),
    out: new MeterStrip("out", calibration),
  };
  $("#strip-in").append(strips.in.element);
  $("#strip-out").append(strips.out.element);
  const inner = $("#strips-inner");
  inner.append(strips.send.element, strips.return.element);
  const showInner = $<HTMLInputElement>("#show-send-return");
  const layoutStrips = () => {
    inner.hidden = !showInner.checked;
  };
  showInner.addEventListener("change", layoutStrips);
  layoutStrips();

  const chain = new ChainDiagram((point) => {
    if (point === "send" || point === "return") {
      showInner.checked = true;
      layoutStrips();
    }
    strips[point].element.scrollIntoView({ block: "nearest", behavior: "smooth" });
  });
  $("#chain").append(chain.element);
  const showEffect = () => chain.setEffect(`Effect: ${engine.insertName}`);
  showEffect();
  return { strips, chain, showEffect };
}

/** The level history, with each unit's guide lines. */
function buildHistory(store: ParamStore): HistoryPlot {
  const history = new HistoryPlot();
  history.guides = (unit) =>
    unit === "dBFS"
      ? [{ db: -6, label: "−6 dBFS headroom line" }]
      : unit === "VU"
        ? [{ db: 0, label: "0 VU" }]
        : unit === "dB"
          ? [{ db: store.get("autoTrimTargetDb"), label: `target ${formatDb(store.get("autoTrimTargetDb"), "dB")}` }]
          : unit === "LUFS"
            ? [
                { db: -14, label: "−14 LUFS streaming" },
                { db: -23, label: "−23 LUFS broadcast (EBU R128)" },
              ]
            : [];
  $("#history-panel").append(history.element);
  return history;
}

/** Save, load and reset the settings as presets. */
function wirePresets(store: ParamStore): void {
  $("#preset-save").addEventListener("click", () => downloadPreset(store));
  const presetInput = $<HTMLInputElement>("#preset-file");
  $("#preset-load").addEventListener("click", () => presetInput.click());
  presetInput.addEventListener("change", async () => {
    const file = presetInput.files?.[0];
    presetInput.value = "";
    if (!file) return;
    try {
      await loadPresetFile(store, file);
      notify(`Preset "${file.name}" loaded.`, "info");
    } catch (error) {
      notify((error as Error).message, "error");
    }
  });
  $("#preset-defaults").addEventListener("click", () => {
    store.load(saveState(defaultValues()));
    notify("All settings back to their defaults.", "info");
  });
}
