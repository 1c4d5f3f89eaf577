/**
 * The plugin's parameter values on the main thread (one store per plugin instance; a PRE/POST
 * pair shares one). Every write is validated against the parameter table; listeners (the nodes)
 * forward changes to their processors. Thread: main thread.
 */
import { PARAMS, defaultValues, normalizeValue, paramByKey, textToValue, type ParamValues } from "./params.js";
import { parseState, saveState, validateState, type SavedState } from "./state.js";

/** `origin` is whoever made the change (a node reporting its processor's move passes itself). */
export type ParamListener = (key: string, value: number, frame: number, origin: unknown) => void;

export class ParamStore {
  private values: ParamValues = defaultValues();
  private readonly listeners = new Set<ParamListener>();

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
    return saveState(this.values);
  }

  /** Validates the whole state first (StateError names what is wrong; nothing changes), then applies it. */
  load(state: string | unknown, frame = 0): void {
    const values = typeof state === "string" ? parseState(state) : validateState(state);
    for (const spec of PARAMS) {
      if (values[spec.key] === this.values[spec.key]) continue;
      this.set(spec.key, values[spec.key]!, frame);
    }
  }

  subscribe(listener: ParamListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
