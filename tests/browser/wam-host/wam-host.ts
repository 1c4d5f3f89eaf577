/**
 * A WAM 2 host as a web DAW writes one, knowing nothing of Gainstage: the SDK's
 * initializeWamHost, plugins imported by URL and created with createInstance, the standard
 * WamNode calls. The insert is Sequencer Party's Simple Distortion from the wam-community
 * package, a plugin no one here wrote. Reading Gainstage's meters (GainstageWamNode.meters())
 * is the test's window into the result. Scenarios return plain data; assertions live in node
 * (wam.test.ts), against analytic values and the rendered samples.
 */
import type { WamEvent } from "@webaudiomodules/api";
import { initializeWamHost } from "@webaudiomodules/sdk";
import { MatchWindow } from "../../../host/app/ab-match.js";
import { TAP_IN, TAP_OUT } from "../../../host/declaration/layout.js";
import { pairMeters } from "../../../host/formats/web/pair-meters.js";
import { rate, sineBuffer } from "../harness/signals.js";
import { hostileStates } from "./hostile-states.js";
import { costScenarios } from "./wam-cost.js";
import { secondUseScenarios } from "./second-use.js";
import { isolationScenarios } from "./no-isolation.js";
import { panelScenarios } from "./panel-geometry.js";
import { DISTORTION_URL, GAINSTAGE_URL, SATURATOR_URL, gainstage, load, noiseBuffer } from "./host-helpers.js";

/** A host session: a context, a group, and PRE → Simple Distortion → POST fed by `buffer`. */
async function chain(seconds: number, buffer: AudioBuffer, states: { pre?: unknown; post?: unknown } = {}) {
  const context = new OfflineAudioContext(2, seconds * rate, rate);
  const [groupId] = await initializeWamHost(context);
  // POST's saved state is restored first: the pair must form whatever order a host restores in.
  const post = states.post ? await load(GAINSTAGE_URL, groupId, context, states.post) : null;
  const pre = await load(GAINSTAGE_URL, groupId, context, states.pre);
  const effect = await load(DISTORTION_URL, groupId, context);
  const back = post ?? (await load(GAINSTAGE_URL, groupId, context));
  const source = new AudioBufferSourceNode(context, { buffer, loop: true });
  source.connect(pre.audioNode).connect(effect.audioNode).connect(back.audioNode).connect(context.destination);
  source.start();
  return { context, groupId, pre, post: back, effect };
}

