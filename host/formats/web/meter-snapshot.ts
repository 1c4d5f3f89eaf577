/**
 * The meter snapshot in shared memory: the audio thread writes the kernel's readout at display
 * rate (no allocation), the UI reads it on requestAnimationFrame. A sequence counter (seqlock)
 * makes each read consistent. Until the UI has read a snapshot, the next write merges every
 * "max since read" field with max(), so no peak is lost however slowly the UI polls.
 */
import { AUTO_TRIM_BLOCK, READOUT_SLOTS, SINCE_READ_SLOTS, tapBlock } from "../../declaration/layout.js";
import { decodeTap, decodeAutoTrim, type TapReadings, type AutoTrimReadings } from "../../model/readings.js";
import { isShared, sharedMemory } from "./shared-memory.js";

/** Int32 header: sequence (odd while writing), consumed flag (1 = UI has read the last write). */
const SEQUENCE = 0;
const CONSUMED = 1;
const HEADER_BYTES = 16;

/** f64 fields ahead of the readout. */
export const SnapshotField = {
  /** AudioContext frame at the end of the last metered quantum. */
  FRAME: 0,
  SAMPLE_RATE: 1,
  CHANNELS: 2,
  /** 1 when this point is linked to its partner and saw its data in the same quantum. */
  LINKED: 3,
  /** Audio-thread overruns of the event queue (events that waited for room). */
  QUEUE_FULL_COUNT: 4,
  /** POST: frames of the latency capture taken so far (capture.ts), so its progress shows either way. */
  CAPTURE_FRAMES: 5,
} as const;
const META_FIELDS = 8;
export const SNAPSHOT_SLOTS = META_FIELDS + READOUT_SLOTS;

export const SNAPSHOT_BYTES = HEADER_BYTES + SNAPSHOT_SLOTS * 8;

export function createSnapshotStorage(): SharedArrayBuffer {
  return sharedMemory(SNAPSHOT_BYTES);
}

/** Memory for a snapshot that only one thread touches (the message way's two ends). */
export function createLocalSnapshotStorage(): ArrayBuffer {
  return new ArrayBuffer(SNAPSHOT_BYTES);
}

/**
 * The writing side: the audio thread over shared memory; without it, the audio thread into memory
 * of its own (sent as messages, `merge` off: each message carries the maxima since the last one)
 * and the main thread again, taking each message into memory its reader reads (`merge` on), so
 * both ways keep every "max since read" until the UI reads it.
 */
export class SnapshotWriter {
  private readonly header: Int32Array;
  readonly values: Float64Array;
  private readonly mergeSlots = Int32Array.from(SINCE_READ_SLOTS);
  private readonly kept = new Float64Array(this.mergeSlots.length);
  /** Whether a reader marks what it read (then unread maxima are merged into the next write). */
  private readonly merge: boolean;

  constructor(storage: SharedArrayBuffer | ArrayBuffer, merge = isShared(storage)) {
    this.merge = merge;
    this.header = new Int32Array(storage, 0, 4);
    this.values = new Float64Array(storage, HEADER_BYTES, SNAPSHOT_SLOTS);
    Atomics.store(this.header, CONSUMED, 1);
  }

  /** Publishes `readout` (READOUT_SLOTS values) with the meta fields. [audio thread] */
  write(
    readout: Float64Array,
    frame: number,
    sampleRate: number,
    channels: number,
    linked: number,
    queueFull: number,
    captureFrames: number,
  ): void {
    const consumed = this.begin();
    const values = this.values;
    values.set(readout, META_FIELDS);
    values[SnapshotField.FRAME] = frame;
    values[SnapshotField.SAMPLE_RATE] = sampleRate;
    values[SnapshotField.CHANNELS] = channels;
    values[SnapshotField.LINKED] = linked;
    values[SnapshotField.QUEUE_FULL_COUNT] = queueFull;
    values[SnapshotField.CAPTURE_FRAMES] = captureFrames;
    this.end(consumed);
  }

  /** Takes a whole snapshot that came as a message (SNAPSHOT_SLOTS values). [main thread] */
  writeCopy(snapshot: Float64Array): void {
    const consumed = this.begin();
    this.values.set(snapshot);
    this.end(consumed);
  }

  /** Opens a write: the sequence goes odd, and unread maxima are kept aside. Returns whether the last write was read. */
  private begin(): number {
    const consumed = this.merge ? Atomics.exchange(this.header, CONSUMED, 0) : 1;
    Atomics.add(this.header, SEQUENCE, 1);
    const slots = this.mergeSlots;
    if (consumed === 0) for (let i = 0; i < slots.length; i++) this.kept[i] = this.values[META_FIELDS + slots[i]!]!;
    return consumed;
  }

  /** Closes a write: each unread "max since read" keeps the larger; the sequence goes even. */
  private end(consumed: number): void {
    const slots = this.mergeSlots,
      values = this.values;
    if (consumed === 0) {
      for (let i = 0; i < slots.length; i++) {
        const at = META_FIELDS + slots[i]!;
        if (this.kept[i]! > values[at]!) values[at] = this.kept[i]!;
      }
    }
    Atomics.add(this.header, SEQUENCE, 1);
  }
}

export interface PointSnapshot {
  frame: number;
  sampleRate: number;
  channels: number;
  linked: boolean;
  queueFullCount: number;
  /** POST: frames of the latency capture taken so far. */
  captureFrames: number;
  /** Tap before the trim (IN at PRE, RETURN at POST). */
  before: TapReadings;
  /** Tap after the trim (SEND at PRE, OUT at POST). */
  after: TapReadings;
  /** Auto-trim: what Learn/Ride decided and why, and the kernel's trims now. */
  autoTrim: AutoTrimReadings;
}

/** Main thread side. Reading marks the snapshot consumed (its maxima start over). */
export class SnapshotReader {
  private readonly header: Int32Array;
  private readonly values: Float64Array;
  private readonly copy = new Float64Array(SNAPSHOT_SLOTS);

  constructor(storage: SharedArrayBuffer | ArrayBuffer) {
    this.header = new Int32Array(storage, 0, 4);
    this.values = new Float64Array(storage, HEADER_BYTES, SNAPSHOT_SLOTS);
  }

  /** The latest consistent snapshot, or null if none was written yet (or the writer is busy). */
  read(): PointSnapshot | null {
    for (let attempt = 0; attempt < 8; attempt++) {
      const before = Atomics.load(this.header, SEQUENCE);
      if (before % 2 === 1) continue;
      this.copy.set(this.values);
      if (Atomics.load(this.header, SEQUENCE) !== before) continue;
      if (before === 0 && this.copy[SnapshotField.SAMPLE_RATE] === 0) return null;
      Atomics.store(this.header, CONSUMED, 1);
      return decodeSnapshot(this.copy);
    }
    return null;
  }
}

export function decodeSnapshot(values: Float64Array): PointSnapshot {
  const channels = values[SnapshotField.CHANNELS]!;
  const readout = values.subarray(META_FIELDS);
  return {
    frame: values[SnapshotField.FRAME]!,
    sampleRate: values[SnapshotField.SAMPLE_RATE]!,
    channels,
    linked: values[SnapshotField.LINKED] === 1,
    queueFullCount: values[SnapshotField.QUEUE_FULL_COUNT]!,
    captureFrames: values[SnapshotField.CAPTURE_FRAMES]!,
    before: decodeTap(readout, tapBlock(0), channels),
    after: decodeTap(readout, tapBlock(1), channels),
    autoTrim: decodeAutoTrim(readout, AUTO_TRIM_BLOCK),
  };
}
