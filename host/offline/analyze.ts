/**
 * Offline analysis of one audio file with the very same kernel the worklet runs: the file is
 * streamed through the IN tap in blocks, Learn listens to the whole file (gated like BS.1770),
 * and optional time series are read on the kernel's own evaluation clock. Readings of silence
 * are −Infinity here and null in JSON, never NaN. Thread: the offline host (main or worker).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Kernel, type ChannelReadings, type TapReadings } from "../kernel.js";
import { describeDecision } from "../auto-trim.js";
import { DETECTOR_SPECS } from "../params.js";
import { KernelParam as P, MAX_FRAMES, TAP_IN, TAP_OUT, Meter, LoudnessField as L, ChannelField as C, channelFieldsOffset } from "../kernel-layout.js";
import { AudioFileError, clipRuleBits, type AudioBlockReader } from "./audio-reader.js";
import { openAudioFile } from "./audio-file.js";

/** Detector names on the command line, index = the kernel's detector (DETECTOR_SPECS in host/params.ts). */
export const DETECTOR_NAMES = DETECTOR_SPECS.map((d) => d.key);
export type DetectorName = string;
/**
 * Series the analysis can record: loudness (LUFS), VU (re the reference), AES17 RMS (dB), and per
 * hop the highest sample peak (dBFS) and true peak (dBTP).
 */
export const SERIES_NAMES = ["momentary", "shortterm", "vu", "rms", "peak", "truepeak"] as const;
export type SeriesName = (typeof SERIES_NAMES)[number];

export interface AnalyzeSettings {
  /** Auto-trim target in the detector's units (its range: DETECTOR_SPECS). */
  targetDb: number;
  detector: DetectorName;
  /** Sample-peak ceiling after the trim (dBFS), or null for none. */
  ceilingDbfs: number | null;
  /** True-peak ceiling after the trim (dBTP), or null for none. */
  ceilingTpDbtp: number | null;
  series: readonly SeriesName[];
  hopSeconds: number;
}

export const DEFAULT_SETTINGS: AnalyzeSettings = { targetDb: -18, detector: "rms-gated", ceilingDbfs: -6, ceilingTpDbtp: null, series: [], hopSeconds: 0.01 };

export interface ChannelAnalysis {
  samplePeakDbfs: number;
  truePeakDbtp: number;
  /** RMS of the whole file, plain dBFS and AES17 (re a full-scale sine). */
  rmsDbfs: number;
  rmsAes17Db: number;
  vuMaxVu: number;
  integratedLufs: number;
  loudnessRangeLu: number;
  maxMomentaryLufs: number;
  maxShortTermLufs: number;
  clipCount: number;
}

export interface Series { t0: number; hopSeconds: number; values: (number | null)[] }

export interface FileAnalysis extends ChannelAnalysis {
  file: string;
  container: AudioBlockReader["container"];
  /** What the file is, for people ("WAV PCM 24-bit"). */
  format: string;
  sampleRate: number;
  channels: number;
  durationSeconds: number;
  /** Which samples count as clipped: "integer" (the format's largest or smallest code) or "float" (|x| ≥ 1). */
  clipRule: "integer" | "float";
  /** The gain that puts the file at the target by the detector (ceilings applied); null if it cannot be learned. */
  autoTrimDb: number | null;
  autoTrim: {
    detector: DetectorName; unit: string; gated: boolean; targetDb: number; levelDb: number; limitedBy: string;
    peakAfterDbfs: number; truePeakAfterDbtp: number; message: string;
  };
  perChannel: ChannelAnalysis[];
  series?: Partial<Record<SeriesName, Series>>;
}

let cachedModule: WebAssembly.Module | null = null;
/** Blocks between pauses for the event loop: about 5 ms of work. */
const YIELD_EVERY_BLOCKS = 16;

