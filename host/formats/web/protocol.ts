/** What the main thread and the processor agree on: the registered name, options and the comlink API. */
import type { Role } from "../../core/plugin.js";

export type { Role };
export const PROCESSOR_NAME = "gainstage-point";

/**
 * On the return ring, a parameter id plus this is a change that arrived as automation on the
 * audio thread (another WAM's events), reported so the main thread's store follows what the
 * audio hears; the node takes it into the store without sending it anywhere again.
 */
export const AUTOMATION_REPORT_ID_OFFSET = 0x10000;

export interface ProcessorOptions {
  module: WebAssembly.Module;
  role: Role;
  /** Pairs PRE and POST inside the worklet scope; null for a single point. */
  linkId: string | null;
  /** SharedArrayBuffers when cross-origin isolated; null = message-port fallback. */
  eventStorage: SharedArrayBuffer | null;
  /** The ring the processor sends the kernel's own moves back on (Ride, Learn); null = port messages. */
  movesStorage: SharedArrayBuffer | null;
  snapshotStorage: SharedArrayBuffer | null;
  /** Where POST captures A and RETURN to measure the insert's latency (capture.ts); null without shared memory. */
  captureStorage: SharedArrayBuffer | null;
  snapshotEveryQuanta: number;
  /**
   * Context frames (ascending, each the end of a render quantum) at which to publish a snapshot,
   * instead of every snapshotEveryQuanta: an offline render that reads its meters at given times.
   * Empty: publish at display rate.
   */
  publishAtFrames: number[];
  /** Parameter values applied before the first frame: [table id, value, …]. */
  initialParams: number[];
  /** Table ids whose AudioParam automation this point follows (its own parameters). */
  automatedIds: number[];
  /**
   * The context frame after which the processor stops for good (0: never): an offline render
   * knows its length, and a processor that keeps running keeps its context, its worklet scope and
   * the kernel's memory alive after the render, since no message reaches it once rendering ended.
   */
  stopAtFrame: number;
}

export interface ProcessorInfo {
  role: Role;
  sampleRate: number;
  channels: number;
  transport: "shared-memory" | "message-port";
  memoryBytes: number;
  quanta: number;
}

/** Control calls over comlink (rare: info, fallback events, disposal), never per block. */
export interface ProcessorApi {
  info(): ProcessorInfo;
  pushEvents(flat: number[]): void;
  /** Joins the pair `linkId` as PRE or POST, or works alone (null, "single"). */
  pair(linkId: string | null, role: Role): void;
  /** Without shared memory: POST starts a latency capture, sent back as one message when full. */
  startCapture(): void;
  dispose(): void;
}

/** What the processor posts without shared memory. */
export interface SentCapture {
  a: Float32Array;
  back: Float32Array;
}
export interface SentSnapshot {
  /** The snapshot's values (meter-snapshot.ts layout, without the header). */
  gainstageSnapshot: Float64Array;
  /** The kernel's moves since the last snapshot: [id, value, frame, …]. */
  gainstageMoves: Float64Array;
  /** POST's finished latency capture, once per request. */
  gainstageCapture: SentCapture;
}
