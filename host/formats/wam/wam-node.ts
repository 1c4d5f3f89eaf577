/**
 * GainstageWamNode: a Gainstage point as a WAM 2 node. Parameters are the declaration's, by key;
 * `wam-automation` events and setParameterValues go through the point's store and event ring
 * at their frame; state is the contract's versioned state plus the pair link; the moves the
 * kernel makes itself (Learn, Ride) are dispatched on the node as `wam-automation` events for
 * the host to record. Two instances of one host group pair as PRE and POST (pairing.ts).
 * Thread: main thread.
 */
import type { WamEvent, WamNode, WamParameterDataMap, WamParameterInfoMap, WebAudioModule } from "@webaudiomodules/api";
import type * as Comlink from "comlink";
import wamProcessorUrl from "./wam-processor.ts?worker&url";
import { descriptor } from "../../declaration/descriptor.js";
import { ParamStore } from "../../model/param-store.js";
import { PARAMS, ParamError, paramById } from "../../model/params.js";
import { type PairLink, StateError, validateLink, validateSnapshots, validateState } from "../../model/state.js";
import { kernelModule, processorLoader } from "../web/loading.js";
import { GainstageNode } from "../web/node.js";
import { pairs } from "./pairing.js";
import { parameterInfo, WAM_PARAMETERS } from "./parameter-info.js";
import { WAM_PROCESSOR_NAME, type WamIdentity, type WamProcessorApi } from "./wam-protocol.js";

const loadWamProcessor = processorLoader(wamProcessorUrl);

/** State as a host hands it over: the object getState() gave, or its JSON text; validated whole. Throws StateError. */
function readState(state: unknown): { data: unknown; link: PairLink | null } {
  let data = state;
  if (typeof state === "string") {
    try {
      data = JSON.parse(state);
    } catch (error) {
      throw new StateError(`state is not valid JSON: ${(error as Error).message}`);
    }
  }
  validateState(data);
  validateSnapshots(data as Record<string, unknown>);
  return { data, link: validateLink(data as Record<string, unknown>) };
}

export class GainstageWamNode extends GainstageNode implements WamNode {
  readonly module: WebAudioModule;

  /**
   * Creates the node of WAM `module`. An initial state is validated first (a bad one rejects
   * with a StateError and nothing is created) and applied before the first frame: a restored
   * session starts at its saved trims, with no ramp from the defaults.
   */
  static async createFor(module: WebAudioModule, initialState?: unknown): Promise<GainstageWamNode> {
    const restored = initialState === undefined || initialState === null ? null : readState(initialState);
    const [kernel] = await Promise.all([kernelModule(), loadWamProcessor(module.audioContext)]);
    const store = new ParamStore();
    if (restored) store.load(restored.data);
    const node = new GainstageWamNode(module, kernel, store);
    await pairs.add(node, restored?.link ?? null);
    return node;
  }

  private constructor(module: WebAudioModule, kernel: WebAssembly.Module, store: ParamStore) {
    const identity: WamIdentity = {
      groupId: module.groupId,
      moduleId: module.moduleId,
      instanceId: module.instanceId,
    };
    super(module.audioContext, kernel, { store }, WAM_PROCESSOR_NAME, identity);
    this.module = module;
  }

  get groupId(): string {
    return this.module.groupId;
  }
  get moduleId(): string {
    return this.module.moduleId;
  }
  get instanceId(): string {
    return this.module.instanceId;
  }

  /** A name for people: "Gainstage 2" (the instance's serial number in the page, from its id). */
  get displayName(): string {
    const serial = /\.(\d+)\.\d+$/.exec(this.module.instanceId)?.[1];
    return serial ? `${descriptor.name} ${serial}` : descriptor.name;
  }

  async getParameterInfo(...parameterIds: (string | string[])[]): Promise<WamParameterInfoMap> {
    return parameterInfo(parameterIds.flat());
  }

