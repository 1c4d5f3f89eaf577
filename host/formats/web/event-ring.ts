/**
 * Events between the main thread and the audio thread through SharedArrayBuffer rings (ringbuf.js:
 * single producer, single consumer, wait-free): (id, plain value, frame), frame being the
 * AudioContext frame (currentFrame). One ring carries the host's parameter changes and commands
 * to the processor (port messages feed the same reader when the page is not cross-origin
 * isolated); a second carries back the moves the kernel made itself (Ride, Learn), which the node
 * drains into the parameter store — automation a host can record. The audio side keeps early
 * events in a fixed-size list sorted by frame, so a render quantum is split at each event's exact
 * frame. Nothing on the audio side allocates.
 */
import { RingBuffer } from "ringbuf.js";
import type { EventSink, EventSource } from "../../core/events.js";

/** Slots per event: id, value, frame. */
const EVENT_SLOTS = 3;
export const EVENT_CAPACITY = 1024;

export function createEventStorage(): SharedArrayBuffer {
  return RingBuffer.getStorageForCapacity(EVENT_CAPACITY * EVENT_SLOTS, Float64Array);
}

/** The producing side of a ring (the main thread to the processor, or the processor back). */
export class ParamEventWriter implements EventSink {
  private readonly ring: RingBuffer;
  private readonly event = new Float64Array(EVENT_SLOTS);

  constructor(storage: SharedArrayBuffer) {
    this.ring = new RingBuffer(storage, Float64Array);
  }

  /** Queues an event; false if the queue is full (the caller reports it, nothing is half-sent). */
  push(id: number, value: number, frame: number): boolean {
    if (this.ring.availableWrite() < EVENT_SLOTS) return false;
    this.event[0] = id;
    this.event[1] = value;
    this.event[2] = frame;
    return this.ring.push(this.event) === EVENT_SLOTS;
  }
}

/** The processor's side of the host's ring: events sorted by frame, as the plugin consumes them. */
export class ParamEventReader implements EventSource {
  private readonly ring: RingBuffer | null;
  private readonly popped = new Float64Array(EVENT_SLOTS * 64);
  /** Pending events sorted by frame (stable): id, value, frame. */
  private readonly pending = new Float64Array(EVENT_CAPACITY * EVENT_SLOTS);
  private count = 0;
  private head = 0;

  constructor(storage: SharedArrayBuffer | null) {
    this.ring = storage ? new RingBuffer(storage, Float64Array) : null;
  }

  /** Moves every queued event into the sorted pending list (as far as it has room). */
  collect(): void {
    if (!this.ring) return;
    for (;;) {
      const room = Math.min(this.popped.length, (EVENT_CAPACITY - this.size()) * EVENT_SLOTS);
      const available = this.ring.availableRead() - (this.ring.availableRead() % EVENT_SLOTS);
      const take = Math.min(room, available);
      if (take <= 0) return;
      const got = this.ring.pop(this.popped, take);
      for (let at = 0; at + EVENT_SLOTS <= got; at += EVENT_SLOTS) {
        this.insert(this.popped[at]!, this.popped[at + 1]!, this.popped[at + 2]!);
      }
    }
  }

  /** Adds one event (message-port fallback, or from collect). False when the list is full. */
  insert(id: number, value: number, frame: number): boolean {
    if (this.size() >= EVENT_CAPACITY) return false;
    if (this.head > 0 && this.head + this.count >= EVENT_CAPACITY) this.compact();
    // Insertion sort from the back: events usually arrive in order, so this is O(1).
    let at = this.head + this.count;
    while (at > this.head && this.pending[(at - 1) * EVENT_SLOTS + 2]! > frame) {
      this.pending.copyWithin(at * EVENT_SLOTS, (at - 1) * EVENT_SLOTS, at * EVENT_SLOTS);
      at--;
    }
    this.pending[at * EVENT_SLOTS] = id;
    this.pending[at * EVENT_SLOTS + 1] = value;
    this.pending[at * EVENT_SLOTS + 2] = frame;
    this.count++;
    return true;
  }

  size(): number {
    return this.count;
  }

  /** Frame of the earliest pending event, or Infinity. */
  nextFrame(): number {
    return this.count > 0 ? this.pending[this.head * EVENT_SLOTS + 2]! : Infinity;
  }

  nextId(): number {
    return this.pending[this.head * EVENT_SLOTS]!;
  }
  nextValue(): number {
    return this.pending[this.head * EVENT_SLOTS + 1]!;
  }

  /** Drops the pending events due at or after `fromFrame` (scheduled automation a host withdraws). */
  clearFrom(fromFrame: number): void {
    let kept = 0;
    while (kept < this.count && this.pending[(this.head + kept) * EVENT_SLOTS + 2]! < fromFrame) kept++;
    this.count = kept;
    if (kept === 0) this.head = 0;
  }

  /** Drops the earliest pending event (after the caller applied it). */
  shift(): void {
    if (this.count === 0) return;
    this.head++;
    this.count--;
    if (this.count === 0) this.head = 0;
  }

  private compact(): void {
    this.pending.copyWithin(0, this.head * EVENT_SLOTS, (this.head + this.count) * EVENT_SLOTS);
    this.head = 0;
  }
}

/** The node's side of the processor's ring: every event waiting, in order. Main thread. */
export class ParamEventDrain {
  private readonly ring: RingBuffer;
  private readonly event = new Float64Array(EVENT_SLOTS);

  constructor(storage: SharedArrayBuffer) {
    this.ring = new RingBuffer(storage, Float64Array);
  }

  drain(visit: (id: number, value: number, frame: number) => void): void {
    while (this.ring.availableRead() >= EVENT_SLOTS && this.ring.pop(this.event) === EVENT_SLOTS)
      visit(this.event[0]!, this.event[1]!, this.event[2]!);
  }
}
