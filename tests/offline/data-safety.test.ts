/**
 * "Data safety (trim, report)" (the rest: file-fidelity.test.ts): each
 * reproduction from the issue, run as a user runs the command. The truths are the file system's
 * own (bytes, modes, links, what is in a folder), never the writer's view.
 */
import { createHash } from "node:crypto";
import {
  chmodSync,
  chownSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { constants as osConstants, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { encodeAudioFile } from "../helpers/audio-files.js";
import { gainstageIn, startGainstage } from "../helpers/cli.js";
import { sine, gaussianNoise, rng } from "../helpers/signals.js";

const rate = 48000;
const root = mkdtempSync(join(tmpdir(), "gainstage-safety-"));
afterAll(() => {
  chmodSync(root, 0o755);
  rmSync(root, { recursive: true, force: true });
});
const sha = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

/** A fresh folder holding the named 24-bit stereo tone files (−30 dBFS sine, 4 s). */
function folderWith(...names: string[]): string {
  const dir = mkdtempSync(join(root, "case-"));
  const tone = sine(rate, 997, -30, 4);
  for (const name of names) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    const format = name.endsWith(".flac")
      ? { container: "flac" as const, bits: 24 as const }
      : { container: "wav" as const, kind: "int" as const, bits: 24 };
    writeFileSync(join(dir, name), encodeAudioFile([tone, tone], rate, format));
  }
  return dir;
}

describe("1. two inputs with one name into one --out", () => {
  test.each([[["a/x.wav", "b/x.wav"]], [["x.wav", "x.flac"]]])(
    "%j: refused before anything is written, naming both (exit 2), with -j 1 and -j 2",
    (names) => {
      for (const jobs of ["1", "2"]) {
        const dir = folderWith(...names);
        const run = gainstageIn(dir, ["trim", "--out", "out", "-j", jobs, ...names]);
        expect(run.status).toBe(2);
        expect(run.stderr).toContain(names[0]!);
        expect(run.stderr).toContain(names[1]!);
        expect(run.stderr).toMatch(/would both be written to out\/x\.wav; add --keep-tree/);
        expect(existsSync(join(dir, "out"))).toBe(false);
      }
    },
  );

  test("--keep-tree keeps both: a/x.wav and b/x.wav land in out/a and out/b", () => {
    const dir = folderWith("a/x.wav", "b/x.wav");
    const run = gainstageIn(dir, ["trim", "--out", "out", "--keep-tree", "-j", "2", "a/x.wav", "b/x.wav"]);
    expect(run.status).toBe(0);
    expect(readdirSync(join(dir, "out")).sort()).toEqual(["a", "b"]);
    expect(existsSync(join(dir, "out/a/x.wav")) && existsSync(join(dir, "out/b/x.wav"))).toBe(true);
  });

  test("the same file given twice is refused", () => {
    const dir = folderWith("x.wav");
    const run = gainstageIn(dir, ["trim", "--out", "out", "x.wav", "./x.wav"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/same file, given twice/);
  });
});

describe("2. an output folder that is the input's folder in disguise", () => {
  test("--force --out LINK (a symlink to the input's folder): refused, the input unchanged", () => {
    const dir = folderWith("in/x.wav");
    symlinkSync(join(dir, "in"), join(dir, "link"));
    const before = sha(join(dir, "in/x.wav"));
    const run = gainstageIn(dir, ["trim", "--force", "--out", "link", "in/x.wav"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/is the input itself: a run never writes over its inputs/);
    expect(sha(join(dir, "in/x.wav"))).toBe(before);
  });

  test("--force onto a hard link of another input: refused", () => {
    const dir = folderWith("in/x.wav", "y.wav");
    mkdirSync(join(dir, "out"));
    linkSync(join(dir, "y.wav"), join(dir, "out/x.wav"));
    const before = sha(join(dir, "y.wav"));
    const run = gainstageIn(dir, ["trim", "--force", "--out", "out", "in/x.wav", "y.wav"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/one of the inputs \(y\.wav\)/);
    expect(sha(join(dir, "y.wav"))).toBe(before);
  });
});

describe("3. --in-place keeps what the file was", () => {
  test("a 0600 file stays 0600, and keeps its owner (where the run may set it)", () => {
    const dir = folderWith("x.wav");
    chmodSync(join(dir, "x.wav"), 0o600);
    const root = process.getuid?.() === 0;
    if (root) chownSync(join(dir, "x.wav"), 1234, 5678);
    expect(gainstageIn(dir, ["trim", "--in-place", "x.wav"]).status).toBe(0);
    expect(statSync(join(dir, "x.wav")).mode & 0o777).toBe(0o600);
    if (root) expect([statSync(join(dir, "x.wav")).uid, statSync(join(dir, "x.wav")).gid]).toEqual([1234, 5678]);
  });

  test("a read-only 0444 file is refused (exit 1, unchanged); with --force it is replaced and stays 0444", () => {
    const dir = folderWith("x.wav");
    chmodSync(join(dir, "x.wav"), 0o444);
    const before = sha(join(dir, "x.wav"));
    const refused = gainstageIn(dir, ["trim", "--in-place", "x.wav"]);
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim()).toBe("gainstage: x.wav: read-only (mode 0444); use --force to replace it anyway");
    expect(sha(join(dir, "x.wav"))).toBe(before);
    expect(gainstageIn(dir, ["trim", "--in-place", "--force", "x.wav"]).status).toBe(0);
    expect(sha(join(dir, "x.wav"))).not.toBe(before);
    expect(statSync(join(dir, "x.wav")).mode & 0o777).toBe(0o444);
  });

  test("a symlink stays a symlink; its target is rewritten", () => {
    const dir = folderWith("data/x.wav");
    symlinkSync("data/x.wav", join(dir, "link.wav"));
    const before = sha(join(dir, "data/x.wav"));
    expect(gainstageIn(dir, ["trim", "--in-place", "link.wav"]).status).toBe(0);
    expect(lstatSync(join(dir, "link.wav")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, "link.wav"))).toBe("data/x.wav");
    expect(sha(join(dir, "data/x.wav"))).not.toBe(before);
    expect(readdirSync(join(dir, "data"))).toEqual(["x.wav"]);
  });
});

describe("4. signals and stale temporaries", () => {
  // Long enough that the write pass is under way when the signal comes (about 70 MB of float WAV).
  const long = gaussianNoise(rate * 180, 0.05, rng(4));
  // The run ends by the signal itself once it has cleaned up, so the shell reports 128 + its number.
  test.each([
    ["SIGINT", 130],
    ["SIGTERM", 143],
    ["SIGHUP", 129],
    ["SIGQUIT", 131],
  ] as const)(
    "%s during a trim: the temporary is removed, exit %i",
    async (signal, status) => {
      const dir = mkdtempSync(join(root, "signal-"));
      writeFileSync(
        join(dir, "long.wav"),
        encodeAudioFile([long, long], rate, { container: "wav", kind: "float", bits: 32 }),
      );
      mkdirSync(join(dir, "out"));
      const child = startGainstage(dir, ["trim", "--out", "out", "--quiet", "long.wav"]);
      let stderr = "";
      child.stderr.on("data", (chunk) => {
        stderr += chunk;
      });
      const exited = new Promise<number | null>((resolve) =>
        child.on("exit", (code, by) => resolve(code ?? 128 + osConstants.signals[by!])),
      );
      // Wait for the temporary to appear (the write pass has begun), then signal.
      for (let tries = 0; tries < 4000 && !readdirSync(join(dir, "out")).some((f) => f.endsWith(".tmp")); tries++)
        await new Promise((r) => setTimeout(r, 5));
      expect(readdirSync(join(dir, "out")).some((f) => f.endsWith(".tmp"))).toBe(true);
      child.kill(signal);
      expect(await exited).toBe(status);
      expect(readdirSync(join(dir, "out"))).toEqual([]);
      expect(stderr).toMatch(new RegExp(`interrupted \\(${signal}\\): 1 unfinished file removed`));
    },
    60_000,
  );

  test("a temporary left by a run that is gone is reported by the next run", () => {
    const dir = folderWith("x.wav");
    mkdirSync(join(dir, "out"));
    writeFileSync(join(dir, "out/.x.wav.gainstage-999999-abc123.tmp"), "left over");
    const run = gainstageIn(dir, ["trim", "--out", "out", "x.wav"]);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(
      /note: out\/\.x\.wav\.gainstage-999999-abc123\.tmp was left by an interrupted run \(process 999999 is gone\)/,
    );
  });
});

describe("5. report into a folder that cannot take it", () => {
  // Root may write into a 0555 folder, so the unwritable cases are ones no permission bit can open: a
  // "folder" that is a file, and sysfs, where no file can be created.
  test.each([
    [
      "missing/report.html",
      /^gainstage: cannot write the report missing\/report\.html: the folder missing does not exist$/,
    ],
    ["x.wav/report.svg", /^gainstage: cannot write the report x\.wav\/report\.svg: x\.wav is not a folder$/],
    [
      "/sys/report.html",
      /^gainstage: cannot write the report \/sys\/report\.html: (permission denied|the folder \/sys is not writable)$/,
    ],
  ])("%s: one line naming the path, exit 1, no stack trace", (target, message) => {
    const dir = folderWith("x.wav");
    const flag = target.endsWith(".svg") ? "--svg" : "--html";
    const run = gainstageIn(dir, ["report", flag, target, "x.wav"]);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr.trim()).toMatch(message);
  });
});

describe("6. a trim that would clip an integer file", () => {
  // A quiet tone with one loud click: the RMS target lifts the click far past full scale.
  const quiet = sine(rate, 997, -40, 4);
  quiet[rate] = 0.8;
  test("--no-ceiling: refused with the numbers (exit 1), nothing written; --allow-clipping writes it and says so", () => {
    const dir = mkdtempSync(join(root, "clip-"));
    writeFileSync(join(dir, "click.wav"), encodeAudioFile([quiet], rate, { container: "wav", kind: "int", bits: 16 }));
    const refused = gainstageIn(dir, ["trim", "--no-ceiling", "--out", "out", "click.wav"]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(
      /click\.wav: not written: the \+2\d\.\d dB trim would clip \d+ samples? of this 16-bit file \(peaks would reach \+\d+\.\d dBFS\); .*--allow-clipping/,
    );
    expect(existsSync(join(dir, "out")) ? readdirSync(join(dir, "out")) : []).toEqual([]);
    const allowed = gainstageIn(dir, ["trim", "--no-ceiling", "--allow-clipping", "--out", "out", "click.wav"]);
    expect(allowed.status).toBe(0);
    expect(allowed.stdout).toMatch(/\d+ samples clipped \(allowed\)/);
  });
});
