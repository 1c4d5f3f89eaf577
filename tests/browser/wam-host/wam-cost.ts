/**
 * What the WAM 2 wrapping costs (npm run bench): 60 s of stereo 48 kHz rendered offline through
 * source → X → GainNode → Y, with X/Y nothing, the bare web-host pair (GainstageNode), or
 * Gainstage loaded as a WAM 2 plugin by URL. Same kernel, same meters; the difference is the
 * wrapper's.
 */
import type { WebAudioModule } from "@webaudiomodules/api";
import { initializeWamHost } from "@webaudiomodules/sdk";
import { GainstageNode } from "../../../host/formats/web/node.js";
import { rate, sineBuffer } from "../harness/signals.js";

type Pair = "none" | "bare" | "wam";
const GAINSTAGE_URL = "/wam/gainstage/index.js";

async function render(pair: Pair, seconds: number): Promise<number> {
  const context = new OfflineAudioContext(2, seconds * rate, rate);
  const source = new AudioBufferSourceNode(context, { buffer: sineBuffer(context, 1, 997, -12, 2), loop: true });
  const middle = new GainNode(context);
  if (pair === "none") source.connect(middle).connect(context.destination);
  else if (pair === "bare") {
    const { pre, post } = await GainstageNode.createPair(context);
    source.connect(pre).connect(middle).connect(post).connect(context.destination);
  } else {
    const [groupId] = await initializeWamHost(context);
    const { default: Gainstage } = await import(/* @vite-ignore */ GAINSTAGE_URL);
    const pre: WebAudioModule = await Gainstage.createInstance(groupId, context);
    const post: WebAudioModule = await Gainstage.createInstance(groupId, context);
    source.connect(pre.audioNode).connect(middle).connect(post.audioNode).connect(context.destination);
  }
  source.start();
  const start = performance.now();
  await context.startRendering();
  return performance.now() - start;
}

export const costScenarios = {
  async wamCost(seconds = 60) {
    for (const pair of ["bare", "wam"] as const) await render(pair, 2); // warm-up: compile, optimise
    const best = async (pair: Pair) => Math.min(await render(pair, seconds), await render(pair, seconds));
    const baseMs = await best("none");
    const bareMs = await best("bare");
    const wamMs = await best("wam");
    const quanta = (seconds * rate) / 128;
    return {
      quanta,
      budgetUs: (128 / rate) * 1e6,
      bareUsPerQuantum: ((bareMs - baseMs) * 1000) / quanta,
      wamUsPerQuantum: ((wamMs - baseMs) * 1000) / quanta,
    };
  },
};
