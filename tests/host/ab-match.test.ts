/**
 * Level-matched A/B (issue #4): A/B listen switches click-free, and Match makes OUT as loud as IN
 * by the chosen detector through a chain that saturates or changes the level a lot.
 */
import { describe, expect, test } from "vitest";
import { GainstagePlugin, type EventSource } from "../../host/plugin.js";
import { paramByKey, MATCH_DETECTORS } from "../../host/params.js";
import { matchedOutputTrimDb, matchLevel, abDeltas } from "../../host/ab-match.js";
import { kernelModule } from "../helpers/kernel.js";
import { sine } from "../helpers/signals.js";
import { pinkNoise } from "../helpers/programme.js";
import { expectWithin } from "../helpers/tolerance.js";

const rate = 48000, block = 128;
const none: EventSource = { size: () => 0, nextFrame: () => Infinity, nextId: () => 0, nextValue: () => 0, shift: () => {} };

/** PRE → effect → POST, the way the worklet pair runs, with POST's alternate = what entered PRE. */
class Chain {
  readonly pre = new GainstagePlugin(kernelModule, "pre");
  readonly post = new GainstagePlugin(kernelModule, "post");
  constructor(private readonly effect: (x: number) => number, channels = 2) {
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
        const sent = this.pre.kernel.output(c), returned = this.post.kernel.input(c);
        for (let n = 0; n < count; n++) returned[n] = this.effect(sent[n]!);
      });
      this.post.process(start, count, none);
      out.forEach((data, c) => data.set(this.post.kernel.output(c).subarray(0, count), start));
    }
    return out;
  }
  taps() {
    const [inTap] = this.pre.kernel.readSnapshot();
    const [, outTap] = this.post.kernel.readSnapshot();
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
  test.each(MATCH_DETECTORS.map((name, index) => [name, index] as const))("%s: OUT = IN within 0.1 dB after settling", (_, detector) => {
    const chain = new Chain(effect);
    chain.run(programme());
    const first = chain.taps();
    const trim = matchedOutputTrimDb(first.inTap, first.outTap, 0, detector)!;
    expect(trim).not.toBeNull();
    chain.set(chain.post, "outputTrimDb", trim);
    chain.run(programme());
    const { inTap, outTap } = chain.taps();
    expectWithin(matchLevel(outTap, detector), matchLevel(inTap, detector), 0.1, 0.1, "OUT vs IN");
  });
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
  for (const [from, to, listen] of [[0, 0.5, 0], [0.5, 1, 1], [1, 1.5, 0]] as const) {
    chain.set(chain.post, "abListen", listen);
    out.push(...chain.run([input.subarray(from * rate, to * rate)])[0]!);
  }
  const ramp = Math.round(0.02 * rate);

  test("switches over 20 ms with no sample-to-sample jump beyond the signals' own", () => {
    const gain = 10 ** (12 / 20);
    const ownSlope = gain * 10 ** (-20 / 20) * 2 * Math.PI * 220 / rate; // max |Δ| of B per sample
    for (let n = 1; n < out.length; n++) {
      // A linear crossfade adds at most |A − B| / ramp per sample.
      const allowed = ownSlope + (gain + 1) * 10 ** (-20 / 20) / ramp + 1e-7;
      expect(Math.abs(out[n]! - out[n - 1]!), `frame ${n}`).toBeLessThanOrEqual(allowed);
    }
  });
  test("lands exactly on A, then exactly back on B", () => {
    const gain = Math.fround(10 ** (12 / 20));
    for (let n = 0.5 * rate + ramp; n < rate; n += 97) expect(out[n]).toBe(input[n]);
    for (let n = rate + ramp; n < 1.5 * rate; n += 97) expectWithin(out[n]!, Math.fround(input[n]! * gain), 1e-7, 1e-7, `B at ${n}`);
  });
  test("OUT keeps metering B while A is heard", () => {
    const { outTap } = chain.taps();
    expectWithin(outTap.overall.samplePeakMaxDbfs, -8, 0.01, 0.01, "OUT peak");
  });
});
