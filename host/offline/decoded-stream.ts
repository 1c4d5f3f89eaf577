/**
 * Compressed files read through a streaming decoder library (the @wasm-audio-decoders family:
 * FLAC, MP3): the file is fed in chunks, decoded blocks come back as planar floats. Shared here:
 * chunked feeding, one-line errors, and judging a decoder error by what follows it. Rate and
 * channels come from the container's header when it has one (FLAC STREAMINFO) or from the first
 * decoded block (MP3). Thread: the offline host (main thread or a worker).
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { AudioFileError, type AudioBlockReader, type SampleFormat } from "./audio-file.js";

const READ_CHUNK_BYTES = 1 << 20;

export interface DecodedChunk {
  channelData: Float32Array[];
  samplesDecoded: number;
  sampleRate: number;
  errors: { message: string; outputSamples: number }[];
}

/** What a decoder library offers, reduced to what the reader needs. */
export interface StreamDecoder {
  decode(bytes: Uint8Array): Promise<DecodedChunk> | DecodedChunk;
  flush(): Promise<DecodedChunk> | DecodedChunk;
  free(): void;
}

export interface StreamHeader {
  container: "flac" | "mp3";
  description: string;
  format: SampleFormat;
  /** Known from the header (FLAC), else null: read from the first decoded block. */
  sampleRate: number | null;
  channels: number | null;
  /** Frames the header promises; 0 if it does not say (MP3). */
  totalFrames: number;
}

/**
 * Runs a decoder call with console.error/warn muted: the libraries print their own multi-line
 * diagnostics there, while the same errors come back in `errors`, which we report in one line.
 */
async function quietly<T>(call: () => Promise<T> | T): Promise<T> {
  const { error, warn } = console;
  console.error = () => {};
  console.warn = () => {};
  try { return await call(); } finally { console.error = error; console.warn = warn; }
}

export class DecodedStreamReader implements AudioBlockReader {
  readonly container: "flac" | "mp3";
  readonly description: string;
  readonly format: SampleFormat;
  readonly totalFrames: number;
  sampleRate = 0;
  channels = 0;
  private offset = 0;
  private decoded = 0;
  private flushed = false;
  private firstError: { at: number; message: string } | null = null;
  /** A block decoded while finding the rate and channels, handed out first. */
  private pending: DecodedChunk | null = null;

  private constructor(private readonly fd: number, private readonly fileBytes: number, private readonly decoder: StreamDecoder, header: StreamHeader) {
    this.container = header.container;
    this.description = header.description;
    this.format = header.format;
    this.totalFrames = header.totalFrames;
    this.sampleRate = header.sampleRate ?? 0;
    this.channels = header.channels ?? 0;
  }

  /** Opens `path` with `decoder`; a header without rate/channels is completed from the first block. */
  static async open(path: string, header: (fd: number) => StreamHeader, decoder: () => Promise<StreamDecoder>): Promise<DecodedStreamReader> {
    const fd = openSync(path, "r");
    let reader: DecodedStreamReader | null = null;
    try {
      reader = new DecodedStreamReader(fd, fstatSync(fd).size, await decoder(), header(fd));
      if (reader.sampleRate === 0 || reader.channels === 0) {
        const first = await reader.next();
        if (!first) throw new AudioFileError(`no audio could be decoded (not a valid ${reader.container.toUpperCase()} file?)`);
        reader.pending = first;
        reader.sampleRate = first.sampleRate;
        reader.channels = first.channelData.length;
      }
      return reader;
    } catch (error) {
      if (reader) reader.close(); else closeSync(fd);
      throw error;
    }
  }

  progress(): number { return this.fileBytes > 0 ? this.offset / this.fileBytes : 1; }

  /** The next decoded chunk with samples, or null at the end; throws for corrupt or cut-off data. */
  private async next(): Promise<DecodedChunk | null> {
    while (!this.flushed) {
      let result: DecodedChunk;
      if (this.offset < this.fileBytes) {
        // A fresh buffer per chunk: a decoder keeps a view of input it has not consumed yet.
        const chunk = new Uint8Array(READ_CHUNK_BYTES);
        const got = readSync(this.fd, chunk, 0, READ_CHUNK_BYTES, this.offset);
        this.offset += got;
        result = await quietly(() => this.decoder.decode(chunk.subarray(0, got)));
      } else {
        result = await quietly(() => this.decoder.flush());
        this.flushed = true;
      }
      // An error is judged by what follows it: frames decoding after it mean damaged data in
      // the middle (corrupt); the stream simply ending means the file was cut off (truncated).
      if (result.errors.length > 0 && !this.firstError) {
        const error = result.errors[0]!;
        this.firstError = { at: this.decoded + error.outputSamples, message: error.message.split(";")[0]!.replace(/^Error: /, "") };
      }
      if (this.firstError && result.samplesDecoded > result.errors.reduce((most, e) => Math.max(most, e.outputSamples), 0)) {
        throw new AudioFileError(`corrupt ${this.container.toUpperCase()}: ${this.firstError.message} after ${this.firstError.at} frames`);
      }
      if (result.samplesDecoded > 0) {
        if (this.channels > 0 && result.channelData.length !== this.channels) {
          throw new AudioFileError(`corrupt ${this.container.toUpperCase()}: ${result.channelData.length} channels decoded where the stream has ${this.channels}`);
        }
        this.decoded += result.samplesDecoded;
        return result;
      }
    }
    if (this.totalFrames > 0 && this.decoded < this.totalFrames) {
      // FLAC decoders drop frames that fail their CRC without a word, so a cut-off file and a
      // damaged one look alike here: fewer frames than the header promises.
      throw new AudioFileError(`truncated or damaged: decoded ${this.decoded} of the ${this.totalFrames} frames the header promises`);
    }
    if (this.firstError) throw new AudioFileError(`truncated or damaged ${this.container.toUpperCase()}: ${this.firstError.message} after ${this.firstError.at} frames`);
    return null;
  }

  async read(): Promise<{ frames: number; channels: Float32Array[] } | null> {
    const chunk = this.pending ?? (await this.next());
    this.pending = null;
    return chunk ? { frames: chunk.samplesDecoded, channels: chunk.channelData } : null;
  }

  close(): void {
    this.decoder.free();
    closeSync(this.fd);
  }
}
