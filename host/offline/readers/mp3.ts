/**
 * MP3 (MPEG-1/2/2.5 Layer III, also I/II) through the decoder library mpg123-decoder (libmpg123
 * in WebAssembly), streamed: the file is fed in chunks and decoded blocks come back as planar
 * floats. Gapless (the encoder's delay and padding, from the LAME/Xing header, are removed), so
 * the measured audio is the music. Lossy: a trimmed copy is written as 32-bit float WAV (there
 * is no MP3 encoder here). mpg123 drops a cut-off last frame silently, so the frames are also
 * walked from their headers (mpeg-frames.ts) and a cut-off file is refused as truncated.
 * Thread: the offline host (main thread or a worker).
 */
import type { MPEGDecoder } from "mpg123-decoder";
import { AudioFileError, type AudioBlockReader, type SampleFormat } from "./audio-reader.js";
import type { ByteSource } from "./byte-source.js";
import { MpegFrameWalker } from "./mpeg-frames.js";

const READ_CHUNK_BYTES = 1 << 20;

interface Decoded {
  channelData: Float32Array[];
  samplesDecoded: number;
  sampleRate: number;
  errors: { message: string; outputSamples: number }[];
}

/** An MP3 file starts with an ID3v2 tag or an MPEG audio frame sync (11 set bits). */
export function looksLikeMp3(head: Uint8Array): boolean {
  return (head[0] === 0x49 && head[1] === 0x44 && head[2] === 0x33) || (head[0] === 0xff && (head[1]! & 0xe0) === 0xe0);
}

/**
 * Runs a decoder call with console.error/warn muted: the library prints its own multi-line
 * diagnostics there, while the same errors come back in `errors`, which we report in one line.
 */
function quietly<T>(call: () => T): T {
  const { error, warn } = console;
  console.error = () => {};
  console.warn = () => {};
  try {
    return call();
  } finally {
    console.error = error;
    console.warn = warn;
  }
}

export class Mp3Reader implements AudioBlockReader {
  readonly container = "mp3" as const;
  readonly description = "MP3 (decoded to 32-bit float)";
  readonly format: SampleFormat = { kind: "float", bits: 32, validBits: 32 };
  readonly totalFrames = 0;
  sampleRate = 0;
  channels = 0;
  private offset = 0;
  private decoded = 0;
  private ended = false;
  private firstError: { at: number; message: string } | null = null;
  private pending: Decoded | null = null;
  private readonly walker = new MpegFrameWalker();

  private constructor(
    private readonly source: ByteSource,
    private readonly decoder: MPEGDecoder,
  ) {}

  /** Opens an MP3 from `source`; its rate comes from the first decoded block, its channels from the first frame header. */
  static async open(source: ByteSource): Promise<Mp3Reader> {
    // Loaded when an MP3 is opened: the CLI and its reading workers start without it.
    const { MPEGDecoder } = await import("mpg123-decoder");
    const decoder = new MPEGDecoder({ enableGapless: true });
    await decoder.ready;
    const reader = new Mp3Reader(source, decoder);
    try {
      const first = await reader.next();
      if (!first) throw new AudioFileError("no audio could be decoded (not a valid MP3 file?)");
      reader.pending = first;
      reader.sampleRate = first.sampleRate;
      reader.channels = reader.walker.channels || first.channelData.length;
      return reader;
    } catch (error) {
      reader.close();
      throw error;
    }
  }

  progress(): number {
    return this.source.size ? this.offset / this.source.size : 0;
  }

  /** The next decoded chunk with samples, or null at the end; throws for corrupt or cut-off data. */
  private async next(): Promise<Decoded | null> {
    while (!this.ended) {
      // A fresh buffer per chunk: the decoder keeps a view of input it has not consumed yet.
      const chunk = new Uint8Array(READ_CHUNK_BYTES);
      const got = this.source.read(chunk, 0, READ_CHUNK_BYTES, this.offset);
      if (got === 0) {
        this.ended = true;
        break;
      }
      this.walker.feed(chunk.subarray(0, got), this.offset);
      this.offset += got;
      this.source.release(this.offset);
      const result = quietly(() => this.decoder.decode(chunk.subarray(0, got))) as Decoded;
      // An error is judged by what follows it: frames decoding after it mean damaged data in
      // the middle (corrupt); the stream simply ending means the file was cut off (truncated).
      if (result.errors.length > 0 && !this.firstError) {
        const error = result.errors[0]!;
        this.firstError = {
          at: this.decoded + error.outputSamples,
          message: error.message.split(";")[0]!.replace(/^Error: /, ""),
        };
      }
      if (
        this.firstError &&
        result.samplesDecoded > result.errors.reduce((most, e) => Math.max(most, e.outputSamples), 0)
      ) {
        throw new AudioFileError(`corrupt MP3: ${this.firstError.message} after ${this.firstError.at} frames`);
      }
      if (result.samplesDecoded > 0) {
        if (result.channelData.length < this.channels) {
          throw new AudioFileError(
            `corrupt MP3: ${result.channelData.length} channels decoded where the stream has ${this.channels}`,
          );
        }
        this.decoded += result.samplesDecoded;
        return result;
      }
    }
    const cut = this.walker.verdict(this.offset);
    if (cut) throw new AudioFileError(`truncated: ${cut}; ${this.decoded} frames decoded`);
    if (this.firstError)
      throw new AudioFileError(
        `truncated or damaged MP3: ${this.firstError.message} after ${this.firstError.at} frames`,
      );
    return null;
  }

  async read(): Promise<{ frames: number; channels: Float32Array[] } | null> {
    const chunk = this.pending ?? (await this.next());
    this.pending = null;
    return chunk ? { frames: chunk.samplesDecoded, channels: chunk.channelData.slice(0, this.channels) } : null;
  }

  close(): void {
    this.decoder.free();
    this.source.close();
  }
}
