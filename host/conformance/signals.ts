/**
 * The standards' test signals, built from their descriptions (EBU Tech 3341 and 3342; docs/metering.md
 * §10), for the app's self-test and the tests alike: never derived from the code they test. Levels
 * are per-channel sine peak in dBFS; phase is the sine phase x[n] = A·sin(2πn·f/fs + φ)
 * (docs/metering.md §9.2). Allocates (main thread, tests), never on the audio thread.
 */

export const dbToAmplitude = (db: number): number => 10 ** (db / 20);

/** One segment of a tone sequence: seconds at a level (−Infinity = digital silence). */
export interface Segment {
  seconds: number;
  dbfs: number;
}

/** A sine sequence, phase continuous across segments, `channels` identical channels. */
export function toneSequence(
  sampleRate: number,
  segments: Segment[],
  options: { hz?: number; channels?: number } = {},
): Float32Array[] {
  const hz = options.hz ?? 1000;
  const frames = segments.reduce((sum, s) => sum + Math.round(s.seconds * sampleRate), 0);
  const data = new Float32Array(frames);
  let frame = 0;
  for (const segment of segments) {
    const amplitude = segment.dbfs === -Infinity ? 0 : dbToAmplitude(segment.dbfs);
    const end = frame + Math.round(segment.seconds * sampleRate);
    for (; frame < end; frame++) data[frame] = amplitude * Math.sin((2 * Math.PI * hz * frame) / sampleRate);
  }
  return Array.from({ length: options.channels ?? 2 }, () => data.slice());
}

/** A steady sine: `seconds` at `dbfs` peak, frequency `hz`, phase `phaseDeg`. */
export function sine(sampleRate: number, hz: number, dbfs: number, seconds: number, phaseDeg = 0): Float32Array {
  const frames = Math.round(seconds * sampleRate);
  const amplitude = dbToAmplitude(dbfs);
  const phase = (phaseDeg * Math.PI) / 180;
  const data = new Float32Array(frames);
  for (let n = 0; n < frames; n++) data[n] = amplitude * Math.sin((2 * Math.PI * hz * n) / sampleRate + phase);
  return data;
}

/** EBU 3341 #15–#19: a sine with 100 ms linear fades as in the published files, 3.2 s. */
export function truePeakTone(sampleRate: number, fsDivisor: number, dbfs: number, phaseDeg: number): Float32Array {
  const data = sine(sampleRate, sampleRate / fsDivisor, dbfs, 3.2, phaseDeg);
  const fade = Math.round(0.1 * sampleRate);
  for (let n = 0; n < fade; n++) {
    data[n]! *= n / fade;
    data[data.length - 1 - n]! *= n / fade;
  }
  return data;
}

/**
 * EBU 3341 #20–#23 re-created: fs/6 at 0.5 FFS containing one period of fs/4 at 1.0, continuous
 * in phase, made at 4·fs, low-passed below fs/2 and decimated with `offset` 0…3.
 */
export function truePeakBurst(sampleRate: number, offset: number, seconds = 1): Float32Array {
  const highRate = 4 * sampleRate;
  const highFrames = Math.round(seconds * highRate);
  const high = new Float64Array(highFrames);
  let phase = 0;
  const burstStart = Math.floor(highFrames / 2);
  let inBurst = false,
    burstDone = false,
    burstPhase = 0;
  for (let n = 0; n < highFrames; n++) {
    // Start the burst at an upward zero crossing so the waveform stays continuous.
    if (!burstDone && !inBurst && n >= burstStart && phase % (2 * Math.PI) < (2 * Math.PI) / 24) {
      inBurst = true;
      phase = 0;
      burstPhase = 0;
    }
    high[n] = (inBurst ? 1.0 : 0.5) * Math.sin(phase);
    const step = (2 * Math.PI * (inBurst ? sampleRate / 4 : sampleRate / 6)) / highRate;
    phase += step;
    if (inBurst) {
      burstPhase += step;
      if (burstPhase >= 2 * Math.PI - 1e-9) {
        inBurst = false;
        burstDone = true;
        phase = 0;
      }
    }
  }
  // Low-pass: Blackman-windowed sinc at 4·fs, cutoff 0.45·fs (long enough to be ~ideal).
  const taps = 511,
    half = (taps - 1) / 2,
    cutoff = 0.45 / 4;
  const kernel = new Float64Array(taps);
  let sum = 0;
  for (let i = 0; i < taps; i++) {
    const t = i - half;
    const sinc = t === 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * t) / (Math.PI * t);
    const w = 0.42 - 0.5 * Math.cos((2 * Math.PI * i) / (taps - 1)) + 0.08 * Math.cos((4 * Math.PI * i) / (taps - 1));
    kernel[i] = sinc * w;
    sum += kernel[i]!;
  }
  const frames = Math.floor((highFrames - offset) / 4);
  const out = new Float32Array(frames);
  for (let m = 0; m < frames; m++) {
    const center = m * 4 + offset;
    let acc = 0;
    for (let i = 0; i < taps; i++) {
      const j = center - half + i;
      if (j >= 0 && j < highFrames) acc += kernel[i]! * high[j]!;
    }
    out[m] = acc / sum;
  }
  return out;
}
