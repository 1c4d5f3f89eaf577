/**
 * The plugin's parameter values on the main thread (one store per plugin instance; a PRE/POST
 * pair shares one), and four snapshot slots that each hold a whole set of them. Every write is
 * validated against the parameter table; listeners (the nodes) forward changes to their
 * processors. Recalling a snapshot sets every parameter, and the kernel ramps each gain, so a
 * switch never clicks. Snapshots travel in the saved state. Thread: main thread.
 */
import { PARAMS, defaultValues, normalizeValue, paramByKey, textToValue, type ParamValues } from "./params.js";
import {
  parseState,
  type SavedState,
  type SnapshotSlot,
  type Snapshots,
  StateError,
  saveState,
  validateSnapshots,
  validateState,
} from "./state.js";

/** `origin` is whoever made the change (a node reporting its processor's move passes itself). */
export type ParamListener = (key: string, value: number, frame: number, origin: unknown) => void;

export class ParamStore {
  private values: ParamValues = defaultValues();
  private readonly listeners = new Set<ParamListener>();
  private slots: Snapshots = {};
  private readonly snapshotListeners = new Set<() => void>();

  /** Plain value of `key` (throws ParamError for an unknown key). */
  get(key: string): number {
    paramByKey(key);
    return this.values[key]!;
  }

  all(): ParamValues {
    return { ...this.values };
  }

  /**
   * Sets `key` to `value` (clamped to its range, stepped values rounded) from context frame
   * `frame` (0 = as soon as possible). Returns the value applied; throws ParamError for an
   * unknown key or a non-finite value, and then nothing changes.
   */
  set(key: string, value: number, frame = 0, origin: unknown = null): number {
    const spec = paramByKey(key);
    const plain = normalizeValue(spec, value);
    this.values[key] = plain;
    for (const listener of this.listeners) listener(key, plain, frame, origin);
    return plain;
  }

  /** Like set() from what a user typed ("−18,0 dB", "inverted"). */
  setText(key: string, text: string, frame = 0): number {
    return this.set(key, textToValue(paramByKey(key), text), frame);
  }

  save(): SavedState {
    return saveState(this.values, null, this.slots);
  }

  /** Validates the whole state first (StateError names what is wrong; nothing changes), then applies it, snapshots included. */
  load(state: string | unknown, frame = 0): void {
    const values = typeof state === "string" ? parseState(state) : validateState(state);
    const data = typeof state === "string" ? JSON.parse(state) : state;
    const snapshots = validateSnapshots(data as Record<string, unknown>);
    this.apply(values, frame);
    this.slots = snapshots;
    for (const listener of this.snapshotListeners) listener();
  }

  private apply(values: ParamValues, frame: number): void {
    for (const spec of PARAMS) {
      if (values[spec.key] === this.values[spec.key]) continue;
      this.set(spec.key, values[spec.key]!, frame);
    }
  }

  /** Keeps every parameter's value now in snapshot `slot` (replacing what it held). */
  storeSnapshot(slot: SnapshotSlot): void {
    this.slots = { ...this.slots, [slot]: { ...this.values } };
    for (const listener of this.snapshotListeners) listener();
  }

  /** Sets every parameter to snapshot `slot`'s values (ramped in the kernel); throws StateError if the slot is empty. */
  recallSnapshot(slot: SnapshotSlot, frame = 0): void {
    const values = this.slots[slot];
    if (!values) throw new StateError(`snapshot ${slot} is empty: store settings in it first`);
    this.apply(values, frame);
  }

  hasSnapshot(slot: SnapshotSlot): boolean {
    return this.slots[slot] !== undefined;
  }

  /** Calls `listener` whenever a snapshot is stored or the snapshots are loaded. */
  subscribeSnapshots(listener: () => void): () => void {
    this.snapshotListeners.add(listener);
    return () => this.snapshotListeners.delete(listener);
  }

  subscribe(listener: ParamListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
