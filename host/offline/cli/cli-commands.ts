/**
 * What `gainstage analyze`, `trim` and `report` do once their options are read (cli.ts): run the
 * files (cli-run.ts) and print each result in the chosen form, in the order given, as it is done.
 * Thread: CLI main thread.
 */
import { accessSync, constants, existsSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve } from "node:path";
import { formatDb } from "../../model/format.js";
import { DETECTOR_SPECS } from "../../model/params.js";
import type { AnalyzeSettings, FileAnalysis } from "../analyze.js";
import { analysisLine, csvHeader, csvRow, DEFAULT_COLUMNS, printable, toJson, wrap } from "./cli-output.js";
import { run, say, type RunOptions } from "./cli-run.js";
import type { Outcome, Task } from "./pool.js";
import { reportHtml, reportSvg, REPORT_HOP_SECONDS, REPORT_SERIES } from "./report.js";
import { registerTemporary, releaseTemporary, staleTemporaries, temporaryFor } from "../writers/temporaries.js";
import { analysisTable, TABLE_NOTES } from "./text-table.js";
import type { TrimResult } from "../writers/trim-file.js";
import { isPlanFailure, planTrims, PlanError, type TrimOptions } from "../writers/trim-plan.js";

const out = (text: string) => process.stdout.write(`${text}\n`);
const columns = () => process.stdout.columns ?? DEFAULT_COLUMNS;
const failed = (file: string, error: string) => ({ file, error });
/** A path as a person would name it: relative to the current folder when inside it. */
const shown = (path: string) => {
  const near = relative(process.cwd(), path);
  return near && !near.startsWith("..") && !isAbsolute(near) ? near : path;
};

export async function analyzeCommand(
  files: string[],
  settings: AnalyzeSettings,
  format: string,
  options: RunOptions,
): Promise<void> {
  const tasks: Task[] = files.map((file) => ({ kind: "analyze", file, settings }));
  const all: (FileAnalysis | { file: string; error: string })[] = [];
  let tables = 0;
  if (format === "csv") out(csvHeader());
  await run<FileAnalysis>(tasks, options, (index, outcome) => {
    const result = outcome.ok ? outcome.value : failed(files[index]!, outcome.error);
    all.push(result);
    if (format === "jsonl") out(toJson(result));
    else if (format === "csv") out(csvRow(result));
    else if (format === "line" && outcome.ok) out(analysisLine(outcome.value));
    else if (format === "table" && outcome.ok)
      out(`${tables++ > 0 ? "\n" : ""}${analysisTable(outcome.value, columns())}`);
  });
  if (format === "json") out(toJson(all, 2));
  if (format === "table" && tables > 0) out(`\n${TABLE_NOTES.map((note) => wrap(note, columns(), "  ")).join("\n")}`);
}

/** One line per trimmed file: what was done, the level before → after, and the peaks now. */
function trimLine(r: TrimResult): string {
  const a = r.before.autoTrim;
  const spec = DETECTOR_SPECS.find((d) => d.key === a.detector)!;
  if (r.trimDb === null) return `${printable(r.file)}: not trimmed: ${a.message}`;
  const level = `${spec.label} ${formatDb(a.levelDb, spec.unit)} → ${formatDb(a.levelDb + r.trimDb, spec.unit)}${a.limitedBy === "target" ? "" : ` (held back by the ${a.limitedBy})`}`;
  const peaks = r.after
    ? `; peaks ${formatDb(r.after.samplePeakDbfs, "dBFS")}, ${formatDb(r.after.truePeakDbtp, "dBTP")}`
    : `; peaks will be ${formatDb(a.peakAfterDbfs, "dBFS")}`;
  const clipped = r.clippedSamples > 0 ? `; ${r.clippedSamples} samples clipped (allowed)` : "";
  return `${printable(r.file)} ${r.dryRun ? "would go to" : "→"} ${printable(r.output ?? "")}: ${formatDb(r.trimDb, "dB")}, ${level}${peaks}${clipped}`;
}

