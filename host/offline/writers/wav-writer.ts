/**
 * Writing WAV files block by block (wav.ts reads them): RIFF, turned into RF64 (EBU Tech 3306) when
 * the audio passes 4 GiB; PCM 8/16/24/32-bit with TPDF dither at the format's valid bits, or IEEE
 * float 32/64-bit. A copy of a WAV keeps every chunk of the source in order, before and after the
 * audio (bext, LIST, iXML, …), copied byte for byte from the source; the fields that describe the
 * audio are recomputed, never copied: the fmt chunk's nAvgBytesPerSec and nBlockAlign, and the
 * fact chunk's sample length. Thread: the offline host (main thread or a worker).
 */
import { closeSync, openSync, writeSync } from "node:fs";
import type { SampleFormat } from "../readers/audio-reader.js";
import type { ByteSource } from "../readers/byte-source.js";
import { CHUNK_HEADER_BYTES, chunkBytes, fmtBody, frameBytes } from "../readers/wav-format.js";
import { DS64_BODY_BYTES, RIFF_MAX_BYTES, type ChunkRef } from "../readers/wav.js";

const COPY_BYTES = 1 << 16;
const FACT_BODY_BYTES = 4;

export interface WavWriterOptions {
  format: SampleFormat;
  channels: number;
  sampleRate: number;
  blockFrames: number;
  /** TPDF dither on integer formats (off when the samples already lie on the grid: a 0 dB trim is bit-exact). */
  dither: boolean;
  /** The source WAV's fmt body and chunks, copied in order; absent for a source of another container. */
  source?: { fmt: Buffer; chunksBefore: ChunkRef[]; chunksAfter: ChunkRef[]; bytes: ByteSource };
}

export class WavWriter {
  private readonly fd: number;
  private readonly frameBytes: number;
  private readonly scratch: Uint8Array;
  private readonly view: DataView;
  private readonly dataOffset: number;
  /** Where the fact chunk's sample length sits, to patch on close (−1: none). */
  private readonly factAt: number;
  private dataBytes = 0;
  private random = 0x9e3779b9;
  /** Integer samples the signal itself put past full scale (clamped to the largest/smallest code). */
  clipped = 0;

  /** Frames written so far. */
  get frames(): number {
    return this.dataBytes / this.frameBytes;
  }

  /** Creates `path` (which must not exist: the caller writes to a fresh temporary file). */
  constructor(
    path: string,
    private readonly options: WavWriterOptions,
  ) {
    const { format, channels } = options;
    this.frameBytes = frameBytes(format, channels);
    this.scratch = new Uint8Array(options.blockFrames * this.frameBytes);
    this.view = new DataView(this.scratch.buffer);
    this.fd = openSync(path, "wx");
    try {
      let at = 0;
      const put = (bytes: Buffer) => {
        writeSync(this.fd, bytes, 0, bytes.length, at);
        at += bytes.length;
      };
      put(Buffer.from("RIFF\0\0\0\0WAVE", "latin1"));
      put(chunkBytes("JUNK", Buffer.alloc(DS64_BODY_BYTES)));
      const fmt = fmtBody(format, channels, options.sampleRate, options.source?.fmt);
      let factAt = -1;
      if (!options.source) put(chunkBytes("fmt ", fmt));
      for (const chunk of options.source?.chunksBefore ?? []) {
        if (chunk.id === "fmt ") put(chunkBytes("fmt ", fmt));
        else if (chunk.id === "fact") {
          factAt = at + CHUNK_HEADER_BYTES;
          put(chunkBytes("fact", Buffer.alloc(FACT_BODY_BYTES)));
        } else at = this.copyChunk(chunk, at);
      }
      put(Buffer.from("data\0\0\0\0", "latin1"));
      this.dataOffset = at;
      this.factAt = factAt;
    } catch (error) {
      closeSync(this.fd);
      throw error;
    }
  }

  /** Copies a chunk (header, body, pad) from the source to `at`; returns the offset after it. */
  private copyChunk(chunk: ChunkRef, at: number): number {
    const bytes = this.options.source!.bytes;
    const total = CHUNK_HEADER_BYTES + chunk.bytes + (chunk.bytes % 2);
    const buffer = new Uint8Array(Math.min(COPY_BYTES, total));
    for (let done = 0; done < total; ) {
      const want = Math.min(buffer.length, total - done);
      const got = bytes.read(buffer, 0, want, chunk.offset + done);
      // A pad byte missing at the very end of the source is written as 0.
      if (got < want) buffer.fill(0, got, want);
      if (got === 0 && done < CHUNK_HEADER_BYTES + chunk.bytes)
        throw new Error(`the ${JSON.stringify(chunk.id)} chunk could not be read back`);
      writeSync(this.fd, buffer, 0, want, at + done);
      done += want;
    }
    return at + total;
  }

