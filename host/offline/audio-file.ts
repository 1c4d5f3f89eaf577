/**
 * Opening an audio file for streaming by what it is, not what it is called: the first bytes say
 * WAV (RIFF/RF64/BW64), FLAC ("fLaC") or MP3 (an ID3 tag or an MPEG frame sync). Every problem is an AudioFileError with a message a
 * person can act on (missing, empty, truncated, corrupt, unsupported).
 * Thread: the offline host (main thread or a worker).
 */
import { closeSync, openSync, readSync, statSync } from "node:fs";
import { MAX_CHANNELS } from "../kernel-layout.js";

export interface SampleFormat {
  kind: "int" | "float";
  bits: number;
}

export class AudioFileError extends Error {}

export interface AudioBlockReader {
  readonly container: "wav" | "flac" | "mp3";
  /** What the file is, for people: "WAV PCM 24-bit", "FLAC PCM 16-bit", "MP3 (decoded to 32-bit float)". */
  readonly description: string;
  readonly sampleRate: number;
  readonly channels: number;
  readonly format: SampleFormat;
  /** Frames the header promises. */
  readonly totalFrames: number;
  /** How far through the file reading is, 0 … 1. */
  progress(): number;
  /** The next block (planar floats, reused between calls; ≥ 1 frame), or null at the end. */
  read(): Promise<{ frames: number; channels: Float32Array[] } | null>;
  close(): void;
}

/** Opens `path`; throws AudioFileError. The caller closes the reader. */
export async function openAudioFile(path: string, blockFrames: number): Promise<AudioBlockReader> {
  let bytes: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new AudioFileError("is a directory, not an audio file");
    bytes = stat.size;
  } catch (error) {
    if (error instanceof AudioFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new AudioFileError(code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : (error as Error).message);
  }
  if (bytes === 0) throw new AudioFileError("empty file (0 bytes)");
  const magic = Buffer.alloc(4);
  const fd = openSync(path, "r");
  try { readSync(fd, magic, 0, 4, 0); } finally { closeSync(fd); }
  const tag = magic.toString("latin1");
  let reader: AudioBlockReader;
  if (tag === "RIFF" || tag === "RF64" || tag === "BW64") {
    const { WavReader } = await import("./wav.js");
    reader = new WavReader(path, blockFrames);
  } else if (tag === "fLaC") {
    const { openFlac } = await import("./flac.js");
    reader = await openFlac(path);
  } else if ((await import("./mp3.js")).looksLikeMp3(magic)) {
    const { openMp3 } = await import("./mp3.js");
    reader = await openMp3(path);
  } else {
    throw new AudioFileError(`unsupported format: not WAV (RIFF/RF64), FLAC or MP3 (it starts with ${JSON.stringify(tag.replace(/[^\x20-\x7e]/g, "?"))})`);
  }
  if (reader.channels > MAX_CHANNELS) {
    reader.close();
    throw new AudioFileError(`${reader.channels} channels; at most ${MAX_CHANNELS} are supported`);
  }
  return reader;
}