/** The release kernel, compiled once per process (or worker). */
export function kernelModule(): WebAssembly.Module {
  if (cachedModule) return cachedModule;
  // From the TypeScript source (tests) the build is at ../../build; from the CLI bundle in build/cli, at ../.
  for (const candidate of ["../../build/gainstage.wasm", "../gainstage.wasm"]) {
    try {
      cachedModule = new WebAssembly.Module(readFileSync(fileURLToPath(new URL(candidate, import.meta.url))));
      return cachedModule;
    } catch { /* try the next place */ }
  }
  throw new Error("the Gainstage kernel (build/gainstage.wasm) is not built: run npm run build:wasm");
}

/** Sets the kernel's auto-trim parameters from `settings`. */
export function applySettings(kernel: Kernel, settings: AnalyzeSettings): void {
  const detector = DETECTOR_NAMES.indexOf(settings.detector);
  if (detector < 0) throw new Error(`unknown detector "${settings.detector}"`);
  kernel.setParam(P.P_LEARN_DETECTOR, detector);
  kernel.setParam(P.P_LEARN_TARGET_DB, settings.targetDb);
  kernel.setParam(P.P_CEILING_ON, settings.ceilingDbfs === null ? 0 : 1);
  if (settings.ceilingDbfs !== null) kernel.setParam(P.P_CEILING_DBFS, settings.ceilingDbfs);
  kernel.setParam(P.P_CEILING_TP_ON, settings.ceilingTpDbtp === null ? 0 : 1);
  if (settings.ceilingTpDbtp !== null) kernel.setParam(P.P_CEILING_TP_DBTP, settings.ceilingTpDbtp);
}

/**
 * Streams every block of `reader` as spans of at most MAX_FRAMES frames, ending a span wherever
 * `nextStop(frame)` asks (a series read): `span(channels, at, count, frameEnd)` gets each.
 * Returns the frames read.
 */
export async function streamSpans(reader: AudioBlockReader, span: (channels: Float32Array[], at: number, count: number, frameEnd: number) => void, nextStop: (frame: number) => number = () => Infinity): Promise<number> {
  let frame = 0, blocks = 0;
  for (let block = await reader.read(); block; block = await reader.read()) {
    // Readers resolve at once, so without a pause the event loop (signals, worker messages) would wait for the whole file.
    if (++blocks % YIELD_EVERY_BLOCKS === 0) await new Promise((resolve) => setImmediate(resolve));
    for (let at = 0; at < block.frames;) {
      const count = Math.min(MAX_FRAMES, block.frames - at, nextStop(frame) - frame);
      frame += count;
      span(block.channels, at, count, frame);
      at += count;
    }
  }
  return frame;
}

/** Copies frames [at, at + count) of `channels` into the kernel's input (channel offset `first`) and processes them. */
export function feed(kernel: Kernel, channels: Float32Array[], at: number, count: number, first = 0): void {
  for (let c = 0; c < kernel.channels; c++) kernel.input(c).set(channels[first + c]!.subarray(at, at + count));
  kernel.processRange(0, count);
}

const SERIES_FIELD: Record<SeriesName, (channelBase: number) => number> = {
  momentary: () => L.L_MOMENTARY_LUFS,
  shortterm: () => L.L_SHORT_TERM_LUFS,
  vu: (base) => base + C.C_VU,
  rms: (base) => base + C.C_RMS_AES17_DB,
  peak: (base) => base + C.C_SAMPLE_PEAK_DBFS,
  truepeak: (base) => base + C.C_TRUE_PEAK_DBTP,
};

