/**
 * What every audio file reader offers the offline host (WAV, FLAC, MP3 alike), and the one error
 * they throw: an AudioFileError's message is one line a person can act on (missing, empty,
 * truncated, corrupt, ambiguous, unsupported). Thread: the offline host (main thread or a worker).
 */

export class AudioFileError extends Error {}

export interface SampleFormat {
  kind: "int" | "float";
  /** Container bits per sample (8, 16, 24, 32, 64). */
  bits: number;
  /**
   * Bits that carry the signal (WAVE_FORMAT_EXTENSIBLE's wValidBitsPerSample, a FLAC's depth):
   * 12-bit audio in 16-bit words has validBits 12. Equal to bits when the file does not say.
   */
  validBits: number;
}

export interface AudioBlockReader {
  readonly container: "wav" | "flac" | "mp3";
  /** What the file is, for people: "WAV PCM 24-bit", "FLAC PCM 12-bit", "MP3 (decoded to 32-bit float)". */
  readonly description: string;
  readonly sampleRate: number;
  readonly channels: number;
  readonly format: SampleFormat;
  /** Frames the header promises (0 when it does not say). */
  readonly totalFrames: number;
  /** How far through the file reading is, 0 … 1. */
  progress(): number;
  /** The next block (planar floats, reused between calls; ≥ 1 frame), or null at the end. */
  read(): Promise<{ frames: number; channels: Float32Array[] } | null>;
  close(): void;
}

/** The integer depth that decides what counts as clipped (the kernel's clip rule), 0 for float. */
export function clipRuleBits(format: SampleFormat): number {
  return format.kind === "int" ? format.validBits : 0;
}
