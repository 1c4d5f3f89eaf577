/**
 * "Why meters disagree": for one tap's readings, every meter side by side and each difference
 * explained in one plain sentence with its number and the clause of docs/metering.md that says
 * why (each sentence is a fact of the meters' definitions, not an opinion about the signal).
 * Pure (no DOM): tested against analytic signals. Thread: main thread.
 */
import type { TapReadings } from "../host/model/readings.js";
import { formatDb } from "../host/model/format.js";
import { peakToLoudnessRatio } from "../host/model/dynamics.js";
import { PPM_STANDARDS } from "../host/declaration/ppm-standards.js";
import { LOUDNESS_TARGETS } from "../host/model/loudness-targets.js";

/** Below this, two readings "agree" (display resolution). */
const AGREE_DB = 0.05;
/** PPM integration times (IEC 60268-10 §3.10: the 5 kHz burst that reads 2 dB low). */
const INTEGRATION_MS = { I: 5, II: 10 } as const;

export interface Reading {
  label: string;
  text: string;
}

export interface Explanation {
  key: string;
  text: string;
  /** Section of docs/metering.md (its anchor is #s<section>). */
  section: number;
}

export interface WhyContext {
  /** The VU reference (0 VU = a sine of this peak level), also the PPM's alignment level. */
  vuReferenceDbfs: number;
  ppmStandard: number;
  /** PSR now (dB), NaN without one. */
  psrDb: number;
}

const ok = (...values: number[]) => values.every(Number.isFinite);
const db = (value: number) => formatDb(Math.abs(value), "dB", { signed: false });
const aboveBelow = (difference: number) => (difference >= 0 ? "above" : "below");

/** Every meter's reading of the tap, side by side. */
export function readingsOf(tap: TapReadings, context: WhyContext): Reading[] {
  const o = tap.overall;
  return [
    { label: "Sample peak max", text: formatDb(o.samplePeakMaxDbfs, "dBFS") },
    { label: "True peak max", text: formatDb(o.truePeakMaxDbtp, "dBTP") },
    {
      label: `PPM max, ${PPM_STANDARDS[context.ppmStandard]?.label ?? "PPM"}`,
      text: formatDb(o.ppmMaxSinceResetDbfs, "dBFS"),
    },
    { label: "RMS plain (300 ms)", text: formatDb(o.rmsDbfs, "dBFS") },
    { label: "RMS AES17 (300 ms)", text: formatDb(o.rmsAes17Db, "dB") },
    { label: "VU", text: `${formatDb(o.vu, "VU")} (${formatDb(o.vu + context.vuReferenceDbfs, "dBFS")} sine)` },
    { label: "Momentary (400 ms)", text: formatDb(tap.momentaryLufs, "LUFS") },
    { label: "Short-term (3 s)", text: formatDb(tap.shortTermLufs, "LUFS") },
    { label: "Integrated", text: formatDb(tap.integratedLufs, "LUFS") },
    { label: "PLR", text: formatDb(peakToLoudnessRatio(tap), "dB", { signed: false }) },
    { label: "PSR", text: formatDb(context.psrDb, "dB", { signed: false }) },
  ];
}

/** The differences between the readings, each explained; only those both readings exist for. */
export function explainDisagreements(tap: TapReadings, context: WhyContext): Explanation[] {
  const o = tap.overall;
  const out: Explanation[] = [];
  const vuDbfs = o.vu + context.vuReferenceDbfs;

  if (ok(o.rmsAes17Db, o.rmsDbfs))
    out.push({
      key: "aes17",
      section: 8,
      text: `AES17 RMS reads ${db(o.rmsAes17Db - o.rmsDbfs)} above plain RMS by definition: AES17 refers RMS to a full-scale sine, whose plain RMS is −3.01 dBFS.`,
    });

  if (ok(o.truePeakMaxDbtp, o.samplePeakMaxDbfs)) {
    const over = o.truePeakMaxDbtp - o.samplePeakMaxDbfs;
    out.push({
      key: "true-peak",
      section: 3,
      text:
        over > AGREE_DB
          ? `True peak is ${db(over)} over sample peak: inter-sample peaks, which a converter or a lossy encoder rebuilds between the samples.`
          : `True peak and sample peak agree (within ${db(over)}): no peak here falls between samples.`,
    });
  }

  const ppm = PPM_STANDARDS[context.ppmStandard];
  if (ppm && ok(o.ppmMaxSinceResetDbfs, o.samplePeakMaxDbfs)) {
    const under = o.samplePeakMaxDbfs - o.ppmMaxSinceResetDbfs;
    out.push({
      key: "ppm",
      section: 13,
      text:
        under > AGREE_DB
          ? `The ${ppm.label} PPM reads ${db(under)} below the sample peak: a quasi-peak meter shows a burst shorter than its ${INTEGRATION_MS[ppm.type]} ms integration time 2 dB or more low, by design.`
          : `The ${ppm.label} PPM reads the sample peak (within ${db(under)}): the peaks here last longer than its ${INTEGRATION_MS[ppm.type]} ms integration time.`,
    });
  }

  if (ok(o.vu, o.rmsAes17Db)) {
    const difference = vuDbfs - o.rmsAes17Db;
    out.push({
      key: "vu-rms",
      section: 8,
      text: `VU reads ${db(difference)} ${aboveBelow(difference)} AES17 RMS: VU averages the rectified signal (|x|) and is calibrated on a sine, RMS averages power; they agree on a sine, VU reads about 1.05 dB under RMS on noise and 0.91 dB over on a square wave.`,
    });
  }

  if (ok(o.vu, tap.momentaryLufs)) {
    const difference = vuDbfs - tap.momentaryLufs;
    out.push({
      key: "vu-momentary",
      section: 5,
      text: `VU (as a ${formatDb(vuDbfs, "dBFS")} sine) and momentary loudness differ by ${db(difference)}: the VU is unweighted with needle ballistics (99 % in 300 ms, slower to settle than momentary loudness reacts), momentary loudness is K-weighted power over exactly the last 400 ms.`,
    });
  }

  if (ok(tap.shortTermLufs, o.rmsDbfs)) {
    const difference = tap.shortTermLufs - o.rmsDbfs;
    out.push({
      key: "lufs-rms",
      section: 4,
      text: `Short-term loudness is ${db(difference)} ${aboveBelow(difference)} plain RMS: LUFS is K-weighted (bass counts less, presence more; a 997 Hz sine reads the same in both), adds the channels' power (a centred mono source reads 3 dB above one channel, where RMS shows the louder channel) and spans 3 s instead of 300 ms.`,
    });
  }

  if (ok(tap.integratedLufs, tap.momentaryLufs)) {
    const difference = tap.integratedLufs - tap.momentaryLufs;
    out.push({
      key: "integrated",
      section: 6,
      text: `Integrated loudness is ${db(difference)} ${aboveBelow(difference)} momentary: it is gated (silence and passages 10 LU under the mean do not count) and averages everything since the meters were reset.`,
    });
  }

  const plr = peakToLoudnessRatio(tap);
  if (ok(plr)) {
    const streaming = LOUDNESS_TARGETS[0];
    out.push({
      key: "plr",
      section: 14,
      text: `PLR is ${db(plr)}: the peaks stand that far above the programme's loudness, so normalised to ${formatDb(streaming.integratedLufs, "LUFS")} (${streaming.label.toLowerCase()}) they would reach ${formatDb(streaming.integratedLufs + plr, "dBTP")}.`,
    });
  }
  return out;
}
