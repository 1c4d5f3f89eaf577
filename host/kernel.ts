/**
 * Typed handle on one kernel instance (build/gainstage.wasm). Thread: whichever owns it — the
 * audio thread in the worklet, the worker in the offline host. Construction instantiates
 * synchronously (WebAssembly.Instance), as an AudioWorkletGlobalScope requires. After setup()
 * nothing here allocates except readSnapshot(), which is for tests and offline use.
 */
import {
  MAX_CHANNELS, MAX_FRAMES, TAP_FIELDS, TAP_COUNT, READOUT_SLOTS, LoudnessField as L, ChannelField as C, AutoTrimField as A,
  channelFieldsOffset, Status,
} from "./kernel-layout.js";

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
  detectorTargetMin(detector: number): number;
  detectorTargetMax(detector: number): number;
  paramMin(id: number): number;
  paramMax(id: number): number;
  paramDefault(id: number): number;
  paramIsStepped(id: number): number;
}

export class KernelError extends Error {
  constructor(readonly status: number, what: string) {
    super(`${what}: ${statusText(status)}`);
  }
}

export function statusText(status: number): string {
  const name = Object.entries(Status).find(([, value]) => value === status)?.[0];
  return name ? name.replace(/^STATUS_/, "").toLowerCase().replace(/_/g, " ") : `status ${status}`;
}

/** Readings of one channel (or the overall max over channels). dB values; -Infinity = silence. */
export interface ChannelReadings {
  samplePeakDbfs: number; samplePeakMaxDbfs: number;
  truePeakDbtp: number; truePeakMaxDbtp: number;
  rmsDbfs: number; rmsAes17Db: number; rmsMaxDbfs: number; rmsMaxAes17Db: number;
  rmsTotalDbfs: number; rmsTotalAes17Db: number;
  vu: number; vuMax: number; vuMaxSinceReset: number;
  clipCount: number; nonFiniteCount: number;
}

export interface TapReadings {
  momentaryLufs: number; momentaryMaxLufs: number; momentaryMaxSinceResetLufs: number;
  shortTermLufs: number; shortTermMaxLufs: number; shortTermMaxSinceResetLufs: number;
  integratedLufs: number; loudnessRangeLu: number;
  framesSinceReset: number; gatingBlocks: number; lraValues: number;
  /** Loudness of everything since reset, ungated, and the frames it covers (window loudness from two readings). */
  ungatedLufs: number; ungatedFrames: number;
  overall: ChannelReadings;
  channels: ChannelReadings[];
}

export class Kernel {
  readonly exports: KernelExports;
  private inputs: Float32Array[] = [];
  private outputs: Float32Array[] = [];
  private alternates: Float32Array[] = [];
  private readout = new Float64Array(0);
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
    this.inputs = []; this.outputs = []; this.alternates = [];
    for (let channel = 0; channel < MAX_CHANNELS; channel++) {
      this.inputs.push(new Float32Array(buffer, this.exports.inputBuffer() + channel * stride, MAX_FRAMES));
      this.outputs.push(new Float32Array(buffer, this.exports.outputBuffer() + channel * stride, MAX_FRAMES));
      this.alternates.push(new Float32Array(buffer, this.exports.alternateBuffer() + channel * stride, MAX_FRAMES));
    }
    this.readout = new Float64Array(buffer, this.exports.readoutBuffer(), READOUT_SLOTS);
  }

  input(channel: number): Float32Array { return this.inputs[channel]!; }
  output(channel: number): Float32Array { return this.outputs[channel]!; }
  /** The A/B listen alternate input (A). */
  alternate(channel: number): Float32Array { return this.alternates[channel]!; }
  /** Raw readout (both taps), valid after readMeters(). */
  readoutView(): Float64Array { return this.readout; }

  /** Returns the status; negative = rejected, nothing changed. */
  setParam(id: number, value: number): number { return this.exports.setParam(id, value); }
  getParam(id: number): number { return this.exports.getParam(id); }

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

  resetMeters(): void { this.exports.resetMeters(); }
  reset(): void { this.exports.reset(); }

  /** readMeters() and decode both taps (allocates: not for the audio thread). */
  readSnapshot(): TapReadings[] {
    if (this.exports.readMeters() < 0) throw new KernelError(Status.STATUS_NOT_READY, "readMeters");
    return [0, 1].map((tap) => decodeTap(this.readout, tap * TAP_FIELDS, this.channels));
  }

  /** readMeters() and decode the auto-trim block. */
  readAutoTrim(): AutoTrimReadings {
    if (this.exports.readMeters() < 0) throw new KernelError(Status.STATUS_NOT_READY, "readMeters");
    return decodeAutoTrim(this.readout, TAP_COUNT * TAP_FIELDS);
  }
}

export const LEARN_STATES = ["idle", "learning", "done", "riding"] as const;
export const LEARN_STATUSES = ["ok", "silent", "too little signal", "loudness meter off", "true-peak meter off"] as const;
export const LIMITED_BY = ["target", "peak ceiling", "trim range", "true-peak ceiling"] as const;