  /** Ids as the API's rest form or one array (as some hosts pass them); none: every parameter. */
  async getParameterValues(normalized = false, ...parameterIds: (string | string[])[]): Promise<WamParameterDataMap> {
    const asked = parameterIds.flat();
    const ids = asked.length > 0 ? asked : PARAMS.map((spec) => spec.key);
    const values: WamParameterDataMap = {};
    for (const id of ids) {
      const info = WAM_PARAMETERS[id];
      if (!info) continue;
      const value = this.store.get(id);
      values[id] = { id, value: normalized ? info.normalize(value) : value, normalized };
    }
    return values;
  }

  /** Sets the values given, all or none: an unknown id or a non-finite value rejects (ParamError) and nothing changes. */
  async setParameterValues(parameterValues: WamParameterDataMap): Promise<void> {
    const plain = Object.entries(parameterValues).map(([id, data]) => {
      const info = WAM_PARAMETERS[id];
      if (!info) throw new ParamError(`unknown parameter "${id}"`);
      if (typeof data?.value !== "number" || !Number.isFinite(data.value))
        throw new ParamError(`${id}: ${String(data?.value)} is not a finite number`);
      return [id, data.normalized ? info.denormalize(data.value) : data.value] as const;
    });
    for (const [id, value] of plain) this.store.set(id, value);
  }

  async getState(): Promise<unknown> {
    const link = pairs.link(this);
    return { ...this.store.save(), ...(link ? { link } : {}) };
  }

  /** Loads a state: validated whole first (StateError names what is wrong; nothing changes), then applied and its pair restored. */
  async setState(state: unknown): Promise<void> {
    const { data, link } = readState(state);
    this.store.load(data);
    if (link) await pairs.restore(this, link);
  }

  /** The other half of this instance's pair (null: it works alone). */
  get partner(): GainstageWamNode | null {
    return pairs.partner(this) as GainstageWamNode | null;
  }

  /** This instance's place in a pair (null: alone). */
  get link(): PairLink | null {
    return pairs.link(this);
  }

  /** The other Gainstage instances of this host group (each could be this one's partner). */
  candidates(): GainstageWamNode[] {
    return pairs.candidates(this) as GainstageWamNode[];
  }

  /** Re-pairs: this instance becomes PRE and `post` POST (each leaves the pair it was in). */
  pairWith(post: GainstageWamNode): Promise<void> {
    return pairs.pair(this, post);
  }

  /** Leaves the pair: both halves work alone. */
  unpair(): Promise<void> {
    return pairs.unpair(this);
  }

  async getCompensationDelay(): Promise<number> {
    return descriptor.latencyFrames;
  }

  /** Sample-accurate parameter automation from the host (`wam-automation`); other event types are not for a gain stage. */
  scheduleEvents(...events: WamEvent[]): void {
    for (const event of events) {
      if (event.type !== "wam-automation") continue;
      const info = WAM_PARAMETERS[event.data.id];
      const value = event.data.value;
      if (!info || !Number.isFinite(value)) continue;
      const when = event.time !== undefined && event.time > this.context.currentTime ? event.time : undefined;
      this.setParam(event.data.id, event.data.normalized ? info.denormalize(value) : value, when);
    }
  }

  clearEvents(): void {
    void this.wamApi.clearEvents();
  }

  connectEvents(toId: string, output?: number): void {
    void this.wamApi.connectEvents(toId, output);
  }

  disconnectEvents(toId?: string, output?: number): void {
    void this.wamApi.disconnectEvents(toId, output);
  }

  destroy(): void {
    void pairs.remove(this);
    this.dispose();
  }

  /**
   * The kernel's move enters the store and is dispatched as `wam-automation` at its time; automation
   * another WAM sent the processor only enters the store (it came from the host's side).
   */
  protected override noteMove(id: number, value: number, frame: number, fromAutomation = false): void {
    super.noteMove(id, value, frame, fromAutomation);
    const spec = paramById(id);
    if (!spec || fromAutomation) return;
    const event = {
      type: "wam-automation" as const,
      time: frame / this.context.sampleRate,
      data: { id: spec.key, value: this.store.get(spec.key), normalized: false },
    };
    this.dispatchEvent(new CustomEvent("wam-automation", { detail: event }));
  }

  private get wamApi(): Comlink.Remote<WamProcessorApi> {
    return this.api as unknown as Comlink.Remote<WamProcessorApi>;
  }
}
