/**
 * Files as a second real use met them: a FLAC whose STREAMINFO understates its length, a mono
 * MP3, an in-place trim of a file with hard links and extended attributes, and audio arriving
 * through a named pipe or a process substitution (with or without a writer). Truths: the samples
 * the test put in, analytic loudness (a sine's), the file system's own view (inodes, links,
 * attributes), and the process's exit as the kernel reports it.
 */
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, linkSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { constants as osConstants, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { encodeAudioFile, encodeMp3 } from "../helpers/audio-files.js";
import { BIN, gainstageIn } from "../helpers/cli.js";
import { sine } from "../helpers/signals.js";
import { expectWithin } from "../helpers/tolerance.js";

const rate = 48000;
const root = mkdtempSync(join(tmpdir(), "gainstage-streams-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const sha = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");
const has = (tool: string) => spawnSync("sh", ["-c", `command -v ${tool}`]).status === 0;
/** BS.1770: a sine of peak A (dBFS) near 1 kHz in one channel reads A − 3.01 LUFS (K-weighting ≈ +0.69 dB there cancels −0.691). */
const SINE_PEAK_TO_LUFS_ONE_CHANNEL = -3.01;

function analyze(dir: string, file: string) {
  const run = gainstageIn(dir, ["analyze", "--json", file]);
  expect(run.status, run.stderr).toBe(0);
  return (JSON.parse(run.stdout) as { channels: number; durationSeconds: number; integratedLufs: number }[])[0]!;
}

describe("a FLAC whose STREAMINFO understates its length", () => {
  test("8 s of frames under a header saying 4 s: read and trimmed whole, as flac -d reads it", () => {
    const dir = mkdtempSync(join(root, "flac-"));
    const tone = sine(rate, 997, -30, 8);
    const file = encodeAudioFile([tone, tone], rate, { container: "flac", bits: 16 });
    // STREAMINFO (after "fLaC" and its 4-byte block header): total samples in the low 36 bits at byte 13.
    const at = 4 + 4 + 13;
    const promised = rate * 4;
    file[at] = (file[at]! & 0xf0) | Math.floor(promised / 2 ** 32);
    file.writeUInt32BE(promised % 2 ** 32, at + 1);
    writeFileSync(join(dir, "short-header.flac"), file);
    if (has("flac")) expect(spawnSync("flac", ["-t", "-s", join(dir, "short-header.flac")]).status).toBe(0);
    expect(analyze(dir, "short-header.flac").durationSeconds).toBe(8);
    expect(gainstageIn(dir, ["trim", "--out", "out", "short-header.flac"]).status).toBe(0);
    expect(analyze(dir, "out/short-header.wav").durationSeconds).toBe(8);
  });
});

describe("a mono MP3", () => {
  test("is one channel: loudness as BS.1770 reads one channel, and the trimmed copy stays mono", () => {
    const dir = mkdtempSync(join(root, "mp3-"));
    const peakDbfs = -20;
    writeFileSync(join(dir, "mono.mp3"), encodeMp3([sine(rate, 997, peakDbfs, 6)], rate));
    const file = analyze(dir, "mono.mp3");
    expect(file!.channels).toBe(1);
    expectWithin(file!.integratedLufs, peakDbfs + SINE_PEAK_TO_LUFS_ONE_CHANNEL, 0.1, 0.1, "integrated LUFS");
    expect(gainstageIn(dir, ["trim", "--out", "out", "mono.mp3"]).status).toBe(0);
    expect(analyze(dir, "out/mono.wav").channels).toBe(1);
  });
});

describe("--in-place keeps the inode", () => {
  function toneFile(dir: string, name: string) {
    const tone = sine(rate, 997, -30, 3);
    writeFileSync(join(dir, name), encodeAudioFile([tone, tone], rate, { container: "wav", kind: "int", bits: 24 }));
  }

  test("a file with a second hard link: both names hold the trimmed audio, one inode", () => {
    const dir = mkdtempSync(join(root, "link-"));
    toneFile(dir, "x.wav");
    linkSync(join(dir, "x.wav"), join(dir, "other-name.wav"));
    const before = sha(join(dir, "x.wav"));
    const inode = statSync(join(dir, "x.wav")).ino;
    expect(gainstageIn(dir, ["trim", "--in-place", "x.wav"]).status).toBe(0);
    expect(sha(join(dir, "x.wav"))).not.toBe(before);
    expect(sha(join(dir, "other-name.wav"))).toBe(sha(join(dir, "x.wav")));
    expect(statSync(join(dir, "x.wav")).ino).toBe(inode);
    expect(statSync(join(dir, "x.wav")).nlink).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(["other-name.wav", "x.wav"]);
  });

  test.skipIf(!has("setfattr"))("extended attributes survive (needs setfattr/getfattr: Debian's attr)", () => {
    const dir = mkdtempSync(join(root, "xattr-"));
    toneFile(dir, "x.wav");
    const set = spawnSync("setfattr", ["-n", "user.gainstage.test", "-v", "kept", join(dir, "x.wav")]);
    expect(set.status, "the test folder's file system takes user attributes").toBe(0);
    expect(gainstageIn(dir, ["trim", "--in-place", "x.wav"]).status).toBe(0);
    const read = spawnSync("getfattr", ["--only-values", "-n", "user.gainstage.test", join(dir, "x.wav")], {
      encoding: "utf8",
    });
    expect(read.stdout).toBe("kept");
  });
});

describe("pipes are read as streams, and every wait ends on a signal", () => {
  const wavBytes = () => {
    const tone = sine(rate, 997, -20, 2);
    return encodeAudioFile([tone, tone], rate, { container: "wav", kind: "float", bits: 32 });
  };

  test("a WAV on a named pipe and through <(…): read, not refused with ESPIPE", () => {
    const dir = mkdtempSync(join(root, "fifo-"));
    writeFileSync(join(dir, "x.wav"), wavBytes());
    expect(spawnSync("mkfifo", [join(dir, "pipe")]).status).toBe(0);
    const script = `cat x.wav > pipe & "${process.execPath}" "${BIN}" analyze --json pipe; echo "rc=$?" >&2; wait`;
    const viaFifo = spawnSync("bash", ["-c", script], { cwd: dir, encoding: "utf8" });
    expect(viaFifo.stderr).toMatch(/rc=0/);
    expect(JSON.parse(viaFifo.stdout)[0].durationSeconds).toBe(2);
    const substituted = spawnSync("bash", ["-c", `"${process.execPath}" "${BIN}" analyze --json <(cat x.wav)`], {
      cwd: dir,
      encoding: "utf8",
    });
    expect(substituted.status, substituted.stderr).toBe(0);
    expect(JSON.parse(substituted.stdout)[0].durationSeconds).toBe(2);
  });

  test("trim refuses a pipe before reading it (it reads its input twice)", () => {
    const dir = mkdtempSync(join(root, "fifo-trim-"));
    expect(spawnSync("mkfifo", [join(dir, "pipe")]).status).toBe(0);
    const run = gainstageIn(dir, ["trim", "--out", "out", "pipe"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/pipe is a pipe: trim reads its input twice/);
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  /** Whether a thread of process `pid` waits in the kernel for a FIFO's writer. */
  const waitsForWriter = (pid: number) => {
    try {
      return readdirSync(`/proc/${pid}/task`).some(
        (task) => readFileSync(`/proc/${pid}/task/${task}/wchan`, "utf8") === "wait_for_partner",
      );
    } catch {
      return false;
    }
  };

  test.each(["SIGINT", "SIGTERM"] as const)("a FIFO with no writer: analyze waits, and %s ends it", async (signal) => {
    const dir = mkdtempSync(join(root, "fifo-wait-"));
    expect(spawnSync("mkfifo", [join(dir, "pipe")]).status).toBe(0);
    const child = spawn(process.execPath, [BIN, "analyze", "pipe"], { cwd: dir, stdio: "ignore" });
    const exited = new Promise<number>((resolve) =>
      child.on("exit", (code, by) => resolve(code ?? 128 + osConstants.signals[by!])),
    );
    // Waiting for a state, not for time: the run has reached the pipe and waits for its writer.
    for (let tries = 0; tries < 4000 && !waitsForWriter(child.pid!); tries++)
      await new Promise((r) => setTimeout(r, 5));
    expect(waitsForWriter(child.pid!)).toBe(true);
    child.kill(signal);
    expect(await exited).toBe(128 + osConstants.signals[signal]);
  });
});
