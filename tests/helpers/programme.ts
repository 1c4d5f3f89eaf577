/** Programme-like test signals: pink noise, a drum-like pattern, stationary mixes. Seeded. */
import { gaussianNoise, rng, sine } from "./signals.js";

/** Pink noise (Paul Kellet's refined filter on white noise), scaled to RMS `rms`. */
export function pinkNoise(frames: number, rms: number, seed: number): Float32Array {
  const white = gaussianNoise(frames, 1, rng(seed));
  const out = new Float32Array(frames);
  let b0 = 0,
    b1 = 0,
    b2 = 0,
    b3 = 0,
    b4 = 0,
    b5 = 0,
    b6 = 0,
    sum = 0;
  for (let n = 0; n < frames; n++) {
    const w = white[n]!;
    b0 = 0.99886 * b0 + w * 0.0555179;
    b1 = 0.99332 * b1 + w * 0.0750759;
    b2 = 0.969 * b2 + w * 0.153852;
    b3 = 0.8665 * b3 + w * 0.3104856;
    b4 = 0.55 * b4 + w * 0.5329522;
    b5 = -0.7616 * b5 - w * 0.016898;
    const y = b0 + b1 + b2 + b3 + b4 + b5 + b6 + w * 0.5362;
    b6 = w * 0.115926;
    out[n] = y;
    sum += y * y;
  }
  const scale = rms / Math.sqrt(sum / frames);
  return out.map((y) => y * scale);
}

/** Kick-and-snare-like hits every 0.25 s: decaying low sine + decaying noise, high crest factor. */
export function drums(rate: number, seconds: number, peak: number, seed: number): Float32Array {
  const random = rng(seed);
  const out = new Float32Array(Math.round(rate * seconds));
  const hit = Math.round(0.25 * rate);
  for (let start = 0, k = 0; start < out.length; start += hit, k++) {
    for (let n = 0; n < hit && start + n < out.length; n++) {
      const t = n / rate;
      const kick = k % 2 === 0 ? Math.sin(2 * Math.PI * 55 * t * (1 + 2 * Math.exp(-t * 40))) * Math.exp(-t * 12) : 0;
      const snare = k % 2 === 1 ? (random() * 2 - 1) * Math.exp(-t * 25) : 0;
      out[start + n] = peak * (0.9 * kick + 0.7 * snare);
    }
  }
  return out;
}

/** 1 s of digital silence, 4 s of a quiet sine + noise, 4 s of a loud one: gating, LRA and peaks all have work. */
export function quietLoudProgramme(rate: number, channels: number, seed = 1): Float32Array[] {
  const random = rng(seed);
  return Array.from({ length: channels }, (_, c) => {
    const out = new Float32Array(9 * rate);
    const quiet = sine(rate, 997, -30 - c, 4),
      loud = sine(rate, 220 * (c + 1), -14 - c, 4);
    const noise = gaussianNoise(8 * rate, 0.01, random);
    for (let n = 0; n < 4 * rate; n++) {
      out[rate + n] = quiet[n]! + noise[n]!;
      out[5 * rate + n] = loud[n]! + noise[4 * rate + n]!;
    }
    return out;
  });
}
