/**
 * Reading ahead: a worker thread opens, reads and decodes the file into a small ring of planar
 * blocks in shared memory while this thread meters the blocks before them, so file I/O and
 * decoding (FLAC, MP3, integer WAV) overlap with metering on a second core. The reader this
 * thread gets is an ordinary AudioBlockReader: same header facts, same blocks, same errors (an
 * AudioFileError from the worker is rethrown here with its message). Files at least
 * READ_AHEAD_MIN_BYTES long read ahead (for short ones starting a thread costs more than it
 * saves), and so does every stream (standard input, a named pipe, `<(…)`), whatever its length:
 * a pipe may make its reader wait (for a writer, for data) for ever, and only a worker can wait
 * while this thread stays free to handle a signal. Such a wait ends with the process.
 *
 * The ring (one SharedArrayBuffer): control words, then per slot its frame count and progress,
 * then per slot `channels` planar blocks of `slotFrames` floats. The worker fills slot
 * `written % SLOTS` and bumps `written`; this thread releases a slot on its next read by bumping
 * `released`. Each side waits on a counter the other bumps for every change it makes (`events`,
 * `frees`), so no wake-up can be missed; a side says when it waits, and the other wakes it only
 * then (the reader once half the ring is free), because every wake-up is a system call.
 * Thread: the offline host's thread and its reading worker (read-ahead-worker.ts).
 */
import { statSync } from "node:fs";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { AudioFileError, type AudioBlockReader, type SampleFormat } from "./audio-reader.js";
import { openAudioFile } from "./audio-file.js";
import { isStreamPath } from "./byte-source.js";

/** Files shorter than this are read in the calling thread (a worker's start-up would cost more). */
export const READ_AHEAD_MIN_BYTES = 8 << 20;
/** Blocks in flight: enough for the reader to run ahead through a slow block of either side. */
const SLOTS = 8;
/** Samples per slot (all channels): stereo gets 16384-frame blocks; many channels get fewer frames. */
const SLOT_SAMPLES = 32768;
const MAX_SLOT_FRAMES = 16384;
/** A waiting reader is woken once this many slots are free (fewer, longer waits). */
const WAKE_FREE_SLOTS = SLOTS / 2;

// Control words (Int32).
const WRITTEN = 0; // slots filled, ever
const RELEASED = 1; // slots given back, ever
const STATE = 2; // 0 while reading, then DONE or FAILED
const CANCELLED = 3; // set by this thread: stop reading
const EVENTS = 4; // bumped by the worker on every write and state change (this thread waits on it)
const FREES = 5; // bumped by this thread on every release and on cancel (the worker waits on it)
const METER_WAITING = 6; // this thread waits on EVENTS
const READER_WAITING = 7; // the worker waits on FREES
const CONTROL_WORDS = 8;
const DONE = 1;
const FAILED = 2;

interface Header {
  container: AudioBlockReader["container"];
  description: string;
  sampleRate: number;
  channels: number;
  format: SampleFormat;
  totalFrames: number;
  slotFrames: number;
}

interface WorkerMessage {
  header?: Header;
  buffer?: SharedArrayBuffer;
  /** The file's problem (an AudioFileError's message), or any other failure. */
  error?: string;
  fileError?: boolean;
}

/** The ring's views over one SharedArrayBuffer (the same layout on both sides). */
class Ring {
  readonly control: Int32Array;
  readonly frames: Int32Array;
  readonly progress: Float64Array;
  readonly slots: Float32Array[][];

  constructor(
    readonly buffer: SharedArrayBuffer,
    channels: number,
    slotFrames: number,
  ) {
    this.control = new Int32Array(buffer, 0, CONTROL_WORDS);
    this.frames = new Int32Array(buffer, CONTROL_WORDS * 4, SLOTS);
    const progressAt = (CONTROL_WORDS + SLOTS) * 4;
    this.progress = new Float64Array(buffer, progressAt, SLOTS);
    const samplesAt = progressAt + SLOTS * 8;
    this.slots = Array.from({ length: SLOTS }, (_, slot) =>
      Array.from(
        { length: channels },
        (_, c) => new Float32Array(buffer, samplesAt + (slot * channels + c) * slotFrames * 4, slotFrames),
      ),
    );
  }

