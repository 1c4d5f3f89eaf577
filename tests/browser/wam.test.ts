/**
 * Gainstage as a WAM 2 plugin, loaded by a host that knows nothing of it (wam-host/wam-host.ts:
 * the SDK's initializeWamHost, import by URL, createInstance) in Debian's Chromium, around a
 * plugin no one here wrote: Sequencer Party's Simple Distortion from the wam-community package.
 * Truths: analytic levels, the rendered samples themselves, and the parameter declaration.
 */
import type { WamParameterData } from "@webaudiomodules/api";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { OFF_ON } from "../../host/declaration/declaration.js";
import { descriptor } from "../../host/declaration/descriptor.js";
import { PARAMS, valueToText } from "../../host/model/params.js";
import { expectWithin } from "../helpers/tolerance.js";
import { type BrowserSession, openDevPage } from "./chromium.js";
import type { WamScenarios } from "./wam-host/wam-host.js";

const HOST = "/tests/browser/wam-host/index.html";
const AES17_DB = 10 * Math.log10(2);
const db = (x: number) => 20 * Math.log10(x);

let session: BrowserSession;
beforeAll(async () => {
  session = await openDevPage(HOST);
}, 120_000);
afterAll(async () => {
  await session?.close();
});

function run<K extends keyof WamScenarios>(name: K): Promise<Awaited<ReturnType<WamScenarios[K]>>> {
  return session.page.evaluate(
    (n) => (globalThis as unknown as { scenarios: Record<string, () => unknown> }).scenarios[n]!(),
    name,
  ) as never;
}

describe("the plugin a host loads by URL", () => {
  let r: Awaited<ReturnType<WamScenarios["parameterInfo"]>>;
  beforeAll(async () => {
    r = await run("parameterInfo");
  });

  test("descriptor: complete — identity, description, keywords, website; audio and automation in and out, no MIDI", () => {
    expect(r.descriptor).toMatchObject({
      identifier: descriptor.id,
      name: descriptor.name,
      vendor: descriptor.vendor,
      version: descriptor.version,
      description: descriptor.description,
      website: descriptor.url,
      apiVersion: "2.0.0-alpha.6",
      isInstrument: false,
      hasAudioInput: true,
      hasAudioOutput: true,
      hasAutomationInput: true,
      hasAutomationOutput: true,
      hasMidiInput: false,
      hasMidiOutput: false,
      hasMpeInput: false,
      hasMpeOutput: false,
      hasSysexInput: false,
      hasSysexOutput: false,
    });
    expect(r.descriptor.keywords).toEqual(expect.arrayContaining(["utility", "analyzer", "gain staging", "LUFS"]));
    expect(new URL(r.descriptor.website).protocol).toBe("https:");
    for (const field of ["name", "vendor", "version", "description", "website"] as const)
      expect(r.descriptor[field].length, field).toBeGreaterThan(0);
  });

  test("parameter info equals the declaration: ids are keys; labels, units, ranges, defaults, types, choices", () => {
    expect(r.info.map((i) => i.id)).toEqual(PARAMS.map((spec) => spec.key));
    for (const spec of PARAMS) {
      const info = r.info.find((i) => i.id === spec.key)!;
      expect(info).toEqual({
        id: spec.key,
        label: spec.name,
        type: spec.choices === OFF_ON ? "boolean" : spec.choices ? "choice" : spec.flags.stepped ? "int" : "float",
        defaultValue: spec.default,
        minValue: spec.min,
        maxValue: spec.max,
        discreteStep: spec.flags.stepped ? 1 : 0,
        choices: spec.choices ? [...spec.choices] : [],
        units: spec.unit,
        text: valueToText(spec, spec.max),
      });
    }
  });

  test("values start at the declared defaults; normalised values are linear over the range", () => {
    for (const spec of PARAMS)
      expect(r.values[spec.key]).toEqual({ id: spec.key, value: spec.default, normalized: false });
    expect(r.normalized.inputTrimDb!.value).toBe(0.5); // 0 dB in −48 … +48
  });
});

