/**
 * `gainstage`: analyse, trim and report on audio files from the command line with the very same
 * kernel as the app. Usage errors exit 2; a file that fails is reported on one line
 * ("gainstage: FILE: problem"), the others go on, and the exit status is 1.
 * Thread: main thread; files run in worker threads (pool.ts) up to the number of cores.
 */
import { writeFileSync, renameSync, rmSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, basename, join } from "node:path";
import { Command, InvalidArgumentError, Option } from "commander";
import { SingleBar, Presets } from "cli-progress";
import { descriptor } from "../descriptor.js";
import { paramByKey, type ParamSpec } from "../params.js";
import { formatDb } from "../format.js";
import { DETECTOR_NAMES, SERIES_NAMES, DEFAULT_SETTINGS, type AnalyzeSettings, type DetectorName, type FileAnalysis, type SeriesName } from "./analyze.js";
import { runPool, serveWorker, type Outcome, type Task } from "./pool.js";
import { analysisTable } from "./text-table.js";
import { reportHtml, reportSvg, REPORT_SERIES } from "./report.js";
import type { TrimResult } from "./trim-file.js";

/** Hop of the time series in reports (s): fine enough to see a transient, small for hours of audio. */
const REPORT_HOP_SECONDS = 0.1;
const MAX_HOP_SECONDS = 60;

/** A number option within a parameter's range (the parameter table is the one source of ranges). */
function inRange(spec: ParamSpec, flag: string) {
  return (text: string): number => {
    const value = Number(text.replace("\u2212", "-"));
    if (!Number.isFinite(value)) throw new InvalidArgumentError(`${flag} takes a number in ${spec.unit}, not "${text}"`);
    if (value < spec.min || value > spec.max) throw new InvalidArgumentError(`${flag} ${text} is outside ${spec.min} … ${spec.max} ${spec.unit}`);
    return value;
  };
}

function positive(flag: string, max: number, integer = false) {
  return (text: string): number => {
    const value = Number(text);
    if (!Number.isFinite(value) || value <= 0 || value > max || (integer && !Number.isInteger(value))) {
      throw new InvalidArgumentError(`${flag} takes ${integer ? "a whole number" : "a number"} above 0${max < Infinity ? ` and at most ${max}` : ""}, not "${text}"`);
    }
    return value;
  };
}

function seriesList(text: string): SeriesName[] {
  const names = text.split(",").map((s) => s.trim().toLowerCase()).filter(Boolean);
  const unknown = names.filter((name) => !(SERIES_NAMES as readonly string[]).includes(name));
  if (unknown.length > 0 || names.length === 0) throw new InvalidArgumentError(`--series takes a comma list of ${SERIES_NAMES.join(", ")}; "${unknown.join(",") || text}" is not one`);
  return [...new Set(names)] as SeriesName[];
}

interface CommonOptions { target: number; detector: DetectorName; ceiling: number | false; jobs: number; quiet?: boolean; json?: boolean }

function settingsFrom(options: CommonOptions, series: readonly SeriesName[] = [], hopSeconds = DEFAULT_SETTINGS.hopSeconds): AnalyzeSettings {
  return { targetDb: options.target, detector: options.detector, ceilingDbfs: options.ceiling === false ? null : options.ceiling, series, hopSeconds };
}

function withCommon(command: Command): Command {
  const target = paramByKey("autoTrimTargetDb"), ceiling = paramByKey("peakCeilingDbfs");
  return command
    .option("--target <dB>", `auto-trim target in the detector's units (${target.min} … ${target.max})`, inRange(target, "--target"), target.default)
    .addOption(new Option("--detector <name>", "what the target measures: AES17 RMS, VU, sample peak or integrated loudness").choices(DETECTOR_NAMES).default(DETECTOR_NAMES[0]))
    .option("--ceiling <dBFS>", `sample-peak ceiling after the trim (${ceiling.min} … ${ceiling.max})`, inRange(ceiling, "--ceiling"), ceiling.default)
    .option("--no-ceiling", "no peak ceiling")
    .option("-j, --jobs <n>", "files processed at once", positive("--jobs", 256, true), availableParallelism())
    .option("-q, --quiet", "no progress bar");
}

