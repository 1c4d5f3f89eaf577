/**
 * Gainstage as the WAM 2 plugin a host loads (the bundle's entry, host/tools/wam-bundles.ts): the
 * format's WebAudioModule (host/formats/wam) with the panel built from the app's components. The
 * format knows nothing of the UI; the UI adds itself here. Thread: main thread.
 */
import GainstageWam from "../host/formats/wam/index.js";

export default class GainstageWamWithPanel extends GainstageWam {
  /** The plugin's own panel (plugin-gui.ts), loaded when a host first asks for it. */
  async createGui(): Promise<Element> {
    const { createGui } = await import("./plugin-gui.js");
    return createGui(this.node);
  }
}
