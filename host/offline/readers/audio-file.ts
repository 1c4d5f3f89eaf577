/**
 * Opening an audio file for streaming by what it is, not what it is called: the first bytes say
 * WAV (RIFF/RF64/BW64), FLAC ("fLaC") or MP3 (an ID3 tag or an MPEG frame sync). "-" is standard
 * input. Every problem is an AudioFileError (audio-reader.ts) with a message a person can act on.
 * Thread: the offline host (main thread or a worker).
 */
import { AudioFileError, type AudioBlockReader } from "./audio-reader.js";
import { isStreamPath, openByteSource, STDIN_NAME } from "./byte-source.js";
import { FlacReader } from "./flac.js";
import { looksLikeMp3, Mp3Reader } from "./mp3.js";
import { WavReader } from "./wav.js";

const MAGIC_BYTES = 4;

/** Opens `path` ("-" = standard input); throws AudioFileError. The caller closes the reader. */
export async function openAudioFile(path: string, blockFrames: number): Promise<AudioBlockReader> {
  const source = openByteSource(path);
  try {
    const magic = new Uint8Array(MAGIC_BYTES);
    const got = source.read(magic, 0, MAGIC_BYTES, 0);
    if (got === 0) throw new AudioFileError(path === STDIN_NAME ? "nothing on standard input" : "empty file (0 bytes)");
    const tag = String.fromCharCode(...magic.subarray(0, got));
    if (tag === "RIFF" || tag === "RF64" || tag === "BW64") return new WavReader(source, blockFrames);
    if (tag === "fLaC") return new FlacReader(source);
    if (looksLikeMp3(magic)) return await Mp3Reader.open(source);
    throw new AudioFileError(
      `unsupported format: not WAV (RIFF/RF64), FLAC or MP3 (it starts with ${JSON.stringify(tag.replace(/[^\x20-\x7e]/g, "?"))})`,
    );
  } catch (error) {
    source.close();
    throw error;
  }
}

/** The container `path` holds, from its first bytes; null when it cannot be read, is a stream (its bytes are read once) or is none of ours. */
export function sniffContainer(path: string): AudioBlockReader["container"] | null {
  if (isStreamPath(path)) return null;
  try {
    const source = openByteSource(path);
    try {
      const magic = new Uint8Array(MAGIC_BYTES);
      const tag = String.fromCharCode(...magic.subarray(0, source.read(magic, 0, MAGIC_BYTES, 0)));
      return tag === "RIFF" || tag === "RF64" || tag === "BW64"
        ? "wav"
        : tag === "fLaC"
          ? "flac"
          : looksLikeMp3(magic)
            ? "mp3"
            : null;
    } finally {
      source.close();
    }
  } catch {
    return null;
  }
}
