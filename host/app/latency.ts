/**
 * The insert's latency from what POST captured (host/formats/web/capture.ts): the lag at which RETURN
 * best matches A, by cross-correlation through the FFT (fft.js), looked for from 0 up to
 * `maxLagFrames`. The peak's normalised height says how sure the estimate is: an insert that
 * changes the signal beyond recognition, or silence, gives no estimate rather than a wrong one.
 * Thread: main thread.
 */
import FFT from "fft.js";

/** Below this normalised correlation the signals are too unlike to measure a lag from. */
export const MIN_CORRELATION = 0.3;

export interface LatencyEstimate {
  /** Frames RETURN lags A by, or null when it cannot be told. */
  frames: number | null;
  /** Normalised correlation at that lag (0 … 1). */
  correlation: number;
}

function nextPowerOfTwo(n: number): number {
  return 2 ** Math.ceil(Math.log2(Math.max(2, n)));
}

/** Finds the lag (0 … maxLagFrames) of `back` behind `a`, using the first `a.length − maxLagFrames` frames of A. */
export function estimateLatency(a: Float32Array, back: Float32Array, maxLagFrames: number): LatencyEstimate {
  const window = a.length - maxLagFrames;
  if (window <= 0 || back.length < a.length) throw new RangeError("capture shorter than the lags searched");
  const size = nextPowerOfTwo(a.length + window);
  const fft = new FFT(size);
  const spectrumOf = (signal: Float32Array, frames: number) => {
    const input = new Array<number>(size).fill(0);
    for (let n = 0; n < frames; n++) input[n] = signal[n]!;
    const out = fft.createComplexArray();
    fft.realTransform(out, input);
    fft.completeSpectrum(out);
    return out;
  };
  const sa = spectrumOf(a, window);
  const sb = spectrumOf(back, a.length);
  // Cross-correlation r[lag] = Σ a[n]·back[n + lag]: IFFT of conj(A)·B.
  const product = fft.createComplexArray();
  for (let k = 0; k < size; k++) {
    const [ar, ai, br, bi] = [sa[2 * k]!, sa[2 * k + 1]!, sb[2 * k]!, sb[2 * k + 1]!];
    product[2 * k] = ar * br + ai * bi;
    product[2 * k + 1] = ar * bi - ai * br;
  }
  const correlation = fft.createComplexArray();
  fft.inverseTransform(correlation, product);
  let energyA = 0;
  for (let n = 0; n < window; n++) energyA += a[n]! * a[n]!;
  // Energy of back over each lag's window, by a running sum.
  let energyBack = 0;
  for (let n = 0; n < window; n++) energyBack += back[n]! * back[n]!;
  let best = -1,
    bestValue = 0;
  for (let lag = 0; lag <= maxLagFrames; lag++) {
    if (lag > 0) energyBack += back[lag + window - 1]! ** 2 - back[lag - 1]! ** 2;
    const denominator = Math.sqrt(energyA * Math.max(energyBack, 0));
    const value = denominator > 0 ? Math.abs(correlation[2 * lag]!) / denominator : 0;
    if (value > bestValue) {
      bestValue = value;
      best = lag;
    }
  }
  return { frames: bestValue >= MIN_CORRELATION ? best : null, correlation: bestValue };
}
