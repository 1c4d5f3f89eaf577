/**
 * Running the CLI's files: the worker pool, a progress bar on a terminal (the file being read and
 * the time left), one line on stderr for each file that fails, and results handed on in the
 * order the files were given, each as soon as it and those before it are done.
 * Thread: CLI main thread.
 */
import type { SingleBar } from "cli-progress";
import { runPool, type Outcome, type Task } from "./pool.js";
import { printable, shortName } from "./cli-output.js";

const BAR_NAME_WIDTH = 28;
const BAR_FORMAT = "{bar} {percentage}% | {done}/{files} files | {name} | {eta_formatted} left";

/** Writes one line on stderr, prefixed like every message of the command. */
export function say(line: string): void {
  process.stderr.write(`gainstage: ${line}\n`);
}

export interface RunOptions {
  jobs: number;
  quiet?: boolean;
}

/**
 * Runs `tasks`; `onResult` gets each outcome in task order as soon as all earlier ones are done.
 * Failures are reported on stderr as they happen and make the exit status 1.
 */
export async function run<R>(
  tasks: Task[],
  options: RunOptions,
  onResult: (index: number, outcome: Outcome<R>) => void = () => {},
): Promise<Outcome<R>[]> {
  // The bar goes to stderr, so it never mixes with what stdout carries (tables, JSON, CSV).
  const showBar = !options.quiet && process.stderr.isTTY === true;
  // Loaded only when a bar is shown: scripts and pipes start without it.
  const bar: SingleBar | null = showBar
    ? await import("cli-progress").then(
        ({ SingleBar, Presets }) =>
          new SingleBar(
            { format: BAR_FORMAT, hideCursor: true, stream: process.stderr, etaBuffer: 50 },
            Presets.shades_classic,
          ),
      )
    : null;
  const fractions = new Float64Array(tasks.length);
  const settled: (Outcome<R> | undefined)[] = new Array(tasks.length);
  let done = 0,
    nextInOrder = 0,
    current = tasks[0]?.file ?? "";
  const payload = () => ({ done, files: tasks.length, name: shortName(current, BAR_NAME_WIDTH) });
  bar?.start(tasks.length, 0, payload());
  const update = () =>
    bar?.update(
      fractions.reduce((a, b) => a + b, 0),
      payload(),
    );
  // The bar is redrawn in place: anything printed meanwhile goes above it.
  const printing = (write: () => void) => {
    bar?.stop();
    write();
    bar?.start(
      tasks.length,
      fractions.reduce((a, b) => a + b, 0),
      payload(),
    );
  };
  const outcomes = await runPool<R>(
    tasks,
    options.jobs,
    new URL(import.meta.url),
    (index, fraction) => {
      if (fractions[index] === 0) current = tasks[index]!.file;
      fractions[index] = fraction;
      update();
    },
    (index, outcome) => {
      fractions[index] = 1;
      done++;
      settled[index] = outcome;
      printing(() => {
        if (!outcome.ok) say(`${printable(tasks[index]!.file)}: ${outcome.error}`);
        while (settled[nextInOrder] !== undefined) {
          onResult(nextInOrder, settled[nextInOrder]!);
          nextInOrder++;
        }
      });
    },
  );
  bar?.stop();
  if (outcomes.some((o) => !o.ok)) process.exitCode = 1;
  return outcomes;
}
