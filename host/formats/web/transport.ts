/**
 * How a point's node and its processor talk, one of two ways, chosen once per node:
 * - shared memory (the page is cross-origin isolated): parameter events go through a ring with
 *   frame timing, the kernel's moves come back through another, meters through a snapshot the
 *   processor writes at display rate, and POST's latency capture through a shared buffer;
 * - port messages (no isolation: most static hosting, many web DAWs): the events of one task go in
 *   one message, and the snapshot (with the moves since the last one) comes back as a message at
 *   display rate; a latency capture is asked for by a control call and comes back as one message.
 *   Nothing per block in either direction.
 * Both give the same readings (the same kernel writes the same snapshot). Whether memory can be
 * shared is asked of shared-memory.ts, the one file that names the global.
 * Thread: main thread.
 */
import type * as Comlink from "comlink";
import { CAPTURE_FRAMES, CaptureMemory, createCaptureStorage } from "./capture.js";
import { ParamEventDrain, ParamEventWriter, createEventStorage } from "./event-ring.js";
import { GainstageError } from "./loading.js";
import {
  SnapshotReader,
  SnapshotWriter,
  createLocalSnapshotStorage,
  createSnapshotStorage,
  decodeSnapshot,
  type PointSnapshot,
} from "./meter-snapshot.js";
import type { ProcessorApi, SentCapture, SentSnapshot } from "./protocol.js";
import { canShareMemory } from "./shared-memory.js";

export { canShareMemory };
export type TransportKind = "shared-memory" | "message-port";

/** POST's latency capture as the node sees it, whichever way it travels. */
export interface LatencyCapture {
  /** Starts a new capture from the next quantum. */
  start(): void;
  readonly done: boolean;
  /** Frames captured so far (0 … CAPTURE_FRAMES). */
  readonly frames: number;
  /** The captured A and RETURN; the capture goes idle. */
  take(): { a: Float32Array; back: Float32Array };
}

/** Without shared memory: the capture asked for by a control call, its progress and result by message. */
class SentLatencyCapture implements LatencyCapture {
  private result: { a: Float32Array; back: Float32Array } | null = null;
  private progress = 0;

  constructor(private readonly ask: () => void) {}

  start(): void {
    this.result = null;
    this.progress = 0;
    this.ask();
  }
  get done(): boolean {
    return this.result !== null;
  }
  get frames(): number {
    return this.result ? CAPTURE_FRAMES : this.progress;
  }
  take(): { a: Float32Array; back: Float32Array } {
    const result = this.result ?? { a: new Float32Array(CAPTURE_FRAMES), back: new Float32Array(CAPTURE_FRAMES) };
    this.result = null;
    return result;
  }
  /** The processor's messages: progress with each snapshot, the capture once. */
  noteProgress(frames: number): void {
    this.progress = frames;
  }
  arrive(capture: SentCapture): void {
    this.result = capture;
  }
}

/** The buffers a processor is given: shared ones, or nulls for the message-port way. */
export interface TransportStorage {
  eventStorage: SharedArrayBuffer | null;
  movesStorage: SharedArrayBuffer | null;
  snapshotStorage: SharedArrayBuffer | null;
  captureStorage: SharedArrayBuffer | null;
}

/** The transport is said once per page, quietly (the console's info level). */
let transportSaid = false;

type SnapshotListener = (snapshot: PointSnapshot) => void;
type MoveHandler = (id: number, value: number, frame: number) => void;

export class PointTransport {
  readonly kind: TransportKind;
  readonly storage: TransportStorage;
  private readonly writer: ParamEventWriter | null;
  private readonly moves: ParamEventDrain | null;
  private readonly reader: SnapshotReader;
  /** The message way: each snapshot that arrives is written here, merged like shared memory's. */
  private readonly received: SnapshotWriter | null;
  readonly capture: LatencyCapture;
  private readonly sentCapture: SentLatencyCapture | null;
  private readonly listeners = new Set<SnapshotListener>();
  private latest: PointSnapshot | null = null;
  private pending: number[] = [];
  private api: Comlink.Remote<ProcessorApi> | null = null;

  constructor(shared: boolean) {
    this.kind = shared ? "shared-memory" : "message-port";
    if (!transportSaid) {
      transportSaid = true;
      const way = shared ? "shared memory" : "port messages (the page is not cross-origin isolated)";
      console.info(`Gainstage: parameters and meters via ${way}`);
    }
    this.storage = {
      eventStorage: shared ? createEventStorage() : null,
      movesStorage: shared ? createEventStorage() : null,
      snapshotStorage: shared ? createSnapshotStorage() : null,
      captureStorage: shared ? (createCaptureStorage(true) as SharedArrayBuffer) : null,
    };
    const { eventStorage, movesStorage, snapshotStorage, captureStorage } = this.storage;
    this.writer = eventStorage ? new ParamEventWriter(eventStorage) : null;
    this.moves = movesStorage ? new ParamEventDrain(movesStorage) : null;
    const readable = snapshotStorage ?? createLocalSnapshotStorage();
    this.reader = new SnapshotReader(readable);
    this.received = snapshotStorage ? null : new SnapshotWriter(readable, true);
    this.sentCapture = captureStorage ? null : new SentLatencyCapture(() => void this.api?.startCapture());
    this.capture = captureStorage ? new CaptureMemory(captureStorage) : this.sentCapture!;
  }

  /** Listens on the node's port for what the processor sends without shared memory. */
  attach(port: MessagePort, api: Comlink.Remote<ProcessorApi>, onMove: MoveHandler): void {
    this.api = api;
    port.addEventListener("message", (event: MessageEvent) => {
      const data = event.data as Partial<SentSnapshot> | null;
      if (data?.gainstageCapture) this.sentCapture?.arrive(data.gainstageCapture);
      if (!data?.gainstageSnapshot) return;
      this.received?.writeCopy(data.gainstageSnapshot);
      const snapshot = decodeSnapshot(data.gainstageSnapshot);
      this.sentCapture?.noteProgress(snapshot.captureFrames);
      const moves = data.gainstageMoves;
      for (let i = 0; moves && i + 2 < moves.length; i += 3) onMove(moves[i]!, moves[i + 1]!, moves[i + 2]!);
      for (const listener of this.listeners) listener(snapshot);
    });
    port.start();
  }

  /**
   * Calls `listener` with every snapshot that arrives as a message (the message way only: shared
   * memory keeps the latest alone). Returns the function that stops it.
   */
  onSnapshot(listener: SnapshotListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
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
    const snapshot = this.reader.read() ?? this.latest;
    if (snapshot) this.latest = snapshot;
    return snapshot;
  }
}
