/**
 * Writing WAV files block by block (wav.ts reads them): RIFF, turned into RF64 (EBU Tech 3306) when
 * the audio passes 4 GiB; PCM 8/16/24/32-bit with TPDF dither, or IEEE float 32/64-bit.
 * Thread: the offline host (main thread or a worker).
 */
import { closeSync, openSync, writeSync } from "node:fs";
import type { SampleFormat } from "./audio-file.js";
import { CHUNK_HEADER_BYTES, DS64_BODY_BYTES, RIFF_MAX_BYTES, WAVE_FORMAT_EXTENSIBLE, WAVE_FORMAT_IEEE_FLOAT, WAVE_FORMAT_PCM } from "./wav.js";

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

  constructor(path: string, readonly format: SampleFormat, readonly channels: number, blockFrames: number, chunks: Buffer[], private readonly dither: boolean) {
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
