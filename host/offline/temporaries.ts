/**
 * Temporary files the CLI writes before an atomic rename: their names, a registry of the ones
 * that exist right now (worker threads report theirs to the main thread), removal on SIGINT and
 * SIGTERM (then exit 130 / 143, as a shell reports those signals), and spotting ones an
 * interrupted earlier run left behind. Names: ".NAME.gainstage-PID-RANDOM.tmp" beside NAME, so
 * the process that wrote one can be told from the name. Thread: CLI main thread and its workers.
 */
import { readdirSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { isMainThread, parentPort } from "node:worker_threads";

const TEMPORARY = /^\.(.+)\.gainstage-(\d+)-[0-9a-z]+\.tmp$/;
/** Exit statuses after a signal: 128 + the signal's number (SIGINT 2, SIGTERM 15). */
const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;

const live = new Set<string>();

/** A fresh temporary name beside `destination`. */
export function temporaryFor(destination: string): string {
  return join(
    dirname(destination),
    `.${basename(destination)}.gainstage-${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`,
  );
}

/** Notes that `path` exists now and must not outlive the run; workers tell the main thread. */
export function registerTemporary(path: string): void {
  if (isMainThread) live.add(path);
  else parentPort?.postMessage({ temporary: path, live: true });
}

/** Notes that `path` was renamed into place or removed. */
export function releaseTemporary(path: string): void {
  if (isMainThread) live.delete(path);
  else parentPort?.postMessage({ temporary: path, live: false });
}

/** Main thread: applies a worker's report (see registerTemporary). */
export function noteFromWorker(message: { temporary?: string; live?: boolean }): boolean {
  if (typeof message.temporary !== "string") return false;
  if (message.live) live.add(message.temporary);
  else live.delete(message.temporary);
  return true;
}

/** Removes every temporary that exists now (best effort: a signal may come at any moment). */
export function removeTemporaries(): void {
  for (const path of live) rmSync(path, { force: true });
  live.clear();
}

/** Main thread of the CLI: on SIGINT/SIGTERM remove the temporaries, say so, and exit 130/143. */
export function removeTemporariesOnSignals(say: (line: string) => void): void {
  for (const signal of Object.keys(SIGNAL_EXIT) as (keyof typeof SIGNAL_EXIT)[]) {
    process.once(signal, () => {
      const count = live.size;
      removeTemporaries();
      say(
        `interrupted (${signal})${count > 0 ? `: ${count} unfinished file${count === 1 ? "" : "s"} removed, nothing half-written is left` : ""}`,
      );
      process.exit(SIGNAL_EXIT[signal]);
    });
  }
}

/** Temporaries in `folder` left by runs that are no longer running (their process is gone). */
export function staleTemporaries(folder: string): { path: string; pid: number }[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const match = TEMPORARY.exec(name);
    if (!match) return [];
    const pid = Number(match[2]);
    return pid === process.pid || isRunning(pid) ? [] : [{ path: join(folder, name), pid }];
  });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
