/**
 * Gainstage where a page cannot be cross-origin isolated: pages served with no COOP/COEP headers
 * (a plain static server, as GitHub Pages and most hosting serve; the test harness's dev server
 * without them), in Chromium and Firefox. There the SharedArrayBuffer global does not exist: the
 * worklet, the WAM plugin and the app run over port messages, and read the same as over shared
 * memory on the same signal (compared value for value with an isolated page's run).
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DEMO_PEAK_DBFS, demoSeconds } from "../../ui/demo-programme.js";
import { expectWithin } from "../helpers/tolerance.js";
import { openDevPage, openStaticApp, ROOT, type BrowserSession } from "./chromium.js";
import { openDevPageInFirefox, openStaticAppInFirefox, type FirefoxSession } from "./firefox.js";
import type { Scenarios } from "./harness/harness.js";
import type { WamScenarios } from "./wam-host/wam-host.js";

const HARNESS = "/tests/browser/harness/index.html";
const WAM_HOST = "/tests/browser/wam-host/index.html";
/** Where a user might publish dist/: a folder of a site, not its root. */
const SUB_PATH = "/tools/gainstage/";
const ARTIFACTS = join(ROOT, "test-results");
const PLAIN = { isolated: false };

interface Session {
  page: { evaluate(fn: (arg: any) => unknown, arg?: unknown): Promise<unknown> };
  errors: string[];
  close(): Promise<void>;
}
type Run = <K extends keyof Scenarios>(session: Session, name: K) => Promise<Awaited<ReturnType<Scenarios[K]>>>;
const run: Run = (session, name) =>
  session.page.evaluate(
    (n: string) => (globalThis as unknown as { scenarios: Record<string, () => unknown> }).scenarios[n]!(),
    name,
  ) as never;

const BROWSERS: [string, (isolated: boolean) => Promise<Session>][] = [
  ["Chromium", (isolated) => openDevPage(HARNESS, { isolated }) as Promise<Session>],
  ["Firefox", (isolated) => openDevPageInFirefox(HARNESS, { isolated }) as Promise<Session>],
];

