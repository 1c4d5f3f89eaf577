/**
 * The Gainstage point processor as a WAM 2 processor (WamProcessor): it joins the host's group in
 * the worklet scope (`webAudioModules`, set up by the host's initializeWamHost), takes
 * `wam-automation` events other WAMs send it at their frame, and sends the moves the kernel makes
 * itself (Learn, Ride) on to the WAMs the host connected downstream, as `wam-automation` events.
 * Everything else is the web host's processor (point-processor.ts).
 * Thread: the audio rendering thread. Events for other WAMs come from a pool made at
 * construction, so a move allocates nothing here (what the receiving WAM does is its own).
 */
import type { WamEvent, WamProcessor } from "@webaudiomodules/api";
import type { EventSink } from "../../core/events.js";
import { PARAMS } from "../../model/params.js";
import { GainstageProcessor } from "../web/point-processor.js";
import { AUTOMATION_REPORT_ID_OFFSET, type ProcessorApi, type ProcessorOptions } from "../web/protocol.js";
import { WAM_PROCESSOR_NAME, type WamIdentity, type WamProcessorApi } from "./wam-protocol.js";

/** Events handed to other WAMs in turn; a receiver keeps one at most until its next quantum. */
const EVENT_POOL = 64;

interface AutomationEvent {
  type: "wam-automation";
  time: number;
  data: { id: string; value: number; normalized: boolean };
}

interface WamGlobalScope {
  webAudioModules?: {
    addWam(wam: WamProcessor): void;
    removeWam(wam: WamProcessor): void;
    connectEvents(groupId: string, fromId: string, toId: string, output?: number): void;
    disconnectEvents(groupId: string, fromId: string, toId?: string, output?: number): void;
    emitEvents(from: WamProcessor, ...events: WamEvent[]): void;
  };
}

const scope = globalThis as unknown as WamGlobalScope;
const idOfKey = new Map<string, number>(PARAMS.map((spec) => [spec.key, spec.id]));
const keyOfId: string[] = [];
for (const spec of PARAMS) keyOfId[spec.id] = spec.key;
const specOfId = new Map(PARAMS.map((spec) => [spec.id, spec]));

class GainstageWamProcessor extends GainstageProcessor {
  readonly groupId: string;
  readonly moduleId: string;
  readonly instanceId: string;
  private readonly pool: AutomationEvent[] = Array.from({ length: EVENT_POOL }, () => ({
    type: "wam-automation" as const,
    time: 0,
    data: { id: "", value: 0, normalized: false },
  }));
  private poolAt = 0;
  private inGroup = false;
  /** The return ring itself: what goes back to the main thread only (not on to other WAMs). */
  private readonly reports: EventSink;

  constructor(options: AudioWorkletNodeOptions & { processorOptions: ProcessorOptions & WamIdentity }) {
    super(options);
    const { groupId, moduleId, instanceId } = options.processorOptions;
    this.groupId = groupId;
    this.moduleId = moduleId;
    this.instanceId = instanceId;
    // A host that never called initializeWamHost has no group: the point still runs, alone.
    try {
      scope.webAudioModules?.addWam(this as unknown as WamProcessor);
      this.inGroup = scope.webAudioModules !== undefined;
    } catch {
      this.inGroup = false;
    }
    const ring = this.moves;
    this.reports = ring;
    this.moves = {
      push: (id, value, frame) => {
        this.emitMove(id, value, frame);
        return ring.push(id, value, frame);
      },
    } satisfies EventSink;
  }

  protected override controlApi(): ProcessorApi & WamProcessorApi {
    return {
      ...super.controlApi(),
      connectEvents: (toId: string, output = 0) => {
        if (this.inGroup) scope.webAudioModules!.connectEvents(this.groupId, this.instanceId, toId, output);
      },
      disconnectEvents: (toId?: string, output?: number) => {
        if (this.inGroup) scope.webAudioModules!.disconnectEvents(this.groupId, this.instanceId, toId, output);
      },
      clearEvents: () => this.clearEvents(),
    };
  }

  getCompensationDelay(): number {
    return 0;
  }

  /**
   * Events from other WAMs (audio thread): `wam-automation` of a known parameter, in plain or
   * normalised value, at its context time (as soon as possible when it has none or is late).
   * Others (MIDI, transport, OSC) are not for a gain stage and are ignored.
   */
  scheduleEvents(...events: WamEvent[]): void {
    for (const event of events) {
      if (event.type !== "wam-automation") continue;
      const id = idOfKey.get(event.data.id);
      const value = event.data.value;
      if (id === undefined || typeof value !== "number" || !Number.isFinite(value)) continue;
      const spec = specOfId.get(id)!;
      const plain = event.data.normalized ? spec.min + value * (spec.max - spec.min) : value;
      const frame =
        typeof event.time === "number" && Number.isFinite(event.time) ? Math.round(event.time * sampleRate) : 0;
      this.events.insert(id, plain, Math.max(0, frame));
      // The main thread's store follows, so getState() and the panel say what the audio hears.
      this.reports.push(id + AUTOMATION_REPORT_ID_OFFSET, plain, Math.max(0, frame));
    }
  }

  emitEvents(...events: WamEvent[]): void {
    if (this.inGroup) scope.webAudioModules!.emitEvents(this as unknown as WamProcessor, ...events);
  }

  /** Withdraws the automation scheduled from now on. */
  clearEvents(): void {
    this.events.clearFrom(currentFrame);
  }

  destroy(): void {
    this.release();
  }

  protected override dispose(): void {
    super.dispose();
    if (this.inGroup) scope.webAudioModules!.removeWam(this as unknown as WamProcessor);
    this.inGroup = false;
  }

  private emitMove(id: number, value: number, frame: number): void {
    const key = keyOfId[id];
    if (!this.inGroup || key === undefined) return;
    const event = this.pool[this.poolAt]!;
    this.poolAt = (this.poolAt + 1) % EVENT_POOL;
    event.time = frame / sampleRate;
    event.data.id = key;
    event.data.value = value;
    scope.webAudioModules!.emitEvents(this as unknown as WamProcessor, event);
  }
}

// One registration per worklet scope, even if a page loads this plugin from two URLs.
const registered = globalThis as unknown as { gainstageWamRegistered?: boolean };
if (!registered.gainstageWamRegistered) {
  registerProcessor(WAM_PROCESSOR_NAME, GainstageWamProcessor);
  registered.gainstageWamRegistered = true;
}
