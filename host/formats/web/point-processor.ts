/**
 * The Gainstage AudioWorkletProcessor: one point (PRE, POST or a single point) running the
 * kernel. Registered by processor.ts (the web host) and extended by the WAM 2 processor
 * (host/formats/wam/wam-processor.ts). A point can be paired or unpaired while it runs (pair()).
 * Thread: the audio rendering thread. After construction nothing here allocates, throws,
 * posts per-block messages or grows memory: events come through a shared ring, meters go out
 * through a shared snapshot at display rate (message-port fallback only without isolation).
 */
import * as Comlink from "comlink";
import { GainstagePlugin, pointApplies } from "../../core/plugin.js";
import { MAX_CHANNELS, MAX_FRAMES } from "../../declaration/layout.js";
import { ParamEventReader, ParamEventWriter } from "./event-ring.js";
import type { EventSink } from "../../core/events.js";
import { SnapshotWriter, SNAPSHOT_BYTES } from "./meter-snapshot.js";
import { PARAMS } from "../../model/params.js";
import { CaptureWriter, createCaptureStorage } from "./capture.js";
import { linkFor, type Link } from "./link.js";
import type { ProcessorOptions, ProcessorInfo, ProcessorApi, Role, SentSnapshot } from "./protocol.js";

/** Automatable continuous kernel parameters are also AudioParams (a-rate, plain units). */
// Web Audio's render quantum today; activate() is told the range the spec allows.
const MIN_QUANTUM_FRAMES = 1;
/** Moves kept between snapshot messages when there is no shared memory (Ride moves ≤ 10 a second). */
const MAX_FALLBACK_MOVES = 32;
const AUTOMATION = PARAMS.filter((p) => p.flags.automatable && !p.flags.stepped && p.kernel && p.smoothingMs > 0);

export class GainstageProcessor extends AudioWorkletProcessor {
  static get parameterDescriptors() {
    return AUTOMATION.map((p) => ({
      name: p.key,
      defaultValue: p.default,
      minValue: p.min,
      maxValue: p.max,
      automationRate: "a-rate" as const,
    }));
  }

  /** The kernel's plugin; null once the processor has stopped (its memory given back to the scope). */
  private plugin: GainstagePlugin | null;
  protected readonly events: ParamEventReader;
  /** Where the kernel's own moves go: the return ring, or (fallback) a list sent with the next snapshot. */
  protected moves: EventSink;
  private readonly fallbackMoves = new Float64Array(3 * MAX_FALLBACK_MOVES);
  private fallbackMoveCount = 0;
  private readonly snapshot: SnapshotWriter;
  private readonly capture: CaptureWriter;
  private readonly fallback: boolean;
  private role: Role;
  private link: Link | null;
  private readonly automationLast = new Float64Array(AUTOMATION.length).fill(NaN);
  private readonly automationIds: Int32Array;
  private readonly snapshotEveryQuanta: number;
  /** Kernel output views of one render quantum's length, rebuilt only if the quantum size changes. */
  private outputViews: Float32Array[] = [];
  /** The link's input (what entered PRE) as views of one quantum's length. */
  private linkViews: Float32Array[] = [];
  private channels = 2;
  private quanta = 0;
  private queueFull = 0;
  private linked = 0;
  protected alive = true;
  private readonly stopAtFrame: number;
  /** Frames to publish at (an offline render's reads), in order; empty: every snapshotEveryQuanta. */
  private readonly publishAtFrames: Float64Array;
  private publishAt = 0;

  constructor(options: AudioWorkletNodeOptions & { processorOptions: ProcessorOptions }) {
    super();
    const o = options.processorOptions;
    this.role = o.role;
    const plugin = new GainstagePlugin(o.module, o.role);
    this.plugin = plugin;
    plugin.activate(sampleRate, MIN_QUANTUM_FRAMES, MAX_FRAMES, this.channels);
    for (let i = 0; i + 1 < o.initialParams.length; i += 2) plugin.apply(o.initialParams[i]!, o.initialParams[i + 1]!);
    this.events = new ParamEventReader(o.eventStorage);
    const ring = o.movesStorage ? new ParamEventWriter(o.movesStorage) : null;
    this.moves = ring ?? { push: (id, value, frame) => this.keepMove(id, value, frame) };
    this.fallback = o.snapshotStorage === null;
    this.snapshot = new SnapshotWriter(o.snapshotStorage ?? new ArrayBuffer(SNAPSHOT_BYTES));
    this.snapshotEveryQuanta = Math.max(1, o.snapshotEveryQuanta);
    this.stopAtFrame = o.stopAtFrame;
    this.publishAtFrames = Float64Array.from(o.publishAtFrames);
    this.link = o.linkId ? linkFor(o.linkId) : null;
    this.capture = new CaptureWriter(o.captureStorage ?? createCaptureStorage(false));
    this.automationIds = Int32Array.from(AUTOMATION.map((p) => (o.automatedIds.includes(p.id) ? p.id : -1)));

    Comlink.expose(this.controlApi(), this.port);
    // The node's last word before it closes the port (node.ts dispose): no reply is awaited.
    this.port.addEventListener("message", (event: MessageEvent) => {
      if ((event.data as { gainstageDispose?: boolean } | null)?.gainstageDispose) this.release();
    });
  }

