/**
 * Auto-trim on the host side: turning a decision from the kernel (learn.ts / auto-trim.ts) into
 * a parameter change the host can record, with Undo, and saying in words what was decided and
 * why. Used by the app and the offline CLI alike. Thread: main thread / offline worker.
 */
import type { AutoTrimReadings } from "../model/readings.js";
import { describeDecision } from "../model/learn-words.js";

export { describeDecision };
import type { ParamStore } from "../model/param-store.js";

export interface LearnOutcome {
  applied: boolean;
  /** The input trim now (dB). */
  trimDb: number;
  /** The input trim before (for Undo), when applied. */
  previousTrimDb?: number;
  /** One plain sentence: what was decided and why. */
  message: string;
  /** Seconds of signal the decision was made from. */
  seconds: number;
}

/**
 * Applies a learned decision to `store` (if its status is ok) and keeps `previousTrimDb` — the trim
 * before Learn started — for Undo. The kernel has made the same move itself (an output event a
 * host records); setting it here keeps a host that does not drain those events in step.
 */
export function applyLearned(
  store: ParamStore,
  r: AutoTrimReadings,
  undo: number[],
  previousTrimDb = store.get("inputTrimDb"),
): LearnOutcome {
  const message = describeDecision(r);
  if (r.state !== "done" || r.status !== "ok")
    return { applied: false, trimDb: store.get("inputTrimDb"), message, seconds: r.seconds };
  const trimDb = store.set("inputTrimDb", r.trimDb);
  undo.push(previousTrimDb);
  return { applied: true, trimDb, previousTrimDb, message, seconds: r.seconds };
}

/** Restores the trim before the last applied Learn; false if there is nothing to undo. */
export function undoLearned(store: ParamStore, undo: number[]): boolean {
  const previous = undo.pop();
  if (previous === undefined) return false;
  store.set("inputTrimDb", previous);
  return true;
}
