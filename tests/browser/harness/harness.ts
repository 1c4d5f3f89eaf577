/**
 * In-page scenarios for the Chromium tests. Each renders audio through real AudioWorklet
 * processors and returns plain data; the assertions live in node (worklet.test.ts), against
 * analytic values computed there.
 */
import { GainstageNode } from "../../../host/formats/web/node.js";
import { pairMeters } from "../../../host/formats/web/pair-meters.js";
import { StateError } from "../../../host/model/state.js";
import { ParamStore } from "../../../host/model/param-store.js";
import { autoTrimScenarios } from "./auto-trim-scenarios.js";
import { compareScenarios } from "./compare-scenarios.js";
import { transportScenarios } from "./transport-scenarios.js";
import { head, rate, sineBuffer } from "./signals.js";

const scenarios = {
  ...autoTrimScenarios,
  ...compareScenarios,
  ...transportScenarios,
  async isolation() {
    const context = new AudioContext({ sampleRate: rate });
    const node = await GainstageNode.create(context);
    const info = await node.info();
    await context.close();
    return { crossOriginIsolated: globalThis.crossOriginIsolated, transport: node.transport, info };
  },

  /**
   * PRE (+6 dB) → GainNode (−6.02 dB) → POST (−3 dB), stereo 1 kHz at −20 dBFS. The state is set
   * before the pair is created (as a restored session is): with port messages, changes made after
   * creation reach an offline render only when the render thread next reads its messages.
   */
  async chain(forceMessagePort = false) {
    const context = new OfflineAudioContext(2, 2 * rate, rate);
    const source = new AudioBufferSourceNode(context, { buffer: sineBuffer(context, 2, 1000, -20, 2) });
    const store = new ParamStore();
    store.set("inputTrimDb", 6);
    store.set("outputTrimDb", -3);
    const { pre, post } = await GainstageNode.createPair(context, { forceMessagePort, store });
    source
      .connect(pre)
      .connect(new GainNode(context, { gain: 0.5 }))
      .connect(post)
      .connect(context.destination);
    source.start();
    const rendered = await context.startRendering();
    await new Promise((resolve) => setTimeout(resolve, 50)); // fallback snapshots arrive as messages
    return {
      transport: pre.transport,
      output: head(rendered.getChannelData(1), 0, 2000),
      meters: pairMeters(pre, post),
    };
  },

  /** Message-port fallback, live: a change made while playing reaches the processor and the meters. */
  async fallbackLive() {
    const context = new AudioContext({ sampleRate: rate });
    const source = new ConstantSourceNode(context, { offset: 0.5 });
    const node = await GainstageNode.create(context, { forceMessagePort: true });
    source.connect(node).connect(context.destination);
    source.start();
    await new Promise((resolve) => setTimeout(resolve, 200));
    node.setParam("inputTrimDb", -12);
    await new Promise((resolve) => setTimeout(resolve, 300));
    node.meters();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const meters = node.meters();
    await context.close();
    return { transport: node.transport, sendPeakDbfs: meters?.after.overall.samplePeakDbfs, info: null };
  },

  /** A parameter event scheduled at frame 4800 (mid-quantum) on a constant input. */
  async eventFrame() {
    const context = new OfflineAudioContext(1, rate / 2, rate);
    const source = new ConstantSourceNode(context, { offset: 0.25 });
    const node = await GainstageNode.create(context);
    node.setParam("inputTrimDb", -12, 4800 / rate);
    source.connect(node).connect(context.destination);
    source.start();
    const rendered = await context.startRendering();
    return { output: head(rendered.getChannelData(0), 4790, 1000) };
  },

  /** AudioParam automation of the trim (Web Audio habit): setValueAtTime lands on its frame. */
  async automation() {
    const context = new OfflineAudioContext(1, rate / 2, rate);
    const source = new ConstantSourceNode(context, { offset: 0.25 });
    const node = await GainstageNode.create(context);
    node.parameters.get("inputTrimDb")!.setValueAtTime(-6, 2400 / rate);
    source.connect(node).connect(context.destination);
    source.start();
    const rendered = await context.startRendering();
    return { output: head(rendered.getChannelData(0), 2390, 1000) };
  },

  /** Save → load into a fresh node; the loaded trim is what the kernel applies. A corrupted state changes nothing. */
  async state() {
    const context = new OfflineAudioContext(1, rate / 4, rate);
    const first = await GainstageNode.create(context);
    first.setParam("inputTrimDb", -7.5);
    first.setParam("vuReferenceDbfs", -14);
    first.setParamText("polarityL", "inverted");
    const saved = JSON.stringify(first.saveState());
    const second = await GainstageNode.create(context);
    second.loadState(saved);
    const errors: string[] = [];
    const corrupted = [
      saved.slice(0, saved.length / 2),
      saved.replace('"inputTrimDb":-7.5', '"inputTrimDb":"loud"'),
      saved.replace('"inputTrimDb":-7.5', '"inputTrimDb":1e9'),
      saved.replace('"version":1', '"version":99'),
      "null",
      "[]",
      "{}",
    ];
    for (const text of corrupted) {
      try {
        second.loadState(text);
        errors.push("accepted");
      } catch (error) {
        errors.push(
          `${(error as Error).constructor === StateError ? "StateError" : "other"}: ${(error as Error).message}`,
        );
      }
    }
    const source = new ConstantSourceNode(context, { offset: 0.5 });
    source.connect(second).connect(context.destination);
    source.start();
    const rendered = await context.startRendering();
    return {
      saved: JSON.parse(saved),
      loaded: {
        inputTrimDb: second.getParam("inputTrimDb"),
        vuReferenceDbfs: second.getParam("vuReferenceDbfs"),
        polarityL: second.getParam("polarityL"),
      },
      errors,
      sample: rendered.getChannelData(0)[100],
    };
  },

  /**
   * Mono for 0.5 s, then stereo: both sources are connected from the start, the mono one stops
   * and the stereo one starts at 0.5 s, so the processor's input goes from 1 to 2 channels
   * mid-render (scheduled, so no OfflineAudioContext.suspend(), which Firefox lacks).
   */
  async channelChange() {
    const context = new OfflineAudioContext(2, rate, rate);
    const node = await GainstageNode.create(context);
    const mono = new AudioBufferSourceNode(context, { buffer: sineBuffer(context, 1, 440, -10, 1) });
    const stereo = new AudioBufferSourceNode(context, { buffer: sineBuffer(context, 1, 440, -10, 2) });
    mono.connect(node);
    stereo.connect(node);
    node.connect(context.destination);
    mono.start(0);
    mono.stop(0.5);
    stereo.start(0.5, 0.5);
    const rendered = await context.startRendering();
    const left = rendered.getChannelData(0),
      right = rendered.getChannelData(1);
    let finite = true;
    for (let n = 0; n < left.length; n++) if (!Number.isFinite(left[n]!) || !Number.isFinite(right[n]!)) finite = false;
    return {
      finite,
      meters: node.meters(),
      tailLeft: head(left, rate - 100, 10),
      tailRight: head(right, rate - 100, 10),
    };
  },

  /** Processor cost: render `seconds` of stereo with and without a PRE → POST pair. */
  async cost(seconds = 60) {
    const time = async (withGainstage: boolean) => {
      const context = new OfflineAudioContext(2, seconds * rate, rate);
      const source = new AudioBufferSourceNode(context, { buffer: sineBuffer(context, 1, 997, -12, 2), loop: true });
      if (withGainstage) {
        const { pre, post } = await GainstageNode.createPair(context);
        source.connect(pre).connect(new GainNode(context)).connect(post).connect(context.destination);
      } else {
        source.connect(new GainNode(context)).connect(context.destination);
      }
      source.start();
      const start = performance.now();
      await context.startRendering();
      return performance.now() - start;
    };
    await time(true); // warm-up: compile, optimise
    const base = Math.min(await time(false), await time(false));
    const withPair = Math.min(await time(true), await time(true));
    const quanta = (seconds * rate) / 128;
    return {
      baseMs: base,
      withPairMs: withPair,
      quanta,
      usPerQuantum: ((withPair - base) * 1000) / quanta,
      budgetUs: (128 / rate) * 1e6,
    };
  },
};

Object.assign(globalThis, { scenarios, harnessReady: true });
export type Scenarios = typeof scenarios;
