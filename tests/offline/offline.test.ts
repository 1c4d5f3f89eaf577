/**
 * The offline host, in process: every supported format, written by the tests' own
 * encoders (helpers/audio-files.ts), reads the same as the live kernel fed the same samples in
 * 128-frame render quanta; series land on the kernel's evaluation grid. Trimming: trim.test.ts.
 */
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { analyzeFile, DETECTOR_NAMES, DEFAULT_SETTINGS, type FileAnalysis } from "../../host/offline/analyze.js";
import { trimFile } from "../../host/offline/writers/trim-file.js";
import { DETECTORS } from "../../host/model/params.js";
import { LOUDNESS_SLOT, CHANNEL_SLOT, channelFieldsOffset } from "../../host/declaration/layout.js";
import { newKernel } from "../helpers/kernel.js";
import { asStored, encodeAudioFile, encodeMp3, type FileFormat } from "../helpers/audio-files.js";
import { MPEGDecoder } from "mpg123-decoder";
import { quietLoudProgramme } from "../helpers/programme.js";
import { sine } from "../helpers/signals.js";
import { expectWithin } from "../helpers/tolerance.js";
import { CONFORMANCE_CASES } from "../../host/conformance/cases.js";
import { readSnapshot, readAutoTrim } from "../../host/model/readings.js";

