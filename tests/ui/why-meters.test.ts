/**
 * "Why meters disagree" against analytic signals through the kernel: the numbers in the sentences
 * are the differences the definitions predict (AES17 = plain RMS + 3.01 dB; a sine at fs/4 and 45°
 * has samples 3.01 dB under its peak; a stereo 997 Hz sine reads its RMS level in LUFS + 3.01 dB).
 */
import { describe, expect, test } from "vitest";
import { paramByKey } from "../../host/model/params.js";
import { explainDisagreements, readingsOf } from "../../ui/why-meters.js";
import { newKernel } from "../helpers/kernel.js";
import { sine } from "../helpers/signals.js";
import { expectWithin } from "../helpers/tolerance.js";
import { readSnapshot } from "../../host/model/readings.js";

const RATE = 48000;
const context = { vuReferenceDbfs: -18, ppmStandard: paramByKey("ppmStandard").default, psrDb: Number.NaN };

function tapOf(signal: Float32Array) {
  const kernel = newKernel(RATE, 2);
  kernel.processAll([signal, signal], 128);
  return readSnapshot(kernel)[0]!;
}
const sentence = (tap: ReturnType<typeof tapOf>, key: string) =>
  explainDisagreements(tap, context).find((e) => e.key === key)?.text ?? "";

describe("a steady 997 Hz sine at −18 dBFS", () => {
  const tap = tapOf(sine(RATE, 997, -18, 5));
  test("AES17 is 3.0 dB above plain RMS, by definition", () => {
    expect(sentence(tap, "aes17")).toMatch(/^AES17 RMS reads 3\.0 dB above plain RMS by definition/);
  });
  test("true peak and sample peak agree; the PPM reads the peak", () => {
    expect(sentence(tap, "true-peak")).toMatch(/agree/);
    expect(sentence(tap, "ppm")).toMatch(/reads the sample peak/);
  });
  test("VU reads the AES17 level of a sine (0.0 dB apart)", () => {
    expect(sentence(tap, "vu-rms")).toMatch(/^VU reads 0\.0 dB/);
  });
  test("short-term loudness is 3.0 dB above plain RMS (two channels' power, K-weighting flat at 997 Hz)", () => {
    expect(sentence(tap, "lufs-rms")).toMatch(/^Short-term loudness is 3\.0 dB above plain RMS/);
  });
  test("PLR 0.0 dB, and every reading is listed side by side", () => {
    expect(sentence(tap, "plr")).toMatch(/^PLR is 0\.0 dB/);
    expect(readingsOf(tap, context).map((r) => r.label)).toContain("True peak max");
  });
  test("every explanation links a clause of the notes", () => {
    for (const e of explainDisagreements(tap, context)) expect(e.section).toBeGreaterThan(0);
  });
});

test("a sine at fs/4, 45°: true peak 3.01 dB (+0.2/−0.4, BS.1770) over sample peak (inter-sample peaks)", () => {
  const text = sentence(tapOf(sine(RATE, RATE / 4, -6, 1, 45)), "true-peak");
  const [, over] = /^True peak is (\d+\.\d) dB over sample peak: inter-sample peaks/.exec(text)!;
  expectWithin(Number(over), 3.01, 0.25, 0.45, "dB over");
});

test("a 1 ms burst: the PPM reads well below the sample peak (integration time)", () => {
  const burst = new Float32Array(RATE / 10);
  burst.set(sine(RATE, 5000, -6, 0.001));
  const text = sentence(tapOf(burst), "ppm");
  expect(text).toMatch(/below the sample peak/);
  const [, under] = /reads (\d+\.\d) dB below/.exec(text)!;
  expect(Number(under)).toBeGreaterThan(4);
});
