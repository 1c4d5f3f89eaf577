/**
 * The plugin contract, CLAP-shaped (clap_plugin: activate / reset / process / flush), so a
 * CLAP, VST3 or WAM wrapper stays thin. The AudioWorklet processor and the offline host both
 * drive the kernel through this class.
 *
 * Thread: construct and activate() on any thread before audio runs; process(), reset() and
 * flush() on the audio thread (or the offline worker). Nothing here allocates after activate().
 * Units: frames; parameter events carry table ids (host/params.ts) and plain values.
 * Latency 0 frames, tail 0 frames (descriptor.ts).
 */
import { Kernel } from "./kernel.js";
import { MAX_CHANNELS, MAX_FRAMES, Status } from "./kernel-layout.js";
import { Command } from "./param-events.js";
import { PARAMS, type ParamSpec } from "./params.js";
import type { Role } from "./worklet/protocol.js";

/** Events sorted by frame (absolute frames on the caller's clock), consumed front to back. */
export interface EventSource {
  size(): number;
  nextFrame(): number;
  nextId(): number;
  nextValue(): number;
  shift(): void;
}

const ID_SPACE = 64;

/** Whether a point of `role` applies `spec` in its kernel. */
export function pointApplies(spec: ParamSpec, role: Role): boolean {
  return spec.kernelId !== undefined && (role === "single" || spec.appliesAt === "both" || spec.appliesAt === role);
}

export class GainstagePlugin {
  readonly kernel: Kernel;
  readonly role: Role;
  /** Table id → kernel id for the parameters this point applies; −1 otherwise. */
  private readonly kernelIds = new Int32Array(ID_SPACE).fill(-1);
  private active = false;
  private maxFrames = 0;

  constructor(module: WebAssembly.Module, role: Role = "single") {
    this.kernel = new Kernel(module);
    this.role = role;
    for (const spec of PARAMS) if (pointApplies(spec, role)) this.kernelIds[spec.id] = spec.kernelId!;
  }

  /**
   * Prepares for `sampleRate` and `channels`; blocks will hold minFrames … maxFrames frames.
   * Throws KernelError if the kernel refuses (nothing changes then). Memory is grown here, once,
   * for the largest channel count, so a later channel change (setChannels) never grows it.
   */
  activate(sampleRate: number, minFrames: number, maxFrames: number, channels: number): void {
    if (!(minFrames >= 1 && maxFrames >= minFrames)) throw new RangeError(`block sizes ${minFrames} … ${maxFrames} are not valid`);
    this.kernel.setup(sampleRate, MAX_CHANNELS);
    this.kernel.setup(sampleRate, channels);
    this.maxFrames = maxFrames;
    this.active = true;
  }

  /** Follows a channel count change on the audio thread: parameters kept, meters restart. False if refused. */
  setChannels(channels: number): boolean {
    if (channels === this.kernel.channels) return true;
    return this.kernel.trySetup(this.kernel.sampleRate, channels) === Status.STATUS_OK;
  }

  get channels(): number { return this.kernel.channels; }

  /** Clears meters and lands gain ramps (CLAP reset: after a transport jump, say). */
  reset(): void {
    this.kernel.reset();
  }

  /**
   * Processes `frames` frames that start at `startFrame` on the events' clock. Input must already
   * be in kernel.input(c) for frames [0, frames) (≤ MAX_FRAMES); output is in kernel.output(c).
   * Every event due before the end of the block is applied at its exact frame (late events at
   * frame 0) and removed from `events`.
   */
  process(startFrame: number, frames: number, events: EventSource): void {
    if (!this.active) return;
    let at = 0;
    while (at < frames) {
      while (events.size() > 0 && events.nextFrame() <= startFrame + at) {
        this.apply(events.nextId(), events.nextValue());
        events.shift();
      }
      const next = events.nextFrame();
      const end = next < startFrame + frames ? next - startFrame : frames;
      this.kernel.exports.processRange(at, end - at);
      at = end;
    }
  }

  /** Applies events outside processing (CLAP flush): everything `events` holds, now. */
  flush(events: EventSource): void {
    while (events.size() > 0) {
      this.apply(events.nextId(), events.nextValue());
      events.shift();
    }
  }

  /** One event: a parameter change (table id, plain value) or a Command. */
  apply(id: number, value: number): void {
    if (id === Command.RESET_METERS) this.kernel.exports.resetMeters();
    else if (id === Command.SET_METER_MASK) this.kernel.exports.setMeterMask(Math.floor(value / 256), value % 256);
    else if (id === Command.LEARN_START) this.kernel.exports.learnStart(value);
    else if (id === Command.LEARN_FINISH) this.kernel.exports.learnFinish();
    else if (id === Command.LEARN_CANCEL) this.kernel.exports.learnCancel();
    else if (id === Command.SET_CLIP_RULE) this.kernel.exports.setClipRule(Math.floor(value / 256), value % 256);
    else if (id >= 0 && id < ID_SPACE && this.kernelIds[id]! >= 0) this.kernel.exports.setParam(this.kernelIds[id]!, value);
  }

  /** The largest block activate() was told of. */
  get blockFrames(): number { return Math.min(this.maxFrames, MAX_FRAMES); }
}
