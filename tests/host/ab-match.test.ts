/**
 * Level-matched A/B: A/B listen switches click-free, and Match makes OUT as loud as IN
 * by the chosen detector through a chain that saturates or changes the level a lot.
 */
import { describe, expect, test } from "vitest";
import { GainstagePlugin } from "../../host/core/plugin.js";
import type { EventSource } from "../../host/core/events.js";
import { paramByKey, MATCH_DETECTORS } from "../../host/model/params.js";
import {
  matchedOutputTrimDb,
  matchLevel,
  abDeltas,
  MatchWindow,
  MATCH_WINDOW_SECONDS,
} from "../../host/app/ab-match.js";
import { kernelModule, markTarget } from "../helpers/kernel.js";
import { TAP_IN, TAP_OUT } from "../../host/declaration/layout.js";
import { sine } from "../helpers/signals.js";
import { pinkNoise } from "../helpers/programme.js";
import { expectWithin } from "../helpers/tolerance.js";
import { readSnapshot } from "../../host/model/readings.js";

const rate = 48000,
  block = 128;
const none: EventSource = {
  size: () => 0,
  nextFrame: () => Infinity,
  nextId: () => 0,
  nextValue: () => 0,
  shift: () => {},
};

/** PRE → effect → POST, the way the worklet pair runs, with POST's alternate = what entered PRE. */
class Chain {
  readonly pre = new GainstagePlugin(kernelModule, "pre");
  readonly post = new GainstagePlugin(kernelModule, "post");
  constructor(
    private readonly effect: (x: number) => number,
    channels = 2,
  ) {
    this.pre.activate(rate, block, block, channels);
    this.post.activate(rate, block, block, channels);
  }
  set(point: GainstagePlugin, key: string, value: number) {
    point.apply(paramByKey(key).id, value);
  }
  run(input: Float32Array[]): Float32Array[] {
    const out = input.map((c) => new Float32Array(c.length));
    for (let start = 0; start < input[0]!.length; start += block) {
      const count = Math.min(block, input[0]!.length - start);
      input.forEach((data, c) => {
        this.pre.kernel.input(c).set(data.subarray(start, start + count));
        this.post.kernel.alternate(c).set(data.subarray(start, start + count));
      });
      this.pre.process(start, count, none);
      input.forEach((_, c) => {
        const sent = this.pre.kernel.output(c),
          returned = this.post.kernel.input(c);
        for (let n = 0; n < count; n++) returned[n] = this.effect(sent[n]!);
      });
      this.post.process(start, count, none);
      out.forEach((data, c) => data.set(this.post.kernel.output(c).subarray(0, count), start));
    }
    return out;
  }
  /** IN and OUT as a window since a mark sees them. */
  marked() {
    return () => ({
      in: { point: markTarget(this.pre), tap: TAP_IN },
      out: { point: markTarget(this.post), tap: TAP_OUT },
    });
  }
  taps() {
    const [inTap] = readSnapshot(this.pre.kernel);
    const [, outTap] = readSnapshot(this.post.kernel);
    return { inTap: inTap!, outTap: outTap! };
  }
}

const programme = () => [pinkNoise(rate * 8, 0.05, 21), pinkNoise(rate * 8, 0.05, 22)];
const effects: [string, (x: number) => number][] = [
  ["tape-like saturation (tanh, driven)", (x) => Math.tanh(6 * x) / 2],
  ["a +14 dB gain", (x) => x * 10 ** (14 / 20)],
  ["a −20 dB gain with hard clip", (x) => Math.max(-0.05, Math.min(0.05, x * 0.1))],
];

describe.each(effects)("Match through %s", (_, effect) => {
  test.each(MATCH_DETECTORS.map((name, index) => [name, index] as const))(
    "%s: OUT = IN within 0.1 dB after settling",
    (_, detector) => {
      const chain = new Chain(effect);
      chain.run(programme());
      const first = chain.taps();
      const trim = matchedOutputTrimDb(first.inTap, first.outTap, 0, detector)!;
      expect(trim).not.toBeNull();
      chain.set(chain.post, "outputTrimDb", trim);
      chain.run(programme());
      const { inTap, outTap } = chain.taps();
      expectWithin(matchLevel(outTap, detector), matchLevel(inTap, detector), 0.1, 0.1, "OUT vs IN");
    },
  );
});

test("Match holds on silence (nothing to compare)", () => {
  const chain = new Chain((x) => x);
  chain.run([new Float32Array(rate), new Float32Array(rate)]);
  const { inTap, outTap } = chain.taps();
  expect(matchedOutputTrimDb(inTap, outTap, 3, 0)).toBeNull();
});

test("deltas OUT − IN per detector", () => {
  const chain = new Chain((x) => x * 2);
  chain.run([sine(rate, 997, -20, 4), sine(rate, 997, -20, 4)]);
  const { inTap, outTap } = chain.taps();
  const deltas = abDeltas(inTap, outTap);
  for (const key of ["shortTermLu", "momentaryLu", "rmsAes17Db", "vuDb", "samplePeakDb", "truePeakDb"]) {
    expectWithin(deltas[key]!, 20 * Math.log10(2), 0.01, 0.01, key);
  }
});

