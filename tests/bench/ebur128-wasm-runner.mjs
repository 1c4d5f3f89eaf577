// Times the npm package ebur128-wasm (the Rust ebur128 crate) on the same audio as the kernel
// benchmark. Run by kernel.bench.ts in a child process: the package is a bundler-style ESM that
// imports its .wasm directly, which Node 20 loads only with --experimental-wasm-modules.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const [file, sampleRate, repeats] = process.argv.slice(2);
const raw = readFileSync(file);
const samples = new Float32Array(raw.buffer, raw.byteOffset, raw.byteLength / 4);
const left = samples.subarray(0, samples.length / 2),
  right = samples.subarray(samples.length / 2);
const root = dirname(createRequire(import.meta.url).resolve("ebur128-wasm/package.json"));
const ebur128 = await import(join(root, "ebur128_wasm.js"));

const times = [];
let integrated = 0,
  truePeak = 0;
for (let i = 0; i < Number(repeats); i++) {
  const start = process.hrtime.bigint();
  integrated = ebur128.ebur128_integrated_stereo(Number(sampleRate), left, right);
  truePeak = ebur128.ebur128_true_peak_stereo(Number(sampleRate), left, right);
  times.push(Number(process.hrtime.bigint() - start) / 1e9);
}
process.stdout.write(JSON.stringify({ seconds: Math.min(...times), integrated, truePeak }));