  static bytes(channels: number, slotFrames: number): number {
    return (CONTROL_WORDS + SLOTS) * 4 + SLOTS * 8 + SLOTS * channels * slotFrames * 4;
  }

  /**
   * Bumps counter `index` and, if the other side says it waits on it (`waiting`) and `wake` holds,
   * wakes it. Sequentially consistent: the other side sets `waiting`, then checks the counter.
   */
  bump(index: number, waiting: number, wake = true): void {
    Atomics.add(this.control, index, 1);
    if (wake && Atomics.load(this.control, waiting)) Atomics.notify(this.control, index);
  }
}

/** The reader this thread meters from; the worker reads ahead of it. */
class ReadAheadReader implements AudioBlockReader {
  readonly container: AudioBlockReader["container"];
  readonly description: string;
  readonly sampleRate: number;
  readonly channels: number;
  readonly format: SampleFormat;
  readonly totalFrames: number;
  private readonly ring: Ring;
  private holding = false;
  private fraction = 0;

  constructor(
    header: Header,
    buffer: SharedArrayBuffer,
    private readonly failure: Promise<string>,
  ) {
    ({
      container: this.container,
      description: this.description,
      sampleRate: this.sampleRate,
      channels: this.channels,
      format: this.format,
      totalFrames: this.totalFrames,
    } = header);
    this.ring = new Ring(buffer, header.channels, header.slotFrames);
  }

  progress(): number {
    return this.fraction;
  }

  async read(): Promise<{ frames: number; channels: Float32Array[] } | null> {
    const { control } = this.ring;
    if (this.holding) {
      this.holding = false;
      const free = SLOTS - (Atomics.load(control, WRITTEN) - Atomics.add(control, RELEASED, 1) - 1);
      this.ring.bump(FREES, READER_WAITING, free >= WAKE_FREE_SLOTS);
    }
    const next = Atomics.load(control, RELEASED);
    for (;;) {
      const seen = Atomics.load(control, EVENTS);
      if (Atomics.load(control, WRITTEN) > next) break;
      const state = Atomics.load(control, STATE);
      if (state === DONE) return null;
      if (state === FAILED) throw new AudioFileError(await this.failure);
      Atomics.store(control, METER_WAITING, 1);
      await Atomics.waitAsync(control, EVENTS, seen).value;
      Atomics.store(control, METER_WAITING, 0);
    }
    const slot = next % SLOTS;
    this.holding = true;
    this.fraction = this.ring.progress[slot]!;
    return { frames: this.ring.frames[slot]!, channels: this.ring.slots[slot]! };
  }

  /** Stops the worker if it is still reading (it closes the file itself). */
  close(): void {
    Atomics.store(this.ring.control, CANCELLED, 1);
    this.ring.bump(FREES, READER_WAITING);
  }
}

/** The module the reading worker runs (read-ahead-worker.ts's bundle); null: read in the calling thread. */
let workerUrl: URL | null = null;
let minBytes = READ_AHEAD_MIN_BYTES;

/** Lets files of at least `fromBytes` be read ahead by workers running `url` (null: none). */
export function readAheadWith(url: URL | null, fromBytes = READ_AHEAD_MIN_BYTES): void {
  workerUrl = url;
  minBytes = fromBytes;
}

/**
 * Opens `path` for metering: read ahead in a worker when the file is long enough and a worker
 * module is set (readAheadWith), else in this thread. Throws AudioFileError like openAudioFile.
 */
