/**
 * Reading WAV files, streamed (wav-writer.ts writes them): RIFF/WAVE, RF64 and BW64 (EBU Tech
 * 3306: 64-bit sizes in a ds64 chunk), PCM 8/16/24/32-bit, IEEE float 32/64-bit,
 * WAVE_FORMAT_EXTENSIBLE (wav-format.ts); 1 … 8 channels. Only chunk headers and the fmt chunk are
 * read whole; every other chunk is kept as a reference for a trimmed copy, and audio is read one
 * block at a time, so memory stays flat however long the file or large its header. Written by
 * hand because the npm WAV libraries read a whole file into memory. Little-endian host assumed
 * (x86, ARM), as WAV itself is little-endian. Thread: the offline host (main thread or a worker).
 */
import { AudioFileError, type AudioBlockReader, type SampleFormat } from "./audio-reader.js";
import type { ByteSource } from "./byte-source.js";
import { CHUNK_HEADER_BYTES, MAX_FMT_BYTES, frameBytes, parseFmt, type WavFormat } from "./wav-format.js";

/** RIFF sizes are 32-bit: a data chunk at or past this needs RF64; in a plain RIFF it means "unknown" (a stream). */
export const RIFF_MAX_BYTES = 0xffffffff;
/** A JUNK chunk this size is reserved after "WAVE" so a growing file can become RF64 in place (Tech 3306 §3.3). */
export const DS64_BODY_BYTES = 28;
/** More chunk headers than this is not a WAV file anyone wrote on purpose. */
const MAX_CHUNKS = 1024;
const RIFF_HEADER_BYTES = 12;

/** A chunk of the file other than the audio, by reference: its header's offset and its body's size. */
export interface ChunkRef {
  id: string;
  offset: number;
  bytes: number;
}

export interface WavLayout extends WavFormat {
  /** Byte offset and length of the audio; length null when a stream does not say (read to its end). */
  dataOffset: number;
  dataBytes: number | null;
  /** The first fmt chunk's body: a trimmed copy keeps it (derived fields recomputed). */
  fmt: Buffer;
  /** Chunks before and after the audio, in file order (ds64 and the JUNK reserved for it left out). */
  chunksBefore: ChunkRef[];
  chunksAfter: ChunkRef[];
}

function readExactly(source: ByteSource, bytes: number, position: number, what: string): Buffer {
  const buffer = Buffer.alloc(bytes);
  if (source.read(buffer, 0, bytes, position) < bytes) throw new AudioFileError(`truncated: ${what}`);
  return buffer;
}

/** Reads and validates the header of a WAV file; throws AudioFileError. */
export function readWavLayout(source: ByteSource): WavLayout {
  const head = readExactly(source, RIFF_HEADER_BYTES, 0, "shorter than a WAV header");
  const riff = head.toString("latin1", 0, 4);
  if ((riff !== "RIFF" && riff !== "RF64" && riff !== "BW64") || head.toString("latin1", 8, 12) !== "WAVE")
    throw new AudioFileError("not a WAV file (no RIFF/RF64 WAVE header)");
  let ds64DataBytes = -1;
  let format: WavFormat | null = null;
  let fmt: Buffer | null = null;
  const chunksBefore: ChunkRef[] = [];
  let at = RIFF_HEADER_BYTES;
  for (let count = 0; count < MAX_CHUNKS; count++) {
    const header = readExactly(source, CHUNK_HEADER_BYTES, at, format ? "no data chunk" : "no fmt chunk");
    const id = header.toString("latin1", 0, 4);
    const size = header.readUInt32LE(4);
    if (id === "data") {
      if (!format || !fmt) throw new AudioFileError("corrupt: data chunk before the fmt chunk");
      let dataBytes: number | null = size;
      if (riff !== "RIFF" && size === RIFF_MAX_BYTES) {
        if (ds64DataBytes < 0) throw new AudioFileError("corrupt: RF64 file without a ds64 chunk");
        dataBytes = ds64DataBytes;
      } else if (source.size === null && (size === RIFF_MAX_BYTES || size === 0)) {
        dataBytes = null; // a WAV written to a pipe cannot go back to fill in its size
      }
      const dataOffset = at + CHUNK_HEADER_BYTES;
      const chunksAfter =
        dataBytes === null || source.size === null
          ? []
          : trailingChunks(source, dataOffset + dataBytes + (dataBytes % 2), source.size);
      return { ...format, fmt, dataOffset, dataBytes, chunksBefore, chunksAfter };
    }
    if (source.size !== null && at + CHUNK_HEADER_BYTES + size > source.size)
      throw new AudioFileError(`truncated: the ${JSON.stringify(id)} chunk runs past the end of the file`);
    if (id === "ds64") {
      if (size < DS64_BODY_BYTES - 4) throw new AudioFileError("corrupt: ds64 chunk too short");
      ds64DataBytes = Number(readExactly(source, size, at + CHUNK_HEADER_BYTES, "ds64 chunk").readBigUInt64LE(8));
    } else if (id === "fmt ") {
      if (size > MAX_FMT_BYTES) throw new AudioFileError(`corrupt: a ${size}-byte fmt chunk`);
      const body = readExactly(source, size, at + CHUNK_HEADER_BYTES, "fmt chunk");
      if (!fmt) {
        fmt = body;
        format = parseFmt(body);
      } else if (!fmt.equals(body)) {
        throw new AudioFileError(
          "ambiguous: two different fmt chunks; which one describes the audio cannot be told (ffprobe reads the first, some readers the last)",
        );
      }
      chunksBefore.push({ id, offset: at, bytes: size });
    } else if (!(id === "JUNK" && at === RIFF_HEADER_BYTES)) {
      chunksBefore.push({ id, offset: at, bytes: size });
    }
    at += CHUNK_HEADER_BYTES + size + (size % 2); // chunks are word-aligned
  }
  throw new AudioFileError(`corrupt: more than ${MAX_CHUNKS} chunks before the audio`);
}

