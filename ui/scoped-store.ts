/**
 * A view of a ParamStore whose subscriptions end together: a panel that can be closed (the WAM
 * plugin's GUI) subscribes through it, and close() drops every listener it added, so a destroyed
 * panel leaves nothing attached to the plugin's store. Reads and writes go to the store itself.
 * Thread: main thread.
 */
import type { ParamListener, ParamStore } from "../host/model/param-store.js";

export function scopedStore(store: ParamStore): { store: ParamStore; close(): void } {
  const offs: (() => void)[] = [];
  // The view inherits every method from the store (same values, same listeners) but subscribe().
  const view: ParamStore = Object.create(store);
  view.subscribe = (listener: ParamListener) => {
    const off = store.subscribe(listener);
    offs.push(off);
    return off;
  };
  return {
    store: view,
    close: () => {
      for (const off of offs.splice(0)) off();
    },
  };
}