  /** The control calls the node makes over comlink (rare; never per block). Formats add their own. */
  protected controlApi(): ProcessorApi {
    return {
      info: (): ProcessorInfo => ({
        role: this.role,
        sampleRate,
        channels: this.channels,
        transport: this.fallback ? "message-port" : "shared-memory",
        memoryBytes: this.plugin?.kernel.exports.memory.buffer.byteLength ?? 0,
        quanta: this.quanta,
      }),
      pushEvents: (flat: number[]) => {
        for (let i = 0; i + 2 < flat.length; i += 3)
          if (!this.events.insert(flat[i]!, flat[i + 1]!, flat[i + 2]!)) this.queueFull++;
      },
      pair: (linkId: string | null, role: Role) => this.pair(linkId, role),
      startCapture: () => this.capture.start(),
      dispose: () => this.release(),
    };
  }

  /** Joins the pair `linkId` as `role`, or leaves any pair (null, "single"). Between quanta. */
  protected pair(linkId: string | null, role: Role): void {
    this.role = role;
    this.plugin?.setRole(role);
    for (let i = 0; i < AUTOMATION.length; i++)
      this.automationIds[i] = pointApplies(AUTOMATION[i]!, role) ? AUTOMATION[i]!.id : -1;
    this.link = linkId ? linkFor(linkId) : null;
    this.linked = 0;
    const frames = this.outputViews[0]?.length;
    if (frames) this.buildViews(frames);
  }

  protected dispose(): void {
    this.alive = false;
  }

  /**
   * Stops for good and lets go of the kernel: its WebAssembly memory (and the views over it) can
   * then be collected in this scope. Chromium does not collect a finished OfflineAudioContext's
   * worklet scope, so a page rendering many of them (the self-test) would otherwise run out of
   * memory for new kernels after about 120.
   */
  protected release(): void {
    this.dispose();
    this.plugin = null;
    this.outputViews = [];
    this.linkViews = [];
  }

  process(inputs: Float32Array[][], outputs: Float32Array[][], parameters: Record<string, Float32Array>): boolean {
    const plugin = this.plugin;
    if (!plugin || !this.alive) return false;
    const input = inputs[0] ?? [];
    const output = outputs[0] ?? [];
    const frames = output[0]?.length ?? input[0]?.length ?? 128;
    const quantumStart = currentFrame;
    // Nothing connected to the point the source feeds (a source stopped or ended, playback paused):
    // it holds. Its meters keep what they measured and measure nothing more, as a file's analysis
    // ends with the file: a meter running on into silence would add the short-term window's slide
    // into silence to the loudness range, and count seconds of nothing as seconds compared or
    // learned. POST runs on (an effect's tail, and the A/B alignment's clock, go through it).
    if (input.length === 0 && this.role !== "post") {
      for (const channel of output) channel.fill(0);
      this.exchangeLink(input, frames, quantumStart);
      this.publishIfDue(quantumStart + frames); // the held readings
      return this.alive;
    }
    // A real change of layout (mono ↔ stereo) keeps the parameters and starts the meters over; nothing
    // connected at POST is silence in the current layout.
    const channels = input.length > 0 ? Math.min(MAX_CHANNELS, input.length) : this.channels;
    if (channels !== this.channels && plugin.setChannels(channels)) this.channels = channels;
    this.events.collect();
    this.readAutomation(parameters, quantumStart, frames);

    if (this.outputViews[0]?.length !== Math.min(frames, MAX_FRAMES)) this.buildViews(Math.min(frames, MAX_FRAMES));
    // Quanta longer than MAX_FRAMES (not used by browsers today) are processed in chunks.
    for (let chunk = 0; chunk < frames; chunk += MAX_FRAMES) {
      const count = Math.min(MAX_FRAMES, frames - chunk);
      if (this.role === "post" && chunk === 0) {
        this.feedAlternate(quantumStart, frames);
        if (this.link && this.linked === 1)
          this.capture.write(this.linkViews, this.link.channels, input, input.length, frames);
      }
      for (let c = 0; c < this.channels; c++) {
        const source = input[c] ?? input[0];
        const target = plugin.kernel.input(c);
        if (source) target.set(chunk === 0 && count === source.length ? source : source.subarray(chunk, chunk + count));
        else target.fill(0, 0, count);
      }
      plugin.process(quantumStart + chunk, count, this.events, this.moves);
      for (let c = 0; c < output.length; c++) {
        const result = this.outputViews[Math.min(c, this.channels - 1)]!;
        output[c]!.set(count === result.length ? result : result.subarray(0, count), chunk);
      }
    }
    this.exchangeLink(input, frames, quantumStart);

    this.publishIfDue(quantumStart + frames);
    if (this.stopAtFrame > 0 && quantumStart + frames >= this.stopAtFrame) {
      this.publish(quantumStart + frames); // the meters as the audio ended
      this.release();
    }
    return this.alive;
  }

