/**
 * The meter snapshot in shared memory: the audio thread writes the kernel's readout at display
 * rate (no allocation), the UI reads it on requestAnimationFrame. A sequence counter (seqlock)
 * makes each read consistent. Until the UI has read a snapshot, the next write merges every
 * "max since read" field with max(), so no peak is lost however slowly the UI polls.
 */
import { AUTO_TRIM_BLOCK, READOUT_SLOTS, SINCE_READ_SLOTS, tapBlock } from "../../declaration/layout.js";
import { decodeTap, decodeAutoTrim, type TapReadings, type AutoTrimReadings } from "../../model/readings.js";

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
} as const;
const META_FIELDS = 8;
export const SNAPSHOT_SLOTS = META_FIELDS + READOUT_SLOTS;

export function createSnapshotStorage(): SharedArrayBuffer {
  return new SharedArrayBuffer(HEADER_BYTES + SNAPSHOT_SLOTS * 8);
}

/** Audio thread side (also works over a plain ArrayBuffer for the message-port fallback). */
export class SnapshotWriter {
  private readonly header: Int32Array;
  readonly values: Float64Array;
  private readonly mergeSlots = Int32Array.from(SINCE_READ_SLOTS);
  private readonly kept = new Float64Array(this.mergeSlots.length);

  constructor(storage: SharedArrayBuffer | ArrayBuffer) {
    this.header = new Int32Array(storage, 0, 4);
    this.values = new Float64Array(storage, HEADER_BYTES, SNAPSHOT_SLOTS);
    Atomics.store(this.header, CONSUMED, 1);
  }

  /** Publishes `readout` (READOUT_SLOTS values) with the meta fields. */
  write(
    readout: Float64Array,
    frame: number,
    sampleRate: number,
    channels: number,
    linked: number,
    queueFull: number,
  ): void {
    const shared = this.header.buffer instanceof SharedArrayBuffer;
    const consumed = shared ? Atomics.exchange(this.header, CONSUMED, 0) : 1;
    if (shared) Atomics.add(this.header, SEQUENCE, 1);
    const values = this.values;
    const slots = this.mergeSlots,
      kept = this.kept;
    if (consumed === 0) {
      // Not read yet: current values are overwritten, each "max since read" keeps the larger.
      for (let i = 0; i < slots.length; i++) kept[i] = values[META_FIELDS + slots[i]!]!;
    }
    values.set(readout, META_FIELDS);
    if (consumed === 0) {
      for (let i = 0; i < slots.length; i++) {
        const at = META_FIELDS + slots[i]!;
        if (kept[i]! > values[at]!) values[at] = kept[i]!;
      }
    }
    values[SnapshotField.FRAME] = frame;
    values[SnapshotField.SAMPLE_RATE] = sampleRate;
    values[SnapshotField.CHANNELS] = channels;
    values[SnapshotField.LINKED] = linked;
    values[SnapshotField.QUEUE_FULL_COUNT] = queueFull;
    if (shared) Atomics.add(this.header, SEQUENCE, 1);
  }
}

export interface PointSnapshot {
  frame: number;
  sampleRate: number;
  channels: number;
  linked: boolean;
  queueFullCount: number;
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
    before: decodeTap(readout, tapBlock(0), channels),
    after: decodeTap(readout, tapBlock(1), channels),
    autoTrim: decodeAutoTrim(readout, AUTO_TRIM_BLOCK),
  };
}
