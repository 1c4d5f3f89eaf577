/**
 * Capturing what POST compares, for measuring the insert's latency: on request the processor
 * copies A (what entered PRE, from the link) and RETURN (what came back into POST), each summed
 * to mono, into a SharedArrayBuffer until it is full; the node then reads both
 * (host/app/latency.ts finds the lag). The audio side only copies into memory made at
 * construction: nothing allocates, nothing is posted.
 */
/** Frames captured: enough for a lag of up to 32767 frames (insertLatencyFrames' maximum) over a 32768-frame window. */
export const CAPTURE_FRAMES = 65536;
const STATE = 0;
const WRITTEN = 1;
const HEADER_BYTES = 16;
/** Capture states in the header. */
const IDLE = 0,
  CAPTURING = 1,
  DONE = 2;

export function createCaptureStorage(): SharedArrayBuffer {
  return new SharedArrayBuffer(HEADER_BYTES + 2 * CAPTURE_FRAMES * 4);
}

function views(storage: SharedArrayBuffer) {
  return {
    header: new Int32Array(storage, 0, 4),
    a: new Float32Array(storage, HEADER_BYTES, CAPTURE_FRAMES),
    back: new Float32Array(storage, HEADER_BYTES + CAPTURE_FRAMES * 4, CAPTURE_FRAMES),
  };
}

/** The processor's side. [audio thread] */
export class CaptureWriter {
  private readonly header: Int32Array;
  private readonly a: Float32Array;
  private readonly back: Float32Array;

  constructor(storage: SharedArrayBuffer) {
    ({ header: this.header, a: this.a, back: this.back } = views(storage));
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

/** The node's side. [main thread] */
export class CaptureReader {
  private readonly header: Int32Array;
  private readonly a: Float32Array;
  private readonly back: Float32Array;

  constructor(storage: SharedArrayBuffer) {
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
