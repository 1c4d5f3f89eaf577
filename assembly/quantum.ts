// The loudness quantum: windowed meters (M, S, gating blocks, RMS) sum samples into quanta of Q
// frames and slide their windows one quantum at a time, evaluated on the sample clock — never at
// block boundaries — so readings do not depend on how the host splits the audio.
// Q divides the 400 ms gating block, its 100 ms hop and the 3 s short-term window (all "to the
// nearest sample", BS.1770-5 Annex 1 §2 eq. 3), so every window is a whole number of quanta, and
// Q <= 1 ms, so momentary loudness is evaluated far more often than EBU 3341 #13/#14 need
// (≤ 10 ms, docs/metering.md §5). 48 kHz → 48 frames, 44.1 kHz → 42, 96 kHz → 96.

import { msToFrames } from "./units";
import { GATE_BLOCK_MS, GATE_HOP_MS, SHORT_TERM_MS } from "./layout";

// The windows are declared once (host/declaration/limits.ts LOUDNESS_WINDOWS_MS, with their sources).
export { GATE_BLOCK_MS, GATE_HOP_MS, SHORT_TERM_MS };
const MAX_QUANTUM_MS: f64 = 1;

function gcd(a: i32, b: i32): i32 {
  while (b != 0) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/** The largest divisor of the windows' common divisor that is at most 1 ms. */
export function quantumFrames(sampleRate: f64): i32 {
  const common = gcd(
    gcd(msToFrames(GATE_BLOCK_MS, sampleRate), msToFrames(GATE_HOP_MS, sampleRate)),
    msToFrames(SHORT_TERM_MS, sampleRate),
  );
  const limit = max(1, <i32>Math.floor((sampleRate * MAX_QUANTUM_MS) / 1000.0));
  for (let frames = min(limit, common); frames > 1; frames--) {
    if (common % frames == 0) return frames;
  }
  return 1;
}
