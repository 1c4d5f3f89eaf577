/**
 * Reading WAV files, streamed (wav-writer.ts writes them): RIFF/WAVE, RF64 and BW64 (EBU Tech
 * 3306: 64-bit sizes in a ds64 chunk), PCM 8/16/24/32-bit, IEEE float 32/64-bit,
 * WAVE_FORMAT_EXTENSIBLE; 1 … 8 channels. Only the chunk headers are read whole; audio is read one
 * block at a time, so memory stays flat however long the file. Written by hand because the npm WAV libraries read a whole file
 * into memory. Sources: Microsoft "Multimedia Programming Interface and Data Specifications 1.0"
 * (RIFF, fmt, data), WAVEFORMATEXTENSIBLE (mmreg.h / ksmedia.h), EBU Tech 3306 (RF64).
 * Little-endian host assumed (x86, ARM), as WAV itself is little-endian.
 * Thread: the offline host (main thread or a worker).
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { AudioFileError, type AudioBlockReader, type SampleFormat } from "./audio-file.js";

export const WAVE_FORMAT_PCM = 1;
export const WAVE_FORMAT_IEEE_FLOAT = 3;
export const WAVE_FORMAT_EXTENSIBLE = 0xfffe;
export const CHUNK_HEADER_BYTES = 8;
/** RIFF sizes are 32-bit: a data chunk at or past this needs RF64. */
export const RIFF_MAX_BYTES = 0xffffffff;
/** A JUNK chunk this size is reserved after "WAVE" so a growing file can become RF64 in place (Tech 3306 §3.3). */
export const DS64_BODY_BYTES = 28;
/** More chunk headers than this before "data" is not a WAV file anyone wrote on purpose. */
const MAX_CHUNKS = 1024;

export interface WavLayout {
  sampleRate: number;
  channels: number;
  format: SampleFormat;
  /** Byte offset and length of the audio in the file. */
  dataOffset: number;
  dataBytes: number;
  /** The chunks before "data" other than ds64/JUNK, verbatim (fmt, fact, bext, LIST …): a trimmed copy keeps them. */
  preservedChunks: Buffer[];
}

function fourcc(buffer: Buffer, at: number): string {
  return buffer.toString("latin1", at, at + 4);
}

/** Reads and validates the header of the WAV file open at `fd`; throws AudioFileError. */
export function readWavLayout(fd: number, fileBytes: number): WavLayout {
  const head = Buffer.alloc(12);
  if (readSync(fd, head, 0, 12, 0) < 12) throw new AudioFileError("truncated: shorter than a WAV header");
  const riff = fourcc(head, 0);
  if ((riff !== "RIFF" && riff !== "RF64" && riff !== "BW64") || fourcc(head, 8) !== "WAVE") throw new AudioFileError("not a WAV file (no RIFF/RF64 WAVE header)");
  let ds64DataBytes = -1;
  let fmt: Buffer | null = null;
  const preserved: Buffer[] = [];
  let at = 12;
  for (let chunk = 0; chunk < MAX_CHUNKS; chunk++) {
    const header = Buffer.alloc(CHUNK_HEADER_BYTES);
    if (readSync(fd, header, 0, CHUNK_HEADER_BYTES, at) < CHUNK_HEADER_BYTES) throw new AudioFileError(fmt ? "truncated: no data chunk" : "truncated: no fmt chunk");
    const id = fourcc(header, 0);
    let size = header.readUInt32LE(4);
    if (id === "data") {
      if (!fmt) throw new AudioFileError("corrupt: data chunk before the fmt chunk");
      if (riff !== "RIFF" && size === RIFF_MAX_BYTES) {
        if (ds64DataBytes < 0) throw new AudioFileError("corrupt: RF64 file without a ds64 chunk");
        size = ds64DataBytes;
      }
      return { ...parseFmt(fmt), dataOffset: at + CHUNK_HEADER_BYTES, dataBytes: size, preservedChunks: preserved };
    }
    if (at + CHUNK_HEADER_BYTES + size > fileBytes) throw new AudioFileError(`truncated: the ${JSON.stringify(id)} chunk runs past the end of the file`);
    const body = Buffer.alloc(size);
    readSync(fd, body, 0, size, at + CHUNK_HEADER_BYTES);
    if (id === "ds64") {
      if (size < DS64_BODY_BYTES - 4) throw new AudioFileError("corrupt: ds64 chunk too short");
      ds64DataBytes = Number(body.readBigUInt64LE(8));
    } else if (id !== "JUNK") {
      if (id === "fmt ") fmt = body;
      preserved.push(Buffer.concat([header, body, size % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]));
    }
    at += CHUNK_HEADER_BYTES + size + (size % 2); // chunks are word-aligned
  }
  throw new AudioFileError(`corrupt: more than ${MAX_CHUNKS} chunks before the audio`);
}