describe("trim and meters around Simple Distortion", () => {
  let r: Awaited<ReturnType<WamScenarios["trim"]>>;
  beforeAll(async () => {
    r = await run("trim");
  });

  test("alone, a −6 dB input trim is −6.00 dB at the output, sample for sample", () => {
    expect(r.aloneRole).toBe("single");
    expect(r.aloneMaxError).toBeLessThan(1e-6);
  });

  test("the second instance paired with the first: PRE and POST", () => expect(r.roles).toEqual(["pre", "post"]));

  test("IN and SEND read the analytic levels of a −20 dBFS sine trimmed by −6 dB", () => {
    const m = r.meters!;
    expect(m.linked).toBe(true);
    for (const [tap, level] of [
      ["in", -20],
      ["send", -26],
    ] as const) {
      expectWithin(m[tap].overall.samplePeakMaxDbfs, level, 0.01, 0.01, `${tap} sample peak`);
      expectWithin(m[tap].overall.rmsTotalAes17Db, level, 0.01, 0.01, `${tap} AES17 RMS`);
      expectWithin(m[tap].overall.truePeakMaxDbtp, level, 0.05, 0.05, `${tap} true peak`);
    }
  });

  test("RETURN reads what the distortion gave back: the rendered samples' peak and RMS (OUT is RETURN at 0 dB)", () => {
    const m = r.meters!;
    expect(Math.abs(db(r.outputPeak) - -26)).toBeGreaterThan(0.5); // the distortion changed the signal
    for (const tap of ["return", "out"] as const) {
      expectWithin(m[tap].overall.samplePeakMaxDbfs, db(r.outputPeak), 0.01, 0.01, `${tap} sample peak`);
      expectWithin(
        m[tap].overall.rmsTotalAes17Db,
        10 * Math.log10(r.outputMeanSquare) + AES17_DB,
        0.01,
        0.01,
        `${tap} AES17 RMS`,
      );
    }
  });
});

describe("Learn and Match through the distortion", () => {
  test("Learn puts SEND at −18 dB AES17 (±0.3 dB); the move is a wam-automation event; the pair survives save and reload", async () => {
    const r = await run("learn");
    expect(r.decided.state).toBe("done");
    const move = r.automation.find((e) => e.type === "wam-automation" && e.data.id === "inputTrimDb");
    expect(move).toBeDefined();
    expectWithin((move!.data as WamParameterData).value, r.decided.trimDb, 1e-9, 1e-9, "recorded trim");
    expectWithin(move!.time!, 3, 0.11, 0.11, "time of the move (Learn ends at 3 s)");
    expect(r.states.pre).toMatchObject({ params: { inputTrimDb: r.decided.trimDb }, link: { role: "pre" } });
    expect((r.states.post as { link: { id: string } }).link.id).toBe(
      (r.states.pre as { link: { id: string } }).link.id,
    );
    expect(r.restoredPaired).toBe(true);
    expect(r.restoredRoles).toEqual(["pre", "post"]);
    expect(r.restoredTrimDb).toBe(r.decided.trimDb);
    expectWithin(r.sendAes17Db, -18, 0.3, 0.3, "SEND AES17 RMS after Learn");
  });

  test("Match brings OUT within 0.3 LU of IN (integrated)", async () => {
    const r = await run("match");
    expect(r.windowSeconds).toBeGreaterThanOrEqual(3);
    expect(Number.isFinite(r.trimDb)).toBe(true);
    expectWithin(r.outLufs, r.inLufs, 0.3, 0.3, "OUT integrated against IN");
  });
});

