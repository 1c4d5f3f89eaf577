/**
 * How a point's node and its processor talk, one of two ways, chosen once per node:
 * - shared memory (the page is cross-origin isolated): parameter events go through a ring with
 *   frame timing, the kernel's moves come back through another, meters through a snapshot the
 *   processor writes at display rate, and POST's latency capture through a shared buffer;
 * - port messages (no isolation: most static hosting, many web DAWs): the events of one task go in
 *   one message, and the snapshot (with the moves since the last one) comes back as a message at
 *   display rate. Nothing per block in either direction.
 * Everything that names SharedArrayBuffer is here, guarded: a page without it never touches it.
 * Thread: main thread.
 */
import type * as Comlink from "comlink";
import { CaptureReader, createCaptureStorage } from "./capture.js";
import { ParamEventDrain, ParamEventWriter, createEventStorage } from "./event-ring.js";
import { GainstageError } from "./loading.js";
import { SnapshotReader, createSnapshotStorage, decodeSnapshot, type PointSnapshot } from "./meter-snapshot.js";
import type { ProcessorApi } from "./protocol.js";

export type TransportKind = "shared-memory" | "message-port";

/** Whether this page can share memory with its audio thread (cross-origin isolated, with the global present). */
export function canShareMemory(): boolean {
  return globalThis.crossOriginIsolated === true && typeof globalThis.SharedArrayBuffer === "function";
}

/** The buffers a processor is given: shared ones, or nulls for the message-port way. */
export interface TransportStorage {
  eventStorage: SharedArrayBuffer | null;
  movesStorage: SharedArrayBuffer | null;
  snapshotStorage: SharedArrayBuffer | null;
  captureStorage: SharedArrayBuffer | null;
}

type MoveHandler = (id: number, value: number, frame: number) => void;

export class PointTransport {
  readonly kind: TransportKind;
  readonly storage: TransportStorage;
  private readonly writer: ParamEventWriter | null;
  private readonly moves: ParamEventDrain | null;
  private readonly reader: SnapshotReader | null;
  readonly capture: CaptureReader | null;
  private latest: PointSnapshot | null = null;
  private pending: number[] = [];
  private api: Comlink.Remote<ProcessorApi> | null = null;

  constructor(shared: boolean) {
    this.kind = shared ? "shared-memory" : "message-port";
    this.storage = {
      eventStorage: shared ? createEventStorage() : null,
      movesStorage: shared ? createEventStorage() : null,
      snapshotStorage: shared ? createSnapshotStorage() : null,
      captureStorage: shared ? createCaptureStorage() : null,
    };
    const { eventStorage, movesStorage, snapshotStorage, captureStorage } = this.storage;
    this.writer = eventStorage ? new ParamEventWriter(eventStorage) : null;
    this.moves = movesStorage ? new ParamEventDrain(movesStorage) : null;
    this.reader = snapshotStorage ? new SnapshotReader(snapshotStorage) : null;
    this.capture = captureStorage ? new CaptureReader(captureStorage) : null;
  }

  /** Listens on the node's port for what the processor sends without shared memory. */
  attach(port: MessagePort, api: Comlink.Remote<ProcessorApi>, onMove: MoveHandler): void {
    this.api = api;
    port.addEventListener("message", (event: MessageEvent) => {
      const data = event.data as { gainstageSnapshot?: Float64Array; gainstageMoves?: Float64Array } | null;
      if (data?.gainstageSnapshot) this.latest = decodeSnapshot(data.gainstageSnapshot);
      const moves = data?.gainstageMoves;
      for (let i = 0; moves && i + 2 < moves.length; i += 3) onMove(moves[i]!, moves[i + 1]!, moves[i + 2]!);
    });
    port.start();
  }

  /** Sends a parameter event (id, plain value, context frame; 0 = as soon as possible). */
  send(id: number, value: number, frame: number): void {
    if (this.writer) {
      if (!this.writer.push(id, value, frame))
        throw new GainstageError("parameter queue is full (more than 1024 changes pending)");
      return;
    }
    // The changes of one task go in one message.
    if (this.pending.length === 0) queueMicrotask(() => this.flush());
    this.pending.push(id, value, frame);
  }

  private flush(): void {
    const events = this.pending;
    this.pending = [];
    void this.api?.pushEvents(events);
  }

  /** Takes the kernel's moves from the return ring (the message way brings them with each snapshot). */
  drainMoves(onMove: MoveHandler): void {
    this.moves?.drain(onMove);
  }

  /** The latest meter snapshot (null before the first one); maxima since the previous call. */
  meters(): PointSnapshot | null {
    const snapshot = this.reader ? (this.reader.read() ?? this.latest) : this.latest;
    if (snapshot) this.latest = snapshot;
    return snapshot;
  }
}
