/**
 * Kernel benchmark (npm run bench): × real time and ns per sample for stereo 48 kHz, in 128-frame
 * blocks with the host's copy in and out included (what the worklet does every quantum), for the
 * trim alone, each meter alone on one tap, all meters on one tap and the whole kernel (both taps).
 * The same audio then goes through the npm package ebur128-wasm (integrated loudness + true peak).
 * Prints a table; timings are the best of several runs. Not a test: figures vary with the machine.
 */
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Kernel } from "../../host/contract/kernel.js";
import { METER, METER_ALL, TAP_IN, TAP_OUT } from "../../host/contract/layout.js";
import { PARAM_ID } from "../../host/contract/params.js";

const SAMPLE_RATE = 48000;
const SECONDS = 60;
const BLOCK = 128;
const RUNS = 3;

const wasmPath = new URL("../../build/gainstage.wasm", import.meta.url);
const module = new WebAssembly.Module(readFileSync(wasmPath));

function programme(): Float32Array[] {
  let seed = 12345;
  const random = () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const frames = SAMPLE_RATE * SECONDS;
  return [0, 1].map((channel) => {
    const out = new Float32Array(frames);
    for (let n = 0; n < frames; n++) {
      const envelope = 0.5 + 0.5 * Math.sin(n / (20000 + channel * 1000));
      out[n] = envelope * (0.2 * (random() - 0.5) + 0.25 * Math.sin(n * 0.0577 * (channel + 1)));
    }
    return out;
  });
}

function timeKernel(signal: Float32Array[], configure: (k: Kernel) => void): number {
  let best = Infinity;
  for (let run = 0; run < RUNS; run++) {
    const kernel = new Kernel(module);
    kernel.setup(SAMPLE_RATE, 2);
    configure(kernel);
    const inputs = [kernel.input(0), kernel.input(1)],
      outputs = [kernel.output(0), kernel.output(1)];
    const scratch = [new Float32Array(BLOCK), new Float32Array(BLOCK)];
    const frames = signal[0]!.length;
    const start = process.hrtime.bigint();
    for (let frame = 0; frame + BLOCK <= frames; frame += BLOCK) {
      inputs[0]!.set(signal[0]!.subarray(frame, frame + BLOCK));
      inputs[1]!.set(signal[1]!.subarray(frame, frame + BLOCK));
      kernel.exports.processRange(0, BLOCK);
      scratch[0]!.set(outputs[0]!.subarray(0, BLOCK));
      scratch[1]!.set(outputs[1]!.subarray(0, BLOCK));
      if ((frame / BLOCK) % 16 === 0) kernel.exports.readMeters(); // a display-rate read, ~23 Hz
    }
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
  }
  return best;
}

function timeCopyOnly(signal: Float32Array[]): number {
  let best = Infinity;
  const kernel = new Kernel(module);
  kernel.setup(SAMPLE_RATE, 2);
  const inputs = [kernel.input(0), kernel.input(1)];
  const scratch = [new Float32Array(BLOCK), new Float32Array(BLOCK)];
  for (let run = 0; run < RUNS; run++) {
    const start = process.hrtime.bigint();
    for (let frame = 0; frame + BLOCK <= signal[0]!.length; frame += BLOCK) {
      inputs[0]!.set(signal[0]!.subarray(frame, frame + BLOCK));
      inputs[1]!.set(signal[1]!.subarray(frame, frame + BLOCK));
      scratch[0]!.set(inputs[0]!.subarray(0, BLOCK));
      scratch[1]!.set(inputs[1]!.subarray(0, BLOCK));
    }
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
  }
  return best;
}

const only = (tap: number, mask: number) => (k: Kernel) => {
  k.setMeterMask(TAP_IN, 0);
  k.setMeterMask(TAP_OUT, 0);
  k.setMeterMask(tap, mask);
};
const signal = programme();
const samples = signal[0]!.length * 2;
const rows: [string, number][] = [
  ["copy in/out only (no kernel call)", timeCopyOnly(signal)],
  ["trim only, 0 dB", timeKernel(signal, only(TAP_IN, 0))],
  [
    "trim only, −6 dB",
    timeKernel(signal, (k) => {
      only(TAP_IN, 0)(k);
      k.setParam(PARAM_ID.inputTrimDb, -6);
    }),
  ],
  ["sample peak + clips (one tap)", timeKernel(signal, only(TAP_IN, METER.samplePeak))],
  ["true peak (one tap)", timeKernel(signal, only(TAP_IN, METER.truePeak))],
  ["loudness M/S/I/LRA (one tap)", timeKernel(signal, only(TAP_IN, METER.loudness))],
  ["RMS (one tap)", timeKernel(signal, only(TAP_IN, METER.rms))],
  ["VU (one tap)", timeKernel(signal, only(TAP_IN, METER.vu))],
  ["all meters, one tap", timeKernel(signal, only(TAP_IN, METER_ALL))],
  ["all meters, both taps (whole kernel)", timeKernel(signal, () => {})],
];

console.log(
  `Gainstage kernel — stereo ${SAMPLE_RATE} Hz, ${SECONDS} s programme, ${BLOCK}-frame blocks, best of ${RUNS}`,
);
console.log(`${"configuration".padEnd(40)} ${"× real time".padStart(12)} ${"ns/sample".padStart(10)}`);
for (const [name, seconds] of rows) {
  console.log(
    `${name.padEnd(40)} ${(SECONDS / seconds).toFixed(0).padStart(12)} ${((seconds / samples) * 1e9).toFixed(2).padStart(10)}`,
  );
}

// Same audio through ebur128-wasm, and the kernel doing the same two measurements.
const dir = mkdtempSync(join(tmpdir(), "gainstage-bench-"));
try {
  const file = join(dir, "audio.f32");
  const joined = new Float32Array(samples);
  joined.set(signal[0]!);
  joined.set(signal[1]!, signal[0]!.length);
  writeFileSync(file, Buffer.from(joined.buffer));
  const runner = new URL("./ebur128-wasm-runner.mjs", import.meta.url).pathname;
  const other = JSON.parse(
    execFileSync(
      process.execPath,
      ["--experimental-wasm-modules", "--no-warnings", runner, file, String(SAMPLE_RATE), String(RUNS)],
      { encoding: "utf8" },
    ),
  );
  const ours = timeKernel(signal, only(TAP_IN, METER.loudness | METER.truePeak | METER.samplePeak));
  const check = new Kernel(module);
  check.setup(SAMPLE_RATE, 2);
  check.processAll(signal, 4096);
  const tap = check.readSnapshot()[0]!;
  console.log("");
  console.log(
    `ebur128-wasm (integrated + true peak):        ${(SECONDS / other.seconds).toFixed(0).padStart(6)} × real time  I ${other.integrated.toFixed(3)} LUFS  TP ${other.truePeak.toFixed(3)} dBTP`,
  );
  console.log(
    `kernel, loudness + true peak + sample peak:   ${(SECONDS / ours).toFixed(0).padStart(6)} × real time  I ${tap.integratedLufs.toFixed(3)} LUFS  TP ${tap.overall.truePeakMaxDbtp.toFixed(3)} dBTP`,
  );
  console.log(`ratio (kernel / ebur128-wasm):                ${(other.seconds / ours).toFixed(1)}×`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const state = new Kernel(module);
state.setup(SAMPLE_RATE, 2);
console.log(
  `kernel memory: ${(state.exports.memory.buffer.byteLength / 1048576).toFixed(2)} MiB linear memory, ${(state.exports.arenaUsedBytes() / 1048576).toFixed(2)} MiB meter state (stereo 48 kHz)`,
);