describe("state", () => {
  let r: Awaited<ReturnType<WamScenarios["state"]>>;
  beforeAll(async () => {
    r = await run("state");
  });

  test("getState → setState round-trips exactly", () => {
    expect(r.restored).toEqual(r.saved);
    expect(r.saved).toMatchObject({ params: { inputTrimDb: -7.25, autoTrimDetector: 3 } });
  });

  test("every hostile state is refused with a reason, changes nothing, and cannot create an instance", () => {
    expect(r.refused.length).toBeGreaterThan(8);
    for (const { name, message, unchanged, createRefused } of r.refused) {
      expect(message, name).not.toBe("");
      expect(unchanged, name).toBe(true);
      // createInstance(…, null) means "no state", as WAM hosts pass it: that one creates a default instance.
      if (name !== "null") expect(createRefused, name).not.toBe("");
    }
    const reason = (name: string) => r.refused.find((x) => x.name === name)!.message;
    expect(reason("a trim far out of range")).toMatch(/inputTrimDb: 1000000000 is outside -48 … 48 dB/);
    expect(reason("another plugin's state")).toMatch(/not a Gainstage state/);
    expect(reason("a link id with a path in it")).toMatch(/state\.link\.id/);
    expect(reason("100 kB of text")).toMatch(/JSON|bytes/);
  });

  test("a restored session starts at its saved trim from the first sample (no ramp from the default)", async () => {
    const r = await run("restoreWithoutRamp");
    expectWithin(r.first, r.expected, 1e-7, 1e-7, "first sample");
    expectWithin(r.last, r.expected, 1e-7, 1e-7, "last sample");
  });
});

test("wam-automation from the host lands on its exact frame", async () => {
  const r = await run("automation");
  expect(r.before).toBe(0.5);
  expect(r.at).toBeLessThan(0.5);
  expectWithin(r.settled, 0.5 * 10 ** (-12 / 20), 1e-7, 1e-7, "settled");
  // One source of truth: the state the host saves and the panel say what the audio heard.
  expect(r.stateTrimDb).toBe(-12);
  expect(r.panelText).toBe("\u221212.0 dB");
});

test("pairing: a third instance stays alone; re-pair and unpair; three plugins share one context", async () => {
  const r = await run("pairing");
  expect(r.first).toEqual({ a: "pre", b: "post", c: "single", abPaired: true });
  expect(r.mirrored).toBe(3);
  expect(r.repaired).toEqual({ a: "post", b: "single", c: "pre", caPaired: true });
  expect(r.unpaired).toEqual({ a: "single", c: "single" });
  expect(r.others).toEqual(["audio.gainstage.tape-saturator", "com.sequencerParty.simpleDistortion"]);
});

test("the plugin's own panel: IN and OUT meters, Learn, Match, pairing; destroyGui frees it", async () => {
  const r = await run("gui");
  expect(r.texts.strips).toEqual(["IN", "OUT"]);
  expect(r.texts.buttons).toEqual(expect.arrayContaining(["Learn", "Match", "Unpair"]));
  expect(r.texts.pairing).toMatch(/^Before the effect, paired/);
  expect(r.texts.readouts.some((text) => /\d/.test(text ?? ""))).toBe(true);
  // The pairing list names instances for people, never by their internal ids.
  expect(r.texts.partners.length).toBeGreaterThan(0);
  for (const name of r.texts.partners) expect(name).toMatch(/^Gainstage \d+ \((in a pair|alone)\)$/);
  expect(r.removed).toBe(true);
});

test("ids as one array; another WAM's automation reaches the state and the panel; a foreign preset is refused", async () => {
  const r = await session.page.evaluate(() => (globalThis as any).scenarios.secondUse());
  expect(r.arrayKeys).toEqual(["inputTrimDb"]);
  // The sender rode its trim (hot noise, Ride on) and sent each move: the receiver's audio took them,
  // and its state and panel say the same value.
  expect(r.senderTrim).toBeLessThan(-1);
  expect(r.receiverKernelTrim).toBe(r.senderTrim);
  expect(r.receiverStateTrim).toBe(r.receiverKernelTrim);
  expect(r.receiverPanelTrim).toBe(r.receiverKernelTrim);
  expect(r.foreign).toMatch(/names none of Gainstage's parameters \(2 unknown, e\.g\. "gain"\)/);
  expect(r.unchanged).toBe(true);
});

test("no page errors", () => expect(session.errors).toEqual([]));
