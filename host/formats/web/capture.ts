/**
 * Capturing what POST compares, for measuring the insert's latency: on request the processor
 * copies A (what entered PRE, from the link) and RETURN (what came back into POST), each summed
 * to mono, into memory made at construction until it is full; the node then reads both
 * (host/app/latency.ts finds the lag). With shared memory the node reads the same memory and
 * nothing is posted; without it, the request comes as a control call and the full capture goes
 * back as one message (one per measurement, not per block).
 */
import { isShared, memoryFor } from "./shared-memory.js";

/** Frames captured: enough for a lag of up to 32767 frames (insertLatencyFrames' maximum) over a 32768-frame window. */
export const CAPTURE_FRAMES = 65536;
const STATE = 0;
const WRITTEN = 1;
const HEADER_BYTES = 16;
/** Capture states in the header. */
const IDLE = 0,
  CAPTURING = 1,
  DONE = 2;

const CAPTURE_BYTES = HEADER_BYTES + 2 * CAPTURE_FRAMES * 4;

/** The capture's memory: shared with the node, or the processor's own (`shared` false). */
export function createCaptureStorage(shared: boolean): SharedArrayBuffer | ArrayBuffer {
  return memoryFor(CAPTURE_BYTES, shared);
}

function views(storage: SharedArrayBuffer | ArrayBuffer) {
  return {
    header: new Int32Array(storage, 0, 4),
    a: new Float32Array(storage, HEADER_BYTES, CAPTURE_FRAMES),
    back: new Float32Array(storage, HEADER_BYTES + CAPTURE_FRAMES * 4, CAPTURE_FRAMES),
  };
}

/** The capture's memory, as either side sees it. [main thread, or audio thread between quanta] */
export class CaptureMemory {
  protected readonly header: Int32Array;
  protected readonly a: Float32Array;
  protected readonly back: Float32Array;

  constructor(storage: SharedArrayBuffer | ArrayBuffer) {
    ({ header: this.header, a: this.a, back: this.back } = views(storage));
  }

  /** Starts a new capture from the next quantum. */
  start(): void {
    Atomics.store(this.header, WRITTEN, 0);
    Atomics.store(this.header, STATE, CAPTURING);
  }

  get done(): boolean {
    return Atomics.load(this.header, STATE) === DONE;
  }

  /** Frames captured so far (0 … CAPTURE_FRAMES). */
  get frames(): number {
    return Atomics.load(this.header, WRITTEN);
  }

  /** Copies of the captured A and RETURN; the capture goes idle. */
  take(): { a: Float32Array; back: Float32Array } {
    Atomics.store(this.header, STATE, IDLE);
    return { a: this.a.slice(), back: this.back.slice() };
  }
}

/** The processor's side. [audio thread] */
export class CaptureWriter extends CaptureMemory {
  /** Whether the node reads this memory itself (otherwise the capture is sent when done). */
  readonly shared: boolean;

  constructor(storage: SharedArrayBuffer | ArrayBuffer) {
    super(storage);
    this.shared = isShared(storage);
  }

  /** Without shared memory: the finished capture, once, to send (null while capturing or idle). */
  takeFinished(): { a: Float32Array; back: Float32Array } | null {
    return this.done ? this.take() : null;
  }

  /** Appends one quantum of A and RETURN (planar channel views, summed to mono) while capturing. */
  write(a: Float32Array[], aChannels: number, back: Float32Array[], backChannels: number, frames: number): void {
    if (Atomics.load(this.header, STATE) !== CAPTURING) return;
    let at = Atomics.load(this.header, WRITTEN);
    const n = Math.min(frames, CAPTURE_FRAMES - at);
    for (let i = 0; i < n; i++, at++) {
      let x = 0,
        y = 0;
      for (let c = 0; c < aChannels; c++) x += a[c]![i]!;
      for (let c = 0; c < backChannels; c++) y += back[c]![i]!;
      this.a[at] = Number.isFinite(x) ? x : 0;
      this.back[at] = Number.isFinite(y) ? y : 0;
    }
    Atomics.store(this.header, WRITTEN, at);
    if (at >= CAPTURE_FRAMES) Atomics.store(this.header, STATE, DONE);
  }
}
