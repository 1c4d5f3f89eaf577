/**
 * `gainstage`: analyse, trim and report on audio files from the command line with the very same
 * kernel as the app. Usage errors and runs that would lose a file exit 2 before anything is
 * written; a file that fails is reported on one line ("gainstage: FILE: problem"), the others
 * go on, and the exit status is 1; SIGINT/SIGTERM remove unfinished files and exit 130/143.
 * Thread: main thread; files run in worker threads (pool.ts) up to the number of cores.
 */
import { availableParallelism } from "node:os";
import { existsSync, statSync } from "node:fs";
import { Command, Option } from "commander";
import { descriptor } from "../../declaration/descriptor.js";
import { DETECTOR_SPECS, paramByKey } from "../../model/params.js";
import { formatDb } from "../../model/format.js";
import { LOUDNESS_TARGETS } from "../../model/loudness-targets.js";
import {
  DETECTOR_NAMES,
  SERIES_NAMES,
  DEFAULT_SETTINGS,
  type AnalyzeSettings,
  type FileAnalysis,
  type SeriesName,
} from "../analyze.js";
import { type CommonOptions, inRange, number, positive, seriesList, settingsFrom } from "./cli-arguments.js";
import { serveWorker } from "./pool.js";
import { readAheadWith } from "../readers/read-ahead.js";
import { removeTemporariesOnSignals } from "../writers/temporaries.js";
import { analyzeCommand, reportCommand, trimCommand } from "./cli-commands.js";
import { say } from "./cli-run.js";

const MAX_HOP_SECONDS = 60;
const GATE_WORDS =
  "the 400 ms blocks that pass BS.1770's gates (−70 LUFS absolute, 10 LU below the mean relative), so silence and quiet passages do not count";
/** What each detector reads, for the help (its facts: declaration.ts DETECTOR_SPECS). */
const DETECTOR_EXPLAINED: Record<string, string> = {
  "rms-gated": `AES17 RMS (a sine reads its peak level) of ${GATE_WORDS}`,
  vu: `what a VU meter settles at (average-responding, sine-calibrated, in dBFS of the equal sine), over ${GATE_WORDS}`,
  peak: "the highest sample, ungated",
  lufs: "BS.1770 integrated loudness (gated by definition)",
  rms: "AES17 RMS of every sample: what a plain RMS meter (sox, ffmpeg astats) reads + 3.01 dB",
  "true-peak": "the highest inter-sample peak (BS.1770-5 Annex 2), ungated",
};
const MAX_JOBS = 256;

function withCommon(command: Command, example: string): Command {
  const ceiling = paramByKey("peakCeilingDbfs"),
    ceilingTp = paramByKey("peakCeilingTpDbtp");
  const detectors = DETECTOR_SPECS.map(
    (d) =>
      `  ${d.key.padEnd(10)} ${DETECTOR_EXPLAINED[d.key]} (${d.unit}; targets ${formatDb(d.targetMin, "")} … ${formatDb(d.targetMax, "")})`,
  ).join("\n");
  return command
    .addOption(
      new Option(
        "--delivery <target>",
        `a delivery loudness target: judge each file against it, and trim to it (sets the detector to lufs, the target and the true-peak ceiling): ${LOUDNESS_TARGETS.map((t) => `${t.key} ${formatDb(t.integratedLufs, "LUFS")} ±${t.toleranceLu} LU, ≤ ${formatDb(t.truePeakCeilingDbtp, "dBTP")}`).join("; ")}`,
      )
        .choices(LOUDNESS_TARGETS.map((t) => t.key))
        .conflicts(["target", "detector", "ceilingTp"]),
    )
    .option(
      "--target <level>",
      `auto-trim target in the detector's unit (default ${formatDb(DEFAULT_SETTINGS.targetDb, "")}: a −18 dBFS sine, 0 VU)`,
      number("--target", "the detector's unit"),
    )
    .addOption(
      new Option("--detector <name>", "what the target measures (see below)")
        .choices(DETECTOR_NAMES)
        .default(DEFAULT_SETTINGS.detector),
    )
    .option(
      "--ceiling <dBFS>",
      `sample-peak ceiling after the trim (${formatDb(ceiling.min, "")} … ${formatDb(ceiling.max, "")}; default ${formatDb(ceiling.default, "dBFS")}, none for the peak detectors)`,
      inRange(ceiling, "--ceiling"),
    )
    .option("--no-ceiling", "no sample-peak ceiling")
    .option(
      "--ceiling-tp <dBTP>",
      `true-peak ceiling after the trim (${formatDb(ceilingTp.min, "")} … ${formatDb(ceilingTp.max, "")}; default none)`,
      inRange(ceilingTp, "--ceiling-tp"),
    )
    .option(
      "-j, --jobs <n>",
      "files processed at once (default: the number of cores)",
      positive("--jobs", MAX_JOBS, true),
      availableParallelism(),
    )
    .option("-q, --quiet", "no progress bar")
    .addHelpText(
      "after",
      `\nDetectors (all but peak, true-peak and rms are gated like BS.1770):\n${detectors}\n\nExample:\n  ${example}`,
    );
}

export function program(): Command {
  const cli = new Command("gainstage")
    .description(
      `${descriptor.name} ${descriptor.version}: measure and gain-stage audio files (WAV, RF64, FLAC, MP3) with the same kernel as the app.\nLevels: sample peak dBFS, true peak dBTP (BS.1770-5), RMS plain and AES17, VU (IEC 60268-17, 0 VU = −18 dBFS), loudness LUFS/LU (BS.1770, EBU R128).`,
    )
    .version(descriptor.version)
    .showHelpAfterError("(run gainstage --help for usage)")
    .addHelpText(
      "after",
      "\nExamples:\n  gainstage analyze stems/*.wav\n  gainstage trim stems/*.wav --out trimmed\n  gainstage report stems/*.wav --html levels.html",
    )
    .exitOverride((error) => {
      process.exit(error.exitCode === 0 ? 0 : 2);
    });
  addAnalyze(cli);
  addTrim(cli);
  addReport(cli);
  return cli;
}