const rate = 48000;
const folder = mkdtempSync(join(tmpdir(), "gainstage-offline-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const programme = (channels: number, seed = 1) => quietLoudProgramme(rate, channels, seed);

function writeFile(name: string, channels: Float32Array[], format: FileFormat, sampleRate = rate): string {
  const path = join(folder, name);
  writeFileSync(path, encodeAudioFile(channels, sampleRate, format));
  return path;
}

/** The live kernel's readings for the same samples, fed in Web Audio's 128-frame quanta. */
function liveReadings(stored: Float32Array[]) {
  const kernel = newKernel(rate, stored.length);
  kernel.exports.learnStart(0);
  kernel.processAll(stored, 128);
  kernel.exports.learnFinish();
  const autoTrim = readAutoTrim(kernel);
  const [tap] = readSnapshot(kernel);
  return { tap: tap!, autoTrim };
}

function expectSameAsLive(a: FileAnalysis, stored: Float32Array[], toleranceDb: number): void {
  const { tap, autoTrim } = liveReadings(stored);
  const pairs: [string, number, number][] = [
    ["samplePeakDbfs", a.samplePeakDbfs, tap.overall.samplePeakMaxDbfs],
    ["truePeakDbtp", a.truePeakDbtp, tap.overall.truePeakMaxDbtp],
    ["rmsDbfs", a.rmsDbfs, tap.overall.rmsTotalDbfs],
    ["rmsAes17Db", a.rmsAes17Db, tap.overall.rmsTotalAes17Db],
    ["vuMaxVu", a.vuMaxVu, tap.overall.vuMaxSinceReset],
    ["integratedLufs", a.integratedLufs, tap.integratedLufs],
    ["loudnessRangeLu", a.loudnessRangeLu, tap.loudnessRangeLu],
    ["maxMomentaryLufs", a.maxMomentaryLufs, tap.momentaryMaxSinceResetLufs],
    ["maxShortTermLufs", a.maxShortTermLufs, tap.shortTermMaxSinceResetLufs],
    ["autoTrimDb", a.autoTrimDb!, autoTrim.trimDb],
  ];
  for (const [field, actual, expected] of pairs) expectWithin(actual, expected, toleranceDb, toleranceDb, field);
  a.perChannel.forEach((channel, c) =>
    expectWithin(
      channel.samplePeakDbfs,
      tap.channels[c]!.samplePeakMaxDbfs,
      toleranceDb,
      toleranceDb,
      `perChannel[${c}] peak`,
    ),
  );
  expect(a.clipCount).toBe(tap.overall.clipCount);
}

const FORMATS: [string, FileFormat, number][] = [
  ["WAV PCM 8-bit", { container: "wav", kind: "int", bits: 8 }, 2],
  ["WAV PCM 16-bit", { container: "wav", kind: "int", bits: 16 }, 2],
  ["WAV PCM 24-bit", { container: "wav", kind: "int", bits: 24 }, 1],
  ["WAV PCM 32-bit", { container: "wav", kind: "int", bits: 32 }, 2],
  ["WAV float 32-bit", { container: "wav", kind: "float", bits: 32 }, 2],
  ["WAV float 64-bit", { container: "wav", kind: "float", bits: 64 }, 2],
  ["WAV EXTENSIBLE PCM 24-bit, 5.1", { container: "wav", kind: "int", bits: 24, extensible: true }, 6],
  ["RF64 float 32-bit", { container: "wav", kind: "float", bits: 32, rf64: true }, 2],
  ["FLAC 16-bit", { container: "flac", bits: 16 }, 2],
  ["FLAC 24-bit", { container: "flac", bits: 24 }, 2],
];

describe.each(FORMATS)("%s reads exactly what the live kernel reads", (name, format, channels) => {
  test("every reading within 0.001 dB (WAV: identical samples, so identical readings)", async () => {
    const signal = programme(channels);
    const path = writeFile(`${name.replace(/\W+/g, "-")}.${format.container}`, signal, format);
    const analysis = await analyzeFile(path);
    expect(analysis).toMatchObject({ sampleRate: rate, channels, durationSeconds: 9 });
    expect(analysis.format).toBe(
      format.container === "flac"
        ? `FLAC PCM ${format.bits}-bit`
        : `WAV ${format.kind === "float" ? "float" : "PCM"} ${format.bits}-bit`,
    );
    expect(analysis.perChannel).toHaveLength(channels);
    expectSameAsLive(analysis, asStored(signal, format), format.container === "wav" ? 0 : 1e-3);
  });
});

/** A conformance case's signal and its one check (host/conformance/cases.ts, the standards' table). */
function conformance(id: string) {
  const conformanceCase = CONFORMANCE_CASES.find((c) => c.id === id)!;
  const run = conformanceCase.runs(rate)[0]!;
  return { title: conformanceCase.title, channels: run.channels, check: run.checks(0)[0]! };
}

describe.each([
  ["WAV PCM 24-bit", { container: "wav", kind: "int", bits: 24 } as FileFormat],
  ["FLAC 16-bit", { container: "flac", bits: 16 } as FileFormat],
])("EBU Tech 3341 #5 as a %s file", (name, format) => {
  const { title, channels, check } = conformance("3341 #5");
  test(`${title} (the standard's tolerance)`, async () => {
    const analysis = await analyzeFile(writeFile(`ebu3341-05.${format.container}`, channels, format));
    expectWithin(analysis.integratedLufs, check.expected, check.plus, check.minus, `${name} I`);
    expectWithin(analysis.samplePeakDbfs, -20, 0.01, 0.01, `${name} peak (its loud part, −20 dBFS)`);
  });
});

test("EBU Tech 3341 #6 (5.0) as WAVE_FORMAT_EXTENSIBLE 24-bit reads the standard's −23.0 ±0.1 LUFS", async () => {
  const { channels, check } = conformance("3341 #6");
  const analysis = await analyzeFile(
    writeFile("ebu3341-06.wav", channels, { container: "wav", kind: "int", bits: 24, extensible: true }),
  );
  expect(analysis.channels).toBe(5);
  expectWithin(analysis.integratedLufs, check.expected, check.plus, check.minus, "I (surround weights 1.41)");
});

describe("MP3 (lossy, decoded by mpg123-decoder)", () => {
  const tone = sine(rate, 997, -20, 6);
  const path = join(folder, "tone.mp3");
  writeFileSync(path, encodeMp3([tone, tone], rate));

  test("a −20 dBFS 997 Hz sine at 320 kbit/s reads −20 within the codec's error", async () => {
    const analysis = await analyzeFile(path);
    expect(analysis).toMatchObject({
      container: "mp3",
      format: "MP3 (decoded to 32-bit float)",
      sampleRate: rate,
      channels: 2,
    });
    expectWithin(
      analysis.durationSeconds,
      6,
      0.1,
      0.05,
      "duration (encoder delay and padding included without a LAME tag)",
    );
    expectWithin(analysis.rmsAes17Db, -20, 0.1, 0.2, "AES17 RMS (the start-up frames are a little quieter)");
    expectWithin(analysis.samplePeakDbfs, -20, 0.2, 0.2, "sample peak");
    expectWithin(analysis.integratedLufs, -20, 0.1, 0.1, "stereo 997 Hz: LUFS = dBFS");
  });

  test("the streamed reading equals the live kernel fed the whole decoded file", async () => {
    const decoder = new MPEGDecoder({ enableGapless: true });
    await decoder.ready;
    const decoded = decoder.decode(new Uint8Array(readFileSync(path)));
    decoder.free();
    expectSameAsLive(await analyzeFile(path), decoded.channelData, 0);
  });

  test("trim writes 32-bit float WAV (there is no MP3 encoder) that measures at the target", async () => {
    const result = await trimFile(path, DEFAULT_SETTINGS, { outDir: join(folder, "out-mp3") });
    expect(result.output).toBe(join(folder, "out-mp3", "tone.wav"));
    const copy = await analyzeFile(result.output!);
    expect(copy.format).toBe("WAV float 32-bit");
    expectWithin(copy.autoTrim.levelDb, -18, 0.01, 0.01, "trimmed level");
    await expect(trimFile(path, DEFAULT_SETTINGS, { inPlace: true })).rejects.toThrow(/--in-place needs a WAV file/);
  });
});

test("per-channel loudness is each channel's own BS.1770 loudness (a mono measurement)", async () => {
  const signal = programme(2, 5);
  const path = writeFile("per-channel.wav", signal, { container: "wav", kind: "float", bits: 32 });
  const analysis = await analyzeFile(path);
  signal.forEach((channel, c) => {
    const { tap } = liveReadings([channel]);
    expectWithin(analysis.perChannel[c]!.integratedLufs, tap.integratedLufs, 0, 0, `channel ${c} integrated`);
    expectWithin(analysis.perChannel[c]!.loudnessRangeLu, tap.loudnessRangeLu, 0, 0, `channel ${c} LRA`);
  });
});

test("the CLI's detector names follow the kernel's detectors, in order", () => {
  expect(DETECTOR_NAMES).toHaveLength(DETECTORS.length);
  expect(DETECTORS[DETECTOR_NAMES.indexOf("lufs")]).toMatch(/LUFS/);
  expect(DETECTORS[DETECTOR_NAMES.indexOf("rms")]).toMatch(/AES17/);
});

describe("series", () => {
  test("momentary, short-term and VU every 10 ms: value i is the window ending at t0 + i·hop; silence is null", async () => {
    const signal = programme(2, 3);
    const path = writeFile("series.wav", signal, { container: "wav", kind: "float", bits: 32 });
    const analysis = await analyzeFile(path, {
      ...DEFAULT_SETTINGS,
      series: ["momentary", "shortterm", "vu"],
      hopSeconds: 0.01,
    });
    const hop = 480; // 10 ms at 48 kHz, a whole number of the kernel's 1 ms evaluations
    for (const name of ["momentary", "shortterm", "vu"] as const) {
      expect(analysis.series![name]).toMatchObject({ t0: hop / rate, hopSeconds: hop / rate });
      expect(analysis.series![name]!.values).toHaveLength((9 * rate) / hop);
    }
    // Truth: the live kernel read at exactly those frames.
    const kernel = newKernel(rate, 2);
    const slot = {
      momentary: LOUDNESS_SLOT.momentaryLufs,
      shortterm: LOUDNESS_SLOT.shortTermLufs,
      vu: channelFieldsOffset(-1) + CHANNEL_SLOT.vu,
    } as const;
    for (let i = 0; i < (9 * rate) / hop; i++) {
      signal.forEach((data, c) => kernel.input(c).set(data.subarray(i * hop, (i + 1) * hop)));
      kernel.processRange(0, hop);
      kernel.exports.readMeters();
      for (const name of ["momentary", "shortterm", "vu"] as const) {
        const expected = kernel.readoutView()[slot[name]]!;
        expect(analysis.series![name]!.values[i]).toBe(Number.isFinite(expected) ? expected : null);
      }
    }
    expect(analysis.series!.momentary!.values[50]).toBeNull(); // 0.51 s: still the silent first second
    expect(JSON.stringify(analysis)).not.toMatch(/NaN|Infinity/);
  });

  test("a hop that is not a whole number of evaluations is rounded to one (and says so)", async () => {
    const path = writeFile(
      "series-44k.wav",
      [sine(44100, 997, -20, 2)],
      { container: "wav", kind: "float", bits: 32 },
      44100,
    );
    const analysis = await analyzeFile(path, { ...DEFAULT_SETTINGS, series: ["momentary"], hopSeconds: 0.01 });
    expect(analysis.series!.momentary!.hopSeconds).toBe(462 / 44100); // 11 evaluations of 42 frames
    expectWithin(
      analysis.series!.momentary!.values.at(-1)!,
      -20 - 3.0103 + 0.0,
      0.1,
      0.1,
      "mono −20 dBFS sine: −23.0 LUFS",
    );
  });
});
