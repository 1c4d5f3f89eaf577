/**
 * Reading ahead in a worker (host/offline/readers/read-ahead.ts, through the built bundle
 * build/cli/read-ahead.mjs): the same header facts, the same samples to the bit and the same
 * errors, at the same points, as reading in this thread, whatever the block sizes.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { AudioBlockReader } from "../../host/offline/readers/audio-reader.js";
import { openAudioFile } from "../../host/offline/readers/audio-file.js";
import { openReadingAhead, readAheadWith } from "../../host/offline/readers/read-ahead.js";
import { encodeAudioFile, type FileFormat } from "../helpers/audio-files.js";
import { gaussianNoise, rng } from "../helpers/signals.js";

const RATE = 48000;
const BLOCK_FRAMES = 4096;
const worker = new URL("../../build/cli/read-ahead.mjs", import.meta.url);
let folder = "";

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), "gainstage-read-ahead-"));
  readAheadWith(worker, 0); // every file, however short
});
afterAll(() => {
  readAheadWith(null);
  rmSync(folder, { recursive: true, force: true });
});

function writeFile(name: string, channels: number, frames: number, format: FileFormat): string {
  const random = rng(channels * 7919 + frames);
  const signal = Array.from({ length: channels }, () => gaussianNoise(frames, 0.2, random));
  const path = join(folder, name);
  writeFileSync(path, encodeAudioFile(signal, RATE, format));
  return path;
}

/** Everything a reader gives: its header facts and its samples, channel by channel, joined. */
async function drain(reader: AudioBlockReader) {
  const header = {
    container: reader.container,
    description: reader.description,
    sampleRate: reader.sampleRate,
    channels: reader.channels,
    format: reader.format,
    totalFrames: reader.totalFrames,
  };
  const parts: Float32Array[][] = Array.from({ length: reader.channels }, () => []);
  let lastProgress = 0;
  try {
    for (let block = await reader.read(); block; block = await reader.read()) {
      block.channels.forEach((channel, c) => parts[c]!.push(channel.slice(0, block.frames)));
      expect(reader.progress()).toBeGreaterThanOrEqual(lastProgress);
      lastProgress = reader.progress();
    }
  } finally {
    reader.close();
  }
  const samples = parts.map((blocks) => {
    const joined = new Float32Array(blocks.reduce((n, b) => n + b.length, 0));
    let at = 0;
    for (const b of blocks) {
      joined.set(b, at);
      at += b.length;
    }
    return joined;
  });
  return { header, samples, lastProgress };
}

async function outcome(open: () => Promise<AudioBlockReader>): Promise<string> {
  try {
    await drain(await open());
    return "read";
  } catch (error) {
    return `${(error as Error).constructor.name}: ${(error as Error).message}`;
  }
}

describe("the same audio as reading in this thread", () => {
  const cases: [string, number, number, FileFormat][] = [
    ["float stereo", 2, 100_000, { container: "wav", kind: "float", bits: 32 }],
    ["24-bit 5.1", 6, 30_000, { container: "wav", kind: "int", bits: 24, extensible: true }],
    ["16-bit FLAC stereo", 2, 50_000, { container: "flac", bits: 16 }],
    ["16-bit, 8 channels (blocks of fewer frames)", 8, 20_000, { container: "wav", kind: "int", bits: 16 }],
  ];
  test.each(cases)("%s: header and every sample, bit for bit", async (name, channels, frames, format) => {
    const path = writeFile(`${name.replace(/\W+/g, "-")}.${format.container}`, channels, frames, format);
    const here = await drain(await openAudioFile(path, BLOCK_FRAMES));
    const ahead = await drain(await openReadingAhead(path, BLOCK_FRAMES));
    expect(ahead.header).toEqual(here.header);
    expect(ahead.samples.map((s) => s.length)).toEqual(Array(channels).fill(frames));
    ahead.samples.forEach((s, c) =>
      expect(Buffer.from(s.buffer).equals(Buffer.from(here.samples[c]!.buffer))).toBe(true),
    );
    expect(ahead.lastProgress).toBe(1);
  });
});

describe("the same errors", () => {
  test("a file that is not there, and one that is not audio", async () => {
    const text = join(folder, "notes.wav");
    writeFileSync(text, "these are not samples");
    for (const path of [join(folder, "missing.wav"), text]) {
      const here = await outcome(() => openAudioFile(path, BLOCK_FRAMES));
      expect(here).toMatch(/^AudioFileError: /);
      expect(await outcome(() => openReadingAhead(path, BLOCK_FRAMES))).toBe(here);
    }
  });

  test("a FLAC damaged in the middle fails at the same frame, with the same message, after the same audio", async () => {
    const path = writeFile("damaged.flac", 2, 200_000, { container: "flac", bits: 16 });
    const bytes = readFileSync(path);
    const middle = bytes.length >> 1;
    bytes[middle] = bytes[middle]! ^ 0xff; // inside a frame: its CRC-16 no longer matches
    writeFileSync(path, bytes);
    const framesBeforeError = async (open: () => Promise<AudioBlockReader>) => {
      const reader = await open();
      let frames = 0;
      try {
        for (let block = await reader.read(); block; block = await reader.read()) frames += block.frames;
        return { frames, error: "none" };
      } catch (error) {
        return { frames, error: `${(error as Error).constructor.name}: ${(error as Error).message}` };
      } finally {
        reader.close();
      }
    };
    const here = await framesBeforeError(() => openAudioFile(path, BLOCK_FRAMES));
    expect(here.error).toMatch(/^AudioFileError: /);
    expect(await framesBeforeError(() => openReadingAhead(path, BLOCK_FRAMES))).toEqual(here);
  });

  test("closing before the end stops the worker; the next file reads", async () => {
    const path = writeFile("long.wav", 2, 400_000, { container: "wav", kind: "float", bits: 32 });
    const reader = await openReadingAhead(path, BLOCK_FRAMES);
    expect((await reader.read())?.frames).toBeGreaterThan(0);
    reader.close();
    const again = await drain(await openReadingAhead(path, BLOCK_FRAMES));
    expect(again.samples[0]!.length).toBe(400_000);
  });

  test("a worker that cannot start costs the overlap, not the file: it is read in this thread", async () => {
    const path = writeFile("fallback.wav", 2, 10_000, { container: "wav", kind: "int", bits: 16 });
    readAheadWith(new URL("./no-such-worker.mjs", worker), 0);
    try {
      const here = await drain(await openAudioFile(path, BLOCK_FRAMES));
      const fallback = await drain(await openReadingAhead(path, BLOCK_FRAMES));
      expect(fallback.header).toEqual(here.header);
      expect(Buffer.from(fallback.samples[1]!.buffer).equals(Buffer.from(here.samples[1]!.buffer))).toBe(true);
    } finally {
      readAheadWith(worker, 0);
    }
  });
});
