/**
 * Several files at once: a pool of worker threads (one kernel each) up to the number of cores.
 * Each task is one file; a failure is that file's result, never the batch's. Progress comes back
 * as a fraction per file, a few times a second at most. With one job (or one file) the work runs
 * in this thread, with no worker to start. The worker is this same module's bundle (the CLI),
 * started with `workerData.gainstageWorker`. Thread: CLI main thread / its workers.
 */
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { analyzeFile, type AnalyzeSettings } from "../analyze.js";
import { noteFromWorker } from "../writers/temporaries.js";
import { trimPlanned } from "../writers/trim-file.js";
import type { TrimOptions, TrimPlan } from "../writers/trim-plan.js";

export type Task =
  | { kind: "analyze"; file: string; settings: AnalyzeSettings }
  | { kind: "trim"; file: string; plan: TrimPlan; settings: AnalyzeSettings; options: TrimOptions };

export type Outcome<R> = { ok: true; value: R } | { ok: false; error: string };

const PROGRESS_EVERY_MS = 200;

export async function runTask(task: Task, onProgress?: (fraction: number) => void): Promise<unknown> {
  return task.kind === "analyze"
    ? analyzeFile(task.file, task.settings, onProgress)
    : trimPlanned(task.plan, task.settings, task.options, onProgress);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Runs `tasks` on up to `jobs` threads; `onDone` fires in completion order, the result is in task order. */
export async function runPool<R>(
  tasks: Task[],
  jobs: number,
  workerUrl: URL | null,
  onProgress: (index: number, fraction: number) => void,
  onDone: (index: number, outcome: Outcome<R>) => void,
): Promise<Outcome<R>[]> {
  const outcomes: Outcome<R>[] = new Array(tasks.length);
  const settle = (index: number, outcome: Outcome<R>) => {
    outcomes[index] = outcome;
    onDone(index, outcome);
  };
  if (jobs <= 1 || tasks.length <= 1 || !workerUrl) {
    for (let index = 0; index < tasks.length; index++) {
      try {
        settle(index, { ok: true, value: (await runTask(tasks[index]!, (f) => onProgress(index, f))) as R });
      } catch (error) {
        settle(index, { ok: false, error: errorText(error) });
      }
    }
    return outcomes;
  }
  let next = 0;
  const worker = async () => {
    const thread = new Worker(workerUrl, { workerData: { gainstageWorker: true } });
    try {
      while (next < tasks.length) {
        const index = next++;
        const outcome = await new Promise<Outcome<R>>((resolve) => {
          const onMessage = (message: { progress?: number; outcome?: Outcome<R>; temporary?: string }) => {
            if (noteFromWorker(message)) return;
            if (message.progress !== undefined) onProgress(index, message.progress);
            if (message.outcome) {
              thread.off("message", onMessage);
              thread.off("error", onError);
              resolve(message.outcome);
            }
          };
          const onError = (error: Error) => {
            thread.off("message", onMessage);
            resolve({ ok: false, error: `worker failed: ${error.message}` });
          };
          thread.on("message", onMessage);
          thread.once("error", onError);
          thread.postMessage(tasks[index]);
        });
        settle(index, outcome);
      }
    } finally {
      await thread.terminate();
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, tasks.length) }, worker));
  return outcomes;
}

/** The worker side: runs tasks as they come, posting throttled progress and one outcome each. */
export function serveWorker(): boolean {
  if (isMainThread || !(workerData as { gainstageWorker?: boolean } | null)?.gainstageWorker) return false;
  parentPort!.on("message", async (task: Task) => {
    let last = 0;
    const progress = (fraction: number) => {
      const now = Date.now();
      if (now - last >= PROGRESS_EVERY_MS) {
        last = now;
        parentPort!.postMessage({ progress: fraction });
      }
    };
    try {
      parentPort!.postMessage({ outcome: { ok: true, value: await runTask(task, progress) } });
    } catch (error) {
      parentPort!.postMessage({ outcome: { ok: false, error: errorText(error) } });
    }
  });
  return true;
}
