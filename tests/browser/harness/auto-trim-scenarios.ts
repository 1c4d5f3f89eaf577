/**
 * In-page scenarios of auto-trim and A/B in real AudioWorklet processors: Learn through a chain,
 * the kernel's own moves coming back as parameter changes, and frame-timed A/B listening.
 * Part of harness.ts's scenarios; assertions live in node (worklet.test.ts).
 */
import { applyLearned } from "../../../host/app/learn-apply.js";
import { ParamStore } from "../../../host/model/param-store.js";
import { GainstageNode } from "../../../host/formats/web/node.js";
import { pairMeters } from "../../../host/formats/web/pair-meters.js";
import { rate, sineBuffer } from "./signals.js";

export const autoTrimScenarios = {
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
      for (let n = 0; n < data.length; n++) {
        seed = (seed * 1103515245 + 12345) >>> 0;
        data[n] = 0.05 * (seed / 2 ** 31 - 1);
      }
    }
    const store = new ParamStore();
    const render = async (seconds: number, learnSeconds: number) => {
      const context = new OfflineAudioContext(2, seconds * rate, rate);
      const shaper = new WaveShaperNode(context, {
        curve: Float32Array.from({ length: 1025 }, (_, i) => Math.tanh(3 * (i / 512 - 1))),
      });
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
   * Moves the kernel makes itself come back as parameter changes: Ride on a
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
      store.subscribe((key, value) => {
        if (key === "inputTrimDb") changes.push(value);
      });
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
      ride: {
        store: riding.get("inputTrimDb"),
        kernel: ride.pre.meters()!.autoTrim.inputTrimDb,
        changes: ride.changes.length,
      },
      learn: {
        store: learned.get("inputTrimDb"),
        decided: learn.pre.meters()!.autoTrim.trimDb,
        changes: learn.changes,
      },
    };
  },

  /** A/B listen in the worklet: +12 dB chain, switch to A at 0.5 s and back to B at 1 s (frame-timed). */
  async abSwitch() {
    const context = new OfflineAudioContext(1, 1.5 * rate, rate);
    const source = new AudioBufferSourceNode(context, { buffer: sineBuffer(context, 1.5, 220, -20, 1) });
    const { pre, post } = await GainstageNode.createPair(context);
    source
      .connect(pre)
      .connect(new GainNode(context, { gain: 10 ** (12 / 20) }))
      .connect(post)
      .connect(context.destination);
    source.start();
    post.setParam("abListen", 1, 0.5);
    post.setParam("abListen", 0, 1.0);
    const rendered = await context.startRendering();
    return { output: Array.from(rendered.getChannelData(0)) };
  },
};
