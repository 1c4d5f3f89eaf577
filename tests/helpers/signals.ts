/**
 * Test signals: the standards' (shared with the app's self-test, host/conformance/signals.ts:
 * built from the standards' descriptions, not from the code under test) and seeded noise.
 */
export * from "../../host/conformance/signals.js";

/** Seeded PRNG (mulberry32) so "random" tests are repeatable. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Gaussian white noise of RMS `rms` (Box–Muller). */
export function gaussianNoise(frames: number, rms: number, random: () => number): Float32Array {
  const data = new Float32Array(frames);
  for (let n = 0; n < frames; n++) {
    const u = Math.max(random(), 1e-12),
      v = random();
    data[n] = rms * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  return data;
}