describe("A/B listen", () => {
  // B: the input through +12 dB; A: the input itself. Switch to A at 0.5 s, back to B at 1 s.
  const input = sine(rate, 220, -20, 1.5);
  const chain = new Chain((x) => x * 10 ** (12 / 20), 1);
  const out: number[] = [];
  for (const [from, to, listen] of [
    [0, 0.5, 0],
    [0.5, 1, 1],
    [1, 1.5, 0],
  ] as const) {
    chain.set(chain.post, "abListen", listen);
    out.push(...chain.run([input.subarray(from * rate, to * rate)])[0]!);
  }
  const ramp = Math.round(0.02 * rate);

  test("switches over 20 ms with no sample-to-sample jump beyond the signals' own", () => {
    const gain = 10 ** (12 / 20);
    const ownSlope = (gain * 10 ** (-20 / 20) * 2 * Math.PI * 220) / rate; // max |Δ| of B per sample
    for (let n = 1; n < out.length; n++) {
      // A linear crossfade adds at most |A − B| / ramp per sample.
      const allowed = ownSlope + ((gain + 1) * 10 ** (-20 / 20)) / ramp + 1e-7;
      expect(Math.abs(out[n]! - out[n - 1]!), `frame ${n}`).toBeLessThanOrEqual(allowed);
    }
  });
  test("lands exactly on A, then exactly back on B", () => {
    const gain = Math.fround(10 ** (12 / 20));
    for (let n = 0.5 * rate + ramp; n < rate; n += 97) expect(out[n]).toBe(input[n]);
    for (let n = rate + ramp; n < 1.5 * rate; n += 97)
      expectWithin(out[n]!, Math.fround(input[n]! * gain), 1e-7, 1e-7, `B at ${n}`);
  });
  test("OUT keeps metering B while A is heard", () => {
    const { outTap } = chain.taps();
    expectWithin(outTap.overall.samplePeakMaxDbfs, -8, 0.01, 0.01, "OUT peak");
  });
});

describe("Match over a window", () => {
  // A programme that swings 12 dB every 1.5 s into a saturating effect: the effect squashes the
  // loud part more, so one instantaneous reading matches whichever part was playing.
  const swing = () => {
    const signal = pinkNoise(rate * 12, 0.05, 31);
    for (let n = 0; n < signal.length; n++) if (Math.floor(n / (1.5 * rate)) % 2 === 1) signal[n]! *= 4;
    return [signal, signal.slice()];
  };
  const effect = (x: number) => Math.tanh(5 * x) / 3;

  test.each(MATCH_DETECTORS.map((name, index) => [name, index] as const))(
    "%s: the trim from a ≥ 3 s window makes OUT = IN over the next window",
    (_, detector) => {
      const chain = new Chain(effect);
      const window = new MatchWindow("match", chain.marked());
      const input = swing();
      const hop = rate / 10;
      for (let at = 0; at < input[0]!.length; at += hop) {
        chain.run(input.map((c) => c.subarray(at, at + hop)));
        const { inTap, outTap } = chain.taps();
        if (at === 0) window.start();
        else window.push(inTap, outTap, rate);
      }
      expect(window.seconds).toBeGreaterThanOrEqual(MATCH_WINDOW_SECONDS);
      const trim = window.matchedOutputTrimDb(0, detector)!;
      expect(trim).not.toBeNull();
      chain.set(chain.post, "outputTrimDb", trim);
      const check = new MatchWindow("match", chain.marked());
      for (let at = 0; at < input[0]!.length; at += hop) {
        chain.run(input.map((c) => c.subarray(at, at + hop)));
        const { inTap, outTap } = chain.taps();
        if (at === 0) check.start();
        else check.push(inTap, outTap, rate);
      }
      const { in: inLevel, out: outLevel } = check.levels(detector);
      // Loudness, RMS: exact sums over the same 12 s; VU and max momentary are sampled every 100 ms.
      expectWithin(
        outLevel,
        inLevel,
        detector === 0 || detector === 2 ? 0.02 : 0.1,
        detector === 0 || detector === 2 ? 0.02 : 0.1,
        "OUT vs IN over the window",
      );
    },
  );

  test("the window's loudness is exactly the K-weighted loudness of the frames in it (two readings of the cumulative readout)", () => {
    const chain = new Chain((x) => x);
    const input = [sine(rate, 997, -30, 2), sine(rate, 997, -30, 2)];
    chain.run(input);
    const window = new MatchWindow("match", chain.marked());
    window.start();
    chain.run([sine(rate, 997, -10, 4), sine(rate, 997, -10, 4)]);
    const now = chain.taps();
    window.push(now.inTap, now.outTap, rate);
    expectWithin(
      window.levels(0).in,
      -10,
      0.02,
      0.02,
      "stereo 997 Hz at −10 dBFS reads −10 LUFS, the earlier −30 part left out",
    );
    expectWithin(window.levels(2).in, -10, 0.001, 0.001, "AES17 RMS of the window");
  });

  test("shorter than 3 s, or silent: no trim", () => {
    const chain = new Chain((x) => x);
    const window = new MatchWindow("match", chain.marked());
    chain.run(programme().map((c) => c.subarray(0, rate)));
    window.start();
    chain.run(programme().map((c) => c.subarray(0, 2 * rate)));
    const b = chain.taps();
    window.push(b.inTap, b.outTap, rate);
    expect(window.matchedOutputTrimDb(0, 0)).toBeNull();
  });
});
