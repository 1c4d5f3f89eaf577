/**
 * What a host can read from the LV2 plugins: every reading a meter needs (momentary, short-term
 * and their maxima since reset, integrated, loudness range, whole-run RMS), "no reading" until a
 * window has filled (never the host's initial value), a reset trigger, one plugin per channel
 * layout the kernel meters (1 … 8 channels, BS.1770 weights), LV2's own designations for bypass
 * (lv2:enabled) and latency, a version, and a bundle folder holding only the LV2 plugins.
 * Port indices come from lilv (lv2info), so the test host (lv2-host.c) knows nothing of ours.
 * Truths: analytic loudness of sines (EBU Tech 3341 #6), the WASM kernel's own readings.
 */
import { BAR_FLOOR_DBFS, BAR_TOP_DBFS, PANEL_COLOURS } from "../../host/declaration/meter-face.js";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { LOUDNESS_WINDOWS_MS, METER_PUBLISH_MS } from "../../host/declaration/declaration.js";
import { ROOT } from "../browser/servers.js";
import { encodeAudioFile } from "../helpers/audio-files.js";
import { newKernel } from "../helpers/kernel.js";
import { expectBuilt, LV2_BUNDLE, missingToolchain, NATIVE, SKIP_NATIVE, WORK } from "../helpers/native.js";
import { sine, toneSequence } from "../helpers/signals.js";
import { expectWithin } from "../helpers/tolerance.js";
import { chunksOf } from "../helpers/wav-builder.js";
import { readSnapshot } from "../../host/model/readings.js";

const rate = 48000;
const dir = mkdtempSync(join(tmpdir(), "gainstage-lv2-meters-"));
const env = { ...process.env, LV2_PATH: join(NATIVE, "lv2") };
/** What a meter output reads for "no reading" (the Turtle's scale point says so). */
const NO_READING = -200;
const LAYOUTS: [string, number][] = [
  ["urn:gainstage:mono", 1],
  ["urn:gainstage:stereo", 2],
  ["urn:gainstage:3ch", 3],
  ["urn:gainstage:4ch", 4],
  ["urn:gainstage:5.0", 5],
  ["urn:gainstage:5.1", 6],
  ["urn:gainstage:7ch", 7],
  ["urn:gainstage:7.1", 8],
];

/** Port symbol → index, and the lines lilv prints, for one plugin. */
function lv2info(uri: string) {
  const text = spawnSync("lv2info", [uri], { env, encoding: "utf8" }).stdout;
  const ports = new Map<string, number>();
  for (const match of text.matchAll(/Port (\d+):[\s\S]*?Symbol:\s+(\S+)/g)) ports.set(match[2]!, Number(match[1]));
  return { text, ports };
}

/** Runs `channels` through the plugin in `block`-frame blocks (lv2-host.c); its output lines. */
function spawnLv2(
  uri: string,
  channels: Float32Array[],
  block: number,
  report: string[],
  extra: string[] = [],
  env: NodeJS.ProcessEnv = process.env,
): string[] {
  const { ports } = lv2info(uri);
  const input = join(dir, `${uri.replace(/\W/g, "-")}.f32`);
  writeFileSync(input, Buffer.concat(channels.map((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength))));
  const audio = [...ports.keys()].filter((s) => /^in(_|$)/.test(s)).map((s) => `a:${ports.get(s)}`);
  const outs = [...ports.keys()].filter((s) => /^out(_|$)/.test(s)).map((s) => `o:${ports.get(s)}`);
  const args = [join(LV2_BUNDLE, "gainstage.so"), uri, String(rate), String(block), input, String(channels.length)];
  const resolve = (spec: string) => spec.replace(/^(\w):(\w+)/, (_, kind, symbol) => `${kind}:${ports.get(symbol)}`);
  const run = spawnSync(
    join(WORK, "lv2-host"),
    [...args, ...audio, ...outs, ...extra.map(resolve), ...report.map((symbol) => `m:${ports.get(symbol)}`)],
    { encoding: "utf8", maxBuffer: 256 << 20, env },
  );
  expect(run.status, run.stderr).toBe(0);
  return run.stdout.trim().split("\n");
}

