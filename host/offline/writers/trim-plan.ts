/**
 * Where each trimmed copy goes, decided for the whole run before anything is written: no two
 * inputs may land on one output, no output may be one of the run's inputs (compared by real path
 * and by inode, so a symlinked or hard-linked folder cannot hide it), and an existing output is
 * replaced only with --force. In place, a symlink's target is rewritten (the link stays), the
 * file's mode and owner are kept, and a read-only file needs --force.
 * Thread: CLI main thread (and trimFile for a single file).
 */
import { existsSync, lstatSync, realpathSync, statSync, type Stats } from "node:fs";
import { basename, dirname, extname, join, relative, resolve, sep } from "node:path";
import { sniffContainer } from "../readers/audio-file.js";
import { isStreamPath, STDIN_NAME } from "../readers/byte-source.js";

export interface TrimOptions {
  /** Destination folder (created if missing). */
  outDir?: string;
  /** Destination file name, for a single input. */
  output?: string;
  /** Under outDir, mirror each input's path relative to the inputs' common folder. */
  keepTree?: boolean;
  inPlace?: boolean;
  dryRun?: boolean;
  /** Replace an existing output; in place, replace a read-only file. */
  force?: boolean;
  /** Write an integer file even if the trim clips samples. */
  allowClipping?: boolean;
}

export interface TrimPlan {
  input: string;
  /** The path a person named for the output. */
  destination: string;
  /** The path actually replaced: the symlink's target in place, else the destination. */
  writeTo: string;
  inPlace: boolean;
  /** The file being replaced (in place, or an existing output with --force): its mode and owner are kept. */
  replaces: Ownership | null;
}

/** What a replaced file keeps (plain data: plans travel to worker threads). */
export interface Ownership {
  mode: number;
  uid: number;
  gid: number;
}

const ownership = (stats: Stats): Ownership => ({ mode: stats.mode, uid: stats.uid, gid: stats.gid });

/** The run as asked cannot be done without losing something: nothing is written (exit 2). */
export class PlanError extends Error {}

/** One input that cannot be trimmed as asked (the others go on). */
export interface PlanFailure {
  input: string;
  error: string;
}

const identity = (stats: Stats) => `${stats.dev}:${stats.ino}`;

function realOrResolved(path: string): string {
  // The folder may not exist yet: resolve what exists, keep the rest.
  const folder = dirname(resolve(path));
  try {
    return join(realpathSync(folder), basename(path));
  } catch {
    return resolve(path);
  }
}

/** The deepest folder holding every input. */
function commonFolder(inputs: string[]): string {
  const parts = inputs.map((input) => dirname(resolve(input)).split(sep));
  const common: string[] = [];
  for (let i = 0; parts.every((p) => p[i] !== undefined && p[i] === parts[0]![i]); i++) common.push(parts[0]![i]!);
  return common.join(sep) || sep;
}

function outputName(input: string, container: string | null): string {
  return container === null || container === "wav" ? basename(input) : `${basename(input, extname(input))}.wav`;
}

/** Plans every input; throws PlanError for what would lose a file, returns per-input failures for the rest. */
export function planTrims(inputs: string[], options: TrimOptions): (TrimPlan | PlanFailure)[] {
  if ([options.outDir, options.output, options.inPlace].filter(Boolean).length !== 1)
    throw new PlanError("give one of --out DIR, --output FILE (one input) or --in-place");
  if (options.output && inputs.length !== 1)
    throw new PlanError(`--output names one file, but ${inputs.length} inputs were given: use --out DIR`);
  if (inputs.includes(STDIN_NAME))
    throw new PlanError("trim reads its input twice (measure, then write): give a file, not standard input");
  const stream = inputs.find(isStreamPath);
  if (stream !== undefined)
    throw new PlanError(
      `${stream} is a pipe: trim reads its input twice (measure, then write); give a file (analyze reads pipes)`,
    );
  const inputIds = new Map<string, string>();
  for (const input of inputs) {
    try {
      const id = identity(statSync(input));
      if (inputIds.has(id)) throw new PlanError(`${inputIds.get(id)} and ${input} are the same file, given twice`);
      inputIds.set(id, input);
    } catch (error) {
      if (error instanceof PlanError) throw error; /* missing: fails on its own */
    }
  }
  const inputPaths = new Map(inputs.map((input) => [realOrResolved(input), input]));
  const base = options.keepTree ? commonFolder(inputs) : "";
  const taken = new Map<string, string>();
  return inputs.map((input): TrimPlan | PlanFailure => {
    const container = sniffContainer(input);
    if (options.inPlace) return planInPlace(input, container, options);
    const name = outputName(input, container);
    const destination =
      options.output ??
      (options.keepTree
        ? join(options.outDir!, dirname(relative(base, resolve(input))), name)
        : join(options.outDir!, name));
    const real = realOrResolved(destination);
    const other = taken.get(real);
    if (other !== undefined)
      throw new PlanError(
        `${other} and ${input} would both be written to ${destination}; add --keep-tree to mirror their folders under --out, or trim them separately`,
      );
    taken.set(real, input);
    const existing = existsSync(destination) ? statSync(destination) : null;
    const overwritten = inputPaths.get(real) ?? (existing ? inputIds.get(identity(existing)) : undefined);
    if (overwritten !== undefined) {
      throw new PlanError(
        `${destination} is ${overwritten === input ? "the input itself" : `one of the inputs (${overwritten})`}: a run never writes over its inputs; choose another output, or say --in-place to replace inputs`,
      );
    }
    if (existing && !options.force) return { input, error: `${destination} exists; use --force to replace it` };
    if (existing?.isDirectory()) return { input, error: `${destination} is a folder` };
    return { input, destination, writeTo: destination, inPlace: false, replaces: existing && ownership(existing) };
  });
}

function planInPlace(input: string, container: string | null, options: TrimOptions): TrimPlan | PlanFailure {
  if (container !== null && container !== "wav") {
    return {
      input,
      error: `--in-place needs a WAV file (${container.toUpperCase()} is written as WAV, which would change the file's format)`,
    };
  }
  let link: Stats, target: string, stats: Stats;
  try {
    link = lstatSync(input);
    target = link.isSymbolicLink() ? realpathSync(input) : input;
    stats = statSync(target);
  } catch {
    return { input, destination: input, writeTo: input, inPlace: true, replaces: null }; // missing: the read reports it
  }
  if ((stats.mode & 0o222) === 0 && !options.force) {
    return {
      input,
      error: `read-only (mode ${(stats.mode & 0o777).toString(8).padStart(4, "0")}); use --force to replace it anyway`,
    };
  }
  return { input, destination: input, writeTo: target, inPlace: true, replaces: ownership(stats) };
}

export function isPlanFailure(plan: TrimPlan | PlanFailure): plan is PlanFailure {
  return "error" in plan;
}
