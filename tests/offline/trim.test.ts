/**
 * Trimming files with the kernel (the CLI's engine): the copy measures at the target and keeps its
 * format and chunks, the ceiling holds a trim back, and bad files fail by name leaving nothing.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { analyzeFile, DEFAULT_SETTINGS } from "../../host/offline/analyze.js";
import { trimFile } from "../../host/offline/writers/trim-file.js";
import { encodeAudioFile, type FileFormat } from "../helpers/audio-files.js";
import { quietLoudProgramme } from "../helpers/programme.js";
import { expectWithin } from "../helpers/tolerance.js";

const rate = 48000;
const folder = mkdtempSync(join(tmpdir(), "gainstage-trim-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const programme = (channels: number, seed = 1) => quietLoudProgramme(rate, channels, seed);

function writeFile(name: string, channels: Float32Array[], format: FileFormat, sampleRate = rate): string {
  const path = join(folder, name);
  writeFileSync(path, encodeAudioFile(channels, sampleRate, format));
  return path;
}

const sha256 = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

describe("trim", () => {
  test.each([
    ["WAV PCM 16-bit", { container: "wav", kind: "int", bits: 16 } as FileFormat],
    ["WAV PCM 24-bit", { container: "wav", kind: "int", bits: 24 } as FileFormat],
    ["WAV float 32-bit", { container: "wav", kind: "float", bits: 32 } as FileFormat],
    ["RF64 float 32-bit", { container: "wav", kind: "float", bits: 32, rf64: true } as FileFormat],
    ["FLAC 24-bit", { container: "flac", bits: 24 } as FileFormat],
  ])(
    "%s: the copy measures at −18 dB AES17 (±0.05), keeps format and chunks; the input is untouched",
    async (name, format) => {
      const input = writeFile(`trim-${name.replace(/\W+/g, "-")}.${format.container}`, programme(2, 11), format);
      const before = sha256(input);
      const out = join(folder, `out-${name.replace(/\W+/g, "-")}`);
      const result = await trimFile(input, DEFAULT_SETTINGS, { outDir: out });
      expect(sha256(input)).toBe(before);
      const copy = await analyzeFile(result.output!);
      expectWithin(copy.autoTrim.levelDb, -18, 0.05, 0.05, "trimmed level");
      expect(copy.format).toBe(
        format.container === "flac"
          ? "WAV PCM 24-bit"
          : `WAV ${format.kind === "float" ? "float" : "PCM"} ${format.bits}-bit`,
      );
      if (format.container === "wav") expect(readFileSync(result.output!).includes("gs-tests")).toBe(true); // the LIST chunk travelled
      expectWithin(copy.samplePeakDbfs, result.after!.samplePeakDbfs, 0.01, 0.01, "peak as reported");
      expect(readdirSync(out).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    },
  );

  test("the peak ceiling holds the trim back, and says so", async () => {
    const spiky = programme(2, 13);
    spiky[0]![3 * rate] = 0.9; // one sample near full scale in a quiet passage
    const input = writeFile("ceiling.wav", spiky, { container: "wav", kind: "float", bits: 32 });
    const result = await trimFile(input, DEFAULT_SETTINGS, { outDir: join(folder, "out-ceiling") });
    expect(result.before.autoTrim.limitedBy).toBe("peak ceiling");
    expectWithin(result.after!.samplePeakDbfs, -6, 1e-4, 0.01, "peak at the ceiling");
  });

  test("dry run writes nothing; an existing output is refused without --force; out = input needs in-place", async () => {
    const input = writeFile("dry.wav", programme(1, 17), { container: "wav", kind: "int", bits: 16 });
    const out = join(folder, "out-dry");
    const dry = await trimFile(input, DEFAULT_SETTINGS, { outDir: out, dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, output: join(out, "dry.wav"), after: null });
    expect(existsSync(out)).toBe(false);
    await trimFile(input, DEFAULT_SETTINGS, { outDir: out });
    await expect(trimFile(input, DEFAULT_SETTINGS, { outDir: out })).rejects.toThrow(/exists; use --force/);
    await expect(trimFile(input, DEFAULT_SETTINGS, { outDir: folder })).rejects.toThrow(
      /is the input itself: a run never writes over its inputs/,
    );
  });

  test("in place: replaced through a temporary file and a rename, nothing else left in the folder", async () => {
    const dir = mkdtempSync(join(folder, "in-place-"));
    const input = join(dir, "stem.wav");
    writeFileSync(input, encodeAudioFile(programme(2, 19), rate, { container: "wav", kind: "int", bits: 24 }));
    const before = sha256(input);
    await trimFile(input, DEFAULT_SETTINGS, { inPlace: true });
    expect(sha256(input)).not.toBe(before);
    expect(readdirSync(dir)).toEqual(["stem.wav"]);
    expectWithin((await analyzeFile(input)).autoTrim.levelDb, -18, 0.05, 0.05, "in-place level");
  });

  test("digital silence is not trimmed, and the reason is given", async () => {
    const input = writeFile("silence.wav", [new Float32Array(3 * rate)], { container: "wav", kind: "int", bits: 16 });
    const result = await trimFile(input, DEFAULT_SETTINGS, { outDir: join(folder, "out-silence") });
    expect(result).toMatchObject({ trimDb: null, output: null });
    expect(result.message).toMatch(/^not trimmed: Nothing to learn/);
    expect(existsSync(join(folder, "out-silence"))).toBe(false);
  });
});

describe("bad files fail by name and leave nothing behind", () => {
  const good = () => encodeAudioFile(programme(2, 23), rate, { container: "wav", kind: "int", bits: 16 });
  const cases: [string, () => Buffer, RegExp][] = [
    ["empty", () => Buffer.alloc(0), /^empty file/],
    ["not audio", () => Buffer.from("hello, world"), /^unsupported format/],
    [
      "truncated in the audio",
      () => good().subarray(0, 50_000),
      /^truncated: the header promises \d+ bytes of audio, the file holds \d+/,
    ],
    ["truncated in the header", () => good().subarray(0, 30), /^truncated/],
    [
      "unsupported encoding (A-law)",
      () => {
        const b = good();
        b.writeUInt16LE(6, 20);
        return b;
      },
      /unsupported WAV encoding \(format tag 0x6\)/,
    ],
    [
      "corrupt block align",
      () => {
        const b = good();
        b.writeUInt16LE(3, 32);
        return b;
      },
      /corrupt: block align 3/,
    ],
    [
      "truncated FLAC",
      () => encodeAudioFile(programme(2, 29), rate, { container: "flac", bits: 16 }).subarray(0, 60_000),
      /^truncated: (the last FLAC frame is cut off after \d+ frames|decoded \d+ of the \d+ frames the header promises)$/,
    ],
    [
      "damaged FLAC (a flipped byte: the frame fails its CRC)",
      () => {
        const b = encodeAudioFile(programme(2, 31), rate, { container: "flac", bits: 16 });
        b[b.length >> 1]! ^= 0xff;
        return b;
      },
      /^corrupt FLAC: .+ \(after \d+ frames\)$/,
    ],
  ];
  test.each(cases)("%s", async (name, bytes, message) => {
    const input = join(folder, `bad-${name.replace(/\W+/g, "-")}.wav`);
    writeFileSync(input, bytes());
    await expect(analyzeFile(input)).rejects.toThrow(message);
    const out = join(folder, `out-bad-${name.replace(/\W+/g, "-")}`);
    await expect(trimFile(input, DEFAULT_SETTINGS, { outDir: out })).rejects.toThrow(message);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  test("a missing file", async () => {
    await expect(analyzeFile(join(folder, "nope.wav"))).rejects.toThrow(/^no such file$/);
  });
});
