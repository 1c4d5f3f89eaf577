/**
 * FLAC files, streamed (RFC 9639): the "fLaC" marker, STREAMINFO (rate, channels, bit depth,
 * length) and the other metadata blocks (skipped), then frames decoded one at a time by
 * flac-frame.ts into exact integers, scaled to ±1 full scale by 2^(depth − 1) as WAV integers
 * are, so a FLAC reads exactly what the same samples in a WAV read. A cut-off file, a frame
 * that fails its CRC and a file shorter than STREAMINFO promises are all refused by name. Frames
 * are read to the end of the file, as the reference decoder (`flac -d`) does: a STREAMINFO that
 * understates the length (as some encoders and editors leave it) never makes a copy shorter.
 * Thread: the offline host (main thread or a worker).
 */
import { AudioFileError, type AudioBlockReader, type SampleFormat } from "./audio-reader.js";
import type { ByteSource } from "./byte-source.js";
import { OutOfData } from "./flac-bits.js";
import { decodeFrame, MAX_BLOCK_FRAMES, type StreamInfo } from "./flac-frame.js";

const MARKER_BYTES = 4;
const BLOCK_HEADER_BYTES = 4;
const STREAMINFO_TYPE = 0;
const STREAMINFO_BYTES = 34;
const LAST_BLOCK_FLAG = 0x80;
const READ_CHUNK_BYTES = 1 << 20;
/** An ID3v1 tag ("TAG" + 125 bytes) some tools append after the last frame. */
const ID3V1_BYTES = 128;

function readStreamInfo(source: ByteSource): { info: StreamInfo; framesStart: number } {
  const head = Buffer.alloc(MARKER_BYTES + BLOCK_HEADER_BYTES + STREAMINFO_BYTES);
  if (source.read(head, 0, head.length, 0) < head.length)
    throw new AudioFileError("truncated: shorter than a FLAC header");
  if ((head[4]! & 0x7f) !== STREAMINFO_TYPE || head.readUIntBE(5, 3) !== STREAMINFO_BYTES)
    throw new AudioFileError("corrupt: FLAC without a STREAMINFO block");
  const block = head.subarray(MARKER_BYTES + BLOCK_HEADER_BYTES);
  // RFC 9639 §8.2: min/max block size (16+16), min/max frame size (24+24), then rate (20),
  // channels − 1 (3), bits − 1 (5), total samples (36), MD5 (128).
  const sampleRate = (block[10]! << 12) | (block[11]! << 4) | (block[12]! >> 4);
  const channels = ((block[12]! >> 1) & 0x7) + 1;
  const bits = (((block[12]! & 0x1) << 4) | (block[13]! >> 4)) + 1;
  const totalFrames = (block[13]! & 0xf) * 2 ** 32 + block.readUInt32BE(14);
  if (sampleRate === 0) throw new AudioFileError("corrupt: FLAC sample rate 0");
  if (bits < 4) throw new AudioFileError(`corrupt: FLAC bit depth ${bits} (FLAC allows 4 … 32)`);
  let at = MARKER_BYTES,
    last = (head[4]! & LAST_BLOCK_FLAG) !== 0;
  at += BLOCK_HEADER_BYTES + STREAMINFO_BYTES;
  const header = Buffer.alloc(BLOCK_HEADER_BYTES);
  while (!last) {
    if (source.read(header, 0, BLOCK_HEADER_BYTES, at) < BLOCK_HEADER_BYTES)
      throw new AudioFileError("truncated: in the FLAC metadata");
    last = (header[0]! & LAST_BLOCK_FLAG) !== 0;
    at += BLOCK_HEADER_BYTES + header.readUIntBE(1, 3);
    if (source.size !== null && at > source.size) throw new AudioFileError("truncated: in the FLAC metadata");
  }
  return { info: { sampleRate, channels, bits, totalFrames }, framesStart: at };
}

