/**
 * "Reading right". Truths: the integer codes the test put in a file (via its
 * own encoders or the reference `flac` encoder), analytic levels, the MPEG frame layout, the
 * process's own resource accounting.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { openAudioFile } from "../../host/offline/readers/audio-file.js";
import { asStored, encodeAudioFile, encodeMp3 } from "../helpers/audio-files.js";
import { BIN, gainstageIn } from "../helpers/cli.js";
import { gaussianNoise, rng, sine } from "../helpers/signals.js";
import { expectWithin } from "../helpers/tolerance.js";
import { fmt, pcm, wavFromChunks } from "../helpers/wav-builder.js";

const rate = 48000;
const dir = mkdtempSync(join(tmpdir(), "gainstage-reading-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every sample a reader returns, planar. */
async function readAll(path: string): Promise<Float32Array[]> {
  const reader = await openAudioFile(path, 4096);
  const parts: Float32Array[][] = Array.from({ length: reader.channels }, () => []);
  for (let block = await reader.read(); block; block = await reader.read())
    block.channels.forEach((c, i) => parts[i]!.push(c.slice(0, block.frames)));
  reader.close();
  return parts.map((p) => {
    const out = new Float32Array(p.reduce((n, a) => n + a.length, 0));
    let at = 0;
    for (const a of p) {
      out.set(a, at);
      at += a.length;
    }
    return out;
  });
}

/** A programme with every kind of content the FLAC encoder codes differently: silence, tone, noise, a click. */
function programme(channels: number, seconds: number): Float32Array[] {
  const random = rng(channels * 7 + seconds);
  return Array.from({ length: channels }, (_, c) => {
    const out = new Float32Array(seconds * rate);
    const tone = sine(rate, 220 * (c + 1), -12, seconds),
      noise = gaussianNoise(seconds * rate, 0.05, random);
    for (let n = rate / 2; n < out.length; n++)
      out[n] = n < rate * 1.5 ? tone[n]! : tone[n]! * 0.5 + noise[n]! * (c % 2 === 0 ? 1 : 0.3);
    out[rate] = c === 0 ? 0.999 : -0.999;
    return out;
  });
}

describe("9. FLAC of every depth, from the reference encoder (LPC, Rice, stereo decorrelation) and a verbatim one", () => {
  test.each([
    [12, 16, 2, "-5"],
    [20, 24, 2, "-5"],
    [16, 16, 2, "-0"],
    [16, 16, 2, "-8"],
    [24, 24, 2, "-8"],
    [24, 24, 6, "-5"],
    [8, 8, 1, "-5"],
    [16, 16, 1, "-8"],
  ])(
    "%i-bit (in %i-bit WAV words), %i ch, flac %s: every sample exactly the code encoded",
    (bits, container, channels, level) => {
      const signal = programme(channels, 3);
      const wav = join(dir, `ref-${bits}-${channels}-${level}.wav`),
        flac = wav.replace(/\.wav$/, ".flac");
      writeFileSync(
        wav,
        wavFromChunks([
          ["fmt ", fmt({ channels, sampleRate: rate, bits: container, validBits: bits, extensible: true })],
          ["data", pcm(signal, container, bits)],
        ]),
      );
      const encoded = spawnSync("flac", ["-s", "-f", level, "-o", flac, wav], { encoding: "utf8" });
      expect(encoded.status, encoded.stderr).toBe(0);
      expect(spawnSync("flac", ["-t", "-s", flac]).status).toBe(0);
      return readAll(flac).then((decoded) => {
        const expected = signal.map((c) =>
          Float32Array.from(
            c,
            (x) =>
              Math.max(-(2 ** (bits - 1)), Math.min(2 ** (bits - 1) - 1, Math.round(x * 2 ** (bits - 1)))) /
              2 ** (bits - 1),
          ),
        );
        decoded.forEach((c, i) => {
          const first = c.findIndex((x, n) => x !== expected[i]![n]);
          expect(
            first,
            `channel ${i}: first difference at ${first}: ${c[first]} vs ${expected[i]![first]}; lengths ${c.length} ${expected[i]!.length}`,
          ).toBe(-1);
          expect(c.length).toBe(expected[i]!.length);
        });
      });
    },
  );

  test.each([12, 20])("%i-bit verbatim FLAC: −12.0 dBFS, not silence (the issue's reproduction)", (bits) => {
    const tone = sine(rate, 997, -12, 2);
    writeFileSync(
      join(dir, `v${bits}.flac`),
      encodeAudioFile([tone, tone], rate, { container: "flac", bits: bits as 16 }),
    );
    const [result] = JSON.parse(gainstageIn(dir, ["analyze", "--json", `v${bits}.flac`]).stdout);
    expect(result.format).toBe(`FLAC PCM ${bits}-bit`);
    expectWithin(result.samplePeakDbfs, -12, 0.01, 0.01, "peak");
    expectWithin(result.integratedLufs, -12, 0.1, 0.1, "integrated");
  });
});

