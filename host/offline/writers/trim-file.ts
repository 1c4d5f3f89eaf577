/**
 * Trimming a file to the target: pass 1 analyses it (analyze.ts: Learn over the whole file),
 * pass 2 runs it through the same kernel with that input trim, applied before the first frame
 * (no ramp), meters the result on the OUT tap, and writes it (wav-writer.ts): the same format and
 * bit depth, every chunk kept; integer output TPDF-dithered unless the trim is 0 dB (bit-exact).
 * An integer file the trim would clip is not written unless clipping is allowed.
 * Writes go to a temporary file beside the output (temporaries.ts), flushed to disk and checked,
 * then put in place (put-in-place.ts): linked to a new name that must not exist yet, renamed over
 * an output replaced with --force, or, in place, written into the input's own inode (its hard
 * links and extended attributes kept) — so the input is never touched unless in place was asked
 * for, and a failure or an interruption leaves no partial output.
 * Thread: the offline host (main thread or a worker).
 */
import { mkdirSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import { MAX_FRAMES, TAP_IN } from "../../declaration/layout.js";
import { formatDb } from "../../model/format.js";
import { AudioFileError, clipRuleBits } from "../readers/audio-reader.js";
import { openAudioFile } from "../readers/audio-file.js";
import { analyzeFile, applySettings, type AnalyzeSettings, type FileAnalysis } from "../analyze.js";
import { OfflinePoint, streamSpans } from "../offline-point.js";
import { putInPlace } from "./put-in-place.js";
import { isKept, registerTemporary, releaseTemporary, temporaryFor } from "./temporaries.js";
import { isPlanFailure, planTrims, type TrimOptions, type TrimPlan } from "./trim-plan.js";
import { WavReader } from "../readers/wav.js";
import { WavWriter } from "./wav-writer.js";

export type { TrimOptions } from "./trim-plan.js";

export interface TrimResult {
  file: string;
  output: string | null;
  trimDb: number | null;
  /**
   * The written audio: peaks measured on the kernel's OUT tap; the detector's level is the learned
   * level moved by the trim (a constant gain moves every detector dB for dB).
   */
  after: { expectedLevelDb: number; samplePeakDbfs: number; truePeakDbtp: number } | null;
  before: FileAnalysis;
  /** Integer samples the trim put past full scale (written only with allowClipping). */
  clippedSamples: number;
  dryRun: boolean;
  message: string;
}

/** Plans and trims one file (the CLI plans a whole run first, then calls trimPlanned). */
export async function trimFile(
  file: string,
  settings: AnalyzeSettings,
  options: TrimOptions,
  onProgress?: (fraction: number) => void,
): Promise<TrimResult> {
  const [plan] = planTrims([file], options);
  if (isPlanFailure(plan!)) throw new AudioFileError(plan.error);
  return trimPlanned(plan!, settings, options, onProgress);
}

export async function trimPlanned(
  plan: TrimPlan,
  settings: AnalyzeSettings,
  options: TrimOptions,
  onProgress?: (fraction: number) => void,
): Promise<TrimResult> {
  const file = plan.input;
  const before = await analyzeFile(file, { ...settings, series: [] }, onProgress && ((f) => onProgress(f / 2)));
  const trimDb = before.autoTrimDb;
  const base = { file, before, trimDb, clippedSamples: 0, dryRun: options.dryRun === true };
  if (trimDb === null)
    return { ...base, output: null, after: null, message: `not trimmed: ${before.autoTrim.message}` };
  const integer = before.clipRule === "integer";
  if (options.dryRun) {
    const clips =
      integer && before.autoTrim.peakAfterDbfs >= 0
        ? `; it would clip (peaks ${formatDb(before.autoTrim.peakAfterDbfs, "dBFS")})`
        : "";
    return {
      ...base,
      output: plan.destination,
      after: null,
      message: `would write ${plan.destination}: ${before.autoTrim.message}${clips}`,
    };
  }

  mkdirSync(dirname(plan.writeTo), { recursive: true });
  const temporary = temporaryFor(plan.writeTo);
  const reader = await openAudioFile(file, MAX_FRAMES);
  let writer: WavWriter | null = null;
  registerTemporary(temporary);
  try {
    const point = new OfflinePoint(reader.sampleRate, reader.channels);
    point.meters(TAP_IN, 0);
    applySettings(point, settings);
    point.set("inputTrimDb", trimDb); // before the first frame: applies at once, no ramp
    const source = reader instanceof WavReader ? { ...reader.layout, bytes: reader.source } : undefined;
    writer = new WavWriter(temporary, {
      format: reader.format,
      channels: reader.channels,
      sampleRate: reader.sampleRate,
      blockFrames: MAX_FRAMES,
      dither: trimDb !== 0,
      source,
    });
    const outputs = Array.from({ length: reader.channels }, (_, c) => point.output(c));
    const active = writer;
    let progressAt = reader.sampleRate;
    await streamSpans(reader, (channels, at, count, frame) => {
      point.feed(channels, at, count);
      active.write(outputs, count);
      if (onProgress && frame >= progressAt) {
        progressAt += reader.sampleRate;
        onProgress(0.5 + reader.progress() / 2);
      }
    });
    writer.close();
    const written = writer.frames;
    writer = null;
    const [, out] = point.readSnapshot();
    const after = {
      expectedLevelDb: before.autoTrim.levelDb + trimDb,
      samplePeakDbfs: out!.overall.samplePeakMaxDbfs,
      truePeakDbtp: out!.overall.truePeakMaxDbtp,
    };
    if (integer && active.clipped > 0 && !options.allowClipping) {
      throw new AudioFileError(
        `not written: the ${formatDb(trimDb, "dB")} trim would clip ${active.clipped} sample${active.clipped === 1 ? "" : "s"} of this ${clipRuleBits(reader.format)}-bit file (peaks would reach ${formatDb(after.samplePeakDbfs, "dBFS")}); lower the target, keep a ceiling (--ceiling), or say --allow-clipping`,
      );
    }
    putInPlace(temporary, written, plan, options);
    return {
      ...base,
      output: plan.destination,
      after,
      clippedSamples: active.clipped,
      message: `wrote ${plan.destination}: ${before.autoTrim.message}`,
    };
  } catch (error) {
    writer?.abandon();
    if (!isKept(temporary)) rmSync(temporary, { force: true });
    throw error;
  } finally {
    releaseTemporary(temporary);
    reader.close();
  }
}
