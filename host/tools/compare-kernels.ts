/**
 * Are two kernel builds the same to the last bit? Runs every conformance case (host/conformance)
 * at 44.1, 48 and 96 kHz in 128- and 1000-frame blocks through both, and compares every declared
 * reading of both taps and the auto-trim block at each of the case's reads, and every output
 * sample. Each build is read through its own exported layout (TAP_FIELDS), so a build that adds
 * readout fields compares with one that did not. A restructuring of the kernel runs this against
 * the build before it:
 *
 *   node build/compare-kernels.mjs OLD.wasm NEW.wasm
 *
 * Exit 0 when identical, 1 when any reading or sample differs (the first few are listed).
 * Thread: a Node main thread (a build tool).
 */
import { readFileSync } from "node:fs";
import { CONFORMANCE_CASES } from "../conformance/cases.js";
import { READOUT, TAPS } from "../declaration/declaration.js";
import { AUTO_TRIM_SLOT, CHANNEL_SLOT, LOUDNESS_SLOT, channelFieldsOffset } from "../declaration/layout.js";

const RATES = [44100, 48000, 96000];
const BLOCKS = [128, 1000];

interface Build {
  name: string;
  exports: Record<string, unknown> & {
    memory: WebAssembly.Memory;
    setup(rate: number, channels: number): number;
    inputBuffer(): number;
    outputBuffer(): number;
    readoutBuffer(): number;
    processRange(start: number, count: number): number;
    readMeters(): number;
  };
}

function load(path: string): Build {
  const instance = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(path)), {});
  return { name: path, exports: instance.exports as Build["exports"] };
}

function constant(build: Build, name: string): number {
  return (build.exports[name] as WebAssembly.Global).value as number;
}

/** Every declared reading of a build's readout, by name (so layouts may differ in size). */
function readings(build: Build, channels: number): Map<string, number> {
  const view = new Float64Array(build.exports.memory.buffer, build.exports.readoutBuffer());
  const tapFields = constant(build, "TAP_FIELDS");
  const out = new Map<string, number>();
  TAPS.forEach((tap, t) => {
    const base = t * tapFields;
    for (const f of READOUT.loudness.fields) out.set(`${tap}.${f.key}`, view[base + LOUDNESS_SLOT[f.key]]!);
    for (let c = -1; c < channels; c++)
      for (const f of READOUT.channel.fields)
        out.set(
          `${tap}.${c < 0 ? "overall" : `ch${c}`}.${f.key}`,
          view[base + channelFieldsOffset(c) + CHANNEL_SLOT[f.key]]!,
        );
  });
  const autoTrim = TAPS.length * tapFields;
  for (const f of READOUT.autoTrim.fields) out.set(`autoTrim.${f.key}`, view[autoTrim + AUTO_TRIM_SLOT[f.key]]!);
  return out;
}

const bits = new DataView(new ArrayBuffer(8));
function same(a: number, b: number): boolean {
  if (Number.isNaN(a) && Number.isNaN(b)) return true;
  bits.setFloat64(0, a);
  const x = bits.getBigUint64(0);
  bits.setFloat64(0, b);
  return x === bits.getBigUint64(0);
}

interface Tally {
  readings: number;
  samples: number;
  differences: string[];
}

/** One run of one case through both builds in `block`-frame blocks. */
function compareRun(
  builds: [Build, Build],
  run: { channels: Float32Array[]; reads: number[] },
  rate: number,
  block: number,
  label: string,
  tally: Tally,
): void {
  const channels = run.channels.length;
  for (const build of builds)
    if (build.exports.setup(rate, channels) < 0) throw new Error(`${build.name}: setup(${rate}, ${channels}) refused`);
  const maxFrames = constant(builds[0], "MAX_FRAMES");
  const frames = run.channels[0]!.length;
  const reads = [...run.reads].sort((a, b) => a - b);
  let frame = 0;
  for (const readAt of reads) {
    while (frame < Math.min(readAt, frames)) {
      const count = Math.min(block, readAt - frame, frames - frame);
      const outputs = builds.map((build) => {
        const memory = build.exports.memory.buffer;
        run.channels.forEach((data, c) =>
          new Float32Array(memory, build.exports.inputBuffer() + c * maxFrames * 4, count).set(
            data.subarray(frame, frame + count),
          ),
        );
        build.exports.processRange(0, count);
        return run.channels.map(
          (_, c) => new Float32Array(memory, build.exports.outputBuffer() + c * maxFrames * 4, count),
        );
      });
      for (let c = 0; c < channels; c++)
        for (let i = 0; i < count; i++) {
          tally.samples++;
          if (!same(outputs[0]![c]![i]!, outputs[1]![c]![i]!))
            tally.differences.push(`${label} output ch${c} frame ${frame + i}`);
        }
      frame += count;
    }
    const [a, b] = builds.map((build) => {
      build.exports.readMeters();
      return readings(build, channels);
    });
    for (const [key, value] of a!) {
      tally.readings++;
      if (!same(value, b!.get(key)!))
        tally.differences.push(`${label} read at ${readAt}: ${key} ${value} vs ${b!.get(key)}`);
    }
  }
}

function main(): void {
  const [oldPath, newPath] = process.argv.slice(2);
  if (!oldPath || !newPath) {
    process.stderr.write("usage: compare-kernels OLD.wasm NEW.wasm\n");
    process.exit(2);
  }
  const builds: [Build, Build] = [load(oldPath), load(newPath)];
  const tally: Tally = { readings: 0, samples: 0, differences: [] };
  for (const rate of RATES)
    for (const block of BLOCKS)
      for (const conformanceCase of CONFORMANCE_CASES)
        conformanceCase
          .runs(rate)
          .forEach((run, r) =>
            compareRun(builds, run, rate, block, `${conformanceCase.id} run ${r} @${rate} Hz/${block}`, tally),
          );
  const cases = CONFORMANCE_CASES.length;
  process.stdout.write(
    `${cases} cases × ${RATES.length} rates × ${BLOCKS.length} block sizes: ${tally.readings} readings and ${tally.samples} output samples compared, ${tally.differences.length} differ\n`,
  );
  for (const line of tally.differences.slice(0, 20)) process.stdout.write(`  ${line}\n`);
  process.exit(tally.differences.length === 0 ? 0 : 1);
}

main();
