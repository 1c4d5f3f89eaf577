/**
 * Auto-match and a Ride that does not pump, in the kernel: the trims
 * they move, hop by hop, from the output events the kernel reports. Truths: the gain the test put
 * in the signal, the settings' bounds (tolerance, dead-band, speeds, range), and silence.
 */
import { describe, expect, test } from "vitest";
import type { Kernel } from "../../host/core/kernel.js";
import { PARAM_ID as P } from "../../host/model/params.js";
import { newKernel } from "../helpers/kernel.js";
import { pinkNoise } from "../helpers/programme.js";
import { expectWithin } from "../helpers/tolerance.js";

const rate = 48000;
const HOP_SECONDS = 0.1;
const gain = (db: number) => 10 ** (db / 20);

interface Move {
  frame: number;
  value: number;
}

/** Runs `frames` through a kernel in 128-frame blocks; `feed` fills input (and alternate) at each block; returns the moves of `id`. */
function runMoves(kernel: Kernel, frames: number, id: number, feed: (at: number, n: number) => void): Move[] {
  const moves: Move[] = [];
  const event = new Float64Array(3);
  for (let at = 0; at < frames; at += 128) {
    const n = Math.min(128, frames - at);
    feed(at, n);
    kernel.processRange(0, n);
    for (let i = 0; i < kernel.exports.outputEventCount(); i++) {
      kernel.outputEvent(i, event);
      if (event[0] === id) moves.push({ frame: at + event[1]!, value: event[2]! });
    }
  }
  return moves;
}

describe("auto-match keeps OUT as loud as IN", () => {
  const seconds = 12;
  const x = pinkNoise(rate * seconds, 0.05, 7);
  /** POST of an insert that adds `insertDb` to what entered PRE (A); silence from `silentFrom` seconds. */
  function matchRun(insertDb: number, settings: { tolerance?: number; rate?: number }, silentFrom = Infinity) {
    const kernel = newKernel(rate, 1);
    kernel.setParam(P.autoMatch, 1);
    if (settings.tolerance !== undefined) kernel.setParam(P.matchToleranceDb, settings.tolerance);
    if (settings.rate !== undefined) kernel.setParam(P.matchRateDbPerSecond, settings.rate);
    const g = gain(insertDb);
    const moves = runMoves(kernel, x.length, P.outputTrimDb, (at, n) => {
      for (let i = 0; i < n; i++) {
        const v = at + i >= silentFrom * rate ? 0 : x[at + i]!;
        kernel.alternate(0)[i] = v;
        kernel.input(0)[i] = v * g;
      }
    });
    return { kernel, moves };
  }

  test("+6 dB in the insert: the output trim goes to −6 dB, within the 0.5 dB tolerance, at no more than 2 dB/s", () => {
    const { kernel, moves } = matchRun(6, {});
    expect(moves.length).toBeGreaterThan(10);
    const final = kernel.getParam(P.outputTrimDb);
    expectWithin(final, -6, 0.5, 0.5, "matched output trim");
    let previous = 0;
    for (const move of moves) {
      expect(Math.abs(move.value - previous)).toBeLessThanOrEqual(2 * HOP_SECONDS + 1e-9);
      previous = move.value;
    }
  });

  test("a tighter tolerance (0.1 dB) and a faster speed (10 dB/s) land closer, sooner", () => {
    const { kernel, moves } = matchRun(-9, { tolerance: 0.1, rate: 10 });
    expectWithin(kernel.getParam(P.outputTrimDb), 9, 0.1, 0.1, "matched output trim");
    expect(moves[moves.length - 1]!.frame / rate).toBeLessThan(3);
  });

  test("in silence it holds: no move once a whole hop is silent", () => {
    const { moves } = matchRun(6, { rate: 1 }, 4);
    expect(moves.length).toBeGreaterThan(0);
    // The hop that ends 100 ms into the silence still holds the K-filter's tail; none after it.
    expect(moves.every((m) => m.frame <= 4 * rate + 2 * HOP_SECONDS * rate)).toBe(true);
  });

  test("off (the default): the output trim never moves", () => {
    const kernel = newKernel(rate, 1);
    const moves = runMoves(kernel, rate * 4, P.outputTrimDb, (at, n) => {
      kernel.alternate(0).set(x.subarray(at, at + n));
      kernel.input(0).set(x.subarray(at, at + n).map((v) => v * 2));
    });
    expect(moves).toEqual([]);
  });
});