/** Runs tasks with a progress bar on a terminal; reports failures on stderr; returns outcomes in order. */
async function run<R>(tasks: Task[], options: CommonOptions, onDone: (index: number, outcome: Outcome<R>) => void = () => {}): Promise<Outcome<R>[]> {
  const showBar = !options.quiet && !options.json && process.stderr.isTTY === true;
  const bar = showBar ? new SingleBar({ format: "{bar} {percentage}% | {done}/{files} files", hideCursor: true, stream: process.stderr }, Presets.shades_classic) : null;
  const fractions = new Float64Array(tasks.length);
  let done = 0;
  bar?.start(tasks.length, 0, { done, files: tasks.length });
  const update = () => bar?.update(fractions.reduce((a, b) => a + b, 0), { done, files: tasks.length });
  const outcomes = await runPool<R>(tasks, options.jobs, new URL(import.meta.url), (index, fraction) => { fractions[index] = fraction; update(); }, (index, outcome) => {
    fractions[index] = 1;
    done++;
    update();
    if (!outcome.ok) {
      bar?.stop();
      process.stderr.write(`gainstage: ${tasks[index]!.file}: ${outcome.error}\n`);
      bar?.start(tasks.length, fractions.reduce((a, b) => a + b, 0), { done, files: tasks.length });
    }
    onDone(index, outcome);
  });
  bar?.stop();
  if (outcomes.some((o) => !o.ok)) process.exitCode = 1;
  return outcomes;
}

