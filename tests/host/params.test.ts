/** The parameter table: agreement with the kernel, text ↔ value, clamping, flags, stable ids. */
import { describe, expect, test } from "vitest";
import {
  PARAMS,
  ParamError,
  paramByKey,
  textToValue,
  valueToText,
  normalizeValue,
  defaultValues,
} from "../../host/model/params.js";
import { newKernel } from "../helpers/kernel.js";
import { LIMITS } from "../../host/declaration/declaration.js";
import { STATUS_CODE } from "../../host/declaration/layout.js";

describe("the table agrees with the kernel", () => {
  const kernel = newKernel(48000, 2);
  const kernelParams = PARAMS.filter((p) => p.kernel);
  test.each(kernelParams.map((p) => [p.key, p] as const))("%s: range, default, stepping", (_, spec) => {
    const id = spec.id; // one id space: the table's id is the kernel's
    expect(kernel.exports.paramMin(id)).toBe(spec.min);
    expect(kernel.exports.paramMax(id)).toBe(spec.max);
    expect(kernel.exports.paramDefault(id)).toBe(spec.default);
    expect(kernel.exports.paramIsStepped(id) !== 0).toBe(spec.flags.stepped);
    expect(kernel.getParam(id)).toBe(spec.default);
    // The kernel clamps exactly where the table clamps.
    expect(kernel.setParam(id, spec.max + 1)).toBe(STATUS_CODE.clamped);
    expect(kernel.getParam(id)).toBe(normalizeValue(spec, spec.max + 1));
    expect(kernel.setParam(id, spec.min - 1)).toBe(STATUS_CODE.clamped);
    expect(kernel.getParam(id)).toBe(normalizeValue(spec, spec.min - 1));
  });
  test("ids and keys are unique; ids are the append-only list as published", () => {
    expect(new Set(PARAMS.map((p) => p.id)).size).toBe(PARAMS.length);
    expect(new Set(PARAMS.map((p) => p.key)).size).toBe(PARAMS.length);
    // Changing this list breaks saved automation: append only.
    // In id order, as the declaration lists them (hosts list them so too).
    expect(PARAMS.map((p) => `${p.id}:${p.key}`)).toEqual([
      "0:inputTrimDb",
      "1:outputTrimDb",
      "2:bypass",
      "3:vuReferenceDbfs",
      "4:leftTrimDb",
      "5:rightTrimDb",
      "6:midTrimDb",
      "7:sideTrimDb",
      "8:polarityL",
      "9:polarityR",
      "10:widthPercent",
      "11:monoSum",
      "12:swapChannels",
      "13:matchToleranceDb",
      "14:matchRateDbPerSecond",
      "15:ppmStandard",
      "16:autoTrimTargetDb",
      "17:autoTrimDetector",
      "18:abListen",
      "19:peakCeilingDbfs",
      "20:peakCeilingOn",
      "21:autoRide",
      "22:matchDetector",
      "23:peakCeilingTpDbtp",
      "24:peakCeilingTpOn",
      "25:rideDeadbandDb",
      "26:rideUpDbPerSecond",
      "27:rideDownDbPerSecond",
      "28:rideMinTrimDb",
      "29:rideMaxTrimDb",
      "30:insertLatencyFrames",
      "31:autoMatch",
    ]);
    // Command ids start at paramIdEnd: a parameter beyond it would be read as a command.
    for (const p of PARAMS) expect(p.id).toBeLessThan(LIMITS.paramIdEnd);
  });
  test("every range and default is finite and ordered; switches have labels for every value", () => {
    for (const p of PARAMS) {
      expect(Number.isFinite(p.min) && Number.isFinite(p.max) && p.min < p.max, p.key).toBe(true);
      expect(p.default >= p.min && p.default <= p.max, p.key).toBe(true);
      if (p.flags.enum) expect(p.choices?.length, p.key).toBe(p.max - p.min + 1);
      if (p.flags.bypass) expect(p.flags.stepped, p.key).toBe(true);
    }
  });
});

describe("value → text", () => {
  const trim = paramByKey("inputTrimDb");
  test.each([
    [-18, "\u221218.0 dB"],
    [6, "+6.0 dB"],
    [0, "0.0 dB"],
    [-0.04, "0.0 dB"],
    [47.96, "+48.0 dB"],
  ])("%f → %s", (value, text) => {
    expect(valueToText(trim, value)).toBe(text);
  });
  test("switches show their labels", () => {
    expect(valueToText(paramByKey("bypass"), 1)).toBe("On");
    expect(valueToText(paramByKey("polarityR"), 0)).toBe("Normal");
    expect(valueToText(paramByKey("vuReferenceDbfs"), -18)).toBe("\u221218.0 dBFS");
  });
});

describe("text → value", () => {
  const trim = paramByKey("inputTrimDb");
  test.each([
    ["-18", -18],
    ["-18 dB", -18],
    ["\u221218,0", -18],
    ["\u221218.0 dB", -18],
    ["+6dB", 6],
    [" 3.5 ", 3.5],
    ["-0,5", -0.5],
    [".5", 0.5],
    ["100", 48],
    ["-100 dB", -48],
    ["12 DB", 12],
  ])("%j → %f", (text, value) => {
    expect(textToValue(trim, text)).toBe(value);
  });
  test.each(["", "abc", "--3", "3 dB dB", "1e3", "NaN", "Infinity", "6 Hz", "3.4.5"])(
    "%j is refused with a clear error",
    (text) => {
      expect(() => textToValue(trim, text)).toThrow(ParamError);
      expect(() => textToValue(trim, text)).toThrow(
        /Input trim: .* is not a number in dB \(range −48\.0 dB … \+48\.0 dB\)/,
      );
    },
  );
  test("switches take labels (any case), first words and indices", () => {
    expect(textToValue(paramByKey("polarityL"), "inverted")).toBe(1);
    expect(textToValue(paramByKey("bypass"), "ON")).toBe(1);
    expect(textToValue(paramByKey("abListen"), "a")).toBe(1);
    expect(textToValue(paramByKey("bypass"), "0")).toBe(0);
    expect(() => textToValue(paramByKey("bypass"), "maybe")).toThrow(/one of Off, On/);
  });
  test("round trip: text of every value parses back to the displayed value", () => {
    for (const p of PARAMS) {
      for (let k = 0; k <= 20; k++) {
        const value = normalizeValue(p, p.min + ((p.max - p.min) * k) / 20);
        const text = valueToText(p, value);
        expect(textToValue(p, text), `${p.key} ${text}`).toBeCloseTo(value, p.decimals);
      }
    }
  });
});

test("normalizeValue refuses non-numbers and non-finite values", () => {
  const trim = paramByKey("inputTrimDb");
  for (const bad of [NaN, Infinity, -Infinity, "3", null, undefined, {}])
    expect(() => normalizeValue(trim, bad)).toThrow(ParamError);
  expect(defaultValues().vuReferenceDbfs).toBe(-18);
  expect(() => paramByKey("nope")).toThrow(/unknown parameter "nope"/);
});