/** Analyses `path`; throws AudioFileError for a file it cannot read. `onProgress` gets 0 … 1. */
export async function analyzeFile(path: string, settings: AnalyzeSettings = DEFAULT_SETTINGS, onProgress?: (fraction: number) => void): Promise<FileAnalysis> {
  const reader = await openAudioFile(path, MAX_FRAMES);
  try {
    const kernel = new Kernel(kernelModule());
    kernel.setup(reader.sampleRate, reader.channels);
    kernel.setMeterMask(TAP_OUT, 0);
    kernel.setClipRule(TAP_IN, clipRuleBits(reader.format));
    applySettings(kernel, settings);
    kernel.exports.learnStart(0);

    // Series are read on the kernel's evaluation grid: the hop is a whole number of evaluations.
    const evaluation = kernel.exports.evaluationFrames(reader.sampleRate);
    const hopFrames = Math.max(1, Math.round((settings.hopSeconds * reader.sampleRate) / evaluation)) * evaluation;
    const series = settings.series.map((name) => ({ name, slot: SERIES_FIELD[name](channelFieldsOffset(-1)), values: [] as (number | null)[] }));
    const view = kernel.readoutView();
    const progressEvery = reader.sampleRate;
    let progressAt = progressEvery;
    // BS.1770 sums the channels; each channel's own loudness needs a mono kernel (loudness only).
    const monos = reader.channels > 1 ? Array.from({ length: reader.channels }, () => {
      const mono = new Kernel(kernelModule());
      mono.setup(reader.sampleRate, 1);
      mono.setClipRule(TAP_IN, clipRuleBits(reader.format));
      mono.setMeterMask(TAP_IN, Meter.METER_LOUDNESS);
      mono.setMeterMask(TAP_OUT, 0);
      return mono;
    }) : [];
    const frames = await streamSpans(reader, (channels, at, count, frame) => {
      feed(kernel, channels, at, count);
      monos.forEach((mono, c) => feed(mono, channels, at, count, c));
      if (series.length > 0 && frame % hopFrames === 0) {
        kernel.exports.readMeters();
        for (const s of series) { const value = view[s.slot]!; s.values.push(Number.isFinite(value) ? value : null); }
      }
      if (onProgress && frame >= progressAt) { progressAt += progressEvery; onProgress(reader.progress()); }
    }, (frame) => (series.length > 0 ? (Math.floor(frame / hopFrames) + 1) * hopFrames : Infinity));
    if (frames === 0) throw new AudioFileError("no audio frames in the file");

    kernel.exports.learnFinish();
    const decision = kernel.readAutoTrim();
    const spec = DETECTOR_SPECS[decision.detector]!;
    const [tap] = kernel.readSnapshot();
    const loudness = (t: TapReadings) => ({
      integratedLufs: t.integratedLufs, loudnessRangeLu: t.loudnessRangeLu,
      maxMomentaryLufs: t.momentaryMaxSinceResetLufs, maxShortTermLufs: t.shortTermMaxSinceResetLufs,
    });
    const channel = (r: ChannelReadings, t: TapReadings): ChannelAnalysis => ({
      samplePeakDbfs: r.samplePeakMaxDbfs, truePeakDbtp: r.truePeakMaxDbtp, rmsDbfs: r.rmsTotalDbfs, rmsAes17Db: r.rmsTotalAes17Db,
      vuMaxVu: r.vuMaxSinceReset, ...loudness(t), clipCount: r.clipCount,
    });
    const result: FileAnalysis = {
      file: path,
      container: reader.container,
      format: reader.description,
      sampleRate: reader.sampleRate,
      channels: reader.channels,
      durationSeconds: frames / reader.sampleRate,
      ...channel(tap!.overall, tap!),
      clipRule: reader.format.kind === "int" ? "integer" : "float",
      autoTrimDb: decision.status === "ok" ? decision.trimDb : null,
      autoTrim: {
        detector: settings.detector, unit: spec.unit, gated: spec.gated, targetDb: decision.targetDb, levelDb: decision.levelDb,
        limitedBy: decision.limitedBy, peakAfterDbfs: decision.peakAfterDbfs, truePeakAfterDbtp: decision.truePeakAfterDbtp,
        message: describeDecision(decision),
      },
      perChannel: tap!.channels.map((readings, c) => channel(readings, monos.length > 0 ? monos[c]!.readSnapshot()[0]! : tap!)),
    };
    if (series.length > 0) {
      result.series = Object.fromEntries(series.map((s) => [s.name, { t0: hopFrames / reader.sampleRate, hopSeconds: hopFrames / reader.sampleRate, values: s.values }]));
    }
    onProgress?.(1);
    return result;
  } finally {
    reader.close();
  }
}