describe("Ride does not pump", () => {
  const seconds = 12;
  /** PRE riding pink noise of `levelDb` AES17-ish RMS toward −18 dB; returns the input-trim moves. */
  function ride(signal: Float32Array, settings: Partial<Record<keyof typeof P, number>>) {
    const kernel = newKernel(rate, 1);
    kernel.setParam(P.peakCeilingOn, 0);
    for (const [key, value] of Object.entries(settings)) kernel.setParam(P[key as keyof typeof P], value!);
    kernel.setParam(P.autoRide, 1);
    const moves = runMoves(kernel, signal.length, P.inputTrimDb, (at, n) =>
      kernel.input(0).set(signal.subarray(at, at + n)),
    );
    return { kernel, moves };
  }
  // Pink noise whose gated AES17 level is about −20 dB: the ride's target error is about +2 dB.
  const noise = pinkNoise(rate * seconds, 10 ** (-23 / 20), 3);

  test("a level inside the dead-band never moves the trim", () => {
    const { moves } = ride(noise, { rideDeadbandDb: 6 });
    expect(moves).toEqual([]);
  });

  test("up and down at no more than the set speeds", () => {
    const up = ride(noise, { rideDeadbandDb: 0.2, rideUpDbPerSecond: 0.5 });
    expect(up.moves.length).toBeGreaterThan(5);
    let previous = 0;
    for (const move of up.moves) {
      expect(move.value - previous).toBeLessThanOrEqual(0.5 * HOP_SECONDS + 1e-9);
      previous = move.value;
    }
    const loud = noise.map((v) => v * gain(12));
    const down = ride(loud, { rideDeadbandDb: 0.2, rideDownDbPerSecond: 2 });
    previous = 0;
    for (const move of down.moves) {
      expect(previous - move.value).toBeLessThanOrEqual(2 * HOP_SECONDS + 1e-9);
      previous = move.value;
    }
    expect(previous).toBeLessThan(-5);
  });

  test("the ride stays inside its lowest and highest trim", () => {
    const quiet = noise.map((v) => v * gain(-20));
    const { kernel, moves } = ride(quiet, { rideMaxTrimDb: 4, rideUpDbPerSecond: 20, rideDeadbandDb: 0.1 });
    expect(moves.length).toBeGreaterThan(0);
    expect(Math.max(...moves.map((m) => m.value))).toBeLessThanOrEqual(4);
    expect(kernel.getParam(P.inputTrimDb)).toBe(4);
    const loud = noise.map((v) => v * gain(20));
    const low = ride(loud, { rideMinTrimDb: -3, rideDownDbPerSecond: 40, rideDeadbandDb: 0.1 });
    expect(Math.min(...low.moves.map((m) => m.value))).toBeGreaterThanOrEqual(-3);
  });

  test("silence holds the trim (a ride never rises on silence)", () => {
    const withSilence = new Float32Array(noise.length);
    withSilence.set(noise.subarray(0, 3 * rate));
    const { moves } = ride(withSilence, { rideDeadbandDb: 0.1, rideUpDbPerSecond: 20 });
    expect(moves.length).toBeGreaterThan(0);
    // Ride gates on 400 ms blocks (BS.1770's): none moves once a block is all silence.
    expect(moves.every((m) => m.frame <= 3 * rate + 0.5 * rate)).toBe(true);
  });
});
