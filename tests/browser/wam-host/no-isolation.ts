/**
 * Gainstage in a WAM host whose page is not cross-origin isolated (no COOP/COEP: most web DAWs
 * and static hosting): the plugin runs over port messages. A restored session (its state given to
 * createInstance) is in place before the first frame, so the offline renders are deterministic.
 */
import { initializeWamHost } from "@webaudiomodules/sdk";
import { pairMeters } from "../../../host/formats/web/pair-meters.js";
import { ParamStore } from "../../../host/model/param-store.js";
import { renderEnded } from "../harness/transport-scenarios.js";
import { rate, sineBuffer } from "../harness/signals.js";
import { DISTORTION_URL, GAINSTAGE_URL, gainstage, load } from "./host-helpers.js";

/** A session saved with the input trim at `trimDb`. */
function savedWithTrim(trimDb: number): unknown {
  const store = new ParamStore();
  store.set("inputTrimDb", trimDb);
  return store.save();
}

export const isolationScenarios = {
  /** Alone at −6 dB, then PRE (−6 dB) → Simple Distortion → POST: the output and every tap's meters. */
  async withoutIsolation() {
    // 2 s at 48 kHz: a whole number of display-rate snapshots, so the last one is the render's end.
    const length = 2 * rate;
    const input = sineBuffer(new OfflineAudioContext(1, 1, rate), 2, 997, -20, 2);
    const aloneContext = new OfflineAudioContext(2, length, rate);
    const [aloneGroup] = await initializeWamHost(aloneContext);
    const alone = await load(GAINSTAGE_URL, aloneGroup, aloneContext, savedWithTrim(-6));
    const source = new AudioBufferSourceNode(aloneContext, { buffer: input });
    source.connect(alone.audioNode).connect(aloneContext.destination);
    source.start();
    const out = (await aloneContext.startRendering()).getChannelData(0);
    const x = input.getChannelData(0);
    let maxError = 0;
    for (let n = 0; n < x.length; n++) maxError = Math.max(maxError, Math.abs(out[n]! - 10 ** (-6 / 20) * x[n]!));

    const context = new OfflineAudioContext(2, length, rate);
    const [groupId] = await initializeWamHost(context);
    const pre = await load(GAINSTAGE_URL, groupId, context, savedWithTrim(-6));
    const effect = await load(DISTORTION_URL, groupId, context);
    const post = await load(GAINSTAGE_URL, groupId, context);
    const chainSource = new AudioBufferSourceNode(context, { buffer: input });
    chainSource.connect(pre.audioNode).connect(effect.audioNode).connect(post.audioNode).connect(context.destination);
    chainSource.start();
    const ended = Promise.all([renderEnded(gainstage(pre), length), renderEnded(gainstage(post), length)]);
    await context.startRendering();
    await ended;
    return {
      crossOriginIsolated: globalThis.crossOriginIsolated,
      transport: gainstage(alone).transport,
      aloneMaxError: maxError,
      alonePeak: Math.max(...out.subarray(0, rate).map(Math.abs)),
      meters: pairMeters(gainstage(pre), gainstage(post)),
    };
  },
};
