/**
 * Blind A/B logic and snapshots: the hidden order is unbiased over many
 * seeds; the probabilities are the binomial's, computed here from the definition; snapshots hold
 * every setting, travel in the saved state, and a damaged one is refused with nothing changed.
 */
import { describe, expect, test } from "vitest";
import { BlindTest, binomialTail } from "../../host/app/blind-test.js";
import { ParamStore } from "../../host/model/param-store.js";
import { PARAMS } from "../../host/model/params.js";
import { StateError } from "../../host/model/state.js";
import { rng } from "../helpers/signals.js";

/** C(n, k) / 2^n summed from k to n, by the definition (exact for these small n). */
function tailByDefinition(k: number, n: number): number {
  let total = 0;
  for (let i = k; i <= n; i++) {
    let c = 1;
    for (let j = 0; j < i; j++) c = (c * (n - j)) / (j + 1);
    total += c;
  }
  return total / 2 ** n;
}

describe("blind A/B", () => {
  test("the binomial tail matches its definition (e.g. 12 of 16 right by guessing: 3.84 %)", () => {
    for (const n of [1, 5, 10, 16, 20])
      for (let k = 0; k <= n + 1; k++) expect(binomialTail(k, n)).toBeCloseTo(tailByDefinition(k, n), 12);
    expect(binomialTail(12, 16)).toBeCloseTo(0.0384, 4);
  });

  test("over many seeds X hides A and B equally often (within 3 standard deviations)", () => {
    let aCount = 0,
      total = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const test = new BlindTest("abx", 50, rng(seed));
      for (let t = 0; t < 50; t++) {
        if (test.listen("X") === "A") aCount++;
        total++;
        test.answer("A");
      }
    }
    expect(Math.abs(aCount - total / 2)).toBeLessThan(3 * Math.sqrt(total / 4));
  });

  test("ABX: always answering A scores about half; a listener who hears the difference scores all", () => {
    const guesser = new BlindTest("abx", 16, rng(9));
    for (let t = 0; t < 16; t++) guesser.answer("A");
    const knower = new BlindTest("abx", 16, rng(9));
    for (let t = 0; t < 16; t++) knower.answer(knower.listen("X"));
    expect(knower.result()).toMatchObject({ answered: 16, score: 16 });
    expect(knower.result().probability).toBeCloseTo(2 ** -16, 12);
    expect(guesser.result().score).toBeLessThan(16);
  });

  test("preference: X and Y are A and B in some order; the tally counts B, two-sided", () => {
    const test = new BlindTest("preference", 10, rng(4));
    for (let t = 0; t < 10; t++) {
      expect(new Set([test.listen("X"), test.listen("Y")])).toEqual(new Set(["A", "B"]));
      test.answer(test.listen("X") === "B" ? "X" : "Y"); // always picks B
    }
    expect(test.result()).toMatchObject({ score: 10, answered: 10 });
    expect(test.result().probability).toBeCloseTo(2 * 2 ** -10, 12);
    expect(() => test.answer("X")).toThrow(/every trial/);
  });
});

describe("snapshots", () => {
  test("a snapshot holds every setting; recalling it sets them all back", () => {
    const store = new ParamStore();
    store.set("inputTrimDb", -6);
    store.set("widthPercent", 150);
    store.storeSnapshot("B");
    store.set("inputTrimDb", 3);
    store.set("monoSum", 1);
    store.recallSnapshot("B");
    expect(store.get("inputTrimDb")).toBe(-6);
    expect(store.get("widthPercent")).toBe(150);
    expect(store.get("monoSum")).toBe(0);
    expect(() => store.recallSnapshot("D")).toThrow(/snapshot D is empty/);
  });

  test("snapshots travel in the saved state (session, presets) and come back exactly", () => {
    const store = new ParamStore();
    store.set("outputTrimDb", -2.25);
    store.storeSnapshot("A");
    store.set("outputTrimDb", 1);
    store.storeSnapshot("C");
    const text = JSON.stringify(store.save());
    const restored = new ParamStore();
    restored.load(text);
    expect(restored.hasSnapshot("A") && restored.hasSnapshot("C") && !restored.hasSnapshot("B")).toBe(true);
    restored.recallSnapshot("A");
    expect(restored.get("outputTrimDb")).toBe(-2.25);
    expect(Object.keys(store.save().snapshots!.A!)).toEqual(PARAMS.map((p) => p.key));
  });

  test.each([
    ["an unknown slot", { E: {} }, /no slot "E"/],
    ["a value out of range", { A: { inputTrimDb: 99 } }, /state\.snapshots\.A must|inputTrimDb: 99 is outside/],
    ["not an object", "A", /state\.snapshots must be an object/],
  ])("a state with %s in its snapshots is refused whole: nothing changes", (_, snapshots, message) => {
    const store = new ParamStore();
    store.set("inputTrimDb", -1);
    const state = { ...store.save(), params: { inputTrimDb: 5 }, snapshots };
    expect(() => store.load(state)).toThrow(StateError);
    expect(() => store.load(state)).toThrow(message);
    expect(store.get("inputTrimDb")).toBe(-1);
  });
});
