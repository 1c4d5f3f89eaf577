/**
 * Kernel benchmark (npm run bench): × real time and ns per sample for stereo 48 kHz, in 128-frame
 * blocks with the host's copy in and out included (what the worklet does every quantum), for the
 * trim alone, each meter alone on one tap (and what it adds to the trim: where the nanoseconds go),
 * all meters on one tap and the whole kernel (both taps). The same audio then goes through the npm
 * package ebur128-wasm (integrated loudness + true peak), and the bench prints the ratios beside the speed targets
 * asks for beside its targets. Timings are the best of several runs. Not a test: figures vary with
 * the machine.
 */
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Kernel } from "../../host/core/kernel.js";
import { METER, METER_ALL, METER_DEFAULT, TAP_IN, TAP_OUT } from "../../host/declaration/layout.js";
import { PARAM_ID } from "../../host/model/params.js";
import { readSnapshot } from "../../host/model/readings.js";

const SAMPLE_RATE = 48000;
const SECONDS = 60;
const BLOCK = 128;
const RUNS = 3;
/** The speed targets: all meters on one tap against ebur128-wasm, and the whole kernel, × real time. */
const TARGET_RATIO_TO_EBUR128 = 20;
const TARGET_WHOLE_KERNEL_REALTIME = 1000;

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
timeKernel(signal, () => {}); // warm-up: the engine's optimizing tier, so the first row is not slowed
const trimOnly = timeKernel(signal, only(TAP_IN, 0));
const allOneTap = timeKernel(signal, only(TAP_IN, METER_DEFAULT));
const wholeKernel = timeKernel(signal, () => {});
/** [name, seconds, whether the row is one meter over the trim (its added cost is shown)] */
const rows: [string, number, boolean][] = [
  ["copy in/out only (no kernel call)", timeCopyOnly(signal), false],
  ["trim only, 0 dB", trimOnly, false],
  [
    "trim only, −6 dB",
    timeKernel(signal, (k) => {
      only(TAP_IN, 0)(k);
      k.setParam(PARAM_ID.inputTrimDb, -6);
    }),
    false,
  ],
  ["sample peak + clips (one tap)", timeKernel(signal, only(TAP_IN, METER.samplePeak)), true],
  ["true peak (one tap)", timeKernel(signal, only(TAP_IN, METER.truePeak)), true],
  ["loudness M/S/I/LRA (one tap)", timeKernel(signal, only(TAP_IN, METER.loudness)), true],
  [
    "loudness + each channel's own (one tap)",
    timeKernel(signal, only(TAP_IN, METER.loudness | METER.channelLoudness)),
    true,
  ],
  ["RMS (one tap)", timeKernel(signal, only(TAP_IN, METER.rms)), true],
  ["VU (one tap)", timeKernel(signal, only(TAP_IN, METER.vu)), true],
  ["PPM (one tap)", timeKernel(signal, only(TAP_IN, METER.ppm)), true],
  ["all meters, one tap (the app's default)", allOneTap, true],
  ["all meters + channel loudness, one tap", timeKernel(signal, only(TAP_IN, METER_ALL)), true],
  ["all meters, both taps (whole kernel)", wholeKernel, true],
];

const nsPerSample = (seconds: number) => (seconds / samples) * 1e9;
console.log(
  `Gainstage kernel — stereo ${SAMPLE_RATE} Hz, ${SECONDS} s programme, ${BLOCK}-frame blocks, best of ${RUNS}`,
);
console.log(
  `${"configuration".padEnd(44)} ${"× real time".padStart(12)} ${"ns/sample".padStart(10)} ${"+ns over trim".padStart(14)}`,
);
for (const [name, seconds, overTrim] of rows) {
  const added = overTrim ? (nsPerSample(seconds) - nsPerSample(trimOnly)).toFixed(2) : "";
  console.log(
    `${name.padEnd(44)} ${(SECONDS / seconds).toFixed(0).padStart(12)} ${nsPerSample(seconds).toFixed(2).padStart(10)} ${added.padStart(14)}`,
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
  const tap = readSnapshot(check)[0]!;
  console.log("");
  console.log(
    `ebur128-wasm (integrated + true peak):        ${(SECONDS / other.seconds).toFixed(0).padStart(6)} × real time  I ${other.integrated.toFixed(3)} LUFS  TP ${other.truePeak.toFixed(3)} dBTP`,
  );
  console.log(
    `kernel, loudness + true peak + sample peak:   ${(SECONDS / ours).toFixed(0).padStart(6)} × real time  I ${tap.integratedLufs.toFixed(3)} LUFS  TP ${tap.overall.truePeakMaxDbtp.toFixed(3)} dBTP`,
  );
  console.log(`ratio (kernel / ebur128-wasm):                ${(other.seconds / ours).toFixed(1)}×`);
  const verdict = (met: boolean) => (met ? "met" : "not met");
  const allRatio = other.seconds / allOneTap;
  const wholeRealtime = SECONDS / wholeKernel;
  console.log("");
  console.log(
    `all meters, one tap / ebur128-wasm:          ${allRatio.toFixed(1).padStart(6)}×  (target ≥ ${TARGET_RATIO_TO_EBUR128}×: ${verdict(allRatio >= TARGET_RATIO_TO_EBUR128)})`,
  );
  console.log(
    `whole kernel (both taps):                     ${wholeRealtime.toFixed(0).padStart(6)} × real time  (target ≥ ${TARGET_WHOLE_KERNEL_REALTIME}×: ${verdict(wholeRealtime >= TARGET_WHOLE_KERNEL_REALTIME)})`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const state = new Kernel(module);
state.setup(SAMPLE_RATE, 2);
console.log(
  `kernel memory: ${(state.exports.memory.buffer.byteLength / 1048576).toFixed(2)} MiB linear memory, ${(state.exports.arenaUsedBytes() / 1048576).toFixed(2)} MiB meter state (stereo 48 kHz)`,
);
