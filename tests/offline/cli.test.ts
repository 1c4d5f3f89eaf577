/**
 * The `gainstage` command as a user runs it (the bin, a child process): JSON and JSON Lines field
 * names, series, exit statuses, one-line errors naming the file, other files still processed,
 * parallel jobs, trim and report outputs, bad options.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { ROOT } from "../browser/chromium.js";
import { encodeAudioFile } from "../helpers/audio-files.js";
import { sine } from "../helpers/signals.js";
import { expectWithin } from "../helpers/tolerance.js";

const rate = 48000;
const folder = mkdtempSync(join(tmpdir(), "gainstage-cli-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function gainstage(...args: string[]) {
  const result = spawnSync(process.execPath, [join(ROOT, "bin/gainstage.mjs"), ...args], {
    cwd: folder,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * A stereo 997 Hz sine at `dbfs` (peak) for `seconds`, after `silenceSeconds` of digital silence.
 * Without the silence every reading is analytic; with it, the 400 ms blocks straddling the edge
 * pass BS.1770's gates and lower gated levels slightly, as the standard says they should.
 */
function toneFile(name: string, dbfs: number, seconds = 6, silenceSeconds = 0): string {
  const tone = sine(rate, 997, dbfs, seconds);
  const withSilence = new Float32Array(silenceSeconds * rate + tone.length);
  withSilence.set(tone, silenceSeconds * rate);
  const format = { container: "wav" as const, kind: "int" as const, bits: 24 };
  writeFileSync(join(folder, name), encodeAudioFile([withSilence, withSilence], rate, format));
  return name;
}

const FIELDS = [
  "file",
  "sampleRate",
  "channels",
  "durationSeconds",
  "samplePeakDbfs",
  "truePeakDbtp",
  "rmsDbfs",
  "rmsAes17Db",
  "vuMaxVu",
  "integratedLufs",
  "loudnessRangeLu",
  "maxMomentaryLufs",
  "maxShortTermLufs",
  "clipCount",
  "autoTrimDb",
  "perChannel",
];

