/**
 * The AudioWorklet host in real browsers — Debian's Chromium (playwright-core) and Firefox ESR
 * (puppeteer-core over WebDriver BiDi): PRE → effect → POST rendered with an OfflineAudioContext
 * and checked against analytic values; sample-accurate events; state; channel changes;
 * cross-origin isolation and the shared-memory path. The two tests that need a running realtime
 * AudioContext are Chromium's: headless Firefox has no audio output device here.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openDevPage } from "./chromium.js";
import { openDevPageInFirefox } from "./firefox.js";
import { expectWithin } from "../helpers/tolerance.js";
import type { Scenarios } from "./harness/harness.js";

const HARNESS = "/tests/browser/harness/index.html";
/** What both drivers' pages offer: evaluate a function with one argument. */
interface Session {
  page: { evaluate(fn: (arg: any) => unknown, arg: unknown): Promise<unknown> };
  errors: string[];
  close(): Promise<void>;
}
const BROWSERS: [string, () => Promise<Session>][] = [
  ["Chromium", () => openDevPage(HARNESS) as Promise<Session>],
  ["Firefox", () => openDevPageInFirefox(HARNESS) as Promise<Session>],
];

describe.each(BROWSERS)("%s", (browser, openSession) => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession();
  });
  afterAll(async () => {
    await session?.close();
  });
  const realtime = browser === "Chromium";

  function run<K extends keyof Scenarios>(
    name: K,
    ...args: Parameters<Scenarios[K]>
  ): Promise<Awaited<ReturnType<Scenarios[K]>>> {
    return session.page.evaluate(
      ([n, a]: [string, unknown[]]) =>
        (globalThis as unknown as { scenarios: Record<string, (...x: unknown[]) => unknown> }).scenarios[n]!(...a),
      [name, args],
    ) as never;
  }

  const rate = 48000;
  const db = (x: number) => 20 * Math.log10(x);

  test.runIf(realtime)("the page is cross-origin isolated and uses the shared-memory path", async () => {
    const r = await run("isolation");
    expect(r.crossOriginIsolated).toBe(true);
    expect(r.transport).toBe("shared-memory");
    expect(r.info).toMatchObject({ role: "single", sampleRate: rate, transport: "shared-memory" });
  });

  describe.each([false, true])("PRE → GainNode → POST (message-port fallback: %s)", (forceMessagePort) => {
    let r: Awaited<ReturnType<Scenarios["chain"]>>;
    beforeAll(async () => {
      r = await run("chain", forceMessagePort);
    });

    test("transport", () => expect(r.transport).toBe(forceMessagePort ? "message-port" : "shared-memory"));

    test("output samples = input · (+6 dB) · 0.5 · (−3 dB)", () => {
      const gain = 10 ** (6 / 20) * 0.5 * 10 ** (-3 / 20);
      const amplitude = 10 ** (-20 / 20);
      r.output.forEach((y, n) =>
        expect(Math.abs(y - gain * amplitude * Math.sin((2 * Math.PI * 1000 * n) / rate))).toBeLessThan(2e-6),
      );
    });

    test("IN, SEND, RETURN, OUT meters read the analytic levels", () => {
      const m = r.meters!;
      expect(m.linked).toBe(true);
      const levels = { in: -20, send: -14, return: -14 + db(0.5), out: -17 + db(0.5) };
      for (const [tap, level] of Object.entries(levels) as [keyof typeof levels, number][]) {
        const t = m[tap].overall;
        expectWithin(t.samplePeakMaxDbfs, level, 0.01, 0.01, `${tap} sample peak`);
        expectWithin(t.truePeakMaxDbtp, level, 0.05, 0.05, `${tap} true peak`);
        expectWithin(t.rmsAes17Db, level, 0.01, 0.01, `${tap} RMS AES17`);
        expectWithin(t.rmsDbfs, level - 3.0103, 0.01, 0.01, `${tap} RMS plain`);
        expectWithin(t.vu, level + 18, 0.05, 0.05, `${tap} VU`);
        expectWithin(m[tap].integratedLufs, level + 0.007, 0.05, 0.05, `${tap} integrated`);
        expectWithin(m[tap].momentaryLufs, level + 0.007, 0.05, 0.05, `${tap} momentary`);
      }
    });
  });

  test.runIf(realtime)(
    "message-port fallback: a live change reaches the processor and the meters come back",
    async () => {
      const r = await run("fallbackLive");
      expect(r.transport).toBe("message-port");
      expectWithin(r.sendPeakDbfs!, db(0.5) - 12, 0.01, 0.01, "SEND peak after −12 dB");
    },
  );

  test("a parameter event lands on its exact frame, then ramps 20 ms linearly in dB", async () => {
    const { output } = await run("eventFrame"); // samples 4790 …
    for (let n = 0; n < 10; n++) expect(output[n]).toBe(0.25);
    const ramp = 960;
    for (let k = 0; k < ramp; k++) expect(db(output[10 + k]! / 0.25)).toBeCloseTo((-12 * (k + 1)) / ramp, 3);
  });

  test("AudioParam automation lands on its frame too", async () => {
    const { output } = await run("automation"); // samples 2390 …
    for (let n = 0; n < 10; n++) expect(output[n]).toBe(0.25);
    expect(output[10]).toBeLessThan(0.25);
    expect(db(output[10 + 959]! / 0.25)).toBeCloseTo(-6, 3);
  });

  test("state round-trips exactly; corrupted states are refused by name and change nothing", async () => {
    const r = await run("state");
    expect(r.loaded).toEqual({ inputTrimDb: -7.5, vuReferenceDbfs: -14, polarityL: 1 });
    expect(r.saved).toMatchObject({ format: "gainstage-state", version: 1, params: { inputTrimDb: -7.5 } });
    expect(r.errors).toHaveLength(7);
    for (const error of r.errors) expect(error).toMatch(/^StateError: /);
    expect(r.errors[1]).toMatch(/inputTrimDb/);
    expect(r.errors[2]).toMatch(/inputTrimDb.*outside/);
    expect(r.errors[3]).toMatch(/newer/);
    expectWithin(r.sample!, -0.5 * 10 ** (-7.5 / 20), 1e-6, 1e-6, "inverted, −7.5 dB");
  });

  test("mono → stereo mid-render: no crash, no NaN, both channels carry the signal", async () => {
    const r = await run("channelChange");
    expect(r.finite).toBe(true);
    expect(r.meters!.channels).toBe(2);
    expect(r.tailLeft).toEqual(r.tailRight);
    expect(Math.max(...r.tailLeft.map(Math.abs))).toBeGreaterThan(0.05);
  });

  test("Learn on a real chain (PRE → saturator → POST) puts SEND at the −18 dB AES17 target", async () => {
    const r = await run("learnChain");
    expect(r.outcome?.applied).toBe(true);
    expect(r.outcome?.message).toMatch(/AES17 RMS, gated measured/);
    // Uniform noise of amplitude 0.05: RMS 0.05/√3 → −31.8 dB AES17, so about +13.8 dB.
    expectWithin(r.inputTrimDb, -18 - (20 * Math.log10(0.05 / Math.sqrt(3)) + 3.0103), 0.1, 0.1, "learned trim");
    expectWithin(r.sendRmsAes17Db, -18, 0.1, 0.1, "SEND AES17 RMS after Learn");
  });

  test("A/B listen in the worklet switches at its frame without a click and lands exactly on A", async () => {
    const { output } = await run("abSwitch");
    const gain = 10 ** (12 / 20),
      amplitude = 10 ** (-20 / 20),
      ramp = 960;
    const ownSlope = (gain * amplitude * 2 * Math.PI * 220) / rate;
    const allowed = ownSlope + ((gain + 1) * amplitude) / ramp + 1e-6;
    let worst = 0;
    for (let n = 1; n < output.length; n++) worst = Math.max(worst, Math.abs(output[n]! - output[n - 1]!));
    expect(worst).toBeLessThanOrEqual(allowed);
    // Before 0.5 s: B (the +12 dB chain); from 0.5 s + 20 ms: exactly A (what entered PRE).
    const input = (n: number) => Math.fround(amplitude * Math.sin((2 * Math.PI * 220 * n) / rate));
    expectWithin(output[24000 - 10]!, Math.fround(input(24000 - 10) * gain), 1e-6, 1e-6, "B before");
    for (let n = 24000 + ramp; n < 48000; n += 101) expect(output[n]).toBe(input(n));
  });

  test("Ride's and Learn's moves reach the host's store as parameter changes, with nobody reading the meters", async () => {
    const r = await run("kernelMoves");
    // Ride from 0 dB towards +12 dB (−30 dBFS tone, −18 dB target), 1 dB/s at most: each 100 ms step is one change.
    expect(r.ride.changes).toBeGreaterThan(10);
    expect(r.ride.store).toBe(r.ride.kernel);
    expect(r.ride.store).toBeGreaterThan(4);
    // Learn: the kernel applies its own decision; the store gets it once, exactly.
    expectWithin(r.learn.decided, 12, 0.05, 0.05, "learned trim");
    expect(r.learn.changes).toEqual([r.learn.decided]);
    expect(r.learn.store).toBe(r.learn.decided);
  });

  test("the insert's latency (a 240-sample DelayNode) is measured to the sample; aligned, the delta of that unity insert is silent", async () => {
    const r = await run("latency", 240);
    expect(r.frames).toBe(240);
    expect(r.correlation).toBeGreaterThan(0.99);
    expect(r.deltaPeakDbfs).toBeLessThan(-120);
  });

  test("auto-match: an insert adding 6 dB is matched by the output trim (±0.5 dB), its moves reaching the store", async () => {
    const r = await run("autoMatch");
    expectWithin(r.outputTrimDb, -6, 0.5, 0.5, "output trim");
    expect(r.outputTrimDb).toBe(r.kernel);
    expect(r.moves).toBeGreaterThan(5);
  });

  test("no page errors", () => {
    expect(session.errors).toEqual([]);
  });
});