function parseFmt(fmt: Buffer): Pick<WavLayout, "sampleRate" | "channels" | "format"> {
  if (fmt.length < 16) throw new AudioFileError("corrupt: fmt chunk too short");
  let tag = fmt.readUInt16LE(0);
  const channels = fmt.readUInt16LE(2), sampleRate = fmt.readUInt32LE(4), blockAlign = fmt.readUInt16LE(12);
  const bits = fmt.readUInt16LE(14);
  if (tag === WAVE_FORMAT_EXTENSIBLE) {
    if (fmt.length < 40) throw new AudioFileError("corrupt: WAVE_FORMAT_EXTENSIBLE fmt chunk too short");
    tag = fmt.readUInt16LE(24); // the sub-format GUID starts with the format tag
  }
  const kind = tag === WAVE_FORMAT_PCM ? "int" : tag === WAVE_FORMAT_IEEE_FLOAT ? "float" : null;
  if (!kind) throw new AudioFileError(`unsupported WAV encoding (format tag 0x${tag.toString(16)}); PCM and IEEE float are supported`);
  if (kind === "int" && ![8, 16, 24, 32].includes(bits)) throw new AudioFileError(`unsupported PCM bit depth ${bits}`);
  if (kind === "float" && bits !== 32 && bits !== 64) throw new AudioFileError(`unsupported float bit depth ${bits}`);
  if (channels < 1) throw new AudioFileError("corrupt: 0 channels");
  if (blockAlign !== channels * (bits / 8)) throw new AudioFileError(`corrupt: block align ${blockAlign} does not fit ${channels} × ${bits}-bit`);
  if (!(sampleRate > 0)) throw new AudioFileError("corrupt: sample rate 0");
  return { sampleRate, channels, format: { kind, bits } };
}

/**
 * Decodes `frames` interleaved frames from `bytes` into planar `out` (floats, ±1 full scale).
 * `bytes` must start on an 8-byte boundary (the reader's block buffer does), so whole-word
 * formats are read through typed views rather than byte by byte.
 */
export function decodeInterleaved(bytes: Uint8Array, format: SampleFormat, channels: number, frames: number, out: Float32Array[]): void {
  const width = format.bits / 8;
  const count = frames * channels;
  const words = format.kind === "float"
    ? (width === 4 ? new Float32Array(bytes.buffer, bytes.byteOffset, count) : new Float64Array(bytes.buffer, bytes.byteOffset, count))
    : width === 2 ? new Int16Array(bytes.buffer, bytes.byteOffset, count) : width === 4 ? new Int32Array(bytes.buffer, bytes.byteOffset, count) : null;
  const scale = format.kind === "float" ? 1 : 1 / 2 ** (format.bits - 1);
  for (let c = 0; c < channels; c++) {
    const target = out[c]!;
    if (words) {
      for (let n = 0, at = c; n < frames; n++, at += channels) target[n] = words[at]! * scale;
    } else if (width === 3) {
      for (let n = 0, at = c * 3; n < frames; n++, at += channels * 3) target[n] = ((bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16)) << 8 >> 8) * scale;
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
  private readonly fd: number;
  private readonly bytes: Uint8Array;
  private readonly planar: Float32Array[];
  private frame = 0;

  constructor(path: string, readonly blockFrames: number) {
    this.fd = openSync(path, "r");
    try {
      const fileBytes = fstatSync(this.fd).size;
      this.layout = readWavLayout(this.fd, fileBytes);
      const frameBytes = this.layout.channels * (this.layout.format.bits / 8);
      if (this.layout.dataOffset + this.layout.dataBytes > fileBytes) {
        throw new AudioFileError(`truncated: the header promises ${this.layout.dataBytes} bytes of audio, the file holds ${Math.max(0, fileBytes - this.layout.dataOffset)}`);
      }
      this.totalFrames = Math.floor(this.layout.dataBytes / frameBytes);
      this.bytes = new Uint8Array(blockFrames * frameBytes);
      this.planar = Array.from({ length: this.layout.channels }, () => new Float32Array(blockFrames));
    } catch (error) {
      closeSync(this.fd);
      throw error;
    }
  }

  get sampleRate(): number { return this.layout.sampleRate; }
  get channels(): number { return this.layout.channels; }
  get format(): SampleFormat { return this.layout.format; }
  get description(): string { return `WAV ${this.layout.format.kind === "float" ? "float" : "PCM"} ${this.layout.format.bits}-bit`; }
  progress(): number { return this.totalFrames > 0 ? this.frame / this.totalFrames : 1; }

  async read(): Promise<{ frames: number; channels: Float32Array[] } | null> {
    const frames = Math.min(this.blockFrames, this.totalFrames - this.frame);
    if (frames <= 0) return null;
    const frameBytes = this.layout.channels * (this.layout.format.bits / 8);
    const want = frames * frameBytes;
    const got = readSync(this.fd, this.bytes, 0, want, this.layout.dataOffset + this.frame * frameBytes);
    if (got < want) throw new AudioFileError(`truncated: audio ends at frame ${this.frame + Math.floor(got / frameBytes)} of ${this.totalFrames}`);
    decodeInterleaved(this.bytes, this.layout.format, this.layout.channels, frames, this.planar);
    this.frame += frames;
    return { frames, channels: this.planar };
  }

  close(): void { closeSync(this.fd); }
}
