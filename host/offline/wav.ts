/**
 * WAV files, streamed: RIFF/WAVE, RF64 and BW64 (EBU Tech 3306: 64-bit sizes in a ds64 chunk),
 * PCM 8/16/24/32-bit, IEEE float 32/64-bit, WAVE_FORMAT_EXTENSIBLE; 1 … 8 channels. Only the
 * chunk headers are read whole; audio is read and written one block at a time, so memory stays
 * flat however long the file. Written by hand because the npm WAV libraries read a whole file
 * into memory. Sources: Microsoft "Multimedia Programming Interface and Data Specifications 1.0"
 * (RIFF, fmt, data), WAVEFORMATEXTENSIBLE (mmreg.h / ksmedia.h), EBU Tech 3306 (RF64).
 * Little-endian host assumed (x86, ARM), as WAV itself is little-endian.
 * Thread: the offline host (main thread or a worker).
 */
import { closeSync, fstatSync, openSync, readSync, writeSync } from "node:fs";
import { AudioFileError, type AudioBlockReader, type SampleFormat } from "./audio-file.js";

const WAVE_FORMAT_PCM = 1;
const WAVE_FORMAT_IEEE_FLOAT = 3;
const WAVE_FORMAT_EXTENSIBLE = 0xfffe;
const CHUNK_HEADER_BYTES = 8;
/** RIFF sizes are 32-bit: a data chunk at or past this needs RF64. */
const RIFF_MAX_BYTES = 0xffffffff;
/** A JUNK chunk this size is reserved after "WAVE" so a growing file can become RF64 in place (Tech 3306 §3.3). */
const DS64_BODY_BYTES = 28;
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

/**
 * Writes a WAV file block by block: the given chunks (fmt first, as read from the source), a JUNK
 * chunk reserved for ds64, then the audio; close() patches the sizes and turns the file into RF64
 * if the audio passed 4 GiB. Integer formats get TPDF dither (±1 LSB triangular) unless the
 * caller says the samples already lie on the integer grid (a 0 dB trim is bit-exact).
 */
export class WavWriter {
  private readonly fd: number;
  private readonly frameBytes: number;
  private readonly scratch: Uint8Array;
  private readonly view: DataView;
  private readonly dataOffset: number;
  private dataBytes = 0;
  private random = 0x9e3779b9;
  /** Samples that had to be clipped to the integer range. */
  clipped = 0;

  constructor(path: string, readonly format: SampleFormat, readonly channels: number, private readonly blockFrames: number, chunks: Buffer[], private readonly dither: boolean) {
    this.frameBytes = channels * (format.bits / 8);
    this.scratch = new Uint8Array(blockFrames * this.frameBytes);
    this.view = new DataView(this.scratch.buffer);
    this.fd = openSync(path, "wx");
    const junk = Buffer.alloc(CHUNK_HEADER_BYTES + DS64_BODY_BYTES);
    junk.write("JUNK", 0, "latin1");
    junk.writeUInt32LE(DS64_BODY_BYTES, 4);
    const head = Buffer.concat([Buffer.from("RIFF\0\0\0\0WAVE", "latin1"), junk, ...chunks, Buffer.from("data\0\0\0\0", "latin1")]);
    writeSync(this.fd, head, 0, head.length, 0);
    this.dataOffset = head.length;
  }

  /** A uniform integer in [0, 2^32) (xorshift32: cheap, deterministic, plenty for dither). */
  private next(): number {
    let x = this.random;
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
    this.random = x >>> 0;
    return this.random;
  }

  write(planar: Float32Array[], frames: number): void {
    const { kind, bits } = this.format;
    const width = bits / 8, stride = this.channels * width;
    const full = 2 ** (bits - 1), lowest = -full, highest = full - 1;
    for (let c = 0; c < this.channels; c++) {
      const source = planar[c]!;
      let at = c * width;
      for (let n = 0; n < frames; n++, at += stride) {
        const x = source[n]!;
        if (kind === "float") {
          if (width === 4) this.view.setFloat32(at, x, true); else this.view.setFloat64(at, x, true);
          continue;
        }
        const tpdf = this.dither ? (this.next() - this.next()) / 2 ** 32 : 0;
        let q = Math.round(x * full + tpdf);
        if (q > highest || q < lowest) { q = q > highest ? highest : lowest; this.clipped++; }
        if (width === 2) this.view.setInt16(at, q, true);
        else if (width === 3) { this.scratch[at] = q & 0xff; this.scratch[at + 1] = (q >> 8) & 0xff; this.scratch[at + 2] = (q >> 16) & 0xff; }
        else if (width === 4) this.view.setInt32(at, q, true);
        else this.scratch[at] = q + 128;
      }
    }
    const bytes = frames * this.frameBytes;
    writeSync(this.fd, this.scratch, 0, bytes, this.dataOffset + this.dataBytes);
    this.dataBytes += bytes;
  }