describe("10. clips at full scale, counted the way the file stores them", () => {
  test("16-bit: +32767 and −32768 count, +32766 does not (JSON says the rule)", () => {
    const data = new Float32Array(rate).fill(0.1);
    data[100] = 32767 / 32768;
    data[200] = -1;
    data[300] = 32766 / 32768;
    data[400] = 32767 / 32768;
    writeFileSync(join(dir, "clips16.wav"), encodeAudioFile([data], rate, { container: "wav", kind: "int", bits: 16 }));
    const [result] = JSON.parse(gainstageIn(dir, ["analyze", "--json", "clips16.wav"]).stdout);
    expect(result).toMatchObject({ clipCount: 3, clipRule: "integer" });
  });

  test("float: |x| ≥ 1.0 counts; FLAC 24-bit: its largest code counts", () => {
    const data = new Float32Array(rate).fill(0.1);
    data[10] = 1;
    data[20] = -1.2;
    data[30] = 0.9999999;
    writeFileSync(
      join(dir, "clips-float.wav"),
      encodeAudioFile([data], rate, { container: "wav", kind: "float", bits: 32 }),
    );
    expect(JSON.parse(gainstageIn(dir, ["analyze", "--json", "clips-float.wav"]).stdout)[0]).toMatchObject({
      clipCount: 2,
      clipRule: "float",
    });
    const flac = new Float32Array(rate).fill(0.1);
    flac[5] = 1;
    flac[6] = -1; // stored as the largest and smallest 24-bit codes
    writeFileSync(join(dir, "clips24.flac"), encodeAudioFile([flac], rate, { container: "flac", bits: 24 }));
    expect(asStored([flac], { container: "flac", bits: 24 })[0]![5]).toBe((2 ** 23 - 1) / 2 ** 23);
    expect(JSON.parse(gainstageIn(dir, ["analyze", "--json", "clips24.flac"]).stdout)[0]).toMatchObject({
      clipCount: 2,
      clipRule: "integer",
    });
  });
});

describe("11. float files above 0 dBFS", () => {
  test("a sine at +40 dBFS: integrated +40 LUFS (not 100 % gated out); ±3e38: true peak finite", () => {
    const hot = sine(rate, 997, 40, 5);
    writeFileSync(
      join(dir, "hot.wav"),
      encodeAudioFile([hot, hot], rate, { container: "wav", kind: "float", bits: 32 }),
    );
    const [result] = JSON.parse(gainstageIn(dir, ["analyze", "--json", "hot.wav"]).stdout);
    expectWithin(result.integratedLufs, 40, 0.1, 0.1, "integrated");
    expect(result.autoTrim.message).not.toMatch(/100 % gated out/);
    const huge = sine(rate, 997, 0, 3).map((x) => x * 3e38);
    writeFileSync(join(dir, "huge.wav"), encodeAudioFile([huge], rate, { container: "wav", kind: "float", bits: 32 }));
    const [h] = JSON.parse(gainstageIn(dir, ["analyze", "--json", "huge.wav"]).stdout);
    expectWithin(h.samplePeakDbfs, 20 * Math.log10(3e38), 0.01, 0.01, "sample peak");
    expectWithin(h.truePeakDbtp, h.samplePeakDbfs, 0.2, 0, "true peak");
    expect(h.integratedLufs).not.toBeNull();
  });
});