/** The chunks after the audio (LIST, id3, …); a fragment shorter than a chunk header at the very end is ignored. */
function trailingChunks(source: ByteSource, from: number, fileBytes: number): ChunkRef[] {
  const chunks: ChunkRef[] = [];
  for (let at = from; at + CHUNK_HEADER_BYTES <= fileBytes && chunks.length < MAX_CHUNKS; ) {
    const header = readExactly(source, CHUNK_HEADER_BYTES, at, "chunk header after the audio");
    const id = header.toString("latin1", 0, 4),
      size = header.readUInt32LE(4);
    if (at + CHUNK_HEADER_BYTES + size > fileBytes)
      throw new AudioFileError(
        `truncated: the ${JSON.stringify(id)} chunk after the audio runs past the end of the file`,
      );
    chunks.push({ id, offset: at, bytes: size });
    at += CHUNK_HEADER_BYTES + size + (size % 2);
  }
  return chunks;
}

/**
 * Decodes `frames` interleaved frames from `bytes` into planar `out` (floats, ±1 full scale).
 * `bytes` must start on an 8-byte boundary (the reader's block buffer does), so whole-word
 * formats are read through typed views rather than byte by byte.
 */
export function decodeInterleaved(
  bytes: Uint8Array,
  format: SampleFormat,
  channels: number,
  frames: number,
  out: Float32Array[],
): void {
  const width = format.bits / 8;
  const count = frames * channels;
  const words =
    format.kind === "float"
      ? width === 4
        ? new Float32Array(bytes.buffer, bytes.byteOffset, count)
        : new Float64Array(bytes.buffer, bytes.byteOffset, count)
      : width === 2
        ? new Int16Array(bytes.buffer, bytes.byteOffset, count)
        : width === 4
          ? new Int32Array(bytes.buffer, bytes.byteOffset, count)
          : null;
  const scale = format.kind === "float" ? 1 : 1 / 2 ** (format.bits - 1);
  for (let c = 0; c < channels; c++) {
    const target = out[c]!;
    if (words) {
      for (let n = 0, at = c; n < frames; n++, at += channels) target[n] = words[at]! * scale;
    } else if (width === 3) {
      for (let n = 0, at = c * 3; n < frames; n++, at += channels * 3)
        target[n] = (((bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16)) << 8) >> 8) * scale;
    } else {
      for (let n = 0, at = c; n < frames; n++, at += channels) target[n] = (bytes[at]! - 128) / 128; // 8-bit PCM is unsigned
    }
  }
}

/** Streams the audio of a WAV file in blocks of planar floats. */
export class WavReader implements AudioBlockReader {
  readonly container = "wav" as const;
  readonly layout: WavLayout;
  readonly totalFrames: number;
  private readonly frameBytes: number;
  private readonly bytes: Uint8Array;
  private readonly planar: Float32Array[];
  private frame = 0;

  constructor(
    readonly source: ByteSource,
    readonly blockFrames: number,
  ) {
    this.layout = readWavLayout(source);
    this.frameBytes = frameBytes(this.layout.format, this.layout.channels);
    const { dataOffset, dataBytes } = this.layout;
    if (dataBytes !== null && source.size !== null && dataOffset + dataBytes > source.size) {
      throw new AudioFileError(
        `truncated: the header promises ${dataBytes} bytes of audio, the file holds ${Math.max(0, source.size - dataOffset)}`,
      );
    }
    this.totalFrames = dataBytes === null ? 0 : Math.floor(dataBytes / this.frameBytes);
    this.bytes = new Uint8Array(blockFrames * this.frameBytes);
    this.planar = Array.from({ length: this.layout.channels }, () => new Float32Array(blockFrames));
    source.release(dataOffset);
  }

  get sampleRate(): number {
    return this.layout.sampleRate;
  }
  get channels(): number {
    return this.layout.channels;
  }
  get format(): SampleFormat {
    return this.layout.format;
  }
  get description(): string {
    const { kind, bits, validBits } = this.layout.format;
    return `WAV ${kind === "float" ? "float" : "PCM"} ${validBits}-bit${validBits < bits ? ` (in ${bits}-bit words)` : ""}`;
  }
  progress(): number {
    return this.totalFrames > 0 ? this.frame / this.totalFrames : 0;
  }

  async read(): Promise<{ frames: number; channels: Float32Array[] } | null> {
    const frames =
      this.layout.dataBytes === null ? this.blockFrames : Math.min(this.blockFrames, this.totalFrames - this.frame);
    if (frames <= 0) return null;
    const want = frames * this.frameBytes;
    const got = this.source.read(this.bytes, 0, want, this.layout.dataOffset + this.frame * this.frameBytes);
    const whole = Math.floor(got / this.frameBytes);
    if (got < want && this.layout.dataBytes !== null)
      throw new AudioFileError(`truncated: audio ends at frame ${this.frame + whole} of ${this.totalFrames}`);
    if (whole === 0) return null;
    decodeInterleaved(this.bytes, this.layout.format, this.layout.channels, whole, this.planar);
    this.frame += whole;
    return { frames: whole, channels: this.planar };
  }

  close(): void {
    this.source.close();
  }
}