/** `gainstage analyze`: measure files. */
function addAnalyze(cli: Command): void {
  withCommon(
    cli.command("analyze").argument("<files...>", "audio files; - reads a WAV from standard input"),
    "gainstage analyze --format line mix.wav vocal.flac   (or: sox song.wav -t wav - | gainstage analyze -)",
  )
    .description("measure files: peaks, RMS, VU, loudness, and the trim that puts each at the target")
    .addOption(
      new Option("--format <kind>", "table (default), line (one line per file), csv, json or jsonl")
        .choices(["table", "line", "csv", "json", "jsonl"])
        .default("table"),
    )
    .option("--json", "short for --format json: a JSON array, one object per file")
    .option("--jsonl", "short for --format jsonl: JSON Lines, one object per file as each is done")
    .option("--csv", "short for --format csv: one row per file, JSON field names as the header")
    .option("--series <names>", `add time series to JSON (${SERIES_NAMES.join(", ")})`, seriesList)
    .option(
      "--hop <seconds>",
      "series hop (rounded to the meters' evaluation step)",
      positive("--hop", MAX_HOP_SECONDS),
      DEFAULT_SETTINGS.hopSeconds,
    )
    .action(
      async (
        files: string[],
        options: CommonOptions & {
          format: string;
          json?: boolean;
          jsonl?: boolean;
          csv?: boolean;
          series?: SeriesName[];
          hop: number;
        },
      ) => {
        const format = options.json ? "json" : options.jsonl ? "jsonl" : options.csv ? "csv" : options.format;
        if (files.filter((f) => f === "-").length > 1)
          cli.error("gainstage analyze: standard input (-) can be read once", { exitCode: 2 });
        await analyzeCommand(
          files,
          settingsOr(cli, () => settingsFrom(options, options.series ?? [], options.hop)),
          format,
          options,
        );
      },
    );
}

/** `gainstage trim`: write trimmed copies (or replace the inputs). */
function addTrim(cli: Command): void {
  withCommon(
    cli.command("trim").argument("<files...>", "audio files"),
    "gainstage trim take.wav -o take-trimmed.wav   ·   gainstage trim a/x.wav b/x.wav --out trimmed --keep-tree",
  )
    .description(
      "write copies trimmed to the target (same format and bit depth, every chunk kept, dithered to integer formats)",
    )
    .option("--out <dir>", "folder for the trimmed copies (created if missing)")
    .option("-o, --output <file>", "the trimmed copy's file name (one input; a folder that exists means --out)")
    .option(
      "--keep-tree",
      "under --out, mirror each input's folders (relative to the inputs' common folder), so equal names do not collide",
    )
    .option("--in-place", "replace each input (through a temporary file and an atomic rename; mode and owner kept)")
    .option("--dry-run", "say what would be done; write nothing")
    .option("--force", "replace existing outputs; in place, replace read-only files too")
    .option("--allow-clipping", "write an integer file even if the trim clips samples")
    .option("--json", "print a JSON array of results")
    .action(
      async (
        files: string[],
        options: CommonOptions & {
          out?: string;
          output?: string;
          keepTree?: boolean;
          inPlace?: boolean;
          dryRun?: boolean;
          force?: boolean;
          allowClipping?: boolean;
          json?: boolean;
        },
      ) => {
        if (options.output && existsSync(options.output) && statSync(options.output).isDirectory()) {
          options.out = options.output;
          options.output = undefined;
        }
        const trimOptions = {
          outDir: options.out,
          output: options.output,
          keepTree: options.keepTree,
          inPlace: options.inPlace,
          dryRun: options.dryRun,
          force: options.force,
          allowClipping: options.allowClipping,
        };
        await trimCommand(
          files,
          settingsOr(cli, () => settingsFrom(options)),
          { ...options, ...trimOptions },
          (message) => cli.error(`gainstage trim: ${message}`, { exitCode: 2 }),
        );
      },
    );
}

/** `gainstage report`: level over time as HTML or SVG. */
function addReport(cli: Command): void {
  withCommon(
    cli.command("report").argument("<files...>", "audio files"),
    "gainstage report stems/*.wav --html levels.html --svg levels.svg",
  )
    .description("draw level over time (as is and trimmed) with the stage targets, as HTML or SVG")
    .option("--html <file>", "write an HTML report")
    .option("--svg <file>", "write an SVG picture")
    .action(async (files: string[], options: CommonOptions & { html?: string; svg?: string }) => {
      if (!options.html && !options.svg)
        cli.error("gainstage report: give --html OUT.html or --svg OUT.svg", { exitCode: 2 });
      await reportCommand(
        files,
        settingsOr(cli, () => settingsFrom(options)),
        options,
      );
    });
}

function settingsOr(cli: Command, make: () => AnalyzeSettings): AnalyzeSettings {
  try {
    return make();
  } catch (error) {
    return cli.error(`gainstage: ${(error as Error).message}`, { exitCode: 2 });
  }
}

export type { FileAnalysis };

// Files are read ahead by read-ahead-worker.ts's bundle, built beside this one.
readAheadWith(new URL("./read-ahead.mjs", import.meta.url));
if (!serveWorker()) {
  removeTemporariesOnSignals(say);
  await program().parseAsync(process.argv);
}
