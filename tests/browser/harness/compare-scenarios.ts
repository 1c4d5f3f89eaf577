/**
 * In-page scenarios of comparing fairly in real AudioWorklet processors: the insert's
 * latency measured from what POST captured, the delta of a unity insert once aligned, and
 * auto-match moving the output trim through the store. Assertions live in node (worklet.test.ts).
 */
import { estimateLatency } from "../../../host/app/latency.js";
import { ParamStore } from "../../../host/model/param-store.js";
import { CAPTURE_FRAMES } from "../../../host/formats/web/capture.js";
import { GainstageNode } from "../../../host/formats/web/node.js";
import { rate } from "./signals.js";

function noise(seconds: number, amplitude: number): AudioBuffer {
  const buffer = new AudioBuffer({ length: seconds * rate, sampleRate: rate, numberOfChannels: 2 });
  let seed = 11;
  for (let c = 0; c < 2; c++) {
    const data = buffer.getChannelData(c);
    for (let n = 0; n < data.length; n++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      data[n] = amplitude * (seed / 2 ** 31 - 1);
    }
  }
  return buffer;
}

/** PRE → `insert` → POST over `seconds` of noise, with the store's settings applied before the first frame. */
async function chain(seconds: number, store: ParamStore, insert: (context: BaseAudioContext) => AudioNode) {
  const context = new OfflineAudioContext(2, seconds * rate, rate);
  const { pre, post } = await GainstageNode.createPair(context, { store });
  const source = new AudioBufferSourceNode(context, { buffer: noise(seconds, 0.1) });
  source.connect(pre).connect(insert(context)).connect(post).connect(context.destination);
  source.start();
  return { context, pre, post };
}

export const compareScenarios = {
  /** A DelayNode of `frames` as the insert: measured from POST's capture, then the aligned delta's level. */
  async latency(frames = 240) {
    const delayed = (context: BaseAudioContext) =>
      new DelayNode(context, { delayTime: frames / rate, maxDelayTime: 1 });
    const store = new ParamStore();
    const first = await chain(3, store, delayed);
    const captured = first.post.captureForLatency(5);
    await first.context.startRendering();
    const { a, back } = await captured;
    const estimate = estimateLatency(a, back, CAPTURE_FRAMES / 2);
    store.set("insertLatencyFrames", estimate.frames ?? 0);
    store.set("abListen", 2); // delta: OUT − IN, aligned
    const second = await chain(1, store, delayed);
    const rendered = await second.context.startRendering();
    let peak = 0;
    for (let c = 0; c < 2; c++) for (const x of rendered.getChannelData(c)) peak = Math.max(peak, Math.abs(x));
    return { frames: estimate.frames, correlation: estimate.correlation, deltaPeakDbfs: 20 * Math.log10(peak) };
  },

  /** An insert that adds 6 dB, auto-match on: the output trim the store ends at, and how it got there. */
  async autoMatch() {
    const store = new ParamStore();
    store.set("autoMatch", 1);
    store.set("matchRateDbPerSecond", 4);
    const moves: number[] = [];
    store.subscribe((key, value) => {
      if (key === "outputTrimDb") moves.push(value);
    });
    const { context, post } = await chain(8, store, (c) => new GainNode(c, { gain: 10 ** (6 / 20) }));
    await context.startRendering();
    await new Promise((resolve) => setTimeout(resolve, 200)); // the node drains its return ring every 50 ms
    return {
      outputTrimDb: store.get("outputTrimDb"),
      kernel: post.meters()!.autoTrim.outputTrimDb,
      moves: moves.length,
    };
  },
};
