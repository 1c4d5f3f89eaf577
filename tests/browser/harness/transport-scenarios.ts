/**
 * Scenarios that show the two transports (host/formats/web/transport.ts) give the same readings:
 * run in a cross-origin isolated page they use shared memory, in a page served without COOP/COEP
 * they use port messages, and the tests compare what each returns.
 */
import { estimateLatency } from "../../../host/app/latency.js";
import { type GainstageNode, GainstageNode as Node } from "../../../host/formats/web/node.js";
import { pairMeters } from "../../../host/formats/web/pair-meters.js";
import { ParamStore } from "../../../host/model/param-store.js";
import { head, rate } from "./signals.js";

/** The longest insert latency searched for (frames): well past the 480 the scenario sets. */
const MAX_LAG_FRAMES = 4800;
const DELAY_FRAMES = 480;

/** Stereo: a −20 dBFS 997 Hz sine plus uniform noise (a fixed seed), different in each channel. */
function programme(seconds: number): AudioBuffer {
  const buffer = new AudioBuffer({ length: seconds * rate, sampleRate: rate, numberOfChannels: 2 });
  let seed = 11;
  for (let c = 0; c < 2; c++) {
    const data = buffer.getChannelData(c);
    for (let n = 0; n < data.length; n++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      data[n] = 0.1 * Math.sin((2 * Math.PI * 997 * n) / rate + c) + 0.05 * (seed / 2 ** 31 - 1);
    }
  }
  return buffer;
}

/**
 * Resolves once `node`'s meters as a render of `length` frames ended are in: at once with shared
 * memory (it holds them when the render resolves); as messages, when the last one (frame ≥ length)
 * arrives. Called before the render starts, so no message passes unseen; reads nothing itself.
 */
export function renderEnded(node: GainstageNode, length: number): Promise<void> {
  if (node.transport === "shared-memory") return Promise.resolve();
  return new Promise((resolve) => {
    const stop = node.onSnapshot((snapshot) => {
      if (snapshot.frame < length) return;
      stop();
      resolve();
    });
  });
}

export const transportScenarios = {
  environment() {
    return {
      crossOriginIsolated: globalThis.crossOriginIsolated,
      sharedArrayBuffer: typeof globalThis.SharedArrayBuffer,
    };
  },

  /** PRE (+4 dB) → GainNode (0.5) → POST (−2 dB) over 3 s of a stereo programme, offline: every reading at the end. */
  async transportReadings() {
    const seconds = 3;
    const length = seconds * rate;
    const context = new OfflineAudioContext(2, length, rate);
    const source = new AudioBufferSourceNode(context, { buffer: programme(seconds) });
    const store = new ParamStore();
    store.set("inputTrimDb", 4);
    store.set("outputTrimDb", -2);
    const { pre, post } = await Node.createPair(context, { store, stopAtFrame: length });
    source
      .connect(pre)
      .connect(new GainNode(context, { gain: 0.5 }))
      .connect(post)
      .connect(context.destination);
    source.start();
    const ended = Promise.all([renderEnded(pre, length), renderEnded(post, length)]);
    const rendered = await context.startRendering();
    await ended;
    return {
      transport: pre.transport,
      output: head(rendered.getChannelData(0), length - 1000, 1000),
      meters: pairMeters(pre, post),
    };
  },

  /** Live: PRE → a DelayNode of 480 frames → POST; POST's latency capture finds the 480 frames. */
  async latencyLive() {
    const context = new AudioContext({ sampleRate: rate });
    const source = new AudioBufferSourceNode(context, { buffer: programme(2), loop: true });
    const { pre, post } = await Node.createPair(context);
    const delay = new DelayNode(context, { delayTime: DELAY_FRAMES / rate, maxDelayTime: 1 });
    source.connect(pre).connect(delay).connect(post).connect(context.destination);
    source.start();
    const { a, back } = await post.captureForLatency();
    await context.close();
    return { transport: post.transport, ...estimateLatency(a, back, MAX_LAG_FRAMES), delayFrames: DELAY_FRAMES };
  },
};
