/**
 * One Gainstage point for offline work, driven through the plugin contract like every other host
 * (GainstagePlugin: parameter events by id, commands, process): the file's audio is fed to it in
 * spans, its readings read back. The analysis and the trim both use it, so the kernel is set up
 * in one place. Also here: the release kernel, compiled once per thread, and the streaming of a
 * reader's blocks as spans. Thread: the offline host (main thread or a worker).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Command, NO_EVENTS } from "../core/events.js";
import { packTapCommand } from "../declaration/declaration.js";
import { MAX_FRAMES } from "../declaration/layout.js";
import { PARAM_ID, type ParamKey } from "../model/params.js";
import { GainstagePlugin } from "../core/plugin.js";
import type { AutoTrimReadings, TapReadings } from "../model/readings.js";
import type { AudioBlockReader } from "./readers/audio-reader.js";
import { readSnapshot, readAutoTrim } from "../model/readings.js";

/** Blocks between pauses for the event loop: about 5 ms of work. */
const YIELD_EVERY_BLOCKS = 16;

let cachedModule: WebAssembly.Module | null = null;

/** The release kernel, compiled once per process (or worker). */
export function kernelModule(): WebAssembly.Module {
  if (cachedModule) return cachedModule;
  // From the TypeScript source (tests) the build is at ../../build; from the CLI bundle in build/cli, at ../.
  for (const candidate of ["../../build/gainstage.wasm", "../gainstage.wasm"]) {
    try {
      cachedModule = new WebAssembly.Module(readFileSync(fileURLToPath(new URL(candidate, import.meta.url))));
      return cachedModule;
    } catch {
      /* try the next place */
    }
  }
  throw new Error("the Gainstage kernel (build/gainstage.wasm) is not built: run npm run build:wasm");
}

export class OfflinePoint {
  readonly plugin = new GainstagePlugin(kernelModule(), "single");
  private frame = 0;

  constructor(
    sampleRate: number,
    readonly channels: number,
  ) {
    this.plugin.activate(sampleRate, 1, MAX_FRAMES, channels);
  }

  /** Sets a parameter (plain units) before or between spans, as a host's event would. */
  set(key: ParamKey, value: number): void {
    this.plugin.apply(PARAM_ID[key], value);
  }

  /** Sends a command (events.ts) with its value. */
  command(key: keyof typeof Command, value = 0): void {
    this.plugin.apply(Command[key], value);
  }

  /** Chooses the meters of tap `tap` (METER bits). */
  meters(tap: number, mask: number): void {
    this.command("setMeterMask", packTapCommand(tap, mask));
  }

  /** What counts as clipped on tap `tap`: the source's integer depth, or 0 for float. */
  clipRule(tap: number, integerBits: number): void {
    this.command("setClipRule", packTapCommand(tap, integerBits));
  }

  /** Feeds frames [at, at + count) of `channels` (from channel `first`) and processes them. */
  feed(channels: Float32Array[], at: number, count: number, first = 0): void {
    for (let c = 0; c < this.channels; c++)
      this.plugin.kernel.input(c).set(channels[first + c]!.subarray(at, at + count));
    this.plugin.process(this.frame, count, NO_EVENTS);
    this.frame += count;
  }

  output(channel: number): Float32Array {
    return this.plugin.kernel.output(channel);
  }
  readSnapshot(): TapReadings[] {
    return readSnapshot(this.plugin.kernel);
  }
  readAutoTrim(): AutoTrimReadings {
    return readAutoTrim(this.plugin.kernel);
  }
  /** The raw readout (valid after readMeters()), for series read at exact frames. */
  readoutView(): Float64Array {
    return this.plugin.kernel.readoutView();
  }
  readMeters(): void {
    this.plugin.kernel.exports.readMeters();
  }
}

/**
 * Streams every block of `reader` as spans of at most MAX_FRAMES frames, ending a span wherever
 * `nextStop(frame)` asks (a series read): `span(channels, at, count, frameEnd)` gets each.
 * Returns the frames read.
 */
export async function streamSpans(
  reader: AudioBlockReader,
  span: (channels: Float32Array[], at: number, count: number, frameEnd: number) => void,
  nextStop: (frame: number) => number = () => Infinity,
): Promise<number> {
  let frame = 0,
    blocks = 0;
  for (let block = await reader.read(); block; block = await reader.read()) {
    // Readers resolve at once, so without a pause the event loop (signals, worker messages) would wait for the whole file.
    if (++blocks % YIELD_EVERY_BLOCKS === 0) await new Promise((resolve) => setImmediate(resolve));
    for (let at = 0; at < block.frames; ) {
      const count = Math.min(MAX_FRAMES, block.frames - at, nextStop(frame) - frame);
      frame += count;
      span(block.channels, at, count, frame);
      at += count;
    }
  }
  return frame;
}
