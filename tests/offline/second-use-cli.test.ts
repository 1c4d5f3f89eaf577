/**
 * The command as a second real use met it: after a trim to −18 dB (AES17 RMS, gated) the table
 * shows −18.0 in the trim's own measure beside the ungated RMS; and `npx gainstage` right after
 * `npm ci` runs the project's own command at once (no install into npx's cache and rebuild).
 * Truths: the trim's target, the analytic ungated level of a programme that is half silence.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readlinkSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { ROOT } from "../browser/servers.js";
import { encodeAudioFile } from "../helpers/audio-files.js";
import { gainstageIn } from "../helpers/cli.js";
import { toneSequence } from "../helpers/signals.js";
import { expectWithin } from "../helpers/tolerance.js";
import { formatDb } from "../../host/model/format.js";

const rate = 48000;
const dir = mkdtempSync(join(tmpdir(), "gainstage-second-use-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("after a trim to −18 dB AES17 (gated), analyze shows −18.0 in the trim's measure beside the ungated RMS", () => {
  // 4 s of tone, 4 s of digital silence: the gate leaves the silence out, plain RMS does not (3 dB lower).
  const programme = toneSequence(rate, [
    { seconds: 4, dbfs: -30 },
    { seconds: 4, dbfs: -Infinity },
  ]);
  writeFileSync(join(dir, "take.wav"), encodeAudioFile(programme, rate, { container: "wav", kind: "float", bits: 32 }));
  expect(gainstageIn(dir, ["trim", "--out", "out", "take.wav"]).status).toBe(0);
  const table = gainstageIn(dir, ["analyze", "out/take.wav"]).stdout;
  expect(table).toMatch(/AES17 RMS, gated \(trim's measure\)\s+−18\.0 dB/);
  // Ungated, the tone's AES17 level (its peak) less half the energy: 3.0 dB lower, and shown so.
  const [json] = JSON.parse(gainstageIn(dir, ["analyze", "--json", "out/take.wav"]).stdout);
  expectWithin(json.rmsAes17Db, json.samplePeakDbfs - 10 * Math.log10(2), 0.01, 0.01, "ungated AES17 RMS");
  expect(table).toMatch(new RegExp(`RMS \\(AES17\\)\\s+${formatDb(json.rmsAes17Db, "dB")}`));
  const line = gainstageIn(dir, ["analyze", "--format", "line", "out/take.wav"]).stdout;
  expect(line).toMatch(/AES17 RMS, gated −18\.0 dB/);
});

test("npx gainstage runs the project's own command, installed by npm ci: nothing to fetch or build", () => {
  // npx looks in node_modules/.bin first: the project links itself there (devDependency "file:.").
  const bin = join(ROOT, "node_modules/.bin/gainstage");
  expect(realpathSync(bin)).toBe(realpathSync(join(ROOT, "bin/gainstage.mjs")));
  expect(readlinkSync(join(ROOT, "node_modules/gainstage"))).toBe("..");
  const run = spawnSync("npx", ["--no-install", "gainstage", "--version"], { cwd: ROOT, encoding: "utf8" });
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
});
