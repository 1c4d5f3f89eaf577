/**
 * Putting a finished trimmed copy where the plan says (trim-plan.ts), never losing a byte:
 * - a new name: link(2) of the flushed temporary, which fails if anything appeared there meanwhile,
 *   so nothing is ever replaced unasked (rename where the file system has no hard links);
 * - an existing output with --force: renamed over it (atomic), its mode and owner kept;
 * - in place: the new bytes are written into the file's own inode, so everything that belongs to
 *   the inode rather than the name survives: its other hard links (which a rename would split,
 *   leaving the old audio under the other name), its extended attributes and ACLs, mode, owner.
 *   The complete copy is flushed and checked first, and it stays on disk until the inode holds all
 *   of it: an interruption or a failure while rewriting leaves that copy, and the message names it.
 * Thread: the offline host (main thread or a worker).
 */
import {
  chmodSync,
  chownSync,
  closeSync,
  existsSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  linkSync,
  openSync,
  readSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { dirname } from "node:path";
import { AudioFileError } from "../readers/audio-reader.js";
import { openByteSource } from "../readers/byte-source.js";
import { keepTemporary } from "./temporaries.js";
import type { TrimOptions, TrimPlan } from "./trim-plan.js";
import { WavReader } from "../readers/wav.js";

const COPY_BYTES = 1 << 20;
/** The owner's write bit: a read-only file replaced with --force is made writable while it is rewritten. */
const OWNER_WRITE = 0o200;

/** Puts the finished `temporary` (holding `frames` frames) where `plan` says. */
export function putInPlace(temporary: string, frames: number, plan: TrimPlan, options: TrimOptions): void {
  syncPath(temporary);
  checkCopy(temporary, frames);
  if (plan.inPlace) {
    rewriteInode(temporary, plan);
    return;
  }
  if (plan.replaces) keepOwnership(temporary, plan.replaces);
  if (options.force) {
    renameSync(temporary, plan.writeTo);
  } else {
    // A new name: link(2) fails if something appeared there meanwhile, so nothing is ever replaced unasked.
    try {
      linkSync(temporary, plan.writeTo);
      unlinkSync(temporary);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST")
        throw new AudioFileError(`${plan.destination} appeared while trimming; use --force to replace it`);
      // A file system without hard links (FAT, exFAT): check, then rename — the window is a few microseconds.
      if (existsSync(plan.writeTo))
        throw new AudioFileError(`${plan.destination} appeared while trimming; use --force to replace it`);
      renameSync(temporary, plan.writeTo);
    }
  }
  syncPath(dirname(plan.writeTo));
}

/** The temporary must read back as a whole WAV of `frames` frames before anything is replaced with it. */
function checkCopy(temporary: string, frames: number): void {
  const reader = new WavReader(openByteSource(temporary), 1);
  try {
    if (reader.totalFrames !== frames)
      throw new AudioFileError(
        `the trimmed copy reads back as ${reader.totalFrames} frames, not ${frames}; nothing replaced`,
      );
  } finally {
    reader.close();
  }
}

function keepOwnership(path: string, owner: NonNullable<TrimPlan["replaces"]>): void {
  chmodSync(path, owner.mode & 0o7777);
  try {
    chownSync(path, owner.uid, owner.gid);
  } catch {
    /* not permitted: the file is ours */
  }
}

/**
 * Copies the temporary into the inode of `plan.writeTo` (truncated to the copy's length), flushes
 * it, then removes the temporary. While this runs the temporary is the only whole copy, so it is
 * marked to survive a signal; a failure keeps it and says where it is.
 */
function rewriteInode(temporary: string, plan: TrimPlan): void {
  const mode = statSync(plan.writeTo).mode & 0o7777;
  const madeWritable = (mode & OWNER_WRITE) === 0;
  keepTemporary(temporary, plan.destination);
  let from: number | null = null,
    to: number | null = null;
  try {
    if (madeWritable) chmodSync(plan.writeTo, mode | OWNER_WRITE);
    from = openSync(temporary, "r");
    to = openSync(plan.writeTo, "r+");
    const length = fstatSync(from).size;
    const buffer = Buffer.allocUnsafe(COPY_BYTES);
    for (let at = 0; at < length; ) {
      const got = readSync(from, buffer, 0, Math.min(COPY_BYTES, length - at), at);
      if (got === 0) throw new Error(`the trimmed copy ended at byte ${at} of ${length}`);
      for (let written = 0; written < got; ) written += writeSync(to, buffer, written, got - written, at + written);
      at += got;
    }
    ftruncateSync(to, length);
    fsyncSync(to);
  } catch (error) {
    throw new AudioFileError(
      `${plan.destination} could not be rewritten in place (${(error as Error).message}); the complete trimmed copy is kept in ${temporary}`,
    );
  } finally {
    if (to !== null) closeSync(to);
    if (from !== null) closeSync(from);
    if (madeWritable) chmodSync(plan.writeTo, mode);
  }
  unlinkSync(temporary);
  keepTemporary(temporary, null);
}

/** fsync(2) of a file or folder: so a crash cannot leave a torn file or a lost rename. */
function syncPath(path: string): void {
  const fd = openSync(path, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
