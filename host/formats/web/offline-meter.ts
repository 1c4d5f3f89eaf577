/**
 * The live worklet path as a case meter for the self-test (host/conformance): each signal
 * plays through a fresh GainstageNode — the processor, kernel and shared-memory snapshot the app
 * uses — in an OfflineAudioContext at the rate asked for, and the meters are read by suspending
 * the rendering at each read (render-quantum resolution) and once at the end. Deterministic and
 * faster than real time. Needs cross-origin isolation (the snapshot is shared memory: a message
 * would arrive after the rendering had moved on). Thread: main thread.
 */
import type { TapReadings } from "../../model/readings.js";
import type { CaseMeter } from "../../conformance/self-test.js";
import { GainstageError, GainstageNode } from "./node.js";

/** Web Audio renders in quanta of 128 frames; a suspension lands on a quantum boundary. */
const RENDER_QUANTUM_FRAMES = 128;

export const workletCaseMeter: CaseMeter = async (rate, channels, reads) => {
  if (!globalThis.crossOriginIsolated)
    throw new GainstageError("the self-test needs the page to be cross-origin isolated (shared-memory meters)");
  const frames = channels[0]!.length;
  const length = Math.ceil(frames / RENDER_QUANTUM_FRAMES) * RENDER_QUANTUM_FRAMES;
  const context = new OfflineAudioContext({ numberOfChannels: channels.length, length, sampleRate: rate });
  const buffer = context.createBuffer(channels.length, frames, rate);
  channels.forEach((data, c) => buffer.copyToChannel(data as Float32Array<ArrayBuffer>, c));
  // One snapshot per render quantum, so a suspension always finds the meters as of that frame.
  // The processor stops with the render, so the context and its kernel can be collected after it.
  const node = await GainstageNode.create(context, { snapshotHz: rate / RENDER_QUANTUM_FRAMES, stopAtFrame: length });
  const source = new AudioBufferSourceNode(context, { buffer });
  source.connect(node).connect(context.destination);
  source.start(0);

  const readings: (TapReadings | null)[] = reads.map(() => null);
  const atEnd: number[] = [];
  const byQuantum = new Map<number, number[]>();
  reads.forEach((read, i) => {
    const at = Math.round(read / RENDER_QUANTUM_FRAMES) * RENDER_QUANTUM_FRAMES;
    if (at <= 0 || at >= length) atEnd.push(i);
    else byQuantum.set(at, [...(byQuantum.get(at) ?? []), i]);
  });
  const take = (indices: number[]) => {
    const snapshot = node.meters();
    for (const i of indices) readings[i] = snapshot?.before ?? null;
  };
  for (const [at, indices] of byQuantum)
    void context.suspend(at / rate).then(() => {
      take(indices);
      return context.resume();
    });
  await context.startRendering();
  take(atEnd);
  node.dispose();
  const missing = readings.indexOf(null);
  if (missing >= 0) throw new GainstageError(`no meter snapshot at frame ${reads[missing]}`);
  return readings as TapReadings[];
};