  /** A uniform integer in [0, 2^32) (xorshift32: cheap, deterministic, plenty for dither). */
  private next(): number {
    let x = this.random;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.random = x >>> 0;
    return this.random;
  }

  write(planar: Float32Array[], frames: number): void {
    const { kind, bits, validBits } = this.options.format;
    const width = bits / 8,
      stride = this.options.channels * width;
    // Quantise on the valid-bits grid (12-bit audio in 16-bit words keeps its low 4 bits zero).
    const full = 2 ** (validBits - 1),
      lowest = -full,
      highest = full - 1,
      shift = 2 ** (bits - validBits);
    for (let c = 0; c < this.options.channels; c++) {
      const source = planar[c]!;
      let at = c * width;
      for (let n = 0; n < frames; n++, at += stride) {
        const x = source[n]!;
        if (kind === "float") {
          if (width === 4) this.view.setFloat32(at, x, true);
          else this.view.setFloat64(at, x, true);
          continue;
        }
        const exact = x * full;
        if (exact > highest + 0.5 || exact < lowest - 0.5) this.clipped++;
        const tpdf = this.options.dither ? (this.next() - this.next()) / 2 ** 32 : 0;
        const q = Math.min(highest, Math.max(lowest, Math.round(exact + tpdf))) * shift;
        if (width === 2) this.view.setInt16(at, q, true);
        else if (width === 3) {
          this.scratch[at] = q & 0xff;
          this.scratch[at + 1] = (q >> 8) & 0xff;
          this.scratch[at + 2] = (q >> 16) & 0xff;
        } else if (width === 4) this.view.setInt32(at, q, true);
        else this.scratch[at] = q + 128;
      }
    }
    const bytes = frames * this.frameBytes;
    writeSync(this.fd, this.scratch, 0, bytes, this.dataOffset + this.dataBytes);
    this.dataBytes += bytes;
  }

  /** Pads the audio to a word, copies the chunks after it, patches the sizes (RF64 when needed), closes. */
  close(): void {
    const pad = this.dataBytes % 2;
    if (pad) writeSync(this.fd, Buffer.alloc(1), 0, 1, this.dataOffset + this.dataBytes);
    let end = this.dataOffset + this.dataBytes + pad;
    for (const chunk of this.options.source?.chunksAfter ?? []) end = this.copyChunk(chunk, end);
    const riffBytes = end - CHUNK_HEADER_BYTES;
    const frames = this.dataBytes / this.frameBytes;
    const word = Buffer.alloc(4);
    if (this.factAt >= 0) {
      word.writeUInt32LE(Math.min(frames, RIFF_MAX_BYTES));
      writeSync(this.fd, word, 0, 4, this.factAt);
    }
    if (this.dataBytes < RIFF_MAX_BYTES && riffBytes < RIFF_MAX_BYTES) {
      word.writeUInt32LE(riffBytes);
      writeSync(this.fd, word, 0, 4, 4);
      word.writeUInt32LE(this.dataBytes);
      writeSync(this.fd, word, 0, 4, this.dataOffset - 4);
    } else {
      const ds64 = Buffer.alloc(DS64_BODY_BYTES);
      ds64.writeBigUInt64LE(BigInt(riffBytes), 0);
      ds64.writeBigUInt64LE(BigInt(this.dataBytes), 8);
      ds64.writeBigUInt64LE(BigInt(frames), 16);
      writeSync(this.fd, Buffer.from("RF64\xff\xff\xff\xff", "latin1"), 0, 8, 0);
      writeSync(this.fd, chunkBytes("ds64", ds64), 0, CHUNK_HEADER_BYTES + DS64_BODY_BYTES, 12);
      word.writeUInt32LE(RIFF_MAX_BYTES);
      writeSync(this.fd, word, 0, 4, this.dataOffset - 4);
    }
    closeSync(this.fd);
  }

  /** Closes without patching (the caller deletes the partial file). */
  abandon(): void {
    closeSync(this.fd);
  }
}
