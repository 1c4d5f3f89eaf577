/**
 * Native against WebAssembly (part of npm run bench): × real time of stereo 48 kHz in 128-frame
 * blocks, every meter on both taps, for the CLAP plugin (the SIMD kernel through wasm2c 1.0.39,
 * SIMDe and the C compiler, driven by the test host) and for the same kernel in V8, scalar and
 * SIMD builds; then
 * the LV2 plugin against x42's five meters together (lv2bench, 100 s in 128-frame blocks, best of
 * three). The ratios are printed beside their targets. Skipped with a note when the native
 * plugins are not built (npm run build:native).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SECONDS = 30;
/** The targets: native at least as fast as the WASM SIMD kernel, and 4× x42's five meters together. */
const TARGET_NATIVE_OVER_SIMD = 1;
const TARGET_OVER_X42 = 4;
/** x42's meters a producer would stack for what Gainstage shows (Debian's x42-plugins). */
const X42_METERS = ["EBUr128", "TPnRMSstereo", "VUstereo", "BBCstereo", "K20stereo"].map(
  (name) => `http://gareus.org/oss/lv2/meters#${name}`,
);
const LV2BENCH_FRAMES = 100 * 48000;
const verdict = (met: boolean) => (met ? "met" : "not met");
const RATE = 48000;
const BLOCK = 128;

function wasmRealtime(file: string): number {
  const exports = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(join(ROOT, file))), {})
    .exports as Record<string, (...args: number[]) => number> & { memory: WebAssembly.Memory };
  exports.setup!(RATE, 2);
  const input = new Float32Array(exports.memory.buffer, exports.inputBuffer!(), 2 * 4096);
  let seed = 1;
  for (let c = 0; c < 2; c++)
    for (let n = 0; n < BLOCK; n++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      input[c * 4096 + n] = (seed >>> 8) / 2 ** 24 - 0.5;
    }
  const blocks = (SECONDS * RATE) / BLOCK;
  for (let b = 0; b < blocks / 10; b++) exports.processRange!(0, BLOCK); // warm-up
  const start = process.hrtime.bigint();
  for (let b = 0; b < blocks; b++) exports.processRange!(0, BLOCK);
  return SECONDS / (Number(process.hrtime.bigint() - start) / 1e9);
}

console.log("");
console.log(
  `Native against WebAssembly — whole kernel (both taps, every meter), stereo ${RATE} Hz, ${BLOCK}-frame blocks`,
);
let native = 0;
const host = join(ROOT, "build/native-work/clap-host");
const plugin = join(ROOT, "build/native/clap/gainstage.clap");
if (existsSync(host) && existsSync(plugin)) {
  const runs = [0, 1, 2].map(
    () =>
      JSON.parse(spawnSync(host, [plugin, "bench", String(SECONDS)], { encoding: "utf8" }).stdout).realtime as number,
  );
  native = Math.max(...runs);
  console.log(`CLAP plugin (wasm2c SIMD, -O2): ${native.toFixed(0)}× real time`);
} else {
  console.log("CLAP plugin: not built here (npm run build:native, then npm test builds the test host)");
}
const best = (file: string) => Math.max(wasmRealtime(file), wasmRealtime(file), wasmRealtime(file));
console.log(`WASM in V8, scalar build:     ${best("build/gainstage-scalar.wasm").toFixed(0)}× real time`);
const simd = best("build/gainstage.wasm");
console.log(`WASM in V8, SIMD build:       ${simd.toFixed(0)}× real time`);
if (native > 0)
  console.log(
    `native / WASM SIMD:           ${(native / simd).toFixed(2)}  (target ≥ ${TARGET_NATIVE_OVER_SIMD}: ${verdict(native / simd >= TARGET_NATIVE_OVER_SIMD)})`,
  );

/** lv2bench's seconds for `uri` (best of three), or null where it cannot run it. */
function lv2benchSeconds(uri: string, env: NodeJS.ProcessEnv): number | null {
  const times = [0, 1, 2].map(() => {
    const run = spawnSync("lv2bench", ["-n", String(LV2BENCH_FRAMES), "-b", "128", uri], { env, encoding: "utf8" });
    // lv2bench prints "SECONDS URI" per plugin.
    const seconds = Number(/^([\d.]+)\s/.exec(run.stdout.trim().split("\n").pop() ?? "")?.[1]);
    return run.status === 0 && Number.isFinite(seconds) ? seconds : Number.NaN;
  });
  const bestTime = Math.min(...times);
  return Number.isFinite(bestTime) ? bestTime : null;
}

console.log("");
console.log("Against x42's meters (lv2bench, 100 s of stereo 48 kHz in 128-frame blocks, best of three)");
const ours = lv2benchSeconds("urn:gainstage:stereo", { ...process.env, LV2_PATH: join(ROOT, "build/native/lv2") });
const theirs = X42_METERS.map((uri) => lv2benchSeconds(uri, process.env));
if (ours === null || theirs.some((t) => t === null)) {
  console.log("lv2bench, the LV2 build or x42-plugins missing here: no comparison");
} else {
  const sum = (theirs as number[]).reduce((a, b) => a + b, 0);
  console.log(
    `Gainstage (both taps, every meter): ${ours.toFixed(3)} s; x42's five meters together: ${sum.toFixed(3)} s`,
  );
  console.log(
    `x42 / Gainstage:              ${(sum / ours).toFixed(2)}×  (target ≥ ${TARGET_OVER_X42}×: ${verdict(sum / ours >= TARGET_OVER_X42)})`,
  );
}
