/**
 * In-page scenarios for the Chromium tests. Each renders audio through real AudioWorklet
 * processors and returns plain data; the assertions live in node (worklet.test.ts), against
 * analytic values computed there.
 */
import { GainstageNode, pairMeters } from "../../../host/web/node.js";
import { StateError } from "../../../host/contract/state.js";
import { ParamStore } from "../../../host/contract/param-store.js";
import { applyLearned } from "../../../host/app/learn-apply.js";

const rate = 48000;

function sineBuffer(context: BaseAudioContext, seconds: number, hz: number, dbfs: number, channels: number): AudioBuffer {
  const buffer = new AudioBuffer({ length: Math.round(seconds * rate), sampleRate: rate, numberOfChannels: channels });
  const amplitude = 10 ** (dbfs / 20);
  for (let c = 0; c < channels; c++) {
    const data = buffer.getChannelData(c);
    for (let n = 0; n < data.length; n++) data[n] = amplitude * Math.sin((2 * Math.PI * hz * n) / rate);
  }
  return buffer;
}

const head = (data: Float32Array, from: number, count: number) => Array.from(data.subarray(from, from + count));

const scenarios = {
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
    source.connect(pre).connect(new GainNode(context, { gain: 0.5 })).connect(post).connect(context.destination);
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
      "null", "[]", "{}",
    ];
    for (const text of corrupted) {
      try { second.loadState(text); errors.push("accepted"); } catch (error) { errors.push(`${(error as Error).constructor === StateError ? "StateError" : "other"}: ${(error as Error).message}`); }
    }
    const source = new ConstantSourceNode(context, { offset: 0.5 });
    source.connect(second).connect(context.destination);
    source.start();
    const rendered = await context.startRendering();
    return {
      saved: JSON.parse(saved),
      loaded: { inputTrimDb: second.getParam("inputTrimDb"), vuReferenceDbfs: second.getParam("vuReferenceDbfs"), polarityL: second.getParam("polarityL") },
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
    const left = rendered.getChannelData(0), right = rendered.getChannelData(1);
    let finite = true;
    for (let n = 0; n < left.length; n++) if (!Number.isFinite(left[n]!) || !Number.isFinite(right[n]!)) finite = false;
    return { finite, meters: node.meters(), tailLeft: head(left, rate - 100, 10), tailRight: head(right, rate - 100, 10) };
  },

  /**
   * Learn on a real chain: noise at about −31 dB AES17 → PRE → tanh saturator → POST. The first
   * render learns for 3 s and the decision is applied as the app applies it; the second render,
   * a session restored with that trim (the same parameter store), measures SEND for 6 s.
   */
  async learnChain() {
    const buffer = new AudioBuffer({ length: 6 * rate, sampleRate: rate, numberOfChannels: 2 });
    let seed = 7;
    for (let c = 0; c < 2; c++) {
      const data = buffer.getChannelData(c);
      for (let n = 0; n < data.length; n++) data[n] = 0.05 * ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 31 - 1);
    }
    const store = new ParamStore();
    const render = async (seconds: number, learnSeconds: number) => {
      const context = new OfflineAudioContext(2, seconds * rate, rate);
      const shaper = new WaveShaperNode(context, { curve: Float32Array.from({ length: 1025 }, (_, i) => Math.tanh(3 * (i / 512 - 1))) });
      const pair = await GainstageNode.createPair(context, { store });
      const source = new AudioBufferSourceNode(context, { buffer, loop: true });
      source.connect(pair.pre).connect(shaper).connect(pair.post).connect(context.destination);
      source.start();
      if (learnSeconds > 0) pair.pre.learn(learnSeconds);
      await context.startRendering();
      return pair;
    };
    const learning = await render(4, 3);
    const outcome = applyLearned(store, learning.pre.meters()!.autoTrim, []);
    const { pre, post } = await render(6, 0);
    const meters = pairMeters(pre, post)!;
    return { outcome, sendRmsAes17Db: meters.send.overall.rmsTotalAes17Db, inputTrimDb: pre.getParam("inputTrimDb") };
  },

  /**
   * Moves the kernel makes itself come back as parameter changes (issue #11, item 6): Ride on a
   * −30 dBFS tone and a timed Learn, with nobody reading the meters; the node's store follows.
   */
  async kernelMoves() {
    const render = async (store: ParamStore, seconds: number, configure: (pre: GainstageNode) => void) => {
      const context = new OfflineAudioContext(2, seconds * rate, rate);
      const source = new AudioBufferSourceNode(context, { buffer: sineBuffer(context, seconds, 997, -30, 2) });
      const pair = await GainstageNode.createPair(context, { store });
      source.connect(pair.pre).connect(pair.post).connect(context.destination);
      source.start();
      configure(pair.pre);
      const changes: number[] = [];
      store.subscribe((key, value) => { if (key === "inputTrimDb") changes.push(value); });
      await context.startRendering();
      await new Promise((resolve) => setTimeout(resolve, 200)); // the node drains its return ring every 50 ms
      return { pre: pair.pre, changes };
    };
    const riding = new ParamStore();
    riding.set("autoRide", 1);
    const ride = await render(riding, 8, () => {});
    const learned = new ParamStore();
    const learn = await render(learned, 4, (pre) => pre.learn(3));
    return {
      ride: { store: riding.get("inputTrimDb"), kernel: ride.pre.meters()!.autoTrim.inputTrimDb, changes: ride.changes.length },
      learn: { store: learned.get("inputTrimDb"), decided: learn.pre.meters()!.autoTrim.trimDb, changes: learn.changes },
    };
  },

  /** A/B listen in the worklet: +12 dB chain, switch to A at 0.5 s and back to B at 1 s (frame-timed). */
  async abSwitch() {
    const context = new OfflineAudioContext(1, 1.5 * rate, rate);
    const source = new AudioBufferSourceNode(context, { buffer: sineBuffer(context, 1.5, 220, -20, 1) });
    const { pre, post } = await GainstageNode.createPair(context);
    source.connect(pre).connect(new GainNode(context, { gain: 10 ** (12 / 20) })).connect(post).connect(context.destination);
    source.start();
    post.setParam("abListen", 1, 0.5);
    post.setParam("abListen", 0, 1.0);
    const rendered = await context.startRendering();
    return { output: Array.from(rendered.getChannelData(0)) };
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
    return { baseMs: base, withPairMs: withPair, quanta, usPerQuantum: ((withPair - base) * 1000) / quanta, budgetUs: (128 / rate) * 1e6 };
  },
};

Object.assign(globalThis, { scenarios, harnessReady: true });
export type Scenarios = typeof scenarios;
