/** State: exact round trip, defaults for missing fields, unknown fields ignored, fuzzed hostile inputs refused cleanly. */
import { describe, expect, test } from "vitest";
import { PARAMS, defaultValues } from "../../host/model/params.js";
import { ParamStore } from "../../host/model/param-store.js";
import {
  StateError,
  parseState,
  saveState,
  stateToText,
  validateLink,
  validateState,
  MAX_STATE_BYTES,
} from "../../host/model/state.js";
import { rng } from "../helpers/signals.js";

function randomValues(random: () => number) {
  return Object.fromEntries(
    PARAMS.map((p) => {
      const value = p.min + random() * (p.max - p.min);
      return [p.key, p.flags.stepped ? Math.round(value) : value];
    }),
  );
}

test("round trip is exact, to the last bit", () => {
  const random = rng(9);
  for (let i = 0; i < 200; i++) {
    const values = randomValues(random);
    expect(parseState(stateToText(values))).toEqual(values);
  }
});

test("missing parameters take defaults; unknown fields are ignored", () => {
  const values = validateState({
    format: "gainstage-state",
    version: 1,
    params: { inputTrimDb: -3, someFutureKnob: 7 },
    futureSection: {},
  });
  expect(values).toEqual({ ...defaultValues(), inputTrimDb: -3 });
});

describe("refused, with an error naming what is wrong", () => {
  const base = { format: "gainstage-state", version: 1, params: { inputTrimDb: -3 } };
  test.each([
    [{ ...base, format: "other" }, /not a Gainstage state/],
    [{ ...base, version: 2 }, /newer/],
    [{ ...base, version: 0 }, /version/],
    [{ ...base, version: 1.5 }, /version/],
    [{ ...base, params: [] }, /params must be an object/],
    [{ ...base, params: { inputTrimDb: NaN } }, /inputTrimDb/],
    [{ ...base, params: { inputTrimDb: "3" } }, /inputTrimDb/],
    [{ ...base, params: { outputTrimDb: 49 } }, /outputTrimDb: 49 is outside/],
    [{ ...base, params: { bypass: 0.5 } }, /bypass: 0.5 must be a whole number/],
    [{ ...base, params: Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`k${i}`, 1])) }, /too many/],
    // Another plugin's preset: loading it would reset every setting to its default.
    [{ ...base, params: { gain: 3, drive: 0.5 } }, /names none of Gainstage's parameters \(2 unknown, e\.g\. "gain"\)/],
  ])("%j", (state, message) => {
    expect(() => validateState(state)).toThrow(StateError);
    expect(() => validateState(state)).toThrow(message);
  });
  test("oversized and truncated text", () => {
    expect(() => parseState(" ".repeat(MAX_STATE_BYTES + 1))).toThrow(/bytes/);
    const text = stateToText(defaultValues());
    for (let cut = 0; cut < text.length; cut += 7) expect(() => parseState(text.slice(0, cut))).toThrow(StateError);
    expect(() => parseState(42)).toThrow(/must be text/);
  });
});

test("seeded fuzz: random and mutated states never throw anything but StateError, and a refused load changes nothing", () => {
  const random = rng(77);
  const store = new ParamStore();
  store.set("inputTrimDb", -4.25);
  const before = store.all();
  const good = stateToText(randomValues(random));
  const junk = [null, true, 0, -1, 1e308, NaN, "", "x", [], {}, [1, 2], { a: 1 }, "\u0000", -0];
  let refused = 0;
  for (let i = 0; i < 3000; i++) {
    let text: string;
    const roll = random();
    if (roll < 0.4) {
      const chars = good.split("");
      for (let k = 0; k < 1 + Math.floor(random() * 4); k++)
        chars[Math.floor(random() * chars.length)] = String.fromCharCode(32 + Math.floor(random() * 95));
      text = chars.join("");
    } else if (roll < 0.8) {
      const data = JSON.parse(good);
      const paths = [
        ["format"],
        ["version"],
        ["params"],
        ["params", PARAMS[Math.floor(random() * PARAMS.length)]!.key],
      ];
      const path = paths[Math.floor(random() * paths.length)]!;
      let target = data;
      for (const key of path.slice(0, -1)) target = target[key];
      target[path[path.length - 1]!] = junk[Math.floor(random() * junk.length)];
      text = JSON.stringify(data);
    } else {
      text = good.slice(0, Math.floor(random() * good.length));
    }
    try {
      store.load(text);
      store.load(stateToText(before));
    } catch (error) {
      expect(error).toBeInstanceOf(StateError);
      expect(store.all()).toEqual(before);
      refused++;
    }
  }
  expect(refused).toBeGreaterThan(1000);
});

describe("a pair's link (saved by plugin formats whose two instances are created apart)", () => {
  test("saved with the values and read back; absent means alone", () => {
    const saved = saveState(defaultValues(), { id: "pair-7", role: "post" });
    expect(validateLink(JSON.parse(JSON.stringify(saved)))).toEqual({ id: "pair-7", role: "post" });
    expect(validateLink(JSON.parse(JSON.stringify(saveState(defaultValues()))))).toBeNull();
  });

  test.each([
    ["not an object", "pair-7", /state\.link must be an object/],
    ["an id with a path", { id: "../x", role: "pre" }, /state\.link\.id/],
    ["an empty id", { id: "", role: "pre" }, /state\.link\.id/],
    ["a 65-character id", { id: "a".repeat(65), role: "pre" }, /state\.link\.id/],
    ["an unknown role", { id: "pair-7", role: "single" }, /state\.link\.role must be "pre" or "post"/],
  ])("refused: %s", (_, link, message) => {
    expect(() => validateLink({ ...saveState(defaultValues()), link })).toThrow(message);
  });
});