  private buildViews(frames: number): void {
    if (!this.plugin) return;
    const kernel = this.plugin.kernel;
    this.outputViews = Array.from({ length: MAX_CHANNELS }, (_, c) => kernel.output(c).subarray(0, frames));
    this.linkViews = this.link ? this.link.input.map((data) => data.subarray(0, frames)) : [];
  }

  /** AudioParam automation: a change of value becomes an event at the frame it happens. */
  private readAutomation(parameters: Record<string, Float32Array>, start: number, frames: number): void {
    for (let i = 0; i < AUTOMATION.length; i++) {
      const id = this.automationIds[i]!;
      const values = parameters[AUTOMATION[i]!.key];
      if (id < 0 || !values) continue;
      const steps = values.length === 1 ? 1 : Math.min(values.length, frames);
      for (let frame = 0; frame < steps; frame++) {
        const value = values[frame]!;
        if (value === this.automationLast[i]) continue;
        const first = Number.isNaN(this.automationLast[i]!);
        this.automationLast[i] = value;
        // The AudioParam's initial (default) value is not a change: setParam owns the start value.
        if (!first && !this.events.insert(id, value, start + frame)) this.queueFull++;
      }
    }
  }

  /** POST: what entered PRE this quantum becomes the A/B listen alternate (A); silence if unlinked. */
  private feedAlternate(quantumStart: number, frames: number): void {
    const link = this.link;
    const fresh = link !== null && link.stampFrame === quantumStart && link.frames === frames && link.channels > 0;
    for (let c = 0; c < this.channels; c++) {
      const target = this.plugin!.kernel.alternate(c);
      if (fresh) target.set(this.linkViews[Math.min(c, link.channels - 1)]!);
      else target.fill(0, 0, frames);
    }
  }

  private exchangeLink(input: Float32Array[], frames: number, quantumStart: number): void {
    const link = this.link;
    if (!link) return;
    if (this.role === "pre") {
      const channels = Math.min(input.length, MAX_CHANNELS);
      for (let c = 0; c < channels; c++) if (frames <= MAX_FRAMES) link.input[c]!.set(input[c]!);
      link.channels = channels;
      link.frames = frames;
      link.stampFrame = quantumStart;
    } else {
      this.linked = link.stampFrame === quantumStart ? 1 : 0;
    }
  }

  /** Publishes at display rate, or at the frames asked for. */
  private publishIfDue(frameAfter: number): void {
    this.quanta++;
    const at = this.publishAtFrames;
    if (at.length === 0) {
      if (this.quanta % this.snapshotEveryQuanta === 0) this.publish(frameAfter);
      return;
    }
    while (this.publishAt < at.length && at[this.publishAt]! <= frameAfter) {
      this.publishAt++;
      this.publish(frameAfter);
    }
  }

  private publish(frame: number): void {
    const kernel = this.plugin!.kernel;
    kernel.exports.readMeters();
    this.snapshot.write(
      kernel.readoutView(),
      frame,
      sampleRate,
      this.channels,
      this.linked,
      this.queueFull,
      this.capture.frames,
    );
    // Without shared memory the snapshot has to travel as a message (display rate, not per block),
    // and a finished latency capture with it (once per measurement).
    if (this.fallback) {
      const message: Partial<SentSnapshot> = {
        gainstageSnapshot: this.snapshot.values.slice(),
        gainstageMoves: this.fallbackMoves.slice(0, 3 * this.fallbackMoveCount),
      };
      const capture = this.capture.shared ? null : this.capture.takeFinished();
      if (capture) message.gainstageCapture = capture;
      this.port.postMessage(message);
      this.fallbackMoveCount = 0;
    }
  }

  /** Without shared memory: keeps a move for the next snapshot message (the latest wins when full). */
  private keepMove(id: number, value: number, frame: number): boolean {
    const at = 3 * Math.min(this.fallbackMoveCount, MAX_FALLBACK_MOVES - 1);
    this.fallbackMoves[at] = id;
    this.fallbackMoves[at + 1] = value;
    this.fallbackMoves[at + 2] = frame;
    if (this.fallbackMoveCount < MAX_FALLBACK_MOVES) this.fallbackMoveCount++;
    return true;
  }
}
