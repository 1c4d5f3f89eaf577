/**
 * Trimming a file to the target: pass 1 analyses it (analyze.ts: Learn over the whole file),
 * pass 2 runs it through the same kernel with that input trim, applied before the first frame
 * (no ramp), meters the result on the OUT tap, and writes it. Output keeps the format, bit depth
 * and the chunks before the audio (fmt, bext, LIST …); integer output is TPDF-dithered unless the
 * trim is 0 dB (bit-exact). FLAC input is written as WAV of the same bit depth, MP3 as 32-bit
 * float WAV (there are no FLAC or MP3 encoders in the project).
 * Writes go to a temporary file in the destination folder, then an atomic rename; the input is
 * never touched unless in-place was asked for, and a failure leaves no partial output.
 * Thread: the offline host (main or worker).
 */
import { existsSync, fsyncSync, openSync, closeSync, renameSync, rmSync, mkdirSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { Kernel } from "../kernel.js";
import { KernelParam as P, MAX_FRAMES, TAP_IN } from "../kernel-layout.js";
import { AudioFileError, openAudioFile, type AudioBlockReader } from "./audio-file.js";
import { analyzeFile, applySettings, feed, kernelModule, streamSpans, type AnalyzeSettings, type FileAnalysis } from "./analyze.js";
import { WavReader } from "./wav.js";
import { WavWriter, fmtChunk } from "./wav-writer.js";

export interface TrimOptions {
  /** Destination folder (created if missing); ignored with inPlace. */
  outDir?: string;
  inPlace?: boolean;
  dryRun?: boolean;
  /** Replace an existing file in outDir. */
  force?: boolean;
}

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
  /** Integer samples clipped on writing (a trim that pushes peaks past full scale without a ceiling). */
  clippedSamples: number;
  dryRun: boolean;
  message: string;
}

/** Where the trimmed copy of `file` goes; throws AudioFileError if that would overwrite something unasked. */
export function destinationFor(file: string, container: AudioBlockReader["container"], options: TrimOptions): string {
  if (options.inPlace) {
    if (container !== "wav") throw new AudioFileError(`--in-place needs a WAV file (${container.toUpperCase()} is written as WAV, which would change the file's format)`);
    return file;
  }
  if (!options.outDir) throw new AudioFileError("no output folder: give --out DIR (or --in-place)");
  const name = container === "wav" ? basename(file) : `${basename(file, extname(file))}.wav`;
  const destination = join(options.outDir, name);
  if (resolve(destination) === resolve(file)) throw new AudioFileError("the output would overwrite the input: choose another --out folder, or say --in-place");
  if (existsSync(destination) && !options.force) throw new AudioFileError(`${destination} exists; use --force to replace it`);
  return destination;
}

export async function trimFile(file: string, settings: AnalyzeSettings, options: TrimOptions, onProgress?: (fraction: number) => void): Promise<TrimResult> {
  const before = await analyzeFile(file, { ...settings, series: [] }, onProgress && ((f) => onProgress(f / 2)));
  const trimDb = before.autoTrimDb;
  const destination = destinationFor(file, before.container, options);
  const base = { file, before, trimDb, clippedSamples: 0, dryRun: options.dryRun === true };
  if (trimDb === null) return { ...base, output: null, after: null, message: `not trimmed: ${before.autoTrim.message}` };
  if (options.dryRun) return { ...base, output: destination, after: null, message: `would write ${destination}: ${before.autoTrim.message}` };

  mkdirSync(dirname(destination), { recursive: true });
  const temporary = join(dirname(destination), `.${basename(destination)}.gainstage-${process.pid}-${Date.now().toString(36)}.tmp`);
  const reader = await openAudioFile(file, MAX_FRAMES);
  let writer: WavWriter | null = null;
  try {
    const kernel = new Kernel(kernelModule());
    kernel.setup(reader.sampleRate, reader.channels);
    kernel.setMeterMask(TAP_IN, 0);
    applySettings(kernel, settings);
    kernel.setParam(P.P_INPUT_TRIM_DB, trimDb); // before the first frame: applies at once, no ramp
    const chunks = reader instanceof WavReader ? reader.layout.preservedChunks : [fmtChunk(reader.format, reader.channels, reader.sampleRate)];
    writer = new WavWriter(temporary, reader.format, reader.channels, MAX_FRAMES, chunks, trimDb !== 0);
    const outputs = Array.from({ length: reader.channels }, (_, c) => kernel.output(c));
    const active = writer;
    let progressAt = reader.sampleRate;
    await streamSpans(reader, (channels, at, count, frame) => {
      feed(kernel, channels, at, count);
      active.write(outputs, count);
      if (onProgress && frame >= progressAt) { progressAt += reader.sampleRate; onProgress(0.5 + reader.progress() / 2); }
    });
    writer.close();
    writer = null;
    syncFile(temporary);
    renameSync(temporary, destination);
    const [, out] = kernel.readSnapshot();
    const after = { expectedLevelDb: before.autoTrim.levelDb + trimDb, samplePeakDbfs: out!.overall.samplePeakMaxDbfs, truePeakDbtp: out!.overall.truePeakMaxDbtp };
    return { ...base, output: destination, after, clippedSamples: active.clipped, message: `wrote ${destination}: ${before.autoTrim.message}` };
  } catch (error) {
    writer?.abandon();
    rmSync(temporary, { force: true });
    throw error;
  } finally {
    reader.close();
  }
}

/** Flushes a finished file to disk before it is renamed into place (so a crash cannot leave a torn file). */
function syncFile(path: string): void {
  const fd = openSync(path, "r+");
  try { fsyncSync(fd); } finally { closeSync(fd); }
}
