/**
 * The built-in demo: a 4-bar loop (120 BPM, 8 s) generated in code, so the app does something
 * without any file. Drums, bass and a sustained pad, with a quiet verse (bars 1–2) and a loud
 * chorus (bars 3–4): real dynamics and transients, not a bare sine. Deterministic (seeded), so
 * tests can compute from the same samples what the meters must read.
 * Thread: main thread (≈ 20 ms to generate at 48 kHz).
 */

/**
 * Sample peak of the whole loop after normalisation. It arrives hot, as many sources do (a
 * mastered track, a loud synth): it drives the saturator into audible distortion until Learn
 * trims it to −18 dB AES17 (crest factor ≈ 11.7 dB, so peaks then land near −6 dBFS).
 */
export const DEMO_PEAK_DBFS = -2;
export const DEMO_BPM = 120;
export const DEMO_BARS = 4;
const BEATS_PER_BAR = 4;
/** The verse sits this far below the chorus: audible dynamics that a BS.1770 gate keeps. */
const VERSE_GAIN_DB = -7;
/** Bass root per bar (Hz): A1, F1, C2, G1. */
const BASS_ROOTS_HZ = [55, 43.65, 65.41, 49];
/** Pad chord per bar: root, third, fifth an octave up (Hz). */
const PAD_CHORDS_HZ = [
  [220, 261.63, 329.63],
  [174.61, 220, 261.63],
  [261.63, 329.63, 392],
  [196, 246.94, 293.66],
];

export function demoSeconds(): number {
  return (DEMO_BARS * BEATS_PER_BAR * 60) / DEMO_BPM;
}

/** A deterministic uniform generator in [−1, 1) (a 32-bit LCG: Numerical Recipes constants). */
function noise(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 31 - 1;
  };
}

/** Stereo planar samples of the loop at `sampleRate`, peak-normalised to DEMO_PEAK_DBFS. */
export function demoProgramme(sampleRate: number): [Float32Array<ArrayBuffer>, Float32Array<ArrayBuffer>] {
  const frames = Math.round(demoSeconds() * sampleRate);
  const left = new Float64Array(frames),
    right = new Float64Array(frames);
  const beatFrames = (60 / DEMO_BPM) * sampleRate;
  const barFrames = beatFrames * BEATS_PER_BAR;
  const random = noise(0x6a1e);
  const verse = 10 ** (VERSE_GAIN_DB / 20);
  const sectionGain = (frame: number) => (Math.floor(frame / barFrames) < 2 ? verse : 1);

  const add = (start: number, length: number, pan: number, voice: (t: number) => number) => {
    const gainL = Math.cos(((pan + 1) * Math.PI) / 4),
      gainR = Math.sin(((pan + 1) * Math.PI) / 4);
    const first = Math.round(start);
    for (let n = 0; n < length && first + n < frames; n++) {
      const y = voice(n / sampleRate) * sectionGain(first);
      left[first + n]! += y * gainL;
      right[first + n]! += y * gainR;
    }
  };

  for (let bar = 0; bar < DEMO_BARS; bar++) {
    const barStart = bar * barFrames;
    const chorus = bar >= 2;
    // Kick on 1 and 3 (and the "and" of 3 in the chorus): a pitch-swept sine with a fast decay.
    const kicks = chorus ? [0, 2, 2.5] : [0, 2];
    for (const beat of kicks) {
      add(
        barStart + beat * beatFrames,
        Math.round(0.35 * sampleRate),
        0,
        (t) => 0.55 * Math.sin(2 * Math.PI * 50 * t * (1 + 1.5 * Math.exp(-t * 30))) * Math.exp(-t * 9),
      );
    }
    // Snare on 2 and 4: noise with a tonal body.
    for (const beat of [1, 3]) {
      add(
        barStart + beat * beatFrames,
        Math.round(0.25 * sampleRate),
        0.1,
        (t) => (0.6 * random() + 0.4 * Math.sin(2 * Math.PI * 190 * t)) * Math.exp(-t * 18) * (chorus ? 0.45 : 0.3),
      );
    }
    // Hats on every eighth: short bright noise, panned right.
    for (let eighth = 0; eighth < 8; eighth++) {
      add(barStart + (eighth * beatFrames) / 2, Math.round(0.06 * sampleRate), 0.4, (t) => {
        return random() * Math.exp(-t * 70) * (eighth % 2 === 0 ? 0.22 : 0.14);
      });
    }
    // Bass: eighth notes on the root, a few saw harmonics, plucked envelope.
    const root = BASS_ROOTS_HZ[bar]!;
    for (let eighth = 0; eighth < 8; eighth++) {
      const octave = eighth % 4 === 3 ? 2 : 1;
      add(barStart + (eighth * beatFrames) / 2, Math.round(beatFrames / 2), -0.05, (t) => {
        let y = 0;
        for (let h = 1; h <= 5; h++) y += Math.sin(2 * Math.PI * root * octave * h * t) / h;
        return 0.22 * y * Math.exp(-t * 5) * Math.min(1, t * 400);
      });
    }
    // Pad: the chord for the whole bar, slow attack, detuned left/right for width.
    const chord = PAD_CHORDS_HZ[bar]!;
    for (const [pan, detune] of [
      [-0.7, 0.998],
      [0.7, 1.002],
    ] as const) {
      add(barStart, Math.round(barFrames), pan, (t) => {
        let y = 0;
        for (const hz of chord)
          y += Math.sin(2 * Math.PI * hz * detune * t) + 0.3 * Math.sin(4 * Math.PI * hz * detune * t);
        return 0.2 * y * Math.min(1, t * 4) * Math.min(1, (barFrames / sampleRate - t) * 20);
      });
    }
  }

  let peak = 0;
  for (let n = 0; n < frames; n++) peak = Math.max(peak, Math.abs(left[n]!), Math.abs(right[n]!));
  const scale = 10 ** (DEMO_PEAK_DBFS / 20) / peak;
  return [Float32Array.from(left, (y) => y * scale), Float32Array.from(right, (y) => y * scale)];
}
