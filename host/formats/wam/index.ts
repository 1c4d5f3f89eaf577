/**
 * Gainstage as a WAM 2 plugin: the default export is the WebAudioModule class a host loads by URL
 *
 *   const [groupId] = await initializeWamHost(context);
 *   const { default: Gainstage } = await import("https://…/wam/gainstage/index.js");
 *   const wam = await Gainstage.createInstance(groupId, context, savedState);
 *   source.connect(wam.audioNode);   wam.audioNode.connect(effect);
 *
 * A second instance in the same group pairs with the first as POST (pairing.ts). The plugin a host
 * loads adds its panel to this class (ui/wam-gainstage.ts, the bundle's entry), built by
 * `npm run build:wam` into build/wam/gainstage/ (copied to dist/wam/gainstage/ by `npm run build`).
 * Thread: main thread.
 */
import { WebAudioModule } from "@webaudiomodules/sdk";
import { WAM_DESCRIPTOR } from "./wam-descriptor.js";
import { GainstageWamNode } from "./wam-node.js";

let instances = 0;

/** A GUI element that frees what it holds when the host calls destroyGui(). */
interface Gui extends HTMLElement {
  destroy?: () => void;
}

export default class GainstageWam extends WebAudioModule<GainstageWamNode> {
  constructor(groupId: string, audioContext: BaseAudioContext) {
    super(groupId, audioContext);
    this._descriptor = { ...WAM_DESCRIPTOR };
    // The SDK's id is moduleId + a millisecond timestamp: two instances made in one tick would
    // share it (and the WAM group keys processors by it), so a serial number is added.
    const instanceId = `${WAM_DESCRIPTOR.identifier}.${++instances}.${Math.round(this._timestamp * 1000)}`;
    Object.defineProperty(this, "instanceId", { value: instanceId, enumerable: true });
  }

  async createAudioNode(initialState?: unknown): Promise<GainstageWamNode> {
    return GainstageWamNode.createFor(this, initialState);
  }

  /** The SDK's initialize() drops the state: this one restores it before the first frame. */
  async initialize(state?: unknown): Promise<this> {
    if (!this._audioNode) this.audioNode = await this.createAudioNode(state);
    this.initialized = true;
    return this;
  }

  /** The audio node, for the panel a bundle adds (ui/wam-gainstage.ts: the format knows no UI). */
  get node(): GainstageWamNode {
    return this._audioNode;
  }

  destroyGui(gui: Element): void {
    (gui as Gui).destroy?.();
  }
}
