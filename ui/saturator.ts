/**
 * The built-in insert: an analog-modeled saturation stage (tape / console input) between PRE and
 * POST, so the reason for −18 dBFS is heard and seen. Like the units it models, it is calibrated
 * so that 0 VU (−18 dBFS) is clean (peaks compressed ≈ 0.15 dB), −6 dBFS peaks saturate (≈ 1.8 dB)
 * and peaks near 0 dBFS distort audibly (≈ 5 dB) and flatten the waveform. Built from Web Audio's WaveShaperNode (4×
 * oversampled against aliasing), and shipped as a WAM 2 plugin (tape-saturator/), an ordinary
 * effect that knows nothing of Gainstage. Thread: main thread.
 */

/** Drive of the tanh stage: small-signal gain 1, output tends to ±1/DRIVE when driven hard. */
const DRIVE = 1.6;
/** A small DC bias before the tanh makes the curve asymmetric: even harmonics, as tape and tubes. */
const BIAS = 0.015;
/** The curve covers inputs up to +12 dBFS (a hot trim into the effect), not just ±1. */
export const SATURATOR_RANGE = 4;
const CURVE_POINTS = 4097;

const biasOut = Math.tanh(DRIVE * BIAS);
const slopeAtZero = DRIVE * (1 - biasOut * biasOut);

/** The transfer curve y(x): unity gain and no offset at 0, soft, asymmetric saturation above. */
export function saturate(x: number): number {
  return (Math.tanh(DRIVE * (x + BIAS)) - biasOut) / slopeAtZero;
}

/**
 * How much the curve compresses a peak of `peakDbfs`: 20·log10(|y(p)| / p) in dB (≤ 0), the
 * louder half-wave taken. 0 dB = clean.
 */
export function compressionAtDb(peakDbfs: number): number {
  if (!Number.isFinite(peakDbfs)) return 0;
  const peak = 10 ** (peakDbfs / 20);
  const x = Math.min(peak, SATURATOR_RANGE);
  const worst = Math.min(Math.abs(saturate(x)), Math.abs(saturate(-x)));
  return 20 * Math.log10(worst / peak);
}

/** Words for what the effect does to that peak; thresholds in dB of peak compression. */
export function driveLabel(compressionDb: number): "clean" | "warm" | "saturating" | "distorting" {
  if (compressionDb > -0.2) return "clean";
  if (compressionDb > -1) return "warm";
  if (compressionDb > -3) return "saturating";
  return "distorting";
}

/** The curve a WaveShaperNode plays: inputs −SATURATOR_RANGE … +SATURATOR_RANGE mapped onto −1 … +1. */
export function saturatorCurve(): Float32Array<ArrayBuffer> {
  const curve = new Float32Array(CURVE_POINTS);
  for (let i = 0; i < CURVE_POINTS; i++) curve[i] = saturate(SATURATOR_RANGE * ((2 * i) / (CURVE_POINTS - 1) - 1));
  return curve;
}
