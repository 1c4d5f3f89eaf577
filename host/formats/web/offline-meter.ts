/**
 * The live worklet path as a case meter for the self-test (host/conformance): each signal
 * plays through a fresh GainstageNode — the processor and kernel the app uses — in an
 * OfflineAudioContext at the rate asked for. The processor publishes its meters at the frames the
 * case reads (render-quantum resolution) and once at the end, each as a message, in order: no
 * suspension, no shared memory, so it runs the same in a page without cross-origin isolation.
 * Deterministic and faster than real time. Thread: main thread.
 */
import type { CaseMeter } from "../../conformance/self-test.js";
import type { PointSnapshot } from "./meter-snapshot.js";
import { GainstageError, GainstageNode } from "./node.js";

/** Web Audio renders in quanta of 128 frames; a read lands on a quantum boundary. */
const RENDER_QUANTUM_FRAMES = 128;

export const workletCaseMeter: CaseMeter = async (rate, channels, reads) => {
  const frames = channels[0]!.length;
  const length = Math.ceil(frames / RENDER_QUANTUM_FRAMES) * RENDER_QUANTUM_FRAMES;
  const context = new OfflineAudioContext({ numberOfChannels: channels.length, length, sampleRate: rate });
  const buffer = context.createBuffer(channels.length, frames, rate);
  channels.forEach((data, c) => buffer.copyToChannel(data as Float32Array<ArrayBuffer>, c));
  // Each read at the end of its quantum; a read at 0 or past the end is the meters as the audio ended.
  const frameOf = reads.map((read) => {
    const at = Math.round(read / RENDER_QUANTUM_FRAMES) * RENDER_QUANTUM_FRAMES;
    return at <= 0 || at >= length ? length : at;
  });
  const publishAtFrames = [...new Set(frameOf)].sort((a, b) => a - b);
  // The processor stops with the render, so the context and its kernel can be collected after it.
  const node = await GainstageNode.create(context, { forceMessagePort: true, publishAtFrames, stopAtFrame: length });
  const byFrame = new Map<number, PointSnapshot>();
  const ended = new Promise<void>((resolve) => {
    node.onSnapshot((snapshot) => {
      if (!byFrame.has(snapshot.frame)) byFrame.set(snapshot.frame, snapshot);
      if (snapshot.frame >= length) resolve();
    });
  });
  const source = new AudioBufferSourceNode(context, { buffer });
  source.connect(node).connect(context.destination);
  source.start(0);
  await context.startRendering();
  // Messages keep their order, so the last one (as the audio ended) comes after every other.
  await ended;
  node.dispose();
  return frameOf.map((frame, i) => {
    const snapshot = byFrame.get(frame);
    if (!snapshot) throw new GainstageError(`no meter snapshot at frame ${reads[i]}`);
    return snapshot.before;
  });
};
