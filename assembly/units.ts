// Level conversions shared by every meter. Silence reads -Infinity, never NaN
// (docs/metering.md §1: silence reads −∞, never NaN).

/** Amplitude ratio of a level in dB: 20·log10 convention. */
export function dbToGain(db: f64): f64 {
  return 10.0 ** (db / 20.0);
}

/** dB of an amplitude (peak, RMS); -Infinity for 0. */
export function amplitudeToDb(amplitude: f64): f64 {
  return amplitude > 0.0 ? 20.0 * Math.log10(amplitude) : -Infinity;
}

/** dB of a power quantity (mean square); -Infinity for 0. */
export function powerToDb(power: f64): f64 {
  return power > 0.0 ? 10.0 * Math.log10(power) : -Infinity;
}

/** Power of a level in dB: 10·log10 convention. */
export function dbToPower(db: f64): f64 {
  return 10.0 ** (db / 10.0);
}

/** Frames in `ms` milliseconds at `sampleRate`, to the nearest frame (BS.1770: "to the nearest sample"). */
export function msToFrames(ms: f64, sampleRate: f64): i32 {
  return <i32>Math.floor((ms * sampleRate) / 1000.0 + 0.5);
}
