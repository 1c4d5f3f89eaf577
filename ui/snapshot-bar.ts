/**
 * Snapshots A–D: four whole sets of settings. Click a slot to switch to it (every gain ramps in
 * the kernel, so nothing clicks); Shift+click stores the settings now. Filled slots are marked and
 * the slot last recalled is pressed. They are saved with the session and in presets
 * (ParamStore's snapshots travel in the state). Thread: main thread.
 */
import type { ParamStore } from "../host/model/param-store.js";
import { SNAPSHOT_SLOTS, type SnapshotSlot } from "../host/model/state.js";

export function createSnapshotBar(store: ParamStore, say: (message: string) => void): HTMLElement {
  const bar = document.createElement("fieldset");
  bar.className = "snapshots";
  bar.setAttribute("aria-label", "Snapshots: click to switch, Shift+click to store");
  bar.innerHTML = `<span title="Click to switch, Shift+click to store the settings now">Snapshots</span>`;
  let active: SnapshotSlot | null = null;
  const buttons = SNAPSHOT_SLOTS.map((slot) => {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = slot;
    button.dataset.snapshot = slot;
    button.addEventListener("click", (event) => {
      if (event.shiftKey) {
        store.storeSnapshot(slot);
        active = slot;
        say(`Snapshot ${slot} holds the settings now.`);
      } else if (store.hasSnapshot(slot)) {
        store.recallSnapshot(slot);
        active = slot;
      } else {
        say(`Snapshot ${slot} is empty: Shift+click it to store the settings now.`);
      }
      render();
    });
    bar.append(button);
    return button;
  });
  const render = () =>
    buttons.forEach((button, i) => {
      const slot = SNAPSHOT_SLOTS[i]!;
      button.classList.toggle("filled", store.hasSnapshot(slot));
      button.setAttribute("aria-pressed", String(slot === active));
      button.title = store.hasSnapshot(slot)
        ? `Switch to snapshot ${slot} (Shift+click: store)`
        : `Empty: Shift+click to store`;
    });
  store.subscribeSnapshots(render);
  render();
  return bar;
}
