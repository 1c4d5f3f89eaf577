/**
 * Where a reader's bytes come from: a file (read at any position) or a stream read front to back:
 * standard input, a named pipe (FIFO), a process substitution `<(…)` (a pipe behind /dev/fd/N),
 * a socket or a character device. Readers ask for bytes at positions; from a pipe, positions must not go back
 * behind what was released, and skipping ahead reads and discards. Until the reader releases it
 * (once it reaches the audio), everything read from a pipe is kept, so the header can be read
 * twice (format sniffing, then parsing). Thread: the offline host (main thread or a worker).
 */
import { closeSync, fstatSync, openSync, readSync, statSync, type Stats } from "node:fs";
import { isatty } from "node:tty";
import { AudioFileError } from "./audio-reader.js";

/** The name that means standard input on the command line. */
export const STDIN_NAME = "-";
/** A header read from a pipe larger than this is not a header anyone wrote on purpose. */
const MAX_PIPE_HEADER_BYTES = 64 * 1024 * 1024;
const DISCARD_BYTES = 1 << 16;
/** How long a read of an empty non-blocking standard input waits before trying again. */
const RETRY_MS = 2;
const pause = new Int32Array(new SharedArrayBuffer(4));

export interface ByteSource {
  /** Bytes in the source, or null when it is a pipe (unknown until it ends). */
  readonly size: number | null;
  /** Reads up to `length` bytes at `position` into `target` at `offset`; returns the bytes read (0 = end). */
  read(target: Uint8Array, offset: number, length: number, position: number): number;
  /** Bytes before `position` will not be asked for again (a pipe stops keeping them). */
  release(position: number): void;
  close(): void;
}

class FileSource implements ByteSource {
  readonly size: number;
  constructor(private readonly fd: number) {
    this.size = fstatSync(fd).size;
  }
  read(target: Uint8Array, offset: number, length: number, position: number): number {
    return length > 0 ? readSync(this.fd, target, offset, length, position) : 0;
  }
  release(): void {}
  close(): void {
    closeSync(this.fd);
  }
}

class PipeSource implements ByteSource {
  readonly size = null;
  /** Bytes [keptFrom, consumed) are kept in `kept` while the header is being read. */
  private kept: Uint8Array | null = new Uint8Array(1 << 16);
  private keptFrom = 0;
  private consumed = 0;
  private readonly discard = new Uint8Array(DISCARD_BYTES);

  constructor(private readonly fd: number) {}

  /** One read(2); a non-blocking descriptor with nothing yet waits and tries again. */
  private readOnce(target: Uint8Array, offset: number, length: number): number {
    for (;;) {
      try {
        return readSync(this.fd, target, offset, length, null);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EAGAIN") throw error;
        Atomics.wait(pause, 0, 0, RETRY_MS);
      }
    }
  }

  private pull(target: Uint8Array, offset: number, length: number): number {
    let got = 0;
    while (got < length) {
      const n = this.readOnce(target, offset + got, length - got);
      if (n === 0) break;
      got += n;
    }
    if (this.kept && got > 0) {
      const end = this.consumed + got - this.keptFrom;
      if (end > MAX_PIPE_HEADER_BYTES)
        throw new AudioFileError(`the header on standard input is larger than ${MAX_PIPE_HEADER_BYTES >> 20} MB`);
      if (end > this.kept.length) {
        const grown = new Uint8Array(Math.max(end, this.kept.length * 2));
        grown.set(this.kept.subarray(0, this.consumed - this.keptFrom));
        this.kept = grown;
      }
      this.kept.set(target.subarray(offset, offset + got), this.consumed - this.keptFrom);
    }
    this.consumed += got;
    return got;
  }

  read(target: Uint8Array, offset: number, length: number, position: number): number {
    let done = 0;
    if (position < this.consumed) {
      if (!this.kept || position < this.keptFrom) throw new Error(`standard input cannot go back to byte ${position}`);
      done = Math.min(length, this.consumed - position);
      target.set(this.kept.subarray(position - this.keptFrom, position - this.keptFrom + done), offset);
    }
    while (position + done > this.consumed) {
      if (this.pull(this.discard, 0, Math.min(DISCARD_BYTES, position + done - this.consumed)) === 0) return done;
    }
    return done + this.pull(target, offset + done, length - done);
  }

  release(position: number): void {
    if (position >= this.consumed) {
      this.kept = null;
      this.keptFrom = position;
    }
  }

  close(): void {
    if (this.fd !== STDIN_FD) closeSync(this.fd);
  }
}

const STDIN_FD = 0;

/** Whether `stats` is something read front to back (no positions): a pipe, a socket, a device. */
function isStream(stats: Stats): boolean {
  return stats.isFIFO() || stats.isSocket() || stats.isCharacterDevice();
}

/**
 * Whether `path` is read as a stream ("-", a named pipe, `<(…)`): judged without opening it, since
 * opening a pipe with no writer waits for one. Such inputs have one reader and are read once.
 */
export function isStreamPath(path: string): boolean {
  if (path === STDIN_NAME) return true;
  try {
    return isStream(statSync(path));
  } catch {
    return false; // missing or unreadable: opening it says why
  }
}

/**
 * Opens `path` (or standard input for "-"); throws AudioFileError for what cannot be read. A pipe
 * with no writer yet waits for one, as `cat` does: the CLI opens streams on a reading worker, so
 * the waiting never keeps its main thread from handling a signal (read-ahead.ts).
 */
export function openByteSource(path: string): ByteSource {
  if (path === STDIN_NAME) {
    if (isatty(STDIN_FD))
      throw new AudioFileError("standard input is a terminal: pipe audio into it (… | gainstage analyze -)");
    // A fresh, blocking descriptor of a pipe where the system offers one; a socket (as a parent
    // Node process gives) cannot be reopened, so fd 0 itself is read, waiting when it is empty.
    try {
      return new PipeSource(openSync("/dev/stdin", "r"));
    } catch {
      return new PipeSource(STDIN_FD);
    }
  }
  let fd: number;
  let stats: Stats;
  try {
    fd = openSync(path, "r");
    stats = fstatSync(fd);
    if (stats.isDirectory()) {
      closeSync(fd);
      throw new AudioFileError("is a directory, not an audio file");
    }
  } catch (error) {
    if (error instanceof AudioFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new AudioFileError(
      code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : (error as Error).message,
    );
  }
  return isStream(stats) ? new PipeSource(fd) : new FileSource(fd);
}
