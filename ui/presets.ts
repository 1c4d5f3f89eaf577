/**
 * Presets: the plugin's saved state (host/model/state.ts) as a file to download and upload, and the
 * last state kept in localStorage so a reload restores the session without a jump (values are
 * loaded before the audio nodes exist, so nothing ramps). Loading validates everything first;
 * a bad file changes nothing and its error names what is wrong. Thread: main thread.
 */
import type { ParamStore } from "../host/model/param-store.js";
import { MAX_STATE_BYTES, StateError, stateToText } from "../host/model/state.js";

export const STORAGE_KEY = "gainstage.lastState";
const PERSIST_DELAY_MS = 300;
export const PRESET_FILE_NAME = "gainstage-preset.json";

/** Restores the last session into `store`; returns a notice if a stored state was refused. */
export function restoreLastState(store: ParamStore): string | null {
  let text: string | null = null;
  try {
    text = localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
  if (text === null) return null;
  try {
    store.load(text);
    return null;
  } catch (error) {
    return `The last session's settings could not be restored (${(error as Error).message}); defaults are in use.`;
  }
}

/** Keeps localStorage up to date with `store` (debounced). */
export function persistState(store: ParamStore): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  store.subscribe(() => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      try {
        localStorage.setItem(STORAGE_KEY, JSON.stringify(store.save()));
      } catch {
        /* storage full or denied: the session still works */
      }
    }, PERSIST_DELAY_MS);
  });
}

export function downloadPreset(store: ParamStore): void {
  const blob = new Blob([stateToText(store.all())], { type: "application/json" });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = PRESET_FILE_NAME;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

/** Loads a preset file into `store`; throws StateError (nothing changed) if it is not valid. */
export async function loadPresetFile(store: ParamStore, file: File): Promise<void> {
  if (file.size > MAX_STATE_BYTES)
    throw new StateError(`"${file.name}" is ${file.size} bytes; a Gainstage preset is under ${MAX_STATE_BYTES} bytes`);
  const text = await file.text();
  try {
    store.load(text);
  } catch (error) {
    if (error instanceof StateError)
      throw new StateError(`"${file.name}" is not a valid Gainstage preset: ${error.message}`);
    throw error;
  }
}