  /** Patches the sizes (RF64 when needed), pads the data chunk to a word, closes. */
  close(): void {
    if (this.dataBytes % 2) writeSync(this.fd, Buffer.alloc(1), 0, 1, this.dataOffset + this.dataBytes);
    const riffBytes = this.dataOffset + this.dataBytes + (this.dataBytes % 2) - CHUNK_HEADER_BYTES;
    const sizes = Buffer.alloc(4);
    if (this.dataBytes < RIFF_MAX_BYTES && riffBytes < RIFF_MAX_BYTES) {
      sizes.writeUInt32LE(riffBytes);
      writeSync(this.fd, sizes, 0, 4, 4);
      sizes.writeUInt32LE(this.dataBytes);
      writeSync(this.fd, sizes, 0, 4, this.dataOffset - 4);
    } else {
      const ds64 = Buffer.alloc(CHUNK_HEADER_BYTES + DS64_BODY_BYTES);
      ds64.write("ds64", 0, "latin1");
      ds64.writeUInt32LE(DS64_BODY_BYTES, 4);
      ds64.writeBigUInt64LE(BigInt(riffBytes), 8);
      ds64.writeBigUInt64LE(BigInt(this.dataBytes), 16);
      ds64.writeBigUInt64LE(BigInt(this.dataBytes / this.frameBytes), 24);
      writeSync(this.fd, Buffer.from("RF64\xff\xff\xff\xff", "latin1"), 0, 8, 0);
      writeSync(this.fd, ds64, 0, ds64.length, 12);
      sizes.writeUInt32LE(RIFF_MAX_BYTES);
      writeSync(this.fd, sizes, 0, 4, this.dataOffset - 4);
    }
    closeSync(this.fd);
  }

  /** Closes without patching (the caller deletes the partial file). */
  abandon(): void { closeSync(this.fd); }
}

/** A minimal fmt chunk (with its header) for `format`: EXTENSIBLE when more than 2 channels or more than 16 bits. */
export function fmtChunk(format: SampleFormat, channels: number, sampleRate: number): Buffer {
  const extensible = channels > 2 || format.bits > 16;
  const body = Buffer.alloc(extensible ? 40 : 16);
  const tag = format.kind === "float" ? WAVE_FORMAT_IEEE_FLOAT : WAVE_FORMAT_PCM;
  body.writeUInt16LE(extensible ? WAVE_FORMAT_EXTENSIBLE : tag, 0);
  body.writeUInt16LE(channels, 2);
  body.writeUInt32LE(sampleRate, 4);
  body.writeUInt32LE(sampleRate * channels * (format.bits / 8), 8);
  body.writeUInt16LE(channels * (format.bits / 8), 12);
  body.writeUInt16LE(format.bits, 14);
  if (extensible) {
    body.writeUInt16LE(22, 16);
    body.writeUInt16LE(format.bits, 18);
    body.writeUInt32LE(channels <= 2 ? (channels === 1 ? 0x4 : 0x3) : (1 << channels) - 1, 20); // speaker mask: FL FR FC LFE BL BR …
    // KSDATAFORMAT_SUBTYPE_PCM / _IEEE_FLOAT: {0000000x-0000-0010-8000-00aa00389b71}
    Buffer.from([tag, 0, 0, 0, 0, 0, 0x10, 0, 0x80, 0, 0, 0xaa, 0, 0x38, 0x9b, 0x71]).copy(body, 24);
  }
  const header = Buffer.alloc(CHUNK_HEADER_BYTES);
  header.write("fmt ", 0, "latin1");
  header.writeUInt32LE(body.length, 4);
  return Buffer.concat([header, body]);
}
