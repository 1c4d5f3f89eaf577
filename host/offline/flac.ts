/**
 * FLAC files, streamed through the decoder library @wasm-audio-decoders/flac (libFLAC compiled
 * to WebAssembly): the file is fed in chunks, decoded blocks come back as planar floats. The
 * STREAMINFO block (FLAC format spec §STREAMINFO) is read first for rate, channels, bit depth
 * and length, so a truncated file is caught by its promised length.
 * Thread: the offline host (main thread or a worker).
 */
import { closeSync, openSync, readSync, fstatSync } from "node:fs";
import { FLACDecoder } from "@wasm-audio-decoders/flac";
import { AudioFileError, type AudioBlockReader, type SampleFormat } from "./audio-file.js";

const READ_CHUNK_BYTES = 1 << 20;
const STREAMINFO_TYPE = 0;
const STREAMINFO_BYTES = 34;

interface StreamInfo { sampleRate: number; channels: number; bits: number; totalFrames: number }

function readStreamInfo(fd: number): StreamInfo {
  const head = Buffer.alloc(8 + STREAMINFO_BYTES);
  if (readSync(fd, head, 0, head.length, 0) < head.length) throw new AudioFileError("truncated: shorter than a FLAC header");
  if ((head[4]! & 0x7f) !== STREAMINFO_TYPE || head.readUIntBE(5, 3) !== STREAMINFO_BYTES) throw new AudioFileError("corrupt: FLAC without a STREAMINFO block");
  const info = head.subarray(8);
  const sampleRate = (info[10]! << 12) | (info[11]! << 4) | (info[12]! >> 4);
  const channels = ((info[12]! >> 1) & 0x7) + 1;
  const bits = (((info[12]! & 0x1) << 4) | (info[13]! >> 4)) + 1;
  const totalFrames = (info[13]! & 0xf) * 2 ** 32 + info.readUInt32BE(14);
  if (sampleRate === 0) throw new AudioFileError("corrupt: FLAC sample rate 0");
  return { sampleRate, channels, bits, totalFrames };
}

/**
 * Runs a decoder call with console.error/warn muted: the library prints its own multi-line
 * diagnostics there, while the same errors come back in `errors`, which we report in one line.
 */
async function quietly<T>(call: () => Promise<T>): Promise<T> {
  const { error, warn } = console;
  console.error = () => {};
  console.warn = () => {};
  try { return await call(); } finally { console.error = error; console.warn = warn; }
}

export class FlacReader implements AudioBlockReader {
  readonly container = "flac" as const;
  readonly format: SampleFormat;
  private offset = 0;
  private decoded = 0;
  private flushed = false;
  private firstError: { at: number; message: string } | null = null;

  private constructor(private readonly fd: number, private readonly fileBytes: number, private readonly info: StreamInfo, private readonly decoder: FLACDecoder) {
    this.format = { kind: "int", bits: info.bits };
  }

  static async open(path: string): Promise<FlacReader> {
    const fd = openSync(path, "r");
    try {
      const info = readStreamInfo(fd);
      const decoder = new FLACDecoder();
      await decoder.ready;
      return new FlacReader(fd, fstatSync(fd).size, info, decoder);
    } catch (error) {
      closeSync(fd);
      throw error;
    }
  }

  get sampleRate(): number { return this.info.sampleRate; }
  get channels(): number { return this.info.channels; }
  get totalFrames(): number { return this.info.totalFrames; }

  async read(): Promise<{ frames: number; channels: Float32Array[] } | null> {
    while (!this.flushed) {
      let result;
      if (this.offset < this.fileBytes) {
        // A fresh buffer per chunk: the decoder keeps a view of input it has not consumed yet.
        const chunk = new Uint8Array(READ_CHUNK_BYTES);
        const got = readSync(this.fd, chunk, 0, READ_CHUNK_BYTES, this.offset);
        this.offset += got;
        result = await quietly(() => this.decoder.decode(chunk.subarray(0, got)));
      } else {
        result = await quietly(() => this.decoder.flush());
        this.flushed = true;
      }
      // An error is judged by what follows it: frames decoding after it mean a damaged frame in
      // the middle (corrupt); the stream simply ending means the file was cut off (truncated).
      if (result.errors.length > 0 && !this.firstError) {
        const error = result.errors[0]!;
        this.firstError = { at: this.decoded + error.outputSamples, message: error.message.split(";")[0]!.replace(/^Error: /, "") };
      }
      if (this.firstError && result.samplesDecoded > result.errors.reduce((most, e) => Math.max(most, e.outputSamples), 0)) {
        throw new AudioFileError(`corrupt FLAC: ${this.firstError.message} after ${this.firstError.at} frames`);
      }
      if (result.samplesDecoded > 0) {
        if (result.channelData.length !== this.info.channels) throw new AudioFileError(`corrupt FLAC: ${result.channelData.length} channels decoded, STREAMINFO says ${this.info.channels}`);
        this.decoded += result.samplesDecoded;
        return { frames: result.samplesDecoded, channels: result.channelData };
      }
    }
    if (this.info.totalFrames > 0 && this.decoded < this.info.totalFrames) {
      // The decoder drops frames that fail their CRC without a word, so a cut-off file and a
      // damaged one look alike here: fewer frames than STREAMINFO promises.
      throw new AudioFileError(`truncated or damaged: decoded ${this.decoded} of the ${this.info.totalFrames} frames STREAMINFO promises`);
    }
    if (this.firstError) throw new AudioFileError(`corrupt FLAC: ${this.firstError.message} after ${this.firstError.at} frames`);
    return null;
  }

  close(): void {
    this.decoder.free();
    closeSync(this.fd);
  }
}
