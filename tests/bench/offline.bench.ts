/**
 * Offline benchmark (part of npm run bench): `gainstage analyze` on a 10-minute stereo 48 kHz
 * float WAV as a whole process (start-up, file read, kernel, per-channel loudness), wall time,
 * × real time and peak memory; a 1-minute file beside it shows that memory does not grow with
 * length (files are streamed). The same files then go through `ffmpeg -af ebur128=peak=true` (when
 * ffmpeg is installed), runs interleaved with ours, and the bench prints the ratio beside issue
 * 16's target. Best of three runs. Not a test: figures vary with the machine.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { WavWriter } from "../../host/offline/writers/wav-writer.js";

const RATE = 48000;
const BLOCK = 48000;
const RUNS = 3;
/** The speed targets for the 10-minute file: this many times faster than ffmpeg, under this much memory. */
const TARGET_SPEEDUP_OVER_FFMPEG = 4;
const TARGET_PEAK_MB = 150;
const cli = fileURLToPath(new URL("../../build/cli/gainstage.mjs", import.meta.url));
const folder = join(tmpdir(), "gainstage-bench");

/** A programme-like stereo float WAV (tone and noise with a slow envelope), written once and kept. */
function benchFile(minutes: number): string {
  const path = join(folder, `stereo-48k-float-${minutes}min.wav`);
  if (existsSync(path) && statSync(path).size > minutes * 60 * RATE * 8) return path;
  mkdirSync(folder, { recursive: true });
  const format = { kind: "float" as const, bits: 32, validBits: 32 };
  const writer = new WavWriter(`${path}.part`, {
    format,
    channels: 2,
    sampleRate: RATE,
    blockFrames: BLOCK,
    dither: false,
  });
  const left = new Float32Array(BLOCK),
    right = new Float32Array(BLOCK);
  let seed = 1;
  for (let block = 0; block < (minutes * 60 * RATE) / BLOCK; block++) {
    for (let n = 0; n < BLOCK; n++) {
      const t = (block * BLOCK + n) / RATE;
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      const envelope = 0.3 + 0.25 * Math.sin(t / 7);
      left[n] = envelope * (0.4 * Math.sin(2 * Math.PI * 220 * t) + 0.2 * (seed / 2 ** 32 - 0.5));
      right[n] = 0.8 * left[n]! + 0.05 * Math.sin(2 * Math.PI * 330 * t);
    }
    writer.write([left, right], BLOCK);
  }
  writer.close();
  spawnSync("mv", [`${path}.part`, path]);
  return path;
}

/** `ffmpeg -af ebur128=peak=true` on `file` (integrated, LRA and true peak): wall ms and peak memory (MB). */
function runFfmpeg(file: string): { ms: number; peakMb: number } | null {
  const start = performance.now();
  const result = spawnSync(
    "/usr/bin/time",
    [
      "-f",
      "MAXRSS %M",
      "ffmpeg",
      "-nostdin",
      "-hide_banner",
      "-i",
      file,
      "-af",
      "ebur128=peak=true",
      "-f",
      "null",
      "-",
    ],
    { encoding: "utf8", maxBuffer: 64 << 20 },
  );
  const ms = performance.now() - start;
  if (result.error || result.status !== 0) return null;
  return { ms, peakMb: Number(/MAXRSS (\d+)/.exec(result.stderr)?.[1]) / 1024 };
}

/** Runs the CLI in a child process; returns wall ms and the child's peak resident memory (MB). */
function run(file: string): { ms: number; peakMb: number } {
  const probe = `process.on("exit", () => process.stderr.write("MAXRSS " + process.resourceUsage().maxRSS + "\\n")); process.argv = [process.argv[0], "gainstage", "analyze", "--json", "--quiet", ${JSON.stringify(file)}]; await import(${JSON.stringify(cli)});`;
  const start = performance.now();
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", probe], {
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`gainstage failed: ${result.stderr}`);
  const kb = Number(/MAXRSS (\d+)/.exec(result.stderr)?.[1]);
  return { ms, peakMb: kb / 1024 };
}

console.log("");
console.log(
  "Offline — gainstage analyze (whole process: start-up, read, all meters + per-channel loudness + Learn), stereo 48 kHz float WAV",
);
for (const minutes of [1, 10]) {
  const file = benchFile(minutes);
  const ours: { ms: number; peakMb: number }[] = [];
  const theirs: { ms: number; peakMb: number }[] = [];
  for (let r = 0; r < RUNS; r++) {
    ours.push(run(file));
    const other = runFfmpeg(file);
    if (other) theirs.push(other);
  }
  const best = Math.min(...ours.map((r) => r.ms));
  const peak = Math.max(...ours.map((r) => r.peakMb));
  console.log(
    `${String(minutes).padStart(2)} min (${(statSync(file).size / 1e6).toFixed(0)} MB): ${(best / 1000).toFixed(2)} s wall, ${((minutes * 60 * 1000) / best).toFixed(0)}× real time, peak memory ${peak.toFixed(0)} MB`,
  );
  if (theirs.length === 0) {
    console.log("   ffmpeg: not installed, no comparison");
    continue;
  }
  const bestFfmpeg = Math.min(...theirs.map((r) => r.ms));
  const speedup = bestFfmpeg / best;
  console.log(
    `   ffmpeg -af ebur128=peak=true: ${(bestFfmpeg / 1000).toFixed(2)} s wall, peak memory ${Math.max(...theirs.map((r) => r.peakMb)).toFixed(0)} MB; gainstage is ${speedup.toFixed(2)}× faster`,
  );
  if (minutes === 10) {
    const verdict = (met: boolean) => (met ? "met" : "not met");
    console.log(
      `   targets: ≥ ${TARGET_SPEEDUP_OVER_FFMPEG}× ffmpeg: ${verdict(speedup >= TARGET_SPEEDUP_OVER_FFMPEG)}; under ${TARGET_PEAK_MB} MB: ${verdict(peak < TARGET_PEAK_MB)}`,
    );
  }
}