/** The reported outputs after each block. */
function runLv2(uri: string, channels: Float32Array[], block: number, report: string[], extra: string[] = []) {
  return spawnLv2(uri, channels, block, report, extra)
    .map((line) => JSON.parse(line) as { frame: number; m: number[] })
    .map((row) => ({ ...row, m: row.m.map(Math.fround) })); // printed with 9 digits: exactly the port's float
}

/** The plugin's inline display (Ardour's extension) at `width` after the whole run. */
function inlineDisplay(uri: string, channels: Float32Array[], extra: string[], width: number) {
  const lines = spawnLv2(uri, channels, 128, [], extra, { ...process.env, INLINE_WIDTH: String(width) });
  return JSON.parse(lines.pop()!).inline as { queued: number; width: number; height: number; rows: number[][] };
}

describe.skipIf(SKIP_NATIVE)(`LV2 meters and layouts ${SKIP_NATIVE ? `(skipped: ${missingToolchain()})` : ""}`, () => {
  beforeAll(() => expectBuilt());

  test("every reading a meter needs is a port, with 'no reading' as a labelled value", () => {
    const { text, ports } = lv2info("urn:gainstage:stereo");
    for (const tap of ["in", "out"])
      for (const reading of [
        "MomentaryLufs",
        "MomentaryMaxLufs",
        "ShortTermMaxLufs",
        "LoudnessRangeLu",
        "RmsTotalAes17Db",
      ])
        expect(ports.has(`${tap}${reading}`), `${tap}${reading}`).toBe(true);
    expect(ports.has("resetMeters")).toBe(true);
    expect(text).toMatch(/Symbol:\s+resetMeters[\s\S]*?port-props#trigger/);
    expect(text).toMatch(/-200\.0 = "no reading"/);
  });

  test("windows: momentary and short-term read 'no reading' until 400 ms and 3 s have passed, never the host's initial value", () => {
    const programme = toneSequence(rate, [{ seconds: 5, dbfs: -23 }]);
    const rows = runLv2("urn:gainstage:stereo", programme, 256, [
      "inMomentaryLufs",
      "inShortTermLufs",
      "inIntegratedLufs",
    ]);
    // After activate, before any audio: "no reading", not the 12345 the host left in the ports.
    expect(rows[0]!.m).toEqual([NO_READING, NO_READING, NO_READING]);
    const full = (windowMs: number, frame: number) => frame * 1000 >= windowMs * rate;
    const published = Math.ceil((rate * METER_PUBLISH_MS) / 1000);
    for (const row of rows.slice(1)) {
      // What a port shows is the last publication's (on the sample clock every METER_PUBLISH_MS).
      const at = Math.floor(row.frame / published) * published;
      expect(row.m[0] === NO_READING, `momentary at ${row.frame}`).toBe(!full(LOUDNESS_WINDOWS_MS.momentary, at));
      expect(row.m[1] === NO_READING, `short-term at ${row.frame}`).toBe(!full(LOUDNESS_WINDOWS_MS.shortTerm, at));
    }
    expectWithin(rows.at(-1)!.m[0]!, -23, 0.1, 0.1, "M");
    expectWithin(rows.at(-1)!.m[1]!, -23, 0.1, 0.1, "S");
  });

  test("maxima since reset, loudness range and whole-run RMS equal the kernel's readings (no sampling of S every 20 ms)", () => {
    // EBU 3341 #10-like: 3 s at −23 dBFS after 1.3 s of silence, read once at the end.
    const programme = toneSequence(rate, [
      { seconds: 1.3, dbfs: -Infinity },
      { seconds: 3, dbfs: -23 },
      { seconds: 1.7, dbfs: -Infinity },
    ]);
    const symbols = ["inShortTermMaxLufs", "inMomentaryMaxLufs", "inLoudnessRangeLu", "inRmsTotalAes17Db"];
    const last = runLv2("urn:gainstage:stereo", programme, 480, symbols).at(-1)!.m;
    const kernel = newKernel(rate, 2);
    for (let at = 0; at < programme[0]!.length; at += 480) {
      programme.forEach((c, i) => kernel.input(i).set(c.subarray(at, at + 480)));
      kernel.processRange(0, 480);
    }
    const reading = readSnapshot(kernel)[0]!;
    expect(last).toEqual(
      [
        reading.shortTermMaxSinceResetLufs,
        reading.momentaryMaxSinceResetLufs,
        reading.loudnessRangeLu,
        reading.overall.rmsTotalAes17Db,
      ].map(Math.fround),
    );
    expectWithin(last[0]!, -23, 0.1, 0.1, "max S");
  });

  test("the reset trigger clears the meters: 'no reading' again until the window has refilled", () => {
    const programme = toneSequence(rate, [{ seconds: 3, dbfs: -23 }]);
    const resetAt = 2 * rate;
    const rows = runLv2(
      "urn:gainstage:stereo",
      programme,
      480,
      ["inMomentaryLufs", "inMomentaryMaxLufs"],
      [`t:resetMeters@${resetAt}`],
    );
    const row = (frame: number) => rows.find((r) => r.frame === frame)!.m;
    expectWithin(row(resetAt)[0]!, -23, 0.1, 0.1, "before the reset");
    expect(row(resetAt + 480)).toEqual([NO_READING, NO_READING]);
    expectWithin(row(resetAt + 0.5 * rate)[0]!, -23, 0.1, 0.1, "refilled");
  });

  test.each(LAYOUTS)("%s: %i channels in and out; its integrated loudness is the kernel's", (uri, channels) => {
    const { ports } = lv2info(uri);
    expect([...ports.keys()].filter((s) => /^in(_|$)/.test(s))).toHaveLength(channels);
    expect([...ports.keys()].filter((s) => /^out(_|$)/.test(s))).toHaveLength(channels);
    const programme = Array.from({ length: channels }, (_, c) => sine(rate, 500 + 100 * c, -20 - c, 4));
    const last = runLv2(uri, programme, 480, ["inIntegratedLufs"]).at(-1)!.m[0]!;
    const kernel = newKernel(rate, channels);
    for (let at = 0; at < programme[0]!.length; at += 480) {
      programme.forEach((c, i) => kernel.input(i).set(c.subarray(at, at + 480)));
      kernel.processRange(0, 480);
    }
    expect(last).toBe(Math.fround(readSnapshot(kernel)[0]!.integratedLufs));
  });

  test.each([
    ["urn:gainstage:5.0", [-28, -28, -24, -30, -30]],
    ["urn:gainstage:5.1", [-28, -28, -24, -10, -30, -30]],
  ] as const)(
    "%s: EBU 3341 #6 (L, R −28, C −24, Ls, Rs −30 dBFS) reads −23.0 LUFS; an LFE is left out",
    (uri, dbfs) => {
      const programme = dbfs.map((level) => sine(rate, 1000, level, 20));
      const last = runLv2(uri, programme, 4800, ["inIntegratedLufs"]).at(-1)!.m[0]!;
      expectWithin(last, -23, 0.1, 0.1, "I");
    },
  );

  test("bypass is LV2's enable port (lv2:enabled), latency has lv2:latency, the plugin has a version", () => {
    const { text } = lv2info("urn:gainstage:stereo");
    expect(text).toMatch(/Symbol:\s+enabled[\s\S]*?Designation:\s+http:\/\/lv2plug\.in\/ns\/lv2core#enabled/);
    expect(text).not.toMatch(/Symbol:\s+bypass\b/);
    expect(text).toMatch(/Symbol:\s+latency[\s\S]*?Designation:\s+http:\/\/lv2plug\.in\/ns\/lv2core#latency/);
    const turtle = readFileSync(join(LV2_BUNDLE, "gainstage.ttl"), "utf8");
    expect(turtle).toMatch(/lv2:minorVersion \d+ ; lv2:microVersion \d+ ;/);
    // enabled = 0 is the host's bypass: with a −12 dB trim set, the output is still the input, bit for bit.
    const programme = [sine(rate, 997, -12, 1), sine(rate, 440, -9, 1)];
    const input = join(dir, "bypass-in.wav"),
      output = join(dir, "bypass-out.wav");
    writeFileSync(input, encodeAudioFile(programme, rate, { container: "wav", kind: "float", bits: 32 }));
    const args = ["-i", input, "-o", output, "-c", "enabled", "0", "-c", "inputTrimDb", "-12", "urn:gainstage:stereo"];
    const run = spawnSync("lv2apply", args, { env, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    const data = chunksOf(readFileSync(output)).find(([chunk]) => chunk === "data")![1];
    const interleaved = new Float32Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
    const expected = Float32Array.from({ length: 2 * rate }, (_, i) => programme[i % 2]![Math.floor(i / 2)]!);
    expect(Buffer.from(interleaved.buffer).equals(Buffer.from(expected.buffer))).toBe(true);
  });

  test("each format has its own folder: LV2_PATH=build/native/lv2 sees only LV2 plugins; `make lv2` builds LV2 alone", () => {
    const listed = spawnSync("lv2ls", { env, encoding: "utf8" });
    expect(listed.stderr).toBe("");
    expect(listed.stdout.trim().split("\n").sort()).toEqual(LAYOUTS.map(([uri]) => uri).sort());
    expect(readdirSync(join(NATIVE, "lv2"))).toEqual(["gainstage.lv2"]);
    const fresh = mkdtempSync(join(tmpdir(), "gainstage-lv2-alone-"));
    const make = spawnSync("make", ["-s", "-C", join(ROOT, "host/formats/native"), "lv2", `OUT=${fresh}`], {
      encoding: "utf8",
    });
    expect(make.status, make.stderr).toBe(0);
    expect(readdirSync(fresh)).toEqual(["lv2"]);
    expect(readdirSync(join(fresh, "lv2/gainstage.lv2")).sort()).toEqual([
      "gainstage.so",
      "gainstage.ttl",
      "gainstage_ui.so", // the editor, as an X11 UI
      "manifest.ttl",
    ]);
    expect(existsSync(join(fresh, "clap"))).toBe(false);
  });

  test("Ardour's inline display: IN and OUT bars for the mixer strip, redrawn as the audio runs", () => {
    // 1 s of a −20 dBFS sine with the input trim at −6 dB: IN −20, OUT −26 dBFS on the face's axis.
    const seconds = 1;
    const sine = Float32Array.from(
      { length: seconds * rate },
      (_, n) => 0.1 * Math.sin((2 * Math.PI * 997 * n) / rate),
    );
    const width = 126; // two pixels per dB over the face's −60…+3 dBFS axis
    const picture = inlineDisplay("urn:gainstage:stereo", [sine, sine], ["c:inputTrimDb=-6"], width);
    expect(picture.width).toBe(width);
    expect(picture.queued).toBeGreaterThanOrEqual((seconds * 1000) / 50 - 1); // every 50 ms of audio
    const background = 0xff000000 + Number.parseInt(PANEL_COLOURS.bg.slice(1), 16); // ARGB, opaque
    const barLength = (row: number[]) => row.findIndex((pixel, x) => pixel === background && x > 0);
    const axis = (dbfs: number) => Math.round((width * (dbfs - BAR_FLOOR_DBFS)) / (BAR_TOP_DBFS - BAR_FLOOR_DBFS));
    const [inRow, outRow] = [picture.rows[2 + 4]!, picture.rows[2 + 8 + 2 + 4]!];
    expect(Math.abs(barLength(inRow) - axis(-20))).toBeLessThanOrEqual(1);
    expect(Math.abs(barLength(outRow) - axis(-26))).toBeLessThanOrEqual(1);
  });
});