/** Writes `text` to `path` through a temporary file and a rename (no half-written report). */
function writeAtomically(path: string, text: string): void {
  const temporary = join(dirname(path), `.${basename(path)}.gainstage-${process.pid}.tmp`);
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** One line per trimmed file: what was done, the level before → after, and the peaks now. */
function trimLine(r: TrimResult): string {
  const a = r.before.autoTrim;
  if (r.trimDb === null) return `${r.file}: not trimmed: ${a.message}`;
  const level = `${a.detector} ${formatDb(a.levelDb, "dB")} → ${formatDb(a.levelDb + r.trimDb, "dB")}${a.limitedBy === "target" ? "" : ` (held back by the ${a.limitedBy})`}`;
  const peaks = r.after ? `; peaks ${formatDb(r.after.samplePeakDbfs, "dBFS")}, ${formatDb(r.after.truePeakDbtp, "dBTP")}` : `; peaks will be ${formatDb(a.peakAfterDbfs, "dBFS")}`;
  const clipped = r.clippedSamples > 0 ? `; ${r.clippedSamples} samples clipped on writing` : "";
  return `${r.file} ${r.dryRun ? "would go" : "→"} ${r.output}: ${formatDb(r.trimDb, "dB", { signed: true })}, ${level}${peaks}${clipped}`;
}

export function program(): Command {
  const cli = new Command("gainstage")
    .description(`${descriptor.name} ${descriptor.version}: measure and gain-stage audio files (WAV, RF64, FLAC, MP3) with the same kernel as the app.\nLevels: sample peak dBFS, true peak dBTP (BS.1770-5), RMS plain and AES17, VU (IEC 60268-17, 0 VU = −18 dBFS), loudness LUFS/LU (BS.1770, EBU R128).`)
    .version(descriptor.version)
    .showHelpAfterError("(run gainstage --help for usage)")
    .exitOverride((error) => { process.exit(error.exitCode === 0 ? 0 : 2); });

  withCommon(cli.command("analyze").argument("<files...>", "audio files").description("measure files: peaks, RMS, VU, loudness, and the trim that puts each at the target"))
    .addOption(new Option("--json", "print a JSON array, one object per file").conflicts("jsonl"))
    .option("--jsonl", "print JSON Lines, one object per file as each is done")
    .option("--series <names>", `add time series (${SERIES_NAMES.join(", ")})`, seriesList)
    .option("--hop <seconds>", "series hop (rounded to the meters' evaluation step)", positive("--hop", MAX_HOP_SECONDS), DEFAULT_SETTINGS.hopSeconds)
    .action(async (files: string[], options: CommonOptions & { jsonl?: boolean; series?: SeriesName[]; hop: number }) => {
      const settings = settingsFrom(options, options.series ?? [], options.hop);
      const json = options.json || options.jsonl;
      const printed: (string | null)[] = [];
      let nextToPrint = 0;
      const outcomes = await run<FileAnalysis>(files.map((file) => ({ kind: "analyze", file, settings })), { ...options, json }, (index, outcome) => {
        if (!options.jsonl) return;
        printed[index] = JSON.stringify(outcome.ok ? outcome.value : { file: files[index], error: outcome.error });
        while (printed[nextToPrint] !== undefined) process.stdout.write(`${printed[nextToPrint++]}\n`);
      });
      if (options.json) process.stdout.write(`${JSON.stringify(outcomes.map((o, i) => (o.ok ? o.value : { file: files[i], error: o.error })), null, 2)}\n`);
      else if (!options.jsonl) {
        const tables = outcomes.flatMap((o) => (o.ok ? [analysisTable(o.value)] : []));
        if (tables.length > 0) process.stdout.write(`${tables.join("\n\n")}\n`);
      }
    });

  withCommon(cli.command("trim").argument("<files...>", "audio files").description("write copies trimmed to the target (same format and bit depth, dithered to integer formats)"))
    .option("-o, --out <dir>", "folder for the trimmed copies")
    .option("--in-place", "replace each input (through a temporary file and an atomic rename)")
    .option("--dry-run", "say what would be done; write nothing")
    .option("--force", "replace existing files in the --out folder")
    .option("--json", "print a JSON array of results")
    .action(async (files: string[], options: CommonOptions & { out?: string; inPlace?: boolean; dryRun?: boolean; force?: boolean }) => {
      if (!options.out && !options.inPlace) cli.error("gainstage trim: give --out DIR (or --in-place)", { exitCode: 2 });
      if (options.out && options.inPlace) cli.error("gainstage trim: --out and --in-place exclude each other", { exitCode: 2 });
      const settings = settingsFrom(options);
      const trimOptions = { outDir: options.out, inPlace: options.inPlace, dryRun: options.dryRun, force: options.force };
      const outcomes = await run<TrimResult>(files.map((file) => ({ kind: "trim", file, settings, options: trimOptions })), options);
      if (options.json) {
        process.stdout.write(`${JSON.stringify(outcomes.map((o, i) => (o.ok ? { ...o.value, before: undefined, analysis: o.value.before } : { file: files[i], error: o.error })), null, 2)}\n`);
        return;
      }
      for (const outcome of outcomes) {
        if (outcome.ok) process.stdout.write(`${trimLine(outcome.value)}\n`);
      }
    });

  withCommon(cli.command("report").argument("<files...>", "audio files").description("draw level over time (as is and trimmed) with the stage targets"))
    .option("--html <file>", "write an HTML report")
    .option("--svg <file>", "write an SVG picture")
    .action(async (files: string[], options: CommonOptions & { html?: string; svg?: string }) => {
      if (!options.html && !options.svg) cli.error("gainstage report: give --html OUT.html or --svg OUT.svg", { exitCode: 2 });
      const settings = settingsFrom(options, REPORT_SERIES, REPORT_HOP_SECONDS);
      const outcomes = await run<FileAnalysis>(files.map((file) => ({ kind: "analyze", file, settings })), options);
      const analyses = outcomes.flatMap((o) => (o.ok ? [o.value] : []));
      const failures = outcomes.flatMap((o, i) => (o.ok ? [] : [{ file: files[i]!, error: o.error }]));
      if (analyses.length === 0) return;
      if (options.html) writeAtomically(options.html, reportHtml(analyses, options.target, failures));
      if (options.svg) writeAtomically(options.svg, reportSvg(analyses, options.target));
      if (!options.quiet) process.stderr.write(`gainstage: report of ${analyses.length} file${analyses.length === 1 ? "" : "s"} written to ${[options.html, options.svg].filter(Boolean).join(" and ")}\n`);
    });
  return cli;
}

if (!serveWorker()) {
  await program().parseAsync(process.argv);
}