describe.each(BROWSERS)("%s: the worklet without isolation", (browser, open) => {
  let plain: Session;
  let isolated: Session;
  beforeAll(async () => {
    [plain, isolated] = await Promise.all([open(false), open(true)]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([plain?.close(), isolated?.close()]);
  });

  test("the page has no SharedArrayBuffer global at all (not a flag in an isolated page)", async () => {
    expect(await run(plain, "environment")).toEqual({ crossOriginIsolated: false, sharedArrayBuffer: "undefined" });
    expect(await run(isolated, "environment")).toEqual({ crossOriginIsolated: true, sharedArrayBuffer: "function" });
  });

  test("PRE → GainNode → POST: port messages give every reading and sample shared memory gives", async () => {
    const [viaMessages, viaShared] = await Promise.all([
      run(plain, "transportReadings"),
      run(isolated, "transportReadings"),
    ]);
    expect(viaMessages.transport).toBe("message-port");
    expect(viaShared.transport).toBe("shared-memory");
    expect(viaMessages.meters?.in.overall.samplePeakMaxDbfs).toBeGreaterThan(-30);
    expect(viaMessages.output).toEqual(viaShared.output);
    expect(viaMessages.meters).toEqual(viaShared.meters);
  });

  test.runIf(browser === "Chromium")("live: POST's latency capture finds an insert's 480 frames", async () => {
    const r = await run(plain, "latencyLive");
    expect(r.transport).toBe("message-port");
    expect(r.frames).toBe(r.delayFrames);
  });

  test("no page errors", () => {
    expect(plain.errors).toEqual([]);
    expect(isolated.errors).toEqual([]);
  });
});

describe("Chromium: the WAM plugin in a host page without isolation", () => {
  let session: BrowserSession;
  let r: Awaited<ReturnType<WamScenarios["withoutIsolation"]>>;
  beforeAll(async () => {
    session = await openDevPage(WAM_HOST, PLAIN);
    r = (await session.page.evaluate(() => (globalThis as any).scenarios.withoutIsolation())) as typeof r;
  }, 120_000);
  afterAll(async () => {
    await session?.close();
  });

  test("it plays: −6 dB of trim is −6.00 dB at the output, sample for sample (not silence)", () => {
    expect(r.crossOriginIsolated).toBe(false);
    expect(r.transport).toBe("message-port");
    expectWithin(20 * Math.log10(r.alonePeak), -26, 0.01, 0.01, "output peak");
    expect(r.aloneMaxError).toBeLessThan(1e-6);
  });

  test("its meters read around Simple Distortion: IN −20, SEND −26 dBFS, RETURN and OUT what came back", () => {
    const m = r.meters!;
    expect(m.linked).toBe(true);
    expectWithin(m.in.overall.samplePeakMaxDbfs, -20, 0.01, 0.01, "IN peak");
    expectWithin(m.send.overall.samplePeakMaxDbfs, -26, 0.01, 0.01, "SEND peak");
    expect(m.return.overall.samplePeakMaxDbfs).toBeGreaterThan(-40);
    expect(m.out.overall.samplePeakMaxDbfs).toBe(m.return.overall.samplePeakMaxDbfs);
  });

  test("no page errors", () => expect(session.errors).toEqual([]));
});

describe("Firefox: the WAM plugin in a host page without isolation", () => {
  let session: FirefoxSession;
  let r: Awaited<ReturnType<WamScenarios["withoutIsolation"]>>;
  beforeAll(async () => {
    session = await openDevPageInFirefox(WAM_HOST, PLAIN);
    r = (await session.page.evaluate(() => (globalThis as any).scenarios.withoutIsolation())) as typeof r;
  }, 120_000);
  afterAll(async () => {
    await session?.close();
  });

  test("it plays and meters over port messages: −6 dB of trim to the sample, IN −20 and SEND −26 dBFS", () => {
    expect([r.crossOriginIsolated, r.transport]).toEqual([false, "message-port"]);
    expect(r.aloneMaxError).toBeLessThan(1e-6);
    expectWithin(r.meters!.in.overall.samplePeakMaxDbfs, -20, 0.01, 0.01, "IN peak");
    expectWithin(r.meters!.send.overall.samplePeakMaxDbfs, -26, 0.01, 0.01, "SEND peak");
  });

  test("no page errors", () => expect(session.errors).toEqual([]));
});

describe("Chromium: the built app from a plain static server, under a sub-path", () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await openStaticApp(SUB_PATH);
  }, 120_000);
  afterAll(async () => {
    await session?.close();
  });

  test("starts, and says once, quietly, that meters travel as port messages", async () => {
    expect(await session.page.evaluate(() => globalThis.crossOriginIsolated)).toBe(false);
    await expect.poll(() => session.page.textContent("#status")).toContain("meters via port messages");
    expect(await session.page.locator("#fatal").isHidden()).toBe(true);
    expect(await session.page.locator(".notice.warn").count()).toBe(0);
  });

  test("its files come from the sub-path (relative URLs): the docs page and the WAM plugin", async () => {
    const statuses = await session.page.evaluate(async () =>
      Promise.all(["./docs/metering.html", "./wam/gainstage/index.js"].map(async (url) => (await fetch(url)).status)),
    );
    expect(statuses).toEqual([200, 200]);
  });

  test("the self-test passes every case through the worklet (its meter needs no shared memory)", {
    timeout: 300_000,
  }, async () => {
    await session.page.click(".self-test-run");
    await session.page.waitForFunction(
      () =>
        ["passed", "failed", "error"].includes(
          document.querySelector(".self-test-summary")?.getAttribute("data-state") ?? "",
        ),
      undefined,
      { timeout: 230_000 },
    );
    expect(await session.page.textContent(".self-test-summary")).toMatch(/^25 of 25 passed at \d+ Hz$/);
  });

  test("the demo plays and IN reads its peak exactly", async () => {
    const seconds = () => session.page.evaluate(() => (globalThis as any).gainstage.engine.context.currentTime);
    await session.page.click("#play");
    const end = (await seconds()) + demoSeconds() + 0.5;
    await session.page.waitForFunction((t) => (globalThis as any).gainstage.engine.context.currentTime >= t, end, {
      timeout: (demoSeconds() + 30) * 1000,
      polling: 50,
    });
    const m = await session.page.evaluate(() => (globalThis as any).gainstage.meters());
    expectWithin(m.pre.before.overall.samplePeakMaxDbfs, DEMO_PEAK_DBFS, 0.01, 0.01, "IN peak max");
    expect(await session.page.textContent('[data-tap=in] [data-readout="peak-max"]')).toBe("\u22122.0 dBFS");
    mkdirSync(ARTIFACTS, { recursive: true });
    await session.page.screenshot({ path: join(ARTIFACTS, "app-no-isolation.png") });
  });

  test("no page errors", () => expect(session.errors).toEqual([]));
});

describe("Firefox: the built app from a plain static server, under a sub-path", () => {
  let session: FirefoxSession;
  beforeAll(async () => {
    session = await openStaticAppInFirefox(SUB_PATH);
  }, 120_000);
  afterAll(async () => {
    await session?.close();
  });

  test("starts on port messages, with no fatal message", async () => {
    expect(await session.page.evaluate(() => globalThis.crossOriginIsolated)).toBe(false);
    await session.page.waitForFunction(
      () => document.querySelector("#status")?.textContent?.includes("meters via port messages"),
      { timeout: 30_000 },
    );
    expect(await session.page.$eval("#fatal", (element) => (element as HTMLElement).hidden)).toBe(true);
  });

  test("no page errors", () => expect(session.errors).toEqual([]));
});
