/**
 * The app's built-in insert as a WAM 2 plugin (default export: the WebAudioModule class), loaded
 * by URL like any other (/wam/tape-saturator/index.js). Built by `npm run build:wam`.
 * Thread: main thread.
 */
import type { WamNode } from "@webaudiomodules/api";
import { WebAudioModule } from "@webaudiomodules/sdk";
import { SATURATOR_DESCRIPTOR } from "./descriptor.js";
import { readSaturatorState, shaperLatency, TapeSaturatorNode } from "./saturator-node.js";

export default class TapeSaturator extends WebAudioModule<WamNode> {
  constructor(groupId: string, audioContext: BaseAudioContext) {
    super(groupId, audioContext);
    this._descriptor = { ...SATURATOR_DESCRIPTOR };
  }

  async createAudioNode(initialState?: unknown): Promise<WamNode> {
    const values = initialState ? readSaturatorState(initialState) : undefined;
    const node = new TapeSaturatorNode(this, values, await shaperLatency(this.audioContext.sampleRate));
    return node as unknown as WamNode;
  }

  async initialize(state?: unknown): Promise<this> {
    if (!this._audioNode) this.audioNode = await this.createAudioNode(state);
    this.initialized = true;
    return this;
  }
}
