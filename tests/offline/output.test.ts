/**
 * "Say what is measured": detector names, ranges and ceilings, the "all"
 * column, and the CLI's output habits. Truths: levels computed here from the samples (as sox
 * would), the files the test wrote, and the text as a terminal would show it.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { encodeAudioFile } from "../helpers/audio-files.js";
import { BIN, gainstageIn, startGainstage } from "../helpers/cli.js";
import { gaussianNoise, rng, sine, truePeakTone } from "../helpers/signals.js";
import { expectWithin } from "../helpers/tolerance.js";

const rate = 48000;
const dir = mkdtempSync(join(tmpdir(), "gainstage-output-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const AES17_DB = 10 * Math.log10(2);
const gainstage = (...args: string[]) => gainstageIn(dir, args);
function file(name: string, channels: Float32Array[], bits = 24): string {
  writeFileSync(
    join(dir, name),
    encodeAudioFile(
      channels,
      rate,
      bits === 32 ? { container: "wav", kind: "float", bits: 32 } : { container: "wav", kind: "int", bits },
    ),
  );
  return name;
}
const tone = (dbfs: number, seconds = 4) => sine(rate, 997, dbfs, seconds);

describe("15. the detectors say what they are", () => {
  // Half digital silence, half noise: the gated and ungated RMS differ by about 3 dB.
  const noise = new Float32Array(rate * 8);
  noise.set(gaussianNoise(rate * 4, 0.05, rng(9)), rate * 4);
  const half = file("half-silent.wav", [noise], 32);

  test("the default is named rms-gated everywhere (JSON, table, help), and the help explains the gate", () => {
    const [json] = JSON.parse(gainstage("analyze", "--json", half).stdout);
    expect(json.autoTrim).toMatchObject({ detector: "rms-gated", gated: true, unit: "dB" });
    expect(gainstage("analyze", half).stdout).toMatch(/Auto-trim to −18\.0 dB \(AES17 RMS, gated\)/);
    const help = gainstage("analyze", "--help").stdout;
    expect(help).toMatch(/rms-gated\s+AES17 RMS .* 400 ms blocks that pass BS\.1770's gates \(−70 LUFS absolute/);
    expect(help).toMatch(
      /rms\s+AES17 RMS of every sample: what a plain RMS meter \(sox, ffmpeg astats\) reads \+ 3\.01 dB/,
    );
  });

  test("--detector rms is ungated: the RMS of every sample (as sox reads it) + 3.01 dB", () => {
    const plain = 10 * Math.log10(noise.reduce((s, x) => s + x * x, 0) / noise.length);
    const [json] = JSON.parse(gainstage("analyze", "--json", "--detector", "rms", half).stdout);
    expect(json.autoTrim).toMatchObject({ detector: "rms", gated: false });
    expectWithin(json.autoTrim.levelDb, plain + AES17_DB, 0.001, 0.001, "ungated AES17 RMS");
    expectWithin(json.rmsDbfs, plain, 0.001, 0.001, "plain RMS in the table's own field");
  });
});

describe("16. each detector has its own range; a true-peak ceiling", () => {
  const peaky = file("peaky.wav", [truePeakTone(rate, 4, -6, 45), truePeakTone(rate, 4, -6, 45)]);
  test("peak normalisation to −1 dBFS (no sample-peak ceiling for a peak detector)", () => {
    const run = gainstage("analyze", "--json", "--detector", "peak", "--target", "-1", peaky);
    expect(run.status).toBe(0);
    const [json] = JSON.parse(run.stdout);
    expect(json.autoTrim).toMatchObject({ detector: "peak", unit: "dBFS", limitedBy: "target" });
    expectWithin(json.autoTrim.peakAfterDbfs, -1, 0.001, 0.001, "peak after");
  });
  test("true-peak normalisation, and --ceiling-tp holding an RMS trim back", () => {
    const [tp] = JSON.parse(gainstage("analyze", "--json", "--detector", "true-peak", "--target", "-1", peaky).stdout);
    expectWithin(tp.autoTrim.truePeakAfterDbtp, -1, 0.001, 0.001, "true peak after");
    // AES17 RMS −6 dB (a sine), true peak −6 dBTP: a −1 dB target wants +5 dB, the −3 dBTP ceiling allows +3.
    const [held] = JSON.parse(
      gainstage("analyze", "--json", "--target", "-1", "--no-ceiling", "--ceiling-tp", "-3", peaky).stdout,
    );
    expect(held.autoTrim.limitedBy).toBe("true-peak ceiling");
    expectWithin(held.autoTrim.truePeakAfterDbtp, -3, 0.001, 0.001, "true peak at the ceiling");
  });
  test("loudness takes −60 … 0 LUFS and prints LUFS, never dB", () => {
    const loud = file("loud.wav", [tone(-20), tone(-20)]);
    const run = gainstage("analyze", "--detector", "lufs", "--target", "-50", loud);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Auto-trim to −50\.0 LUFS \(Loudness \(LUFS, integrated\)\): −30\.0 dB\./);
    expect(run.stdout).toMatch(/measured −20\.0 LUFS/);
  });
});

test("17. 5.1: the 'all' column says per row whether it is the loudest channel, the total or the programme", () => {
  const six = file(
    "six.wav",
    [-20, -20, -18, -40, -25, -25].map((db) => tone(db)),
  );
  const run = gainstage("analyze", six);
  for (const [row, rule] of [
    ["Sample peak", "loudest ch."],
    ["RMS (AES17)", "loudest ch."],
    ["Integrated", "programme"],
    ["Clipped samples", "total"],
  ] as const) {
    expect(run.stdout).toMatch(
      new RegExp(`${row.replace(/[()]/g, "\\$&")}\\s+\\S+( \\S+)?\\s+${rule.replace(".", "\\.")}`),
    );
  }
  expect(run.stdout).toMatch(/\s+LFE\s/);
});

describe("18. output habits", () => {
  const a = file("a.wav", [tone(-28), tone(-28)]),
    b = file("b.wav", [tone(-12), tone(-12)]);

  test("-o names the output of a single input", () => {
    expect(gainstage("trim", a, "-o", "a-trimmed.wav").status).toBe(0);
    expect(existsSync(join(dir, "a-trimmed.wav"))).toBe(true);
    expect(gainstage("trim", a, b, "-o", "x.wav").stderr).toMatch(/--output names one file, but 2 inputs were given/);
  });

  test("analyze - reads a WAV from standard input, also one streamed with unknown sizes (as ffmpeg writes to a pipe)", () => {
    const bytes = readFileSync(join(dir, a));
    const fromFile = JSON.parse(gainstage("analyze", "--json", a).stdout)[0];
    const piped = JSON.parse(gainstageIn(dir, ["analyze", "--json", "-"], bytes).stdout)[0];
    expect({ ...piped, file: a }).toEqual(fromFile);
    const streamed = Buffer.from(bytes);
    streamed.writeUInt32LE(0xffffffff, 4);
    streamed.writeUInt32LE(0xffffffff, bytes.indexOf("data") + 4);
    const unknown = gainstageIn(dir, ["analyze", "--json", "-"], streamed);
    expect(unknown.status).toBe(0);
    expect(JSON.parse(unknown.stdout)[0].durationSeconds).toBe(4);
  });

  test("--format line gives one line per file; --csv one header and one row per file", () => {
    const lines = gainstage("analyze", "--format", "line", a, b).stdout.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^a\.wav: peak −28\.0 dBFS, true peak −28\.0 dBTP, RMS −28\.0 dB AES17 \(−31\.0 dBFS plain\), integrated −28\.0 LUFS/,
    );
    const csv = gainstage("analyze", "--csv", a, "missing.wav").stdout.trim().split("\n");
    expect(csv[0]).toMatch(/^file,format,sampleRate,channels,durationSeconds,samplePeakDbfs,/);
    expect(csv[1]).toMatch(/^a\.wav,WAV PCM 24-bit,48000,2,4,-28,/);
    expect(csv[2]).toMatch(/^missing\.wav,,.*,no such file$/);
  });

  test("each file's table is printed as soon as it is done, not after the last", async () => {
    const long = gaussianNoise(rate * 240, 0.05, rng(3));
    file("long.wav", [long, long], 32);
    const child = startGainstage(dir, ["analyze", "-j", "1", a, "long.wav"]);
    let firstTableAt = 0,
      output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
      if (!firstTableAt && output.includes("Auto-trim")) firstTableAt = Date.now();
    });
    const exitedAt = await new Promise<number>((resolve) => child.on("exit", () => resolve(Date.now())));
    expect(firstTableAt).toBeGreaterThan(0);
    expect(exitedAt - firstTableAt).toBeGreaterThan(100); // the long file was still being read
  }, 60_000);

  test("on a terminal, the progress bar names the file being read and the time left", () => {
    const run = spawnSync(
      "script",
      ["-qec", `${process.execPath} ${BIN} analyze --jsonl -j 1 ${a} long.wav > /dev/null`, "/dev/null"],
      { cwd: dir, encoding: "utf8", timeout: 60_000 },
    );
    expect(run.stdout).toMatch(/long\.wav \| .* left/);
  }, 60_000);

  test("JSON numbers are rounded to what they mean; '+' on positive levels; no NaN", () => {
    const json = gainstage("analyze", "--json", "--series", "vu", "--hop", "0.1", a).stdout;
    expect(json).not.toMatch(/"(?!t0"|hopSeconds"|durationSeconds")\w+": -?\d+\.\d{4,}/); // levels: 0.001
    expect(json).not.toMatch(/^\s+-?\d+\.\d{4,},?$/m); // series values too
    expect(json).not.toMatch(/NaN|Infinity/);
    expect(
      JSON.parse(json)[0].series.vu.values.every((v: number | null) => v === null || Math.round(v * 1000) / 1000 === v),
    ).toBe(true);
    const table = gainstage("analyze", b).stdout;
    expect(table).toMatch(/VU, highest\s+\+6\.\d VU/);
    expect(table).toMatch(/headroom/);
  });

  test("the table fits 80 columns without cutting a word, for stereo and 5.1; the footnotes come once", () => {
    const six = file(
      "six-wide.wav",
      [-20, -20, -18, -40, -25, -25].map((db) => tone(db)),
    );
    for (const files of [[a, b], [six]]) {
      const run = gainstage("analyze", ...files);
      for (const line of run.stdout.split("\n")) expect(line.length, line).toBeLessThanOrEqual(80);
      expect(run.stdout.match(/0 VU = a −18 dBFS sine/g)).toHaveLength(1);
    }
  });

  test.each(["analyze", "trim", "report"])("gainstage %s --help shows an example", (command) => {
    expect(gainstage(command, "--help").stdout).toMatch(new RegExp(`Example:\\n  gainstage ${command} `));
  });
});

test("24. report charts: short-term loudness and true peak drawn, labels clear of the data, m:ss only, a summary table in the SVG", () => {
  const name = file("report-in.wav", [tone(-24, 75), tone(-24, 75)]);
  expect(gainstage("report", "--svg", "report.svg", name).status).toBe(0);
  const svg = readFileSync(join(dir, "report.svg"), "utf8");
  expect(svg).toContain("short-term loudness (LUFS)");
  expect(svg).toContain("true peak");
  expect((svg.match(/<path d="M/g) ?? []).length).toBeGreaterThanOrEqual(6); // RMS, peak, true peak, short-term; trimmed RMS and peak
  // Guide labels sit right of the plot (x > 800), never over the curves.
  for (const label of ["target −18.0 dB", "−6 dBFS headroom", "0 dBFS full scale"]) {
    const x = Number(new RegExp(`<text x="([\\d.]+)"[^>]*>${label}`).exec(svg)![1]);
    expect(x, label).toBeGreaterThan(800);
  }
  const ticks = [...svg.matchAll(/<text x="[\d.]+" y="\d+" text-anchor="(?:start|middle)">([^<]+)<\/text>/g)].map(
    (m) => m[1],
  );
  expect(ticks.length).toBeGreaterThan(3);
  for (const tick of ticks) expect(tick).toMatch(/^\d+:\d\d$/);
  for (const heading of ["File", "Sample peak", "True peak", "RMS AES17", "Integrated", "LRA", "Auto-trim"])
    expect(svg).toContain(`font-weight="600">${heading}</text>`);
  expect(svg).toMatch(/>report-in\.wav<\/text>.*>−24\.0 dBFS<\/text>/s);
});
