/**
 * The numbers beside a strip's bars, each saying which convention it uses: dBFS sample peak, dBTP,
 * AES17 vs plain RMS, VU re its reference, PPM on its standard's scale, LUFS/LU, PLR/PSR in dB.
 * Max readouts reset on click. Pure descriptions (the strip draws them). Thread: main thread.
 */
import type { TapReadings } from "../host/model/readings.js";
import { formatDb } from "../host/model/format.js";
import { peakToLoudnessRatio } from "../host/model/dynamics.js";
import { ppmReadoutText, ppmStandardOf, type Calibration } from "./meter-scales.js";

/** What a readout may read of its strip besides the tap. */
export interface StripState {
  peakMaxDbfs: number;
  truePeakMaxDbtp: number;
  ppmMaxDbfs: number;
  psrDb: number;
  calibration: Calibration;
}

export interface Readout {
  label: string;
  title: string | ((strip: StripState) => string);
  value: (tap: TapReadings, strip: StripState) => string;
  reset?: (strip: StripState) => void;
}

/** No reading yet (nothing has played through this point since its meters were reset). */
export const NONE = "—";

export const READOUTS: Readout[] = [
  {
    label: "Peak max",
    title: "Highest sample peak since reset (dBFS). Click to reset.",
    value: (_, s) => formatDb(s.peakMaxDbfs, "dBFS"),
    reset: (s) => {
      s.peakMaxDbfs = -Infinity;
    },
  },
  {
    label: "True peak max",
    title: "Highest inter-sample peak, BS.1770-5 Annex 2 (dBTP). Click to reset.",
    value: (_, s) => formatDb(s.truePeakMaxDbtp, "dBTP"),
    reset: (s) => {
      s.truePeakMaxDbtp = -Infinity;
    },
  },
  {
    label: "PPM max",
    title: (s) =>
      `Highest quasi-peak since reset, ${ppmStandardOf(s.calibration).label} (IEC 60268-10): dBFS of the sine that reads the same (the BBC's in PPM numbers). Click to reset.`,
    value: (_, s) => ppmReadoutText(s.ppmMaxDbfs, s.calibration),
    reset: (s) => {
      s.ppmMaxDbfs = -Infinity;
    },
  },
  {
    label: "RMS AES17",
    title: "300 ms RMS re a full-scale sine (AES17): a −18 dBFS sine reads −18.0 dB.",
    value: (t) => formatDb(t.overall.rmsAes17Db, "dB"),
  },
  {
    label: "RMS plain",
    title: "300 ms RMS in plain dBFS: a sine reads 3.01 dB below its peak.",
    value: (t) => formatDb(t.overall.rmsDbfs, "dBFS"),
  },
  {
    label: "VU",
    title: "IEC 60268-17 VU (300 ms ballistics), 0 VU = the VU reference level.",
    value: (t) => formatDb(t.overall.vu, "VU"),
  },
  {
    label: "Momentary",
    title: "BS.1770 loudness, 400 ms window (EBU R128 M).",
    value: (t) => formatDb(t.momentaryLufs, "LUFS"),
  },
  {
    label: "Short-term",
    title: "BS.1770 loudness, 3 s window (EBU R128 S).",
    value: (t) => formatDb(t.shortTermLufs, "LUFS"),
  },
  {
    label: "Integrated",
    title: "Gated BS.1770 loudness since reset (EBU R128 I).",
    value: (t) => formatDb(t.integratedLufs, "LUFS"),
  },
  {
    label: "LRA",
    title: "Loudness range, EBU Tech 3342, since reset (needs 3 s of signal).",
    value: (t) => (t.lraValues > 0 ? formatDb(t.loudnessRangeLu, "LU") : NONE),
  },
  {
    label: "PLR",
    title: "Peak to loudness ratio: highest true peak since reset − integrated loudness (dB).",
    value: (t) => formatDb(peakToLoudnessRatio(t), "dB", { signed: false }),
  },
  {
    label: "PSR",
    title: "Peak to short-term loudness ratio: highest true peak in the last 3 s − short-term loudness (dB).",
    value: (_, s) => formatDb(s.psrDb, "dB", { signed: false }),
  },
  {
    label: "Clips",
    title: "Clipped samples since reset: at full scale (a file's largest or smallest code; |x| ≥ 1.0 for float).",
    value: (t) => String(t.overall.clipCount),
  },
];
