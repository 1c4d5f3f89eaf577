/**
 * Gainstage's own panel as a WAM 2 plugin (WebAudioModule.createGui): IN and OUT meters, the
 * trims, Learn, Match and A/B, built from the app's components, for the pair this instance is
 * half of (or for itself alone), and the pairing. It lives in a shadow root with the app's
 * styles, so a host page's styles neither reach in nor are touched. It fits the width its host
 * gives it (panel-layout.ts) and says the size it would like as WAM hosts read it
 * (`properties.dataWidth/dataHeight`, and width/height attributes: the two habits
 * webaudiomodules/wam-examples#98 records). destroy() (the host's destroyGui) stops its frame
 * loop, its resize observer and its store subscriptions. Thread: main thread.
 */
import type { TapReadings } from "../host/model/readings.js";
import { paramByKey } from "../host/model/params.js";
import type { GainstageWamNode } from "../host/formats/wam/wam-node.js";
import type { PointSnapshot } from "../host/formats/web/meter-snapshot.js";
import { AbPanel } from "./ab-panel.js";
import { CONTROL_GROUPS } from "./control-groups.js";
import { LearnPanel } from "./learn-panel.js";
import { MeterStrip } from "./meter-strip.js";
import { createParamControl } from "./param-control.js";
import { scopedStore } from "./scoped-store.js";
import baseCss from "./styles/base.css?inline";
import consoleCss from "./styles/console.css?inline";
import controlsCss from "./styles/controls.css?inline";
import panelCss from "./styles/panel.css?inline";
import { followWidth, GAP_PX, sayPreferredSize, STRIP_PX } from "./panel-layout.js";
import { wirePairing } from "./panel-pairing.js";

export interface PluginGui extends HTMLElement {
  destroy(): void;
  /** The size the panel would like (px), as WAM hosts read it. */
  properties: { dataWidth: { value: number }; dataHeight: { value: number } };
}

/** The PRE and POST of `node`'s pair: itself twice when it works alone. */
function pointsOf(node: GainstageWamNode): { pre: GainstageWamNode; post: GainstageWamNode } {
  const partner = node.partner;
  if (!partner) return { pre: node, post: node };
  return node.role === "pre" ? { pre: node, post: partner } : { pre: partner, post: node };
}

export function createGui(node: GainstageWamNode): PluginGui {
  const host = document.createElement("div") as unknown as PluginGui;
  const root = host.attachShadow({ mode: "open" });
  const style = document.createElement("style");
  style.textContent = [baseCss.replace(":root", ":host"), consoleCss, controlsCss, panelCss].join("\n");
  const view = scopedStore(node.store);
  const showError = (message: string) => {
    errors.textContent = message;
  };
  const control = (key: string) => createParamControl(paramByKey(key), view.store, showError).element;

  const gui = document.createElement("div");
  gui.className = "gui";
  gui.style.setProperty("--strip", `${STRIP_PX}px`);
  gui.style.setProperty("--gap", `${GAP_PX}px`);
  // In reading order what matters first: IN, the trims, Learn and A/B, OUT; the pairing folds below.
  gui.innerHTML = `
    <div class="strip-in"></div>
    <div class="centre"><section class="panel controls" aria-label="Trims"></section>
      <section class="panel learn-slot" aria-label="Learn"></section>
      <section class="panel ab-slot" aria-label="Level-matched A/B"></section>
      <p class="message" role="alert"></p></div>
    <div class="strip-out"></div>
    <p class="pairing"><span class="pair-status" role="status"></span>
      <label>Pair with <select class="pair-with"></select></label>
      <button type="button" class="pair-button">Pair (this one before the effect)</button>
      <button type="button" class="unpair-button">Unpair</button></p>`;
  const errors = gui.querySelector<HTMLElement>(".message")!;
  const calibration = () => ({
    alignmentDbfs: view.store.get("vuReferenceDbfs"),
    ppmStandard: view.store.get("ppmStandard"),
  });
  const strips = { in: new MeterStrip("in", calibration), out: new MeterStrip("out", calibration) };
  gui.querySelector(".strip-in")!.append(strips.in.element);
  gui.querySelector(".strip-out")!.append(strips.out.element);
  gui.querySelector(".controls")!.append(control("inputTrimDb"), control("outputTrimDb"), control("bypass"));
  const learn = new LearnPanel(
    () => pointsOf(node).pre,
    () => {},
    CONTROL_GROUPS.learn.map(control),
  );
  gui.querySelector(".learn-slot")!.append(learn.element);
  const ab = new AbPanel(view.store, CONTROL_GROUPS.ab.map(control), () => pointsOf(node));
  gui.querySelector(".ab-slot")!.append(ab.element);
  root.append(style, gui);
  const stopFollowing = followWidth(host, gui);
  sayPreferredSize(host);

  const showPairing = wirePairing(gui, node, showError);

  let running = true;
  let lastPairing = node.partner;
  const frame = (nowMs: number) => {
    if (!running) return;
    const { pre, post } = pointsOf(node);
    const preSnapshot: PointSnapshot | null = pre.meters();
    const postSnapshot = post === pre ? preSnapshot : post.meters();
    if (preSnapshot && postSnapshot) {
      const taps: { in: TapReadings; out: TapReadings } = { in: preSnapshot.before, out: postSnapshot.after };
      strips.in.update(taps.in, nowMs, preSnapshot.sampleRate);
      strips.out.update(taps.out, nowMs, preSnapshot.sampleRate);
      ab.update(taps, preSnapshot.sampleRate, nowMs);
      learn.update(preSnapshot.autoTrim);
    }
    if (node.partner !== lastPairing) {
      lastPairing = node.partner;
      showPairing();
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);

  host.destroy = () => {
    running = false;
    stopFollowing();
    view.close();
    host.remove();
  };
  return host;
}
