/**
 * The kernel against the plain double-precision reference (tests/helpers/reference-meter.ts) on
 * seeded random programme: M and S every 100 ms, I, LRA, RMS, VU, sample and true peak.
 */
import { describe, expect, test } from "vitest";
import { meterSignal } from "../helpers/kernel.js";
import { gaussianNoise, rng } from "../helpers/signals.js";
import { expectWithin } from "../helpers/tolerance.js";
import * as ref from "../helpers/reference-meter.js";

/** Noise bursts and tones at random levels, like programme with dynamics. */
function randomProgramme(sampleRate: number, seconds: number, seed: number, channels = 2): Float32Array[] {
  const random = rng(seed);
  const frames = Math.round(seconds * sampleRate);
  return Array.from({ length: channels }, () => {
    const out = gaussianNoise(frames, 1, random);
    let frame = 0;
    while (frame < frames) {
      const length = Math.round((0.2 + random() * 3) * sampleRate);
      const level = random() < 0.1 ? 0 : 10 ** ((-50 + random() * 45) / 20);
      const hz = 50 + random() * 5000;
      for (let n = frame; n < Math.min(frames, frame + length); n++) {
        out[n] = level * (0.5 * out[n]! + Math.sin((2 * Math.PI * hz * n) / sampleRate));
      }
      frame += length;
    }
    return out;
  });
}

const db = (power: number) => 10 * Math.log10(power);

describe.each([48000, 44100, 96000])("at %i Hz", (rate) => {
  const signal = randomProgramme(rate, 40, rate);
  const prefix = ref.weightedEnergyPrefix(signal, rate);
  const hop = Math.round(0.1 * rate);
  const reads: { frame: number; m: number; s: number; rms: number; vu: number }[] = [];
  const final = meterSignal(rate, signal, {
    readEveryFrames: hop,
    blockFrames: 128,
    onRead: (tap, frame) =>
      reads.push({
        frame,
        m: tap.momentaryLufs,
        s: tap.shortTermLufs,
        rms: tap.channels[0]!.rmsDbfs,
        vu: tap.channels[0]!.vu,
      }),
  });
  const vu = ref.vuReadings(signal[0]!, rate);

  test("momentary and short-term every 100 ms within 0.001 LU", () => {
    for (const r of reads) {
      const m = ref.windowLoudness(prefix, r.frame, Math.round(0.4 * rate));
      const s = ref.windowLoudness(prefix, r.frame, Math.round(3 * rate));
      if (m > -100) expectWithin(r.m, m, 0.001, 0.001, `M at ${r.frame}`);
      if (s > -100) expectWithin(r.s, s, 0.001, 0.001, `S at ${r.frame}`);
    }
  });
  test("integrated loudness and LRA within 0.01 LU", () => {
    expectWithin(final.integratedLufs, ref.integratedLoudness(prefix, rate), 0.01, 0.01, "I");
    expectWithin(final.loudnessRangeLu, ref.loudnessRange(prefix, rate), 0.01, 0.01, "LRA");
  });
  test("RMS (300 ms) and VU every 100 ms", () => {
    for (const r of reads) {
      const power = ref.meanSquare(signal[0]!, r.frame, Math.round(0.3 * rate));
      if (power > 1e-9) expectWithin(r.rms, db(power), 1e-6, 1e-6, `RMS at ${r.frame}`);
      const expected = 20 * Math.log10(vu[r.frame - 1]!) + 18;
      if (expected > -40) expectWithin(r.vu, expected, 0.001, 0.001, `VU at ${r.frame}`);
    }
  });
  test("sample peak is exact", () => {
    expect(final.channels[1]!.samplePeakMaxDbfs).toBe(20 * Math.log10(Math.fround(ref.samplePeak(signal[1]!))));
  });
});

test("true peak of band-limited random signals within +0.1/−0.45 dB of the band-limited peak", () => {
  // Random sines below 0.4·fs: the 4× under-read bound there is cos(π·0.4/4) = −0.44 dB (BS.1770-5 Annex 2).
  const rate = 48000,
    frames = 2048,
    random = rng(5);
  for (let trial = 0; trial < 8; trial++) {
    const x = new Float32Array(frames);
    for (let k = 0; k < 6; k++) {
      const hz = random() * 0.4 * rate,
        phase = random() * 2 * Math.PI,
        amplitude = 0.15 * random();
      for (let n = 0; n < frames; n++) x[n]! += amplitude * Math.sin((2 * Math.PI * hz * n) / rate + phase);
    }
    const exact = 20 * Math.log10(ref.bandLimitedPeak(x.subarray(200, frames - 200)));
    const kernel = meterSignal(rate, [x.subarray(200, frames - 200)]);
    expectWithin(kernel.channels[0]!.truePeakMaxDbtp, exact, 0.1, 0.45, `trial ${trial}`);
  }
});