export async function openReadingAhead(path: string, blockFrames: number): Promise<AudioBlockReader> {
  if (!workerUrl || !(isStreamPath(path) || longEnough(path))) return openAudioFile(path, blockFrames);
  // The worker gets this process's flags except --input-type (valid only for code given on the command line).
  const execArgv = process.execArgv.filter((flag) => !flag.startsWith("--input-type"));
  const worker = new Worker(workerUrl, { workerData: { gainstageReadAhead: path }, execArgv });
  worker.unref();
  let failed: (message: string) => void = () => {};
  const failure = new Promise<string>((resolve) => {
    failed = resolve;
  });
  return new Promise<AudioBlockReader>((resolve, reject) => {
    let settled = false;
    // A worker that cannot start (or dies before the header) costs the overlap, not the file.
    const readHere = () => {
      if (settled) return;
      settled = true;
      openAudioFile(path, blockFrames).then(resolve, reject);
    };
    worker.on("message", (message: WorkerMessage) => {
      if (message.header && message.buffer && !settled) {
        settled = true;
        resolve(new ReadAheadReader(message.header, message.buffer, failure));
      } else if (message.error !== undefined) {
        if (settled) failed(message.error);
        else if (message.fileError) {
          settled = true;
          reject(new AudioFileError(message.error));
        } else readHere();
      }
    });
    worker.on("error", (error: Error) => {
      if (settled) failed(`reading failed: ${error.message}`);
      else readHere();
    });
    worker.on("exit", readHere);
  });
}

function longEnough(path: string): boolean {
  try {
    const stat = statSync(path);
    return stat.isFile() && stat.size >= minBytes;
  } catch {
    return false; // openAudioFile says what is wrong with it
  }
}

/** The worker side (read-ahead-worker.ts): reads the file it was started for into the ring. */
export function serveReadAhead(): void {
  const path = isMainThread ? undefined : (workerData as { gainstageReadAhead?: string } | null)?.gainstageReadAhead;
  if (path !== undefined) void readAhead(path);
}

async function readAhead(path: string): Promise<void> {
  let reader: AudioBlockReader;
  try {
    reader = await openAudioFile(path, MAX_SLOT_FRAMES);
  } catch (error) {
    parentPort!.postMessage({ error: String((error as Error).message), fileError: error instanceof AudioFileError });
    return;
  }
  const slotFrames = Math.max(1, Math.min(MAX_SLOT_FRAMES, Math.floor(SLOT_SAMPLES / reader.channels)));
  const buffer = new SharedArrayBuffer(Ring.bytes(reader.channels, slotFrames));
  const ring = new Ring(buffer, reader.channels, slotFrames);
  const { control } = ring;
  const header: Header = {
    container: reader.container,
    description: reader.description,
    sampleRate: reader.sampleRate,
    channels: reader.channels,
    format: reader.format,
    totalFrames: reader.totalFrames,
    slotFrames,
  };
  parentPort!.postMessage({ header, buffer });
  /** Waits for a free slot; false when the reading thread has cancelled. */
  const free = (): boolean => {
    for (;;) {
      const seen = Atomics.load(control, FREES);
      if (Atomics.load(control, CANCELLED)) return false;
      if (Atomics.load(control, WRITTEN) - Atomics.load(control, RELEASED) < SLOTS) return true;
      Atomics.store(control, READER_WAITING, 1);
      Atomics.wait(control, FREES, seen);
      Atomics.store(control, READER_WAITING, 0);
    }
  };
  try {
    reading: for (let block = await reader.read(); block; block = await reader.read()) {
      for (let at = 0; at < block.frames; ) {
        if (!free()) break reading;
        const slot = Atomics.load(control, WRITTEN) % SLOTS;
        const count = Math.min(slotFrames, block.frames - at);
        block.channels.forEach((channel, c) => ring.slots[slot]![c]!.set(channel.subarray(at, at + count)));
        ring.frames[slot] = count;
        ring.progress[slot] = reader.progress();
        at += count;
        Atomics.add(control, WRITTEN, 1);
        ring.bump(EVENTS, METER_WAITING);
      }
    }
    Atomics.store(control, STATE, DONE);
  } catch (error) {
    parentPort!.postMessage({ error: String((error as Error).message), fileError: error instanceof AudioFileError });
    Atomics.store(control, STATE, FAILED);
  } finally {
    reader.close();
    ring.bump(EVENTS, METER_WAITING);
  }
}
