/**
 * GainstageNode: one Gainstage point as an AudioWorkletNode with a typed API. Thread: main thread.
 *
 *   const node = await GainstageNode.create(context);            // a single point
 *   const { pre, post } = await GainstageNode.createPair(context); // PRE → your chain → POST
 *   node.setParam("inputTrimDb", -6);   node.meters();   node.saveState();
 *
 * Parameter changes travel through a SharedArrayBuffer ring with frame timing and meters come
 * back through a shared snapshot when the page is cross-origin isolated (COOP/COEP headers);
 * otherwise both fall back to port messages and `transport` says "message-port".
 */
import * as Comlink from "comlink";
import processorUrl from "./processor.ts?worker&url";
import { PARAMS, paramById, paramByKey } from "../../model/params.js";
import { pointApplies } from "../../core/plugin.js";
import { ParamStore } from "../../model/param-store.js";
import type { SavedState } from "../../model/state.js";
import { CAPTURE_FRAMES } from "./capture.js";
import { canShareMemory, PointTransport, type TransportKind } from "./transport.js";
import { type CreateOptions, pointOptions } from "./create-options.js";
import { GainstageError, kernelModule, processorLoader } from "./loading.js";
import { Command } from "../../core/events.js";
import { packMark, packTapCommand } from "../../declaration/declaration.js";
import type { PointSnapshot } from "./meter-snapshot.js";
import {
  AUTOMATION_REPORT_ID_OFFSET,
  PROCESSOR_NAME,
  type ProcessorApi,
  type ProcessorInfo,
  type ProcessorOptions,
  type Role,
} from "./protocol.js";

export type { Role, PointSnapshot, ProcessorInfo, CreateOptions };
export { GainstageError };

/** How often the node takes the kernel's moves when nobody reads the meters (ms). */
const MOVES_POLL_MS = 50;
let linkCounter = 0;
const loadProcessor = processorLoader(processorUrl);

/** The keys of the parameters a point of `role` applies. */
function ownKeys(role: Role): Set<string> {
  return new Set(PARAMS.filter((spec) => pointApplies(spec, role)).map((spec) => spec.key));
}

export class GainstageNode extends AudioWorkletNode {
  private pointRole: Role;
  private own: Set<string>;
  readonly store: ParamStore;
  /** How this node talks to its processor: shared memory, or port messages without isolation. */
  readonly transport: TransportKind;
  private readonly channel: PointTransport;
  private readonly movesTimer: ReturnType<typeof setInterval>;
  protected readonly api: Comlink.Remote<ProcessorApi>;
  private readonly unsubscribe: () => void;

  /** Creates a point; resolves once the processor is running. */
  static async create(context: BaseAudioContext, options: CreateOptions = {}): Promise<GainstageNode> {
    const [module] = await Promise.all([kernelModule(), loadProcessor(context)]);
    return new GainstageNode(context, module, options, PROCESSOR_NAME);
  }

  /** PRE and POST points sharing one parameter store, linked inside the worklet scope. */
  static async createPair(
    context: BaseAudioContext,
    options: Omit<CreateOptions, "role" | "linkId"> = {},
  ): Promise<{ pre: GainstageNode; post: GainstageNode }> {
    const store = options.store ?? new ParamStore();
    const linkId = `gainstage-link-${++linkCounter}-${Math.random().toString(36).slice(2)}`;
    const pre = await GainstageNode.create(context, { ...options, role: "pre", store, linkId });
    const post = await GainstageNode.create(context, { ...options, role: "post", store, linkId });
    return { pre, post };
  }

  /** For create() and for plugin formats that register the processor under a name of their own (extra options merged in). */
  protected constructor(
    context: BaseAudioContext,
    module: WebAssembly.Module,
    options: CreateOptions,
    processorName: string,
    extraProcessorOptions: object = {},
  ) {
    const role = options.role ?? "single";
    const store = options.store ?? new ParamStore();
    const transport = new PointTransport(!options.forceMessagePort && canShareMemory());
    const processorOptions: ProcessorOptions = {
      ...pointOptions(context, module, options, role, store, transport.storage),
      ...extraProcessorOptions,
    };
    super(context, processorName, { numberOfInputs: 1, numberOfOutputs: 1, processorOptions });
    this.pointRole = role;
    this.own = ownKeys(role);
    this.store = store;
    this.channel = transport;
    this.transport = transport.kind;
    this.api = Comlink.wrap<ProcessorApi>(this.port);
    transport.attach(this.port, this.api, (id, value, frame) => this.takeMove(id, value, frame));
    this.unsubscribe = store.subscribe((key, value, frame, origin) => {
      if (this.own.has(key) && origin !== this) this.send(paramByKey(key).id, value, frame);
    });
    this.movesTimer = setInterval(() => this.drainMoves(), MOVES_POLL_MS);
  }

  get role(): Role {
    return this.pointRole;
  }

  /**
   * Joins the pair `linkId` as PRE or POST while running, or leaves any pair (null, "single"):
   * the processor changes role at a quantum boundary (a parameter it no longer applies returns to
   * its neutral default), then this point's parameter values are sent again.
   */
  async pair(linkId: string | null, role: Role): Promise<void> {
    if ((linkId === null) !== (role === "single"))
      throw new GainstageError(`a ${role} point needs ${role === "single" ? "no link" : "a link id"}`);
    await this.api.pair(linkId, role);
    this.pointRole = role;
    this.own = ownKeys(role);
    for (const key of this.own) this.send(paramByKey(key).id, this.store.get(key), 0);
  }

