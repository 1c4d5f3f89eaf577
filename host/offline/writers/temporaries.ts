/**
 * Temporary files the CLI writes before an atomic rename: their names, a registry of the ones
 * that exist right now (worker threads report theirs to the main thread), removal on the signals
 * that end a run (SIGINT, SIGTERM, SIGHUP: the terminal closed, SIGQUIT: Ctrl-\\), and spotting
 * ones an interrupted earlier run left behind. After cleaning up, the process ends by the same
 * signal with its default action, as cp and rsync do: the shell reports 128 + its number (130,
 * 143, 129, 131), and no thread can hold the exit up (a reading worker may be waiting in read(2)
 * on a pipe, which process.exit would wait for). Names: ".NAME.gainstage-PID-RANDOM.tmp" beside NAME, so
 * the process that wrote one can be told from the name. Thread: CLI main thread and its workers.
 */
import { readdirSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { isMainThread, parentPort } from "node:worker_threads";

const TEMPORARY = /^\.(.+)\.gainstage-(\d+)-[0-9a-z]+\.tmp$/;
/** The signals that end a run: each removes the temporaries before the process ends. */
const ENDING_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT"] as const;

const live = new Set<string>();
/** Temporaries that hold the only complete copy of a file being rewritten in place: never removed. */
const kept = new Map<string, string>();

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

/**
 * Notes that `path` is, for now, the only complete copy of `destination` (its inode is being
 * rewritten): a signal leaves it and says where it is. null: the rewrite is done.
 */
export function keepTemporary(path: string, destination: string | null): void {
  if (destination === null) kept.delete(path);
  else kept.set(path, destination);
  if (!isMainThread) parentPort?.postMessage({ temporary: path, keptFor: destination });
}

/** Whether `path` is kept as the only complete copy (keepTemporary). */
export function isKept(path: string): boolean {
  return kept.has(path);
}

/** Main thread: applies a worker's report (see registerTemporary, keepTemporary). */
export function noteFromWorker(message: { temporary?: string; live?: boolean; keptFor?: string | null }): boolean {
  if (typeof message.temporary !== "string") return false;
  if (message.keptFor !== undefined) keepTemporary(message.temporary, message.keptFor);
  else if (message.live) live.add(message.temporary);
  else live.delete(message.temporary);
  return true;
}

/** Removes every temporary that exists now, but those kept (best effort: a signal may come at any moment). */
export function removeTemporaries(): void {
  for (const path of live) if (!kept.has(path)) rmSync(path, { force: true });
  live.clear();
}

/** Main thread of the CLI: on an ending signal remove the temporaries, say so, and end by that signal. */
export function removeTemporariesOnSignals(say: (line: string) => void): void {
  for (const signal of ENDING_SIGNALS) {
    process.once(signal, () => {
      const count = [...live].filter((path) => !kept.has(path)).length;
      removeTemporaries();
      say(
        `interrupted (${signal})${count > 0 ? `: ${count} unfinished file${count === 1 ? "" : "s"} removed, nothing half-written is left` : ""}`,
      );
      for (const [path, destination] of kept)
        say(`${destination} was being rewritten in place: its complete trimmed copy is kept in ${path}`);
      // With no listener left, Node restores the default action: the signal raised again ends the process.
      for (const other of ENDING_SIGNALS) process.removeAllListeners(other);
      process.kill(process.pid, signal);
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
