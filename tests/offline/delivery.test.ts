/**
 * `--delivery` (streaming −14/−1, EBU R128 −23/−1, ATSC A/85 −24/−2) and PLR on the command line,
 * against analytic levels: a stereo 997 Hz sine of peak A dBFS reads A LUFS integrated and A dBTP.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { gainstageIn } from "../helpers/cli.js";
import { encodeAudioFile } from "../helpers/audio-files.js";
import { sine } from "../helpers/signals.js";
import { expectWithin } from "../helpers/tolerance.js";

const rate = 48000;
const folder = mkdtempSync(join(tmpdir(), "gainstage-delivery-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const gainstage = (...args: string[]) => gainstageIn(folder, args);

function toneFile(name: string, dbfs: number): string {
  const tone = sine(rate, 997, dbfs, 6);
  writeFileSync(join(folder, name), encodeAudioFile([tone, tone], rate, { container: "wav", kind: "float", bits: 32 }));
  return name;
}

const json = (...args: string[]) => {
  const run = gainstage("analyze", "--json", "-q", ...args);
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout)[0];
};

test("PLR of a steady stereo sine is 0 dB; analyze reports it in JSON, CSV and the line", () => {
  const file = toneFile("plr.wav", -20);
  expectWithin(json(file).plrDb, 0, 0.02, 0.02, "PLR");
  expect(gainstage("analyze", "--csv", "-q", file).stdout.split("\n")[0]).toContain("plrDb");
  expect(gainstage("analyze", "--format", "line", "-q", file).stdout).toMatch(/PLR 0\.0 dB/);
});

test("--delivery ebu-r128: a −20 LUFS file needs −3.0 dB; the auto-trim is the same gain", () => {
  const a = json("--delivery", "ebu-r128", toneFile("r128.wav", -20));
  expect(a.delivery).toMatchObject({ target: "ebu-r128", integratedLufs: -23, truePeakCeilingDbtp: -1, meets: false });
  expectWithin(a.delivery.gainDb, -3, 0.02, 0.02, "gain");
  expectWithin(a.autoTrimDb, -3, 0.05, 0.05, "auto-trim");
});

test("--delivery streaming: a −3 dBFS sine at −3 LUFS integrated is 11 dB too loud, and within its ceiling once cut", () => {
  const a = json("--delivery", "streaming", toneFile("hot.wav", -3));
  expectWithin(a.delivery.gainDb, -11, 0.02, 0.02, "gain");
  expect(a.delivery.needsLimiter).toBe(false);
});

test("--delivery atsc-a85: a quiet file with loud peaks needs a limiter (true peak −2 dBTP ceiling)", () => {
  // A −30 dBFS sine with a 1 ms burst at −1 dBFS: integrated about −29.4 LUFS, true peak about −1 dBTP.
  const tone = sine(rate, 997, -30, 6);
  tone.set(sine(rate, 997, -1, 0.001), rate);
  writeFileSync(
    join(folder, "peaky.wav"),
    encodeAudioFile([tone, tone], rate, { container: "wav", kind: "float", bits: 32 }),
  );
  const a = json("--delivery", "atsc-a85", "peaky.wav");
  expect(a.delivery.needsLimiter).toBe(true);
  expectWithin(a.delivery.safeGainDb, -2 - a.truePeakDbtp, 0.02, 0.02, "safe gain = ceiling − true peak");
  expect(gainstage("analyze", "--format", "line", "-q", "--delivery", "atsc-a85", "peaky.wav").stdout).toMatch(
    /a true-peak limiter is needed/,
  );
});

test("a file on target meets it; --delivery refuses an unknown target and a clashing --target", () => {
  const a = json("--delivery", "streaming", toneFile("on.wav", -14));
  expect(a.delivery.meets).toBe(true);
  const unknown = gainstage("analyze", "--delivery", "radio", "on.wav");
  expect(unknown.status).toBe(2);
  expect(unknown.stderr).toMatch(/streaming, ebu-r128, atsc-a85/);
  const clash = gainstage("analyze", "--delivery", "streaming", "--target", "-16", "on.wav");
  expect(clash.status).toBe(2);
  expect(clash.stderr).toMatch(/cannot be used with option '--target/);
});

test("trim --delivery streaming writes a copy at −14 LUFS", () => {
  const trimmed = gainstage("trim", "-q", "--delivery", "streaming", toneFile("quiet.wav", -20), "-o", "quiet-14.wav");
  expect(trimmed.status, trimmed.stderr).toBe(0);
  expectWithin(json("quiet-14.wav").integratedLufs, -14, 0.05, 0.05, "integrated after trim");
});
