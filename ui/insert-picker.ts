/**
 * The effect picker: the WAM 2 effects that ship with the app, none, or any WAM 2 plugin by its
 * address. A plugin that fails to load is named with the reason and the chain keeps what it had
 * (the picker shows it again). Thread: main thread.
 */
import type { Engine } from "./engine.js";
import { INSERT_CHOICES } from "./insert-slot.js";
import { notify } from "./notices.js";
import { paramByKey } from "../host/model/params.js";

const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
const NONE = "none";
const OTHER = "other";

/**
 * Aligns A with B for the effect now in the slot: the latency the plugin reports (WAM 2's
 * getCompensationDelay), 0 for none. A plugin that does not report it can be measured (latency-panel.ts).
 */
async function alignToInsert(engine: Engine): Promise<void> {
  const plugin = engine.insert.plugin;
  const reported = plugin ? await plugin.audioNode.getCompensationDelay().catch(() => 0) : 0;
  const frames = Number.isInteger(reported) && reported >= 0 ? reported : 0;
  engine.store.set("insertLatencyFrames", Math.min(frames, paramByKey("insertLatencyFrames").max));
}

/** Wires the picker; returns a function that loads the default effect (the first choice). */
export function wireInsertPicker(engine: Engine, onChange: () => void): () => Promise<void> {
  const select = $<HTMLSelectElement>("#insert");
  const urlRow = $("#insert-url-row");
  const urlInput = $<HTMLInputElement>("#insert-url");
  const options = [
    ...INSERT_CHOICES.map((choice) => [choice.url, choice.name] as const),
    [NONE, "None (bypassed)"] as const,
    [OTHER, "Other WAM 2 plugin…"] as const,
  ];
  for (const [value, label] of options) select.append(new Option(label, value));

  /** Shows what is in the slot now (after a change, or after a failed one). */
  const showCurrent = () => {
    const url = engine.insert.currentUrl;
    const known = url === null || INSERT_CHOICES.some((choice) => choice.url === url);
    select.value = url === null ? NONE : known ? url : OTHER;
    urlRow.hidden = select.value !== OTHER;
    if (!known && url) urlInput.value = url;
    onChange();
  };
  /** Loads the effect at `url`; `told`: say so (a choice the producer made, not the default at start-up). */
  const load = async (url: string | null, told = true) => {
    select.disabled = true;
    try {
      await engine.setInsert(url);
      await alignToInsert(engine);
      if (url && told)
        notify(`Effect: ${engine.insertName} is in the chain, between the input trim and the output trim.`, "info");
    } catch (error) {
      notify((error as Error).message, "error");
    } finally {
      select.disabled = false;
      showCurrent();
    }
  };

  select.addEventListener("change", () => {
    if (select.value === OTHER) {
      urlRow.hidden = false;
      urlInput.focus();
      return;
    }
    void load(select.value === NONE ? null : select.value);
  });
  const loadTyped = () => {
    const url = urlInput.value.trim();
    if (url) void load(url);
  };
  $("#insert-load").addEventListener("click", loadTyped);
  urlInput.addEventListener("keydown", (event) => {
    if (event.key === "Enter") loadTyped();
  });
  // The default effect at start-up is named in the chain: no notice for it.
  return () => load(INSERT_CHOICES[0]!.url, false);
}