export class FlacReader implements AudioBlockReader {
  readonly container = "flac" as const;
  readonly description: string;
  readonly format: SampleFormat;
  readonly sampleRate: number;
  readonly channels: number;
  readonly totalFrames: number;
  private readonly info: StreamInfo;
  private readonly samples: Float64Array[];
  private readonly planar: Float32Array[];
  private readonly scale: number;
  private buffer = new Uint8Array(READ_CHUNK_BYTES * 2);
  private start = 0;
  private end = 0;
  private position: number;
  private ended = false;
  private decoded = 0;

  constructor(private readonly source: ByteSource) {
    const { info, framesStart } = readStreamInfo(source);
    this.info = info;
    this.position = framesStart;
    this.sampleRate = info.sampleRate;
    this.channels = info.channels;
    this.totalFrames = info.totalFrames;
    this.description = `FLAC PCM ${info.bits}-bit`;
    // Written back as WAV in the next whole-byte container, the true depth in its valid bits.
    this.format = { kind: "int", bits: Math.ceil(info.bits / 8) * 8, validBits: info.bits };
    this.scale = 2 ** -(info.bits - 1);
    this.samples = Array.from({ length: info.channels }, () => new Float64Array(MAX_BLOCK_FRAMES));
    this.planar = Array.from({ length: info.channels }, () => new Float32Array(MAX_BLOCK_FRAMES));
    source.release(framesStart);
  }

  progress(): number {
    return this.source.size
      ? this.position / this.source.size
      : this.totalFrames > 0
        ? this.decoded / this.totalFrames
        : 0;
  }

  /** Appends the next chunk of the file to the buffer; false at the end of the file. */
  private more(): boolean {
    if (this.ended) return false;
    if (this.end - this.start + READ_CHUNK_BYTES > this.buffer.length) {
      const grown = new Uint8Array(Math.max(this.buffer.length, (this.end - this.start + READ_CHUNK_BYTES) * 2));
      grown.set(this.buffer.subarray(this.start, this.end));
      this.buffer = grown;
    } else {
      this.buffer.copyWithin(0, this.start, this.end);
    }
    this.end -= this.start;
    this.start = 0;
    const got = this.source.read(this.buffer, this.end, READ_CHUNK_BYTES, this.position);
    this.position += got;
    this.end += got;
    if (got === 0) this.ended = true;
    return got > 0;
  }

  async read(): Promise<{ frames: number; channels: Float32Array[] } | null> {
    for (;;) {
      if (this.start < this.end) {
        try {
          const frame = decodeFrame(this.buffer, this.start, this.end, this.info, this.samples);
          this.start = frame.endOffset;
          this.decoded += frame.frames;
          for (let c = 0; c < this.channels; c++) {
            const from = this.samples[c]!,
              to = this.planar[c]!;
            for (let n = 0; n < frame.frames; n++) to[n] = from[n]! * this.scale;
          }
          return { frames: frame.frames, channels: this.planar.map((p) => p.subarray(0, frame.frames)) };
        } catch (error) {
          if (!(error instanceof OutOfData))
            throw new AudioFileError(`${(error as Error).message} (after ${this.decoded} frames)`);
        }
      }
      if (!this.more()) return this.finish();
    }
  }

  /** At the end of the file: what is left over must be nothing (or an ID3v1 tag), and the length must be as promised. */
  private finish(): null {
    const rest = this.buffer.subarray(this.start, this.end);
    const tag = rest.length === ID3V1_BYTES && rest[0] === 0x54 && rest[1] === 0x41 && rest[2] === 0x47; // "TAG"
    if (rest.length > 0 && !tag)
      throw new AudioFileError(`truncated: the last FLAC frame is cut off after ${this.decoded} frames`);
    if (this.totalFrames > 0 && this.decoded < this.totalFrames) {
      throw new AudioFileError(
        `truncated: decoded ${this.decoded} of the ${this.totalFrames} frames the header promises`,
      );
    }
    if (this.decoded === 0) throw new AudioFileError("no audio frames in the file");
    return null;
  }

  close(): void {
    this.source.close();
  }
}