  /**
   * Sets a parameter (plain units, see PARAMS) from context time `when` (seconds; default: as
   * soon as possible), sample-accurately. Returns the value applied (clamped, rounded);
   * throws ParamError for an unknown key or NaN/Inf, and then nothing changes.
   */
  setParam(key: string, value: number, when?: number): number {
    return this.store.set(key, value, this.frameAt(when));
  }

  /** Sets a parameter from what a user typed ("-18 dB", "−18,0", "inverted"). */
  setParamText(key: string, text: string, when?: number): number {
    return this.store.setText(key, text, this.frameAt(when));
  }

  getParam(key: string): number {
    return this.store.get(key);
  }

  saveState(): SavedState {
    return this.store.save();
  }

  /** Loads a saved state (text or object). Throws StateError naming what is wrong; nothing changes then. */
  loadState(state: string | unknown): void {
    this.store.load(state);
  }

  /** The latest meter snapshot of this point (null before the first one); maxima are since the previous call. */
  meters(): PointSnapshot | null {
    this.drainMoves();
    return this.channel.meters();
  }

  /**
   * Calls `listener` with each snapshot the processor sends as a message (the message-port
   * transport only). Returns the function that stops it.
   */
  onSnapshot(listener: (snapshot: PointSnapshot) => void): () => void {
    return this.channel.onSnapshot(listener);
  }

  /**
   * Takes the moves the kernel made itself (Ride, Learn) from the return ring into the store, as
   * parameter changes a host records like automation. Called by meters() and every MOVES_POLL_MS.
   */
  drainMoves(): void {
    this.channel.drainMoves((id, value, frame) => this.takeMove(id, value, frame));
  }

  /** One entry of the return ring: the kernel's own move, or automation the processor reports. */
  private takeMove(id: number, value: number, frame: number): void {
    if (id >= AUTOMATION_REPORT_ID_OFFSET) this.noteMove(id - AUTOMATION_REPORT_ID_OFFSET, value, frame, true);
    else this.noteMove(id, value, frame, false);
  }

  /**
   * A move the kernel made, or automation that reached the processor from another WAM
   * (`fromAutomation`): parameter `id` to `value` at context frame `frame` enters the store.
   */
  protected noteMove(id: number, value: number, _frame: number, _fromAutomation = false): void {
    const spec = paramById(id);
    if (spec) this.store.set(spec.key, value, 0, this);
  }

  /**
   * POST: captures CAPTURE_FRAMES of A (what entered PRE) and RETURN (what came back), for
   * measuring the insert's latency (host/app/latency.ts). Resolves once the audio has filled it
   * (it waits for audio to flow; an OfflineAudioContext fills it while rendering).
   */
  async captureForLatency(pollMs = 20): Promise<{ a: Float32Array; back: Float32Array }> {
    if (this.role !== "post") throw new GainstageError("only the point after the insert (POST) captures for latency");
    const capture = this.channel.capture;
    capture.start();
    while (!capture.done) await new Promise((resolve) => setTimeout(resolve, pollMs));
    return capture.take();
  }

  /** Frames the current capture holds (0 … CAPTURE_FRAMES), for progress. */
  get captureProgress(): number {
    return this.channel.capture.frames / CAPTURE_FRAMES;
  }

  /** Starts Learn on what enters this point: for `seconds`, or until finishLearn() (0). */
  learn(seconds = 0): void {
    if (!Number.isFinite(seconds) || seconds < 0)
      throw new GainstageError(`learn time must be >= 0 seconds, not ${seconds}`);
    this.send(Command.learnStart, seconds, 0);
  }

  /** Ends Learn; the decision appears in meters().autoTrim (state "done"). */
  finishLearn(): void {
    this.send(Command.learnFinish, 0, 0);
  }

  cancelLearn(): void {
    this.send(Command.learnCancel, 0, 0);
  }

  /** Clears this point's meters (peaks, loudness, LRA, counts) at the next render quantum. */
  resetMeters(): void {
    this.send(Command.resetMeters, 0, 0);
  }

  /**
   * Says what the signal at one tap was read from, so clipped samples are counted as the file
   * stores them: `integerBits` of an integer file (its largest or smallest code is a clip), or 0
   * for float audio (|x| ≥ 1).
   */
  setClipRule(tap: number, integerBits: number): void {
    this.send(Command.setClipRule, packTapCommand(tap, integerBits), 0);
  }

  /**
   * Starts window `mark` (MARKS) of one tap over at the next render quantum: from then its
   * readings (meters().before/after.marks) are the levels since then, carrying `serial`.
   */
  markWindow(tap: number, mark: number, serial: number): void {
    this.send(Command.markWindow, packTapCommand(tap, packMark(mark, serial)), 0);
  }

  /** Chooses the meters of one tap (0 = before the trim, 1 = after; Meter bits). */
  setMeterMask(tap: number, mask: number): void {
    this.send(Command.setMeterMask, packTapCommand(tap, mask), 0);
  }

  info(): Promise<ProcessorInfo> {
    return this.api.info();
  }

  /**
   * Stops the processor, detaches from the store and closes the node's port: an open port (with
   * its listeners) keeps both ends alive, and with them the worklet scope and the kernel's memory,
   * so a page that makes many nodes (the self-test makes one per case) would run out of memory.
   */
  dispose(): void {
    clearInterval(this.movesTimer);
    this.unsubscribe();
    this.disconnect();
    this.port.postMessage({ gainstageDispose: true });
    this.api[Comlink.releaseProxy]();
    this.port.close();
  }

  private frameAt(when: number | undefined): number {
    if (when === undefined) return 0;
    if (!Number.isFinite(when) || when < 0)
      throw new GainstageError(`time must be a finite number of seconds >= 0, not ${when}`);
    return Math.round(when * this.context.sampleRate);
  }

  private send(id: number, value: number, frame: number): void {
    this.channel.send(id, value, frame);
  }
}