describe("analyze", () => {
  const a = toneFile("a.wav", -28),
    b = toneFile("b.wav", -12),
    lead = toneFile("lead.wav", -28, 6, 1);
  writeFileSync(join(folder, "broken.wav"), readFileSync(join(folder, a)).subarray(0, 40_000));

  test("--json: one object per file with the named fields and analytic values; a broken file is named, the others still read", () => {
    const run = gainstage("analyze", "--json", a, "broken.wav", b);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toMatch(
      /^gainstage: broken\.wav: truncated: the header promises \d+ bytes of audio, the file holds \d+$/,
    );
    const [first, broken, second] = JSON.parse(run.stdout) as Record<string, any>[];
    for (const field of FIELDS) expect(first).toHaveProperty(field);
    expect(broken).toEqual({ file: "broken.wav", error: expect.stringMatching(/^truncated/) });
    expect(first).toMatchObject({ file: "a.wav", sampleRate: rate, channels: 2, durationSeconds: 6, clipCount: 0 });
    expectWithin(first!.samplePeakDbfs, -28, 0.01, 0.01, "peak");
    expectWithin(first!.rmsAes17Db, -28, 0.01, 0.01, "AES17 RMS of a sine = its peak level");
    expectWithin(first!.rmsDbfs, -28 - 3.0103, 0.01, 0.01, "plain RMS 3.01 dB lower");
    expectWithin(first!.integratedLufs, -28, 0.1, 0.1, "stereo 997 Hz: LUFS = dBFS peak (BS.1770, EBU 3341 #1)");
    expectWithin(first!.autoTrimDb, 10, 0.02, 0.02, "a −28 dBFS sine learns +10 dB");
    expectWithin(second!.autoTrimDb, -6, 0.02, 0.02, "a −12 dBFS sine learns −6 dB");
    expect(first!.perChannel).toHaveLength(2);
    expectWithin(first!.perChannel[0].integratedLufs, -28 - 3.0103, 0.1, 0.1, "one channel: −3.01 LU");
  });

  test("--jsonl: one line per file, in the order given", () => {
    const run = gainstage("analyze", "--jsonl", "--jobs", "2", b, a);
    expect(run.status).toBe(0);
    const lines = run.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines.map((l) => l.file)).toEqual(["b.wav", "a.wav"]);
  });

  test("--series momentary,shortterm,vu --hop 0.1: time series with t0 and hop; silence is null, never NaN", () => {
    const run = gainstage("analyze", "--json", "--series", "momentary,shortterm,vu", "--hop", "0.1", lead);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toMatch(/NaN|Infinity/);
    const [result] = JSON.parse(run.stdout);
    expectWithin(result.rmsAes17Db, -28 + 10 * Math.log10(6 / 7), 0.01, 0.01, "AES17 RMS over 7 s, 6 of them tone");
    for (const name of ["momentary", "shortterm", "vu"]) {
      expect(result.series[name]).toMatchObject({ t0: 0.1, hopSeconds: 0.1 });
      expect(result.series[name].values).toHaveLength(70);
    }
    expect(result.series.momentary.values[4]).toBeNull(); // the window ending at 0.5 s is all silence
    expectWithin(result.series.momentary.values[69], -28, 0.1, 0.1, "momentary at the end");
    expectWithin(result.series.vu.values[69], -28 + 18, 0.1, 0.1, "VU re −18 dBFS");
  });

  test("the readable table names every reading with its unit", () => {
    const run = gainstage("analyze", a);
    expect(run.status).toBe(0);
    for (const label of [
      "Sample peak",
      "True peak",
      "RMS (plain)",
      "RMS (AES17)",
      "VU, highest",
      "Integrated",
      "Loudness range",
      "Max momentary",
      "Max short-term",
      "Clipped samples",
      "Auto-trim",
    ]) {
      expect(run.stdout).toContain(label);
    }
    expect(run.stdout).toMatch(/−28\.0 dBFS/);
  });

  test.each([
    [["analyze", "--target", "-50", "a.wav"], /--target -50 is outside −40\.0 … 0\.0 dB for --detector rms-gated/],
    [
      ["analyze", "--detector", "lufs", "--target", "-61", "a.wav"],
      /--target -61 is outside −60\.0 … 0\.0 LUFS for --detector lufs/,
    ],
    [["analyze", "--detector", "loudest", "a.wav"], /argument 'loudest' is invalid/],
    [["analyze", "--hop", "0", "a.wav"], /--hop takes a number above 0/],
    [["analyze", "--series", "pink", "a.wav"], /--series takes a comma list/],
    [["analyze"], /missing required argument 'files'/],
    [["trim", "a.wav"], /give one of --out DIR, --output FILE \(one input\) or --in-place/],
    [["frobnicate"], /unknown command 'frobnicate'/],
  ])("bad command line %j: exit 2 and a clear message", (args, message) => {
    const run = gainstage(...(args as string[]));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});

describe("trim and report", () => {
  const files = ["s1.wav", "s2.wav", "s3.wav"].map((name, i) => toneFile(name, -30 + 6 * i));

  test("trims several files in parallel into --out: each copy reads −18 dB AES17, inputs unchanged", () => {
    const before = files.map((f) => readFileSync(join(folder, f)));
    const run = gainstage("trim", "--out", "trimmed", "--jobs", "2", ...files);
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split("\n")).toHaveLength(3);
    expect(run.stdout).toMatch(
      /^s1\.wav → trimmed\/s1\.wav: \+12\.0 dB, AES17 RMS, gated −30\.0 dB → −18\.0 dB; peaks −18\.0 dBFS/,
    );
    files.forEach((f, i) => expect(readFileSync(join(folder, f)).equals(before[i]!)).toBe(true));
    const check = gainstage("analyze", "--json", ...files.map((f) => join("trimmed", f)));
    for (const result of JSON.parse(check.stdout))
      expectWithin(result.autoTrimDb, 0, 0.02, 0.02, `${result.file} at the target`);
  });

  test("--dry-run writes nothing", () => {
    const run = gainstage("trim", "--out", "dry", "--dry-run", files[0]!);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/would go to dry\/s1\.wav: \+12\.0 dB/);
    expect(existsSync(join(folder, "dry"))).toBe(false);
  });

  test("report --html and --svg: level over time with the stage targets, written whole", () => {
    const run = gainstage("report", "--html", "report.html", "--svg", "report.svg", ...files);
    expect(run.status).toBe(0);
    const html = readFileSync(join(folder, "report.html"), "utf8");
    expect(html).toContain("<svg");
    for (const text of ["s1.wav", "s3.wav", "target −18.0 dB", "−6 dBFS headroom", "0 dBFS", "+12.0 dB"])
      expect(html).toContain(text);
    expect(readFileSync(join(folder, "report.svg"), "utf8")).toMatch(/^<svg xmlns/);
    expect(readdirSync(folder).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});
