/**
 * The plugin contract, CLAP-shaped (clap_plugin: activate / reset / process / flush), so a
 * CLAP, VST3 or WAM wrapper stays thin. The AudioWorklet processor and the offline host both
 * drive the kernel through this class.
 *
 * Thread: construct and activate() on any thread before audio runs; process(), reset() and
 * flush() on the audio thread (or the offline worker). Nothing here allocates after activate().
 * Units: frames; events carry the contract's ids (parameters and commands, events.ts) and plain
 * values; the kernel applies the same ids. Latency 0 frames, tail 0 frames (descriptor.ts).
 */
import { Command, type EventSink, type EventSource } from "./events.js";
import { Kernel } from "./kernel.js";
import { LIMITS } from "../declaration/declaration.js";
import { MAX_CHANNELS, MAX_FRAMES, STATUS_CODE } from "../declaration/layout.js";
import {
  commandTap,
  commandValue,
  markOf,
  markSerial,
  PARAMETERS as PARAMS,
  type ParamSpec,
} from "../declaration/declaration.js";

/** A point's role: alone, or the PRE or POST half of a pair around an insert chain. */
export type Role = "single" | "pre" | "post";

/** Whether a point of `role` applies `spec` in its kernel. */
export function pointApplies(spec: ParamSpec, role: Role): boolean {
  return spec.kernel && (role === "single" || spec.appliesAt === "both" || spec.appliesAt === role);
}

export class GainstagePlugin {
  readonly kernel: Kernel;
  private pointRole: Role;
  /** 1 for the parameter ids this point applies, by id. */
  private readonly applies = new Uint8Array(LIMITS.paramIdEnd);
  private readonly outputEvent = new Float64Array(3);
  private active = false;
  private maxFrames = 0;
  /** Spans the kernel refused since activate() (a host may show it; audio there is silence). */
  refusedSpans = 0;

  constructor(module: WebAssembly.Module, role: Role = "single") {
    this.kernel = new Kernel(module);
    this.pointRole = role;
    for (const spec of PARAMS) if (pointApplies(spec, role)) this.applies[spec.id] = 1;
  }

  get role(): Role {
    return this.pointRole;
  }

  /**
   * Makes this point PRE, POST or single (a pair made or undone while running). A parameter it
   * stops applying returns to its default in the kernel (0 dB, off: neutral), so a trim is never
   * applied twice in a pair; the host then sends the values of those it now applies.
   * Thread: audio thread, between process() calls. Allocates nothing.
   */
  setRole(role: Role): void {
    for (const spec of PARAMS) {
      const applies = pointApplies(spec, role) ? 1 : 0;
      if (this.applies[spec.id] === 1 && applies === 0) this.kernel.exports.setParam(spec.id, spec.default);
      this.applies[spec.id] = applies;
    }
    this.pointRole = role;
  }

  /**
   * Prepares for `sampleRate` and `channels`; blocks will hold minFrames … maxFrames frames.
   * Throws KernelError if the kernel refuses (nothing changes then). Memory is grown here, once,
   * for the largest channel count, so a later channel change (setChannels) never grows it.
   */
  activate(sampleRate: number, minFrames: number, maxFrames: number, channels: number): void {
    if (!(minFrames >= 1 && maxFrames >= minFrames))
      throw new RangeError(`block sizes ${minFrames} … ${maxFrames} are not valid`);
    this.kernel.setup(sampleRate, MAX_CHANNELS);
    this.kernel.setup(sampleRate, channels);
    this.maxFrames = maxFrames;
    this.active = true;
  }

  /** Follows a channel count change on the audio thread: parameters kept, meters restart. False if refused. */
  setChannels(channels: number): boolean {
    if (channels === this.kernel.channels) return true;
    return this.kernel.trySetup(this.kernel.sampleRate, channels) === STATUS_CODE.ok;
  }

  get channels(): number {
    return this.kernel.channels;
  }

  /** Clears meters and lands gain ramps (CLAP reset: after a transport jump, say). */
  reset(): void {
    this.kernel.reset();
  }

  /**
   * Processes `frames` frames that start at `startFrame` on the events' clock. Input must already
   * be in kernel.input(c) for frames [0, frames) (≤ MAX_FRAMES); output is in kernel.output(c).
   * Every event due before the end of the block is applied at its exact frame (late events at
   * frame 0) and removed from `events`; the moves the kernel made go to `moves` (absolute frames).
   */
  process(startFrame: number, frames: number, events: EventSource, moves?: EventSink): void {
    if (!this.active) return;
    let at = 0;
    while (at < frames) {
      while (events.size() > 0 && events.nextFrame() <= startFrame + at) {
        this.apply(events.nextId(), events.nextValue(), moves, startFrame + at);
        events.shift();
      }
      const next = events.nextFrame();
      const end = next < startFrame + frames ? next - startFrame : frames;
      if (this.kernel.exports.processRange(at, end - at) < 0) {
        // Refused (not ready, bad span): nothing ran, so the span's output is silence, never stale audio.
        this.refusedSpans++;
        for (let c = 0; c < this.kernel.channels; c++) this.kernel.output(c).fill(0, at, end);
      } else {
        this.drainMoves(moves, startFrame + at);
      }
      at = end;
    }
  }

  /** Applies events outside processing (CLAP flush): everything `events` holds, now. */
  flush(events: EventSource, moves?: EventSink): void {
    while (events.size() > 0) {
      this.apply(events.nextId(), events.nextValue(), moves, events.nextFrame());
      events.shift();
    }
  }

  /** One event: a parameter change (id, plain value) this point applies, or a command. */
  apply(id: number, value: number, moves?: EventSink, frame = 0): void {
    const exports = this.kernel.exports;
    if (id === Command.resetMeters) exports.resetMeters();
    else if (id === Command.setMeterMask) exports.setMeterMask(commandTap(value), commandValue(value));
    else if (id === Command.learnStart) exports.learnStart(value);
    else if (id === Command.learnFinish) {
      exports.learnFinish();
      this.drainMoves(moves, frame);
    } else if (id === Command.learnCancel) exports.learnCancel();
    else if (id === Command.setClipRule) exports.setClipRule(commandTap(value), commandValue(value));
    else if (id === Command.markWindow)
      exports.markWindow(commandTap(value), markOf(commandValue(value)), markSerial(commandValue(value)));
    else if (id >= 0 && id < this.applies.length && this.applies[id] === 1) exports.setParam(id, value);
  }

  /** Hands the kernel's own moves since its last call to `moves`, at absolute frames from `frame`. */
  private drainMoves(moves: EventSink | undefined, frame: number): void {
    if (!moves) return;
    const count = this.kernel.exports.outputEventCount();
    for (let i = 0; i < count; i++) {
      this.kernel.outputEvent(i, this.outputEvent);
      moves.push(this.outputEvent[0]!, this.outputEvent[2]!, frame + this.outputEvent[1]!);
    }
  }

  /** The largest block activate() was told of. */
  get blockFrames(): number {
    return Math.min(this.maxFrames, MAX_FRAMES);
  }
}
