/**
 * What a point is created with (GainstageNode.create), and the processor options it becomes: the
 * role, the parameter values it starts from, its transport's memory and when it publishes.
 * Thread: main thread.
 */
import { pointApplies } from "../../core/plugin.js";
import type { ParamStore } from "../../model/param-store.js";
import { PARAMS } from "../../model/params.js";
import type { ProcessorOptions, Role } from "./protocol.js";
import type { TransportStorage } from "./transport.js";

export interface CreateOptions {
  role?: Role;
  /** Shared by the two points of a pair; a new store otherwise. */
  store?: ParamStore;
  linkId?: string | null;
  /** Meter snapshots per second (display rate). */
  snapshotHz?: number;
  /** Use port messages even when shared memory is available (tests, diagnostics). */
  forceMessagePort?: boolean;
  /** The context frame after which the processor stops for good (an offline render's length); never by default. */
  stopAtFrame?: number;
  /**
   * Context frames (ascending, multiples of the render quantum) at which the processor publishes
   * its meters instead of at display rate (an offline render reading them at given times; see
   * onSnapshot). Used with forceMessagePort, every snapshot arrives, in order.
   */
  publishAtFrames?: number[];
}

/** Meter snapshots per second by default: a display's frame rate. */
const DEFAULT_SNAPSHOT_HZ = 60;
/** Web Audio's render quantum (frames): snapshots are counted in quanta. */
const RENDER_QUANTUM_FRAMES = 128;

/** The processor options of a point of `role` starting from `store`'s values. */
export function pointOptions(
  context: BaseAudioContext,
  module: WebAssembly.Module,
  options: CreateOptions,
  role: Role,
  store: ParamStore,
  storage: TransportStorage,
): ProcessorOptions {
  const own = PARAMS.filter((spec) => pointApplies(spec, role));
  const snapshotHz = options.snapshotHz ?? DEFAULT_SNAPSHOT_HZ;
  return {
    module,
    role,
    linkId: options.linkId ?? null,
    ...storage,
    snapshotEveryQuanta: Math.max(1, Math.round(context.sampleRate / RENDER_QUANTUM_FRAMES / snapshotHz)),
    initialParams: own.flatMap((spec) => [spec.id, store.get(spec.key)]),
    automatedIds: own.map((spec) => spec.id),
    stopAtFrame: options.stopAtFrame ?? 0,
    publishAtFrames: options.publishAtFrames ?? [],
  };
}
