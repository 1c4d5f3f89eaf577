/** What the test WAM host's scenarios share: the plugins' addresses, loading one as a host does, a steady noise. */
import type { WebAudioModule } from "@webaudiomodules/api";
import type { GainstageWamNode } from "../../../host/formats/wam/wam-node.js";
import { rate } from "../harness/signals.js";

export const GAINSTAGE_URL = "/wam/gainstage/index.js";
export const DISTORTION_URL = "/wam/simple-distortion/index.js";
export const SATURATOR_URL = "/wam/tape-saturator/index.js";

export async function load(
  url: string,
  groupId: string,
  context: BaseAudioContext,
  state?: unknown,
): Promise<WebAudioModule> {
  const { default: Module } = await import(/* @vite-ignore */ url);
  return Module.createInstance(groupId, context, state);
}

export const gainstage = (wam: WebAudioModule) => wam.audioNode as unknown as GainstageWamNode;

/** Seeded uniform noise, stereo, `seconds` long: a steady programme stand-in. */
export function noiseBuffer(seconds: number, amplitude: number): AudioBuffer {
  const buffer = new AudioBuffer({ length: seconds * rate, sampleRate: rate, numberOfChannels: 2 });
  let seed = 7;
  for (let c = 0; c < 2; c++) {
    const data = buffer.getChannelData(c);
    for (let n = 0; n < data.length; n++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      data[n] = amplitude * (seed / 2 ** 31 - 1);
    }
  }
  return buffer;
}
