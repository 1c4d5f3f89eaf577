/**
 * PRE ↔ POST link inside one AudioWorkletGlobalScope. Both processors of a pair live in the same
 * scope (one AudioContext), so they share this module's state: PRE copies what entered it into
 * the link every render quantum, and POST — rendered after PRE, since it is downstream — reads it
 * in the same quantum (A/B listen and level match compare against it). No graph cycle is needed.
 * Links are created when a processor is constructed, never on the audio thread's hot path.
 */
import { MAX_CHANNELS, MAX_FRAMES } from "../../declaration/layout.js";

export interface Link {
  /** What entered PRE this quantum, planar. */
  readonly input: Float32Array[];
  channels: number;
  frames: number;
  /** AudioContext frame of the quantum PRE last wrote (−1 = never). */
  stampFrame: number;
}

const links = new Map<string, Link>();

export function linkFor(id: string): Link {
  let link = links.get(id);
  if (!link) {
    link = {
      input: Array.from({ length: MAX_CHANNELS }, () => new Float32Array(MAX_FRAMES)),
      channels: 0,
      frames: 0,
      stampFrame: -1,
    };
    links.set(id, link);
  }
  return link;
}

export function unlink(id: string): void {
  links.delete(id);
}
