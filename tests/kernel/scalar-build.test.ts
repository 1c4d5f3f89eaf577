/**
 * One kernel, two builds: the SIMD build the browser runs and the scalar build (asc --disable
 * simd, for wasm2c and the native plugins) give identical bits — output samples and every
 * readout slot — on the same input, block splits and parameter changes, including NaN, ±Inf,
 * subnormals, hot floats, Learn and Ride. The truth here is the SIMD build; the tests against
 * the standards (ebu3341, reference, …) hold that build to the standards.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { Kernel } from "../../host/core/kernel.js";
import { PARAM_ID as P } from "../../host/model/params.js";
import { kernelModule } from "../helpers/kernel.js";
import { quietLoudProgramme } from "../helpers/programme.js";
import { rng } from "../helpers/signals.js";

const scalarModule = new WebAssembly.Module(
  readFileSync(fileURLToPath(new URL("../../build/gainstage-scalar.wasm", import.meta.url))),
);

/** Bitwise equality of two typed arrays (NaN payloads included). */
function sameBits(a: Float32Array | Float64Array, b: Float32Array | Float64Array): boolean {
  const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  return x.length === y.length && x.every((byte, i) => byte === y[i]);
}

test.each([
  [48000, 2],
  [44100, 1],
  [96000, 3],
  [192000, 2],
  [48000, 6],
])("%i Hz, %i channels: identical output and readout, block by block", (rate, channels) => {
  const random = rng(rate + channels);
  const signal = quietLoudProgramme(rate, channels, 5);
  // Bad and extreme samples: NaN, ±Inf, a subnormal, a hot float, full scale.
  const bad = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e-42, 3e38, 1, -1];
  for (let i = 0; i < 200; i++) signal[i % channels]![Math.floor(random() * signal[0]!.length)] = bad[i % bad.length]!;
  const kernels = [kernelModule, scalarModule].map((module) => {
    const kernel = new Kernel(module);
    kernel.setup(rate, channels);
    return kernel;
  });
  const [simd, scalar] = kernels as [Kernel, Kernel];
  const frames = signal[0]!.length;
  let frame = 0,
    blocks = 0,
    differences = 0;
  while (frame < frames) {
    const count = Math.min(frames - frame, 1 + Math.floor(random() * 700));
    const change = random();
    const apply = (action: (k: Kernel) => void) => kernels.forEach(action);
    if (change < 0.05) {
      const db = -20 + 40 * random();
      apply((k) => k.setParam(P.inputTrimDb, db));
    } else if (change < 0.07) {
      const on = random() < 0.5 ? 1 : 0;
      apply((k) => k.setParam(P.polarityL, on));
    } else if (change < 0.08) {
      const on = random() < 0.5 ? 1 : 0;
      apply((k) => k.setParam(P.bypass, on));
    } else if (change < 0.09) {
      apply((k) => k.exports.learnStart(0.5));
    } else if (change < 0.1) {
      const on = random() < 0.5 ? 1 : 0;
      apply((k) => k.setParam(P.autoRide, on));
    }
    for (const k of kernels) {
      signal.forEach((data, c) => k.input(c).set(data.subarray(frame, frame + count)));
      k.processRange(0, count);
    }
    for (let c = 0; c < channels; c++)
      if (!sameBits(simd.output(c).subarray(0, count), scalar.output(c).subarray(0, count))) differences++;
    if (++blocks % 7 === 0) {
      simd.exports.readMeters();
      scalar.exports.readMeters();
      if (!sameBits(simd.readoutView(), scalar.readoutView())) differences++;
    }
    frame += count;
  }
  simd.exports.readMeters();
  scalar.exports.readMeters();
  expect(differences).toBe(0);
  expect(sameBits(simd.readoutView(), scalar.readoutView())).toBe(true);
  expect(blocks).toBeGreaterThan(100);
});