export async function trimCommand(
  files: string[],
  settings: AnalyzeSettings,
  options: RunOptions & TrimOptions & { json?: boolean },
  refuse: (message: string) => never,
): Promise<void> {
  let plans: ReturnType<typeof planTrims>;
  try {
    plans = planTrims(files, options);
  } catch (error) {
    if (error instanceof PlanError) return refuse(printable(error.message));
    throw error;
  }
  const folders = new Set(plans.flatMap((p) => (isPlanFailure(p) ? [] : [dirname(resolve(p.writeTo))])));
  for (const folder of folders) {
    for (const stale of staleTemporaries(folder))
      say(
        `note: ${printable(shown(stale.path))} was left by an interrupted run (process ${stale.pid} is gone); it is not needed and can be deleted`,
      );
  }
  const tasks: Task[] = [];
  const results: Outcome<TrimResult>[] = plans.map((plan) => {
    if (!isPlanFailure(plan)) tasks.push({ kind: "trim", file: plan.input, plan, settings, options });
    return isPlanFailure(plan) ? { ok: false, error: plan.error } : { ok: true, value: null as unknown as TrimResult };
  });
  plans.forEach((plan) => {
    if (isPlanFailure(plan)) say(`${printable(plan.input)}: ${plan.error}`);
  });
  if (plans.some(isPlanFailure)) process.exitCode = 1;
  const planned = plans.map((plan, i) => (isPlanFailure(plan) ? -1 : i)).filter((i) => i >= 0);
  await run<TrimResult>(tasks, options, (index, outcome) => {
    results[planned[index]!] = outcome;
    if (!options.json && outcome.ok) out(trimLine(outcome.value));
  });
  if (options.json)
    out(
      toJson(
        results.map((o, i) =>
          o.ok ? { ...o.value, before: undefined, analysis: o.value.before } : failed(files[i]!, o.error),
        ),
        2,
      ),
    );
}

/** Writes `text` to `path` through a temporary file and a rename (no half-written report). */
function writeAtomically(path: string, text: string): void {
  const temporary = temporaryFor(path);
  registerTemporary(temporary);
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } finally {
    rmSync(temporary, { force: true });
    releaseTemporary(temporary);
  }
}

/** Why `path` cannot be written (its folder missing or not writable), or null. */
function unwritable(path: string): string | null {
  const folder = dirname(resolve(path));
  if (!existsSync(folder)) return `the folder ${printable(shown(folder))} does not exist`;
  if (!statSync(folder).isDirectory()) return `${printable(shown(folder))} is not a folder`;
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    return `the folder ${printable(shown(folder))} is not writable`;
  }
  return null;
}

export async function reportCommand(
  files: string[],
  settings: AnalyzeSettings,
  options: RunOptions & { html?: string; svg?: string },
): Promise<void> {
  const targets = [options.html, options.svg].filter((p): p is string => Boolean(p));
  for (const path of targets) {
    const why = unwritable(path);
    if (why) {
      say(`cannot write the report ${printable(path)}: ${why}`);
      process.exitCode = 1;
      return;
    }
  }
  const reportSettings = { ...settings, series: REPORT_SERIES, hopSeconds: REPORT_HOP_SECONDS };
  const outcomes = await run<FileAnalysis>(
    files.map((file) => ({ kind: "analyze", file, settings: reportSettings })),
    options,
  );
  const analyses = outcomes.flatMap((o) => (o.ok ? [o.value] : []));
  const failures = outcomes.flatMap((o, i) => (o.ok ? [] : [failed(files[i]!, o.error)]));
  if (analyses.length === 0) return;
  const target = settings.targetDb;
  const unit = DETECTOR_SPECS.find((d) => d.key === settings.detector)!.unit;
  try {
    if (options.html) writeAtomically(options.html, reportHtml(analyses, target, unit, failures));
    if (options.svg) writeAtomically(options.svg, reportSvg(analyses, target, unit));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "EACCES" || code === "EPERM" || code === "EROFS"
        ? "permission denied"
        : code === "ENOSPC"
          ? "the disk is full"
          : (error as Error).message;
    say(`cannot write the report ${targets.map((t) => printable(t)).join(" / ")}: ${why}`);
    process.exitCode = 1;
    return;
  }
  if (!options.quiet)
    say(
      `report of ${analyses.length} file${analyses.length === 1 ? "" : "s"} written to ${targets.map(printable).join(" and ")}`,
    );
}