const scenarios = {
  ...costScenarios,
  ...secondUseScenarios,
  ...isolationScenarios,
  ...panelScenarios,
  async parameterInfo() {
    const context = new OfflineAudioContext(2, rate, rate);
    const [groupId] = await initializeWamHost(context);
    const wam = await load(GAINSTAGE_URL, groupId, context);
    const info = await wam.audioNode.getParameterInfo();
    return {
      descriptor: wam.descriptor,
      info: Object.values(info).map((i) => ({
        id: i.id,
        label: i.label,
        type: i.type,
        defaultValue: i.defaultValue,
        minValue: i.minValue,
        maxValue: i.maxValue,
        discreteStep: i.discreteStep,
        choices: i.choices,
        units: i.units,
        text: i.valueString(i.maxValue),
      })),
      values: await wam.audioNode.getParameterValues(false),
      normalized: await wam.audioNode.getParameterValues(true, "inputTrimDb"),
    };
  },

  /** −6 dB of input trim: alone (output = input · 10^(−6/20)) and through the distortion as a pair. */
  async trim() {
    const input = sineBuffer(new OfflineAudioContext(1, 1, rate), 1, 997, -20, 2);
    const aloneContext = new OfflineAudioContext(2, rate, rate);
    const [aloneGroup] = await initializeWamHost(aloneContext);
    const alone = await load(GAINSTAGE_URL, aloneGroup, aloneContext);
    await alone.audioNode.setParameterValues({ inputTrimDb: { id: "inputTrimDb", value: -6, normalized: false } });
    const source = new AudioBufferSourceNode(aloneContext, { buffer: input });
    source.connect(alone.audioNode).connect(aloneContext.destination);
    source.start();
    const aloneOut = (await aloneContext.startRendering()).getChannelData(0);
    const gain = 10 ** (-6 / 20);
    const x = input.getChannelData(0);
    let maxError = 0;
    for (let n = 0; n < x.length; n++) maxError = Math.max(maxError, Math.abs(aloneOut[n]! - gain * x[n]!));

    const s = await chain(2, input);
    await s.pre.audioNode.setParameterValues({ inputTrimDb: { id: "inputTrimDb", value: -6, normalized: false } });
    const rendered = await s.context.startRendering();
    const out = rendered.getChannelData(0);
    let peak = 0,
      squares = 0;
    for (let n = 0; n < out.length; n++) {
      peak = Math.max(peak, Math.abs(out[n]!), Math.abs(rendered.getChannelData(1)[n]!));
      squares += out[n]! * out[n]!;
    }
    return {
      aloneMaxError: maxError,
      aloneRole: gainstage(alone).role,
      roles: [gainstage(s.pre).role, gainstage(s.post).role],
      meters: pairMeters(gainstage(s.pre), gainstage(s.post)),
      outputPeak: peak,
      outputMeanSquare: squares / out.length,
    };
  },

  /** Learn for 3 s through the chain, recorded as wam-automation; the session saved, restored (POST first) and played. */
  async learn() {
    const programme = noiseBuffer(2, 0.05);
    const first = await chain(4, programme);
    const automation: WamEvent[] = [];
    first.pre.audioNode.addEventListener("wam-automation", (event) => automation.push((event as CustomEvent).detail));
    gainstage(first.pre).learn(3);
    await first.context.startRendering();
    await new Promise((resolve) => setTimeout(resolve, 200)); // the node takes the kernel's moves every 50 ms
    const states = { pre: await first.pre.audioNode.getState(), post: await first.post.audioNode.getState() };
    const second = await chain(6, programme, JSON.parse(JSON.stringify(states)));
    await second.context.startRendering();
    const meters = pairMeters(gainstage(second.pre), gainstage(second.post))!;
    return {
      automation,
      decided: gainstage(first.pre).meters()!.autoTrim,
      states,
      restoredPaired: gainstage(second.pre).partner === gainstage(second.post),
      restoredRoles: [gainstage(second.pre).role, gainstage(second.post).role],
      restoredTrimDb: gainstage(second.post).getParam("inputTrimDb"),
      sendAes17Db: meters.send.overall.rmsTotalAes17Db,
    };
  },

  /** Match over a window through the distortion, then the session played again with the matched output trim. */
  async match() {
    const programme = noiseBuffer(2, 0.1);
    const first = await chain(6, programme);
    const window = new MatchWindow("match", () => ({
      in: { point: gainstage(first.pre), tap: TAP_IN },
      out: { point: gainstage(first.post), tap: TAP_OUT },
    }));
    const taps = () => pairMeters(gainstage(first.pre), gainstage(first.post))!;
    first.context.suspend(1).then(() => {
      window.start();
      return first.context.resume();
    });
    await first.context.startRendering();
    const end = taps();
    window.push(end.in, end.out, rate);
    const trimDb = window.matchedOutputTrimDb(0, 0)!;
    await first.post.audioNode.setParameterValues({
      outputTrimDb: { id: "outputTrimDb", value: trimDb, normalized: false },
    });
    const states = { pre: await first.pre.audioNode.getState(), post: await first.post.audioNode.getState() };
    const second = await chain(6, programme, states);
    await second.context.startRendering();
    const m = pairMeters(gainstage(second.pre), gainstage(second.post))!;
    return { trimDb, windowSeconds: window.seconds, inLufs: m.in.integratedLufs, outLufs: m.out.integratedLufs };
  },

  /** getState → setState round trip, and hostile states refused by name with nothing changed. */
  async state() {
    const context = new OfflineAudioContext(2, rate, rate);
    const [groupId] = await initializeWamHost(context);
    const a = await load(GAINSTAGE_URL, groupId, context);
    await a.audioNode.setParameterValues({
      inputTrimDb: { id: "inputTrimDb", value: -7.25, normalized: false },
      autoTrimDetector: { id: "autoTrimDetector", value: 3, normalized: false },
    });
    const saved = await a.audioNode.getState();
    const b = await load(GAINSTAGE_URL, groupId, new OfflineAudioContext(2, rate, rate));
    await b.audioNode.setState(JSON.parse(JSON.stringify(saved)));
    const before = await a.audioNode.getParameterValues();
    const refused: { name: string; message: string; unchanged: boolean; createRefused: string }[] = [];
    for (const [name, state] of hostileStates()) {
      const message = await a.audioNode.setState(state).then(
        () => "",
        (error: Error) => error.message,
      );
      const after = await a.audioNode.getParameterValues();
      const createRefused = await load(GAINSTAGE_URL, groupId, context, state).then(
        () => "",
        (error: Error) => error.message,
      );
      refused.push({ name, message, unchanged: JSON.stringify(after) === JSON.stringify(before), createRefused });
    }
    return { saved, restored: await b.audioNode.getState(), refused };
  },

  /** A restored session never ramps from the defaults: −12 dB from the first sample. */
  async restoreWithoutRamp() {
    const context = new OfflineAudioContext(1, 1024, rate);
    const [groupId] = await initializeWamHost(context);
    const wam = await load(GAINSTAGE_URL, groupId, context, {
      format: "gainstage-state",
      version: 1,
      params: { inputTrimDb: -12 },
    });
    const source = new ConstantSourceNode(context, { offset: 0.5 });
    source.connect(wam.audioNode).connect(context.destination);
    source.start();
    const out = (await context.startRendering()).getChannelData(0);
    return { first: out[0]!, last: out[1023]!, expected: 0.5 * 10 ** (-12 / 20) };
  },

  /** wam-automation from the host lands on its frame: −12 dB from exactly 0.5 s. */
  async automation() {
    const context = new OfflineAudioContext(1, rate, rate);
    const [groupId] = await initializeWamHost(context);
    const wam = await load(GAINSTAGE_URL, groupId, context);
    wam.audioNode.scheduleEvents({
      type: "wam-automation",
      time: 0.5,
      data: { id: "inputTrimDb", value: -12, normalized: false },
    });
    const source = new ConstantSourceNode(context, { offset: 0.5 });
    source.connect(wam.audioNode).connect(context.destination);
    source.start();
    const out = (await context.startRendering()).getChannelData(0);
    // The host's automation is in the main thread's state too: getState() and the panel say what was heard.
    const state = (await wam.audioNode.getState()) as { params: Record<string, number> };
    const gui = (await wam.createGui()) as HTMLElement;
    document.body.append(gui);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const field = gui.shadowRoot!.querySelector<HTMLInputElement>(
      '.param-fader:has([data-param="inputTrimDb"]) .param-value',
    );
    const panelText = field?.value ?? "";
    wam.destroyGui(gui);
    return {
      before: out[rate / 2 - 1]!,
      at: out[rate / 2]!,
      after: out[rate / 2 + 1]!,
      settled: out[rate - 1]!,
      stateTrimDb: state.params.inputTrimDb,
      panelText,
    };
  },

  /** Pairing: a third instance stays alone, re-pairing and unpairing work, three different plugins share one context. */
  async pairing() {
    const context = new OfflineAudioContext(2, rate, rate);
    const [groupId] = await initializeWamHost(context);
    const a = gainstage(await load(GAINSTAGE_URL, groupId, context));
    const b = gainstage(await load(GAINSTAGE_URL, groupId, context));
    const c = gainstage(await load(GAINSTAGE_URL, groupId, context));
    const saturator = await load(SATURATOR_URL, groupId, context);
    const distortion = await load(DISTORTION_URL, groupId, context);
    const first = { a: a.role, b: b.role, c: c.role, abPaired: a.partner === b };
    a.setParam("outputTrimDb", 3);
    const mirrored = b.getParam("outputTrimDb");
    await c.pairWith(a);
    const repaired = { a: a.role, b: b.role, c: c.role, caPaired: c.partner === a && a.partner === c };
    await c.unpair();
    const unpaired = { a: a.role, c: c.role };
    return {
      first,
      mirrored,
      repaired,
      unpaired,
      others: [saturator.descriptor.identifier, distortion.descriptor.identifier],
    };
  },

  /** The plugin's own panel: created, drawn, destroyed. */
  async gui() {
    const context = new AudioContext({ sampleRate: rate });
    const [groupId] = await initializeWamHost(context);
    const pre = await load(GAINSTAGE_URL, groupId, context);
    const effect = await load(SATURATOR_URL, groupId, context);
    const post = await load(GAINSTAGE_URL, groupId, context);
    const osc = new OscillatorNode(context, { frequency: 997 });
    osc.connect(pre.audioNode).connect(effect.audioNode).connect(post.audioNode).connect(context.destination);
    osc.start();
    const gui = (await pre.createGui()) as HTMLElement;
    document.body.append(gui);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const shadow = gui.shadowRoot!;
    const texts = {
      strips: [...shadow.querySelectorAll(".meter-strip h3")].map((h) => h.textContent),
      buttons: [...shadow.querySelectorAll("button")].map((b) => b.textContent?.trim()).filter(Boolean),
      pairing: shadow.querySelector(".pair-status")?.textContent ?? "",
      readouts: [...shadow.querySelectorAll(".readout")].map((r) => r.textContent).slice(0, 4),
      partners: [...shadow.querySelectorAll(".pair-with option")].map((o) => o.textContent),
    };
    pre.destroyGui(gui);
    const removed = !gui.isConnected;
    await context.close();
    return { texts, removed };
  },
};

Object.assign(globalThis, { scenarios, harnessReady: true });
export type WamScenarios = typeof scenarios;
