import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Kernel } from "../../host/core/kernel.js";
import { readSnapshot, type TapReadings } from "../../host/model/readings.js";
import { Command } from "../../host/core/events.js";
import type { GainstagePlugin } from "../../host/core/plugin.js";
import { packMark, packTapCommand } from "../../host/declaration/declaration.js";
import type { MarkTarget } from "../../host/model/since-mark.js";

/** The release build under test (npm test builds it first). */
export const kernelModule = new WebAssembly.Module(
  readFileSync(fileURLToPath(new URL("../../build/gainstage.wasm", import.meta.url))),
);

export function newKernel(sampleRate: number, channels: number): Kernel {
  const kernel = new Kernel(kernelModule);
  kernel.setup(sampleRate, channels);
  return kernel;
}

/**
 * Runs `channels` through a fresh kernel in blocks and calls `onRead` every `readEveryFrames`
 * (at exact frame positions) with the IN tap's readings. Returns the final IN readings.
 */
export function meterSignal(
  sampleRate: number,
  channels: Float32Array[],
  options: {
    readEveryFrames?: number;
    onRead?: (tap: TapReadings, frame: number) => void;
    blockFrames?: number;
  } = {},
) {
  const kernel = newKernel(sampleRate, channels.length);
  const frames = channels[0]!.length;
  const every = options.readEveryFrames ?? 0;
  const block = options.blockFrames ?? 4096;
  let frame = 0;
  while (frame < frames) {
    let count = Math.min(block, frames - frame);
    if (every > 0) count = Math.min(count, every - (frame % every));
    channels.forEach((data, c) => kernel.input(c).set(data.subarray(frame, frame + count)));
    kernel.processRange(0, count);
    frame += count;
    if (every > 0 && frame % every === 0) options.onRead?.(readSnapshot(kernel)[0]!, frame);
  }
  return readSnapshot(kernel)[0]!;
}

/** A plugin as a MarkTarget (host/model/since-mark.ts): the mark lands at once, as a command between blocks does. */
export function markTarget(plugin: GainstagePlugin): MarkTarget {
  return {
    markWindow: (tap, mark, serial) => plugin.apply(Command.markWindow, packTapCommand(tap, packMark(mark, serial))),
  };
}

/**
 * One conformance run (host/conformance/cases.ts) through a fresh kernel in `blockFrames` blocks:
 * the IN tap's readings at each of the run's reads (frames from its start; the last may be its end).
 */
export function meterRun(
  sampleRate: number,
  run: { channels: Float32Array[]; reads: number[] },
  blockFrames = 128,
): TapReadings[] {
  const kernel = newKernel(sampleRate, run.channels.length);
  const frames = run.channels[0]!.length;
  const readings: TapReadings[] = [];
  let frame = 0;
  for (const read of run.reads) {
    while (frame < Math.min(read, frames)) {
      const count = Math.min(blockFrames, read - frame);
      run.channels.forEach((data, c) => kernel.input(c).set(data.subarray(frame, frame + count)));
      kernel.processRange(0, count);
      frame += count;
    }
    readings.push(readSnapshot(kernel)[0]!);
  }
  return readings;
}
