/**
 * Native against WebAssembly (part of npm run bench): × real time of stereo 48 kHz in 128-frame
 * blocks, every meter on both taps, for the CLAP plugin (the scalar kernel through wasm2c and the
 * C compiler, driven by the test host) and for the same kernel in V8, scalar and SIMD builds.
 * Skipped with a note when the native plugins are not built (npm run build:native).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SECONDS = 30;
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
const host = join(ROOT, "build/native-work/clap-host");
const plugin = join(ROOT, "build/native/clap/gainstage.clap");
if (existsSync(host) && existsSync(plugin)) {
  const runs = [0, 1, 2].map(
    () =>
      JSON.parse(spawnSync(host, [plugin, "bench", String(SECONDS)], { encoding: "utf8" }).stdout).realtime as number,
  );
  console.log(`CLAP plugin (wasm2c, C -O2):  ${Math.max(...runs).toFixed(0)}× real time`);
} else {
  console.log("CLAP plugin: not built here (npm run build:native, then npm test builds the test host)");
}
const best = (file: string) => Math.max(wasmRealtime(file), wasmRealtime(file), wasmRealtime(file));
console.log(`WASM in V8, scalar build:     ${best("build/gainstage-scalar.wasm").toFixed(0)}× real time`);
console.log(`WASM in V8, SIMD build:       ${best("build/gainstage.wasm").toFixed(0)}× real time`);
