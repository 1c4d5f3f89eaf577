/**
 * Typed handle on one kernel instance (build/gainstage.wasm). Thread: whichever owns it — the
 * audio thread in the worklet, the worker in the offline host. Construction instantiates
 * synchronously (WebAssembly.Instance), as an AudioWorkletGlobalScope requires. After setup()
 * nothing here allocates except readSnapshot(), which is for tests and offline use.
 */
import { MAX_CHANNELS, MAX_FRAMES, READOUT_SLOTS, statusText } from "../declaration/layout.js";

export interface KernelExports {
  memory: WebAssembly.Memory;
  inputBuffer(): number;
  outputBuffer(): number;
  readoutBuffer(): number;
  arenaUsedBytes(): number;
  evaluationFrames(sampleRate: number): number;
  setup(sampleRate: number, channels: number): number;
  reset(): void;
  resetMeters(): void;
  setParam(id: number, value: number): number;
  getParam(id: number): number;
  processRange(start: number, count: number): number;
  setMeterMask(tap: number, mask: number): number;
  alternateBuffer(): number;
  learnStart(seconds: number): number;
  learnFinish(): number;
  learnCancel(): number;
  readMeters(): number;
  setClipRule(tap: number, integerBits: number): number;
  markWindow(tap: number, mark: number, serial: number): number;
  detectorTargetMin(detector: number): number;
  detectorTargetMax(detector: number): number;
  outputEventBuffer(): number;
  outputEventCount(): number;
  outputEventBytes(): number;
  paramMin(id: number): number;
  paramMax(id: number): number;
  paramDefault(id: number): number;
  paramIsStepped(id: number): number;
}

export class KernelError extends Error {
  constructor(
    readonly status: number,
    what: string,
  ) {
    super(`${what}: ${statusText(status)}`);
  }
}

export class Kernel {
  readonly exports: KernelExports;
  private inputs: Float32Array[] = [];
  private outputs: Float32Array[] = [];
  private alternates: Float32Array[] = [];
  private readout = new Float64Array(0);
  private events = new DataView(new ArrayBuffer(0));
  channels = 0;
  sampleRate = 0;

  constructor(module: WebAssembly.Module) {
    this.exports = new WebAssembly.Instance(module, {}).exports as unknown as KernelExports;
  }

  /** Prepares for a rate and channel count; throws KernelError (state unchanged) if refused. */
  setup(sampleRate: number, channels: number): void {
    const status = this.trySetup(sampleRate, channels);
    if (status < 0) throw new KernelError(status, `setup(${sampleRate} Hz, ${channels} ch)`);
  }

  /**
   * setup() that returns the status instead of throwing. Allocates only if kernel memory grew
   * (the views must then be rebuilt); set up once for MAX_CHANNELS first and it never will.
   */
  trySetup(sampleRate: number, channels: number): number {
    const status = this.exports.setup(sampleRate, channels);
    if (status < 0) return status;
    this.sampleRate = sampleRate;
    this.channels = channels;
    if (this.readout.buffer !== this.exports.memory.buffer) this.refreshViews();
    return status;
  }

  /** Views over kernel memory (every channel slot, whatever the set-up). */
  private refreshViews(): void {
    const buffer = this.exports.memory.buffer;
    const stride = MAX_FRAMES * 4;
    this.inputs = [];
    this.outputs = [];
    this.alternates = [];
    for (let channel = 0; channel < MAX_CHANNELS; channel++) {
      this.inputs.push(new Float32Array(buffer, this.exports.inputBuffer() + channel * stride, MAX_FRAMES));
      this.outputs.push(new Float32Array(buffer, this.exports.outputBuffer() + channel * stride, MAX_FRAMES));
      this.alternates.push(new Float32Array(buffer, this.exports.alternateBuffer() + channel * stride, MAX_FRAMES));
    }
    this.readout = new Float64Array(buffer, this.exports.readoutBuffer(), READOUT_SLOTS);
    this.events = new DataView(buffer, this.exports.outputEventBuffer());
  }

  /**
   * Move `index` the kernel made in the last processRange()/learnFinish() (see outputEventCount()),
   * written into `into` as [parameter id, frame offset in that call, plain value]. No allocation.
   */
  outputEvent(index: number, into: Float64Array): void {
    const at = index * this.exports.outputEventBytes();
    into[0] = this.events.getInt32(at, true);
    into[1] = this.events.getInt32(at + 4, true);
    into[2] = this.events.getFloat64(at + 8, true);
  }

  input(channel: number): Float32Array {
    return this.inputs[channel]!;
  }
  output(channel: number): Float32Array {
    return this.outputs[channel]!;
  }
  /** The A/B listen alternate input (A). */
  alternate(channel: number): Float32Array {
    return this.alternates[channel]!;
  }
  /** Raw readout (both taps), valid after readMeters(). */
  readoutView(): Float64Array {
    return this.readout;
  }

  /** Returns the status; negative = rejected, nothing changed. */
  setParam(id: number, value: number): number {
    return this.exports.setParam(id, value);
  }
  getParam(id: number): number {
    return this.exports.getParam(id);
  }

  processRange(start: number, count: number): void {
    const status = this.exports.processRange(start, count);
    if (status < 0) throw new KernelError(status, `processRange(${start}, ${count})`);
  }

  /**
   * Feeds planar `channels` (equal lengths, any length) through the kernel in blocks of
   * `blockFrames` and returns the planar output. For tests and offline use (allocates).
   */
  processAll(channels: Float32Array[], blockFrames = 128): Float32Array[] {
    const frames = channels[0]!.length;
    const out = channels.map(() => new Float32Array(frames));
    for (let start = 0; start < frames; start += blockFrames) {
      const count = Math.min(blockFrames, frames - start);
      channels.forEach((data, c) => this.inputs[c]!.set(data.subarray(start, start + count)));
      this.processRange(0, count);
      out.forEach((data, c) => data.set(this.outputs[c]!.subarray(0, count), start));
    }
    return out;
  }

  /** Chooses which meters tap `tap` runs (Meter bits); throws KernelError if refused. */
  setMeterMask(tap: number, mask: number): void {
    const status = this.exports.setMeterMask(tap, mask);
    if (status < 0) throw new KernelError(status, `setMeterMask(${tap}, ${mask})`);
  }

  /** Which samples tap `tap` counts as clipped: 0 = float rule, else the source file's integer depth. */
  setClipRule(tap: number, integerBits: number): void {
    const status = this.exports.setClipRule(tap, integerBits);
    if (status < 0) throw new KernelError(status, `setClipRule(${tap}, ${integerBits})`);
  }

  resetMeters(): void {
    this.exports.resetMeters();
  }
  reset(): void {
    this.exports.reset();
  }
}