describe("12. a truncated MP3", () => {
  const tone = sine(rate, 997, -20, 10);
  const mp3 = encodeMp3([tone, tone], rate);
  /** 320 kbit/s MPEG-1 Layer III at 48 kHz: 144 · 320000 / 48000 = 960 bytes a frame (ISO/IEC 11172-3). */
  const FRAME_BYTES = 960;

  test("cut to 10 % (inside a frame): truncated, exit 1; the whole file reads", () => {
    writeFileSync(join(dir, "whole.mp3"), mp3);
    writeFileSync(join(dir, "cut.mp3"), mp3.subarray(0, Math.floor(mp3.length * 0.1)));
    expect(gainstageIn(dir, ["analyze", "--json", "whole.mp3"]).status).toBe(0);
    const cut = gainstageIn(dir, ["analyze", "cut.mp3"]);
    expect(cut.status).toBe(1);
    expect(cut.stderr).toMatch(
      /cut\.mp3: truncated: the last MPEG frame is cut off \(\d+ of its 960 bytes are there\)/,
    );
  });

  test("cut on a frame boundary: caught by the frame count of a Xing header", () => {
    // A Xing frame (an empty frame whose side information holds "Xing", flags and the frame count)
    // in front of the stream, promising every frame; then the stream cut after 20 whole frames.
    const frames = Math.floor(mp3.length / FRAME_BYTES);
    const xing = Buffer.alloc(FRAME_BYTES);
    mp3.copy(xing, 0, 0, 4);
    xing.write("Xing", 4 + 32, "latin1");
    xing.writeUInt32BE(1, 4 + 32 + 4);
    xing.writeUInt32BE(frames, 4 + 32 + 8);
    writeFileSync(join(dir, "xing-cut.mp3"), Buffer.concat([xing, mp3.subarray(0, 20 * FRAME_BYTES)]));
    const run = gainstageIn(dir, ["analyze", "xing-cut.mp3"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`truncated: 20 of the ${frames} MPEG frames its Xing/Info header promises`));
  });
});

test("13. a WAV declaring 65535 channels is refused from its header, with no more memory than refusing an empty file, and at once", () => {
  // 8-bit, so the header is consistent (block align 65535 fits its 16 bits) and only the count is absurd.
  const header = fmt({ channels: 2, sampleRate: rate, bits: 8 });
  header.writeUInt16LE(65535, 2);
  header.writeUInt16LE(65535, 12);
  writeFileSync(
    join(dir, "wide.wav"),
    wavFromChunks([
      ["fmt ", header],
      ["data", Buffer.alloc(2 * 1024 * 1024)],
    ]),
  );
  writeFileSync(join(dir, "empty.wav"), Buffer.alloc(0));
  const report =
    // biome-ignore lint/suspicious/noTemplateCurlyInString: this string is JavaScript for the child process, template included
    "data:text/javascript,process.on('exit',()=>process.stderr.write(`maxrss=${process.resourceUsage().maxRSS}\\n`))";
  const analyze = (file: string) => {
    const run = spawnSync(process.execPath, ["--import", report, BIN, "analyze", file], { cwd: dir, encoding: "utf8" });
    return { ...run, rssMb: Number(/maxrss=(\d+)/.exec(run.stderr)![1]) / 1024 };
  };
  const started = Date.now();
  const wide = analyze("wide.wav");
  const seconds = (Date.now() - started) / 1000;
  expect(wide.status).toBe(1);
  expect(wide.stderr).toMatch(/wide\.wav: 65535 channels; at most 8 are supported/);
  // The bug allocated per declared channel (1 GB); refusing from the header costs what starting the CLI costs.
  const empty = analyze("empty.wav");
  expect(empty.stderr).toMatch(/empty file/);
  expect(wide.rssMb).toBeLessThan(empty.rssMb + 20);
  expect(seconds).toBeLessThan(10); // was 15 s and 1 GB; a generous bound for a loaded machine
});

test("14. control characters in file names are escaped: one line, no terminal codes", () => {
  const name = "evil\u001b[31mred\nline\u202egnp.wav";
  writeFileSync(join(dir, name), "not audio");
  const run = gainstageIn(dir, ["analyze", name]);
  expect(run.status).toBe(1);
  expect(run.stderr).toBe(
    'gainstage: evil\\e[31mred\\nline\\u{202e}gnp.wav: unsupported format: not WAV (RIFF/RF64), FLAC or MP3 (it starts with "not ")\n',
  );
  expect(readFileSync(join(dir, name), "utf8")).toBe("not audio");
});
