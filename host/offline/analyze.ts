/**
 * Offline analysis of one audio file with the very same kernel the worklet runs: the file is
 * streamed through the IN tap in blocks, Learn listens to the whole file (gated like BS.1770),
 * and optional time series are read on the kernel's own evaluation clock. Readings of silence
 * are −Infinity here and null in JSON, never NaN. Thread: the offline host (main or worker).
 */
import type { AutoTrimReadings, ChannelReadings, TapReadings } from "../model/readings.js";
import { describeDecision } from "../model/learn-words.js";
import { DETECTOR_SPECS, paramByKey } from "../model/params.js";
import {
  METER,
  MAX_FRAMES,
  TAP_IN,
  TAP_OUT,
  LOUDNESS_SLOT,
  CHANNEL_SLOT,
  channelFieldsOffset,
} from "../declaration/layout.js";
import { AudioFileError, clipRuleBits, type AudioBlockReader } from "./readers/audio-reader.js";
import { openReadingAhead } from "./readers/read-ahead.js";
import { OfflinePoint, streamSpans } from "./offline-point.js";
import { peakToLoudnessRatio } from "../model/dynamics.js";
import { type DeliveryVerdict, deliveryVerdict, loudnessTarget } from "../model/loudness-targets.js";

/** Detector names on the command line, index = the kernel's detector (DETECTOR_SPECS in host/model/params.ts). */
export const DETECTOR_NAMES: readonly string[] = DETECTOR_SPECS.map((d) => d.key);
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
  /** A delivery target (loudness-targets.ts key) to judge the file against, or null. */
  delivery?: string | null;
}

const declared = (key: string) => paramByKey(key).default;
/** The command line's defaults are the plugin's: the auto-trim parameters' declared defaults. */
export const DEFAULT_SETTINGS: AnalyzeSettings = {
  targetDb: declared("autoTrimTargetDb"),
  detector: DETECTOR_SPECS[declared("autoTrimDetector")]!.key,
  ceilingDbfs: declared("peakCeilingOn") ? declared("peakCeilingDbfs") : null,
  ceilingTpDbtp: declared("peakCeilingTpOn") ? declared("peakCeilingTpDbtp") : null,
  series: [],
  hopSeconds: 0.01,
};

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

export interface Series {
  t0: number;
  hopSeconds: number;
  values: (number | null)[];
}

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
    detector: DetectorName;
    unit: string;
    gated: boolean;
    targetDb: number;
    levelDb: number;
    limitedBy: string;
    peakAfterDbfs: number;
    truePeakAfterDbtp: number;
    message: string;
  };
  perChannel: ChannelAnalysis[];
  /** Peak to loudness ratio: true peak − integrated loudness (dB; docs/metering.md §14). */
  plrDb: number;
  /** How the file stands against the delivery target asked for (--delivery). */
  delivery?: DeliveryAnalysis;
  series?: Partial<Record<SeriesName, Series>>;
}

export interface DeliveryAnalysis extends DeliveryVerdict {
  target: string;
  label: string;
  integratedLufs: number;
  toleranceLu: number;
  truePeakCeilingDbtp: number;
}

/**
 * What the analysis meters on the IN tap: everything it reports (no PPM, which it does not report),
 * with each channel's own loudness from the programme meter's K-weighting pass.
 */
const ANALYZE_METERS =
  METER.samplePeak | METER.truePeak | METER.loudness | METER.rms | METER.vu | METER.channelLoudness;

/** Sets the point's auto-trim parameters from `settings`. */
export function applySettings(point: OfflinePoint, settings: AnalyzeSettings): void {
  const detector = DETECTOR_NAMES.indexOf(settings.detector);
  if (detector < 0) throw new Error(`unknown detector "${settings.detector}"`);
  point.set("autoTrimDetector", detector);
  point.set("autoTrimTargetDb", settings.targetDb);
  point.set("peakCeilingOn", settings.ceilingDbfs === null ? 0 : 1);
  if (settings.ceilingDbfs !== null) point.set("peakCeilingDbfs", settings.ceilingDbfs);
  point.set("peakCeilingTpOn", settings.ceilingTpDbtp === null ? 0 : 1);
  if (settings.ceilingTpDbtp !== null) point.set("peakCeilingTpDbtp", settings.ceilingTpDbtp);
}

const SERIES_FIELD: Record<SeriesName, (channelBase: number) => number> = {
  momentary: () => LOUDNESS_SLOT.momentaryLufs,
  shortterm: () => LOUDNESS_SLOT.shortTermLufs,
  vu: (base) => base + CHANNEL_SLOT.vu,
  rms: (base) => base + CHANNEL_SLOT.rmsAes17Db,
  peak: (base) => base + CHANNEL_SLOT.samplePeakDbfs,
  truepeak: (base) => base + CHANNEL_SLOT.truePeakDbtp,
};

