// Auto-match at POST: keeps OUT as loud as IN by moving the output trim, continuously. Both sides
// are K-weighted (BS.1770-5 Annex 1) — A, the alternate input delayed by the insert's latency,
// and RETURN, what came back from the insert before the output trim — and their energies decay
// with the ride's window (3 s time constant). Every 100 ms hop the trim that would match,
// loudness(A) − loudness(RETURN), is compared with the trim now: inside the tolerance nothing
// moves; outside it the trim moves toward it at no more than the set speed. When either side's
// last hop is below the absolute gate (−70 LUFS, silence), it holds. The moves are reported as
// output events like Ride's (point.ts).

import { arenaAlloc } from "./arena";
import { KWeighting } from "./k-weighting";
import { SamplePass } from "./sample-pass";
import { Vu } from "./vu";
import { Ppm } from "./ppm";
import { LOUDNESS_OFFSET_LU } from "./loudness-histogram";
import { MIN_LUFS } from "./loudness-scale";
import { MAX_CHANNELS, MAX_FRAMES, OUTPUT_TRIM_DB_MAX, OUTPUT_TRIM_DB_MIN, PASS_LOUDNESS } from "./layout";
import { sanitizeInto } from "./sanitize";
import { powerToDb } from "./units";

/** The window both sides are compared over: the ride's (auto-trim.ts RIDE_WINDOW_SECONDS). */
const WINDOW_SECONDS: f64 = 3.0;
const SUMS_BYTES: usize = (<usize>MAX_CHANNELS) << 3;

// @ts-ignore: decorator
@unmanaged
export class AutoMatch {
  filterA: KWeighting;
  filterReturn: KWeighting;
  scratch: usize; // sanitized planar copy of A's span
  nonFinite: usize; // counts sanitizeInto keeps (unused here)
  sumsA: usize; // f64 per channel: K-weighted Σy² of the open hop
  sumsReturn: usize;
  energyA: f64; // decayed mean K-weighted energy
  energyReturn: f64;
  hopFrames: i32;
  hopFill: i32;
  hopSeconds: f64;
  decay: f64;
  lastHopAudible: bool;
  channels: i32;
  // settings (point.ts keeps them in step with the parameters)
  on: bool;
  toleranceDb: f64;
  rateDbPerSecond: f64;

  static create(sampleRate: f64, channels: i32, hopFrames: i32): AutoMatch {
    const match = changetype<AutoMatch>(arenaAlloc(offsetof<AutoMatch>()));
    match.filterA = KWeighting.create(sampleRate, channels);
    match.filterReturn = KWeighting.create(sampleRate, channels);
    match.scratch = arenaAlloc((<usize>(MAX_CHANNELS * MAX_FRAMES)) << 2);
    match.nonFinite = arenaAlloc(SUMS_BYTES);
    match.sumsA = arenaAlloc(SUMS_BYTES);
    match.sumsReturn = arenaAlloc(SUMS_BYTES);
    match.hopFrames = hopFrames;
    match.hopSeconds = <f64>hopFrames / sampleRate;
    match.decay = Math.exp(-match.hopSeconds / WINDOW_SECONDS);
    match.channels = channels;
    match.reset();
    return match;
  }

  reset(): void {
    this.filterA.reset();
    this.filterReturn.reset();
    memory.fill(this.sumsA, 0, SUMS_BYTES);
    memory.fill(this.sumsReturn, 0, SUMS_BYTES);
    this.energyA = 0;
    this.energyReturn = 0;
    this.hopFill = 0;
    this.lastHopAudible = false;
  }

  /** Frames from now to the end of the open hop (1 … hopFrames). */
  framesToHop(): i32 {
    return this.hopFrames - this.hopFill;
  }

  /**
   * K-weights a span: A from `alternate` at frames [start, start + count) (sanitized here),
   * RETURN from `returnBlock`, already sanitized at frames [0, count) (the IN tap's copy).
   */
  accumulate(returnBlock: usize, alternate: usize, start: i32, count: i32): void {
    sanitizeInto(alternate, this.scratch, this.channels, start, count, this.nonFinite);
    const noVu = changetype<Vu>(0),
      noPpm = changetype<Ppm>(0);
    for (let pair = 0; pair < (this.channels + 1) >> 1; pair++) {
      SamplePass.run(this.scratch, pair, 0, count, PASS_LOUDNESS, this.filterA, this.sumsA, 0, noVu, noPpm);
      SamplePass.run(returnBlock, pair, 0, count, PASS_LOUDNESS, this.filterReturn, this.sumsReturn, 0, noVu, noPpm);
    }
    this.hopFill += count;
  }

  atHop(): bool {
    return this.hopFill >= this.hopFrames;
  }

  /** Closes the hop: folds its energies into the decayed windows. */
  endHop(): void {
    let a: f64 = 0,
      back: f64 = 0;
    for (let channel = 0; channel < this.channels; channel++) {
      a += load<f64>(this.sumsA + ((<usize>channel) << 3));
      back += load<f64>(this.sumsReturn + ((<usize>channel) << 3));
    }
    memory.fill(this.sumsA, 0, SUMS_BYTES);
    memory.fill(this.sumsReturn, 0, SUMS_BYTES);
    a /= <f64>this.hopFrames;
    back /= <f64>this.hopFrames;
    this.lastHopAudible =
      LOUDNESS_OFFSET_LU + powerToDb(a) > MIN_LUFS && LOUDNESS_OFFSET_LU + powerToDb(back) > MIN_LUFS;
    this.energyA = this.energyA * this.decay + a * (1.0 - this.decay);
    this.energyReturn = this.energyReturn * this.decay + back * (1.0 - this.decay);
    this.hopFill = 0;
    this.filterA.flushSubnormals();
    this.filterReturn.flushSubnormals();
  }

  /** The output trim that makes OUT as loud as A over the window (dB); NaN when either is silent. */
  matchingTrimDb(): f64 {
    if (!(this.energyA > 0) || !(this.energyReturn > 0)) return NaN;
    return powerToDb(this.energyA) - powerToDb(this.energyReturn);
  }

  /** One step from `currentDb` (after endHop): the output trim to use from now. */
  step(currentDb: f64): f64 {
    if (!this.on || !this.lastHopAudible) return currentDb; // silence: hold
    const target = this.matchingTrimDb();
    if (!isFinite(target)) return currentDb;
    const error = min(OUTPUT_TRIM_DB_MAX, max(OUTPUT_TRIM_DB_MIN, target)) - currentDb;
    if (Math.abs(error) <= this.toleranceDb) return currentDb;
    const most = this.rateDbPerSecond * this.hopSeconds;
    return currentDb + min(most, max(-most, error));
  }
}
