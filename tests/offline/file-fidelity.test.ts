/**
 * "Data safety (trim, report)": a trimmed copy keeps what the file was (its
 * chunks, in order; its true bit depth). The truths are the test's own RIFF parser
 * (helpers/wav-builder.ts) and the reference flac tools, never the writer's view.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { encodeAudioFile } from "../helpers/audio-files.js";
import { gainstageIn } from "../helpers/cli.js";
import { sine } from "../helpers/signals.js";
import { expectWithin } from "../helpers/tolerance.js";
import { chunksOf, fmt, PCM_GUID, pcm, wavFromChunks } from "../helpers/wav-builder.js";

const rate = 48000;
const root = mkdtempSync(join(tmpdir(), "gainstage-fidelity-"));
afterAll(() => {
  chmodSync(root, 0o755);
  rmSync(root, { recursive: true, force: true });
});

describe("7. chunks", () => {
  const tone = sine(rate, 997, -24, 3);
  const fmtStereo = fmt({ channels: 2, sampleRate: rate, bits: 16 });
  const data = pcm([tone, tone], 16);
  const list = (text: string) =>
    Buffer.concat([
      Buffer.from("INFOICMT", "latin1"),
      Buffer.from([text.length + 1, 0, 0, 0]),
      Buffer.from(`${text}\0`, "latin1"),
    ]);

  test("two different fmt chunks: refused as ambiguous (ffprobe reads the first, some readers the second)", () => {
    const dir = mkdtempSync(join(root, "chunks-"));
    writeFileSync(
      join(dir, "two.wav"),
      wavFromChunks([
        ["fmt ", fmtStereo],
        ["fmt ", fmt({ channels: 1, sampleRate: rate, bits: 32 })],
        ["data", data],
      ]),
    );
    const run = gainstageIn(dir, ["analyze", "two.wav"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/two\.wav: ambiguous: two different fmt chunks/);
  });

  test("every non-audio chunk is kept in order, LIST after data included; nAvgBytesPerSec and fact are recomputed", () => {
    const dir = mkdtempSync(join(root, "chunks-"));
    const badFmt = fmt({ channels: 2, sampleRate: rate, bits: 16, avgBytesPerSecond: 12345 });
    const badFact = Buffer.from([1, 2, 3, 4]);
    writeFileSync(
      join(dir, "in.wav"),
      wavFromChunks([
        ["fmt ", badFmt],
        ["fact", badFact],
        ["bext", Buffer.alloc(602, 1)],
        ["LIST", list("before")],
        ["data", data],
        ["LIST", list("after")],
        ["id3 ", Buffer.from("ID3tag", "latin1")],
      ]),
    );
    expect(gainstageIn(dir, ["trim", "--out", "out", "in.wav"]).status).toBe(0);
    const chunks = chunksOf(readFileSync(join(dir, "out/in.wav")));
    expect(chunks.map(([id]) => id)).toEqual(["JUNK", "fmt ", "fact", "bext", "LIST", "data", "LIST", "id3 "]);
    const [, fmtOut] = chunks[1]!;
    expect(fmtOut.readUInt32LE(8)).toBe(rate * 4);
    expect(chunks[2]![1].readUInt32LE(0)).toBe(tone.length);
    expect(chunks[4]![1].toString("latin1")).toContain("before");
    expect(chunks[6]![1].toString("latin1")).toContain("after");
    expect(chunks[7]![1].toString("latin1")).toBe("ID3tag");
  });

  test("an EXTENSIBLE sub-format GUID must match in full", () => {
    const dir = mkdtempSync(join(root, "chunks-"));
    const guid = [...PCM_GUID];
    guid[15] = 0x72; // one byte off KSDATAFORMAT_SUBTYPE_PCM
    writeFileSync(
      join(dir, "guid.wav"),
      wavFromChunks([
        ["fmt ", fmt({ channels: 2, sampleRate: rate, bits: 16, extensible: true, guid })],
        ["data", data],
      ]),
    );
    const run = gainstageIn(dir, ["analyze", "guid.wav"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /unsupported WAVE_FORMAT_EXTENSIBLE sub-format \{00000001-0000-0010-8000-00aa00389b72\}/,
    );
  });
});

describe("8. FLAC of 12 and 20 bits, written back as WAV", () => {
  test.each([
    [12, 16],
    [20, 24],
  ])(
    "%i-bit FLAC → a %i-bit WAV container with the true depth in EXTENSIBLE's valid bits; the reference flac reads it back",
    (bits, container) => {
      const dir = mkdtempSync(join(root, "flac-"));
      const tone = sine(rate, 997, -20, 3);
      writeFileSync(join(dir, "in.flac"), encodeAudioFile([tone, tone], rate, { container: "flac", bits: bits as 16 }));
      expect(gainstageIn(dir, ["trim", "--out", "out", "in.flac"]).status).toBe(0);
      const [, fmtOut] = chunksOf(readFileSync(join(dir, "out/in.wav"))).find(([id]) => id === "fmt ")!;
      expect(fmtOut.readUInt16LE(0)).toBe(0xfffe);
      expect(fmtOut.readUInt16LE(12)).toBe(2 * (container / 8)); // block align
      expect(fmtOut.readUInt16LE(14)).toBe(container);
      expect(fmtOut.readUInt16LE(18)).toBe(bits); // wValidBitsPerSample
      const analysis = JSON.parse(gainstageIn(dir, ["analyze", "--json", "out/in.wav"]).stdout)[0];
      expect(analysis.format).toBe(`WAV PCM ${bits}-bit (in ${container}-bit words)`);
      // An independent reader (sox 14.4 refuses padded samples): the reference flac encoder reads the WAV as
      // audio of the true depth and length, and its decoder's peak is the trimmed level (a sine: −18 dBFS).
      expect(spawnSync("flac", ["-s", "-f", "-o", join(dir, "back.flac"), join(dir, "out/in.wav")]).status).toBe(0);
      expect(
        spawnSync("metaflac", ["--show-bps", "--show-total-samples", join(dir, "back.flac")], { encoding: "utf8" })
          .stdout.trim()
          .split("\n"),
      ).toEqual([String(bits), String(tone.length)]);
      const back = JSON.parse(gainstageIn(dir, ["analyze", "--json", "back.flac"]).stdout)[0];
      expectWithin(back.samplePeakDbfs, -18, 0.05, 0.05, "peak after the round trip through flac");
    },
  );
});