/** Analyses `path`; throws AudioFileError for a file it cannot read. `onProgress` gets 0 … 1. */
export async function analyzeFile(
  path: string,
  settings: AnalyzeSettings = DEFAULT_SETTINGS,
  onProgress?: (fraction: number) => void,
): Promise<FileAnalysis> {
  const reader = await openReadingAhead(path, MAX_FRAMES);
  try {
    const point = new OfflinePoint(reader.sampleRate, reader.channels);
    point.meters(TAP_OUT, 0);
    point.meters(TAP_IN, ANALYZE_METERS);
    point.clipRule(TAP_IN, clipRuleBits(reader.format));
    applySettings(point, settings);
    point.command("learnStart", 0);
    const { frames, series, hopFrames } = await meterAll(reader, point, settings, onProgress);
    if (frames === 0) throw new AudioFileError("no audio frames in the file");
    point.command("learnFinish");
    const decision = point.readAutoTrim();
    const [tap] = point.readSnapshot();
    const result = summary(path, reader, frames, tap!, decision, settings);
    if (series.length > 0) {
      const hopSeconds = hopFrames / reader.sampleRate;
      result.series = Object.fromEntries(series.map((s) => [s.name, { t0: hopSeconds, hopSeconds, values: s.values }]));
    }
    onProgress?.(1);
    return result;
  } finally {
    reader.close();
  }
}

/** Runs the whole file through `point`, reading the asked series every hop (on the kernel's evaluation grid). */
async function meterAll(
  reader: Awaited<ReturnType<typeof openReadingAhead>>,
  point: OfflinePoint,
  settings: AnalyzeSettings,
  onProgress?: (fraction: number) => void,
) {
  // Series are read on the kernel's evaluation grid: the hop is a whole number of evaluations.
  const evaluation = point.plugin.kernel.exports.evaluationFrames(reader.sampleRate);
  const hopFrames = Math.max(1, Math.round((settings.hopSeconds * reader.sampleRate) / evaluation)) * evaluation;
  const series = settings.series.map((name) => ({
    name,
    slot: SERIES_FIELD[name](channelFieldsOffset(-1)),
    values: [] as (number | null)[],
  }));
  const view = point.readoutView();
  const progressEvery = reader.sampleRate;
  let progressAt = progressEvery;
  const frames = await streamSpans(
    reader,
    (channels, at, count, frame) => {
      point.feed(channels, at, count);
      if (series.length > 0 && frame % hopFrames === 0) {
        point.readMeters();
        for (const s of series) {
          const value = view[s.slot]!;
          s.values.push(Number.isFinite(value) ? value : null);
        }
      }
      if (onProgress && frame >= progressAt) {
        progressAt += progressEvery;
        onProgress(reader.progress());
      }
    },
    (frame) => (series.length > 0 ? (Math.floor(frame / hopFrames) + 1) * hopFrames : Infinity),
  );
  return { frames, series, hopFrames };
}

const levels = (r: ChannelReadings) => ({
  samplePeakDbfs: r.samplePeakMaxDbfs,
  truePeakDbtp: r.truePeakMaxDbtp,
  rmsDbfs: r.rmsTotalDbfs,
  rmsAes17Db: r.rmsTotalAes17Db,
  vuMaxVu: r.vuMaxSinceReset,
});
/** The programme's loudness (BS.1770 sums the channels) … */
const programmeAnalysis = (t: TapReadings): ChannelAnalysis => ({
  ...levels(t.overall),
  integratedLufs: t.integratedLufs,
  loudnessRangeLu: t.loudnessRangeLu,
  maxMomentaryLufs: t.momentaryMaxSinceResetLufs,
  maxShortTermLufs: t.shortTermMaxSinceResetLufs,
  clipCount: t.overall.clipCount,
});
/** … and each channel's own, from the same K-weighting pass. */
const channelAnalysis = (r: ChannelReadings): ChannelAnalysis => ({
  ...levels(r),
  integratedLufs: r.channelIntegratedLufs,
  loudnessRangeLu: r.channelLoudnessRangeLu,
  maxMomentaryLufs: r.channelMomentaryMaxLufs,
  maxShortTermLufs: r.channelShortTermMaxLufs,
  clipCount: r.clipCount,
});

/** What a file's analysis says: its format, the programme's and each channel's levels, Learn's trim, the delivery verdict. */
function summary(
  path: string,
  reader: Awaited<ReturnType<typeof openReadingAhead>>,
  frames: number,
  tap: TapReadings,
  decision: AutoTrimReadings,
  settings: AnalyzeSettings,
): FileAnalysis {
  const spec = DETECTOR_SPECS[decision.detector]!;
  const result: FileAnalysis = {
    file: path,
    container: reader.container,
    format: reader.description,
    sampleRate: reader.sampleRate,
    channels: reader.channels,
    durationSeconds: frames / reader.sampleRate,
    ...programmeAnalysis(tap),
    clipRule: reader.format.kind === "int" ? "integer" : "float",
    autoTrimDb: decision.status === "ok" ? decision.trimDb : null,
    autoTrim: {
      detector: settings.detector,
      unit: spec.unit,
      gated: spec.gated,
      targetDb: decision.targetDb,
      levelDb: decision.levelDb,
      limitedBy: decision.limitedBy,
      peakAfterDbfs: decision.peakAfterDbfs,
      truePeakAfterDbtp: decision.truePeakAfterDbtp,
      message: describeDecision(decision),
    },
    perChannel: tap.channels.map(channelAnalysis),
    plrDb: peakToLoudnessRatio(tap),
  };
  const target = settings.delivery ? loudnessTarget(settings.delivery) : undefined;
  const verdict = target ? deliveryVerdict(tap.integratedLufs, tap.overall.truePeakMaxDbtp, target) : null;
  if (target && verdict)
    result.delivery = {
      target: target.key,
      label: target.label,
      integratedLufs: target.integratedLufs,
      toleranceLu: target.toleranceLu,
      truePeakCeilingDbtp: target.truePeakCeilingDbtp,
      ...verdict,
    };
  return result;
}