/** What auto-trim decided and why (levels in the detector's units). */
export interface AutoTrimReadings {
  state: (typeof LEARN_STATES)[number];
  status: (typeof LEARN_STATUSES)[number];
  detector: number;
  levelDb: number;
  targetDb: number;
  trimDb: number;
  limitedBy: (typeof LIMITED_BY)[number];
  peakBeforeDbfs: number;
  peakAfterDbfs: number;
  seconds: number;
  blocksTotal: number;
  blocksKept: number;
  inputTrimDb: number;
  outputTrimDb: number;
  truePeakBeforeDbtp: number;
  truePeakAfterDbtp: number;
}

export function decodeAutoTrim(view: Float64Array, base: number): AutoTrimReadings {
  const at = (field: number) => view[base + field]!;
  return {
    state: LEARN_STATES[at(A.A_STATE)] ?? "idle",
    status: LEARN_STATUSES[at(A.A_STATUS)] ?? "ok",
    detector: at(A.A_DETECTOR),
    levelDb: at(A.A_LEVEL_DB),
    targetDb: at(A.A_TARGET_DB),
    trimDb: at(A.A_TRIM_DB),
    limitedBy: LIMITED_BY[at(A.A_LIMITED_BY)] ?? "target",
    peakBeforeDbfs: at(A.A_PEAK_BEFORE_DBFS),
    peakAfterDbfs: at(A.A_PEAK_AFTER_DBFS),
    seconds: at(A.A_SECONDS),
    blocksTotal: at(A.A_BLOCKS_TOTAL),
    blocksKept: at(A.A_BLOCKS_KEPT),
    inputTrimDb: at(A.A_INPUT_TRIM_DB),
    outputTrimDb: at(A.A_OUTPUT_TRIM_DB),
    truePeakBeforeDbtp: at(A.A_TRUE_PEAK_BEFORE_DBTP),
    truePeakAfterDbtp: at(A.A_TRUE_PEAK_AFTER_DBTP),
  };
}

function decodeChannel(view: Float64Array, at: number): ChannelReadings {
  return {
    samplePeakDbfs: view[at + C.C_SAMPLE_PEAK_DBFS]!, samplePeakMaxDbfs: view[at + C.C_SAMPLE_PEAK_MAX_DBFS]!,
    truePeakDbtp: view[at + C.C_TRUE_PEAK_DBTP]!, truePeakMaxDbtp: view[at + C.C_TRUE_PEAK_MAX_DBTP]!,
    rmsDbfs: view[at + C.C_RMS_DBFS]!, rmsAes17Db: view[at + C.C_RMS_AES17_DB]!,
    rmsMaxDbfs: view[at + C.C_RMS_MAX_DBFS]!, rmsMaxAes17Db: view[at + C.C_RMS_MAX_AES17_DB]!,
    rmsTotalDbfs: view[at + C.C_RMS_TOTAL_DBFS]!, rmsTotalAes17Db: view[at + C.C_RMS_TOTAL_AES17_DB]!,
    vu: view[at + C.C_VU]!, vuMax: view[at + C.C_VU_MAX]!, vuMaxSinceReset: view[at + C.C_VU_MAX_SINCE_RESET]!,
    clipCount: view[at + C.C_CLIP_COUNT]!, nonFiniteCount: view[at + C.C_NON_FINITE_COUNT]!,
  };
}

/** Decodes one tap block starting at slot `base` of a readout view. */
export function decodeTap(view: Float64Array, base: number, channels: number): TapReadings {
  return {
    momentaryLufs: view[base + L.L_MOMENTARY_LUFS]!,
    momentaryMaxLufs: view[base + L.L_MOMENTARY_MAX_LUFS]!,
    momentaryMaxSinceResetLufs: view[base + L.L_MOMENTARY_MAX_SINCE_RESET_LUFS]!,
    shortTermLufs: view[base + L.L_SHORT_TERM_LUFS]!,
    shortTermMaxLufs: view[base + L.L_SHORT_TERM_MAX_LUFS]!,
    shortTermMaxSinceResetLufs: view[base + L.L_SHORT_TERM_MAX_SINCE_RESET_LUFS]!,
    integratedLufs: view[base + L.L_INTEGRATED_LUFS]!,
    loudnessRangeLu: view[base + L.L_LOUDNESS_RANGE_LU]!,
    framesSinceReset: view[base + L.L_FRAMES_SINCE_RESET]!,
    gatingBlocks: view[base + L.L_GATING_BLOCKS]!,
    lraValues: view[base + L.L_LRA_VALUES]!,
    ungatedLufs: view[base + L.L_UNGATED_LUFS]!,
    ungatedFrames: view[base + L.L_UNGATED_FRAMES]!,
    overall: decodeChannel(view, base + channelFieldsOffset(-1)),
    channels: Array.from({ length: channels }, (_, c) => decodeChannel(view, base + channelFieldsOffset(c))),
  };
}
