/**
 * Comparing fairly in the console: snapshots A–D by click and Shift+click, kept in the
 * saved session; a blind ABX test driven from the keyboard to its tally; the effect's latency
 * measured on the playing demo (the tape saturator adds none). Real Chromium, production build.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { type BrowserSession, openBuiltApp } from "../browser/chromium.js";

let session: BrowserSession;
beforeAll(async () => {
  session = await openBuiltApp({ width: 1366, height: 1600 });
  await session.page.click("#play");
}, 120_000);
afterAll(async () => {
  await session?.close();
});

const page = () => session.page;
const param = (key: string): Promise<number> => page().evaluate((k) => (globalThis as any).gainstage.store.get(k), key);
const setParam = (key: string, value: number) =>
  page().evaluate(([k, v]) => (globalThis as any).gainstage.store.set(k, v), [key, value] as const);

test("snapshots: Shift+click stores, click recalls every setting; they are saved with the session", async () => {
  await setParam("inputTrimDb", -6);
  await setParam("widthPercent", 150);
  await page().click('[data-snapshot="A"]', { modifiers: ["Shift"] });
  await setParam("inputTrimDb", 2);
  await setParam("widthPercent", 100);
  await page().click('[data-snapshot="A"]');
  expect(await param("inputTrimDb")).toBe(-6);
  expect(await param("widthPercent")).toBe(150);
  expect(await page().getAttribute('[data-snapshot="A"]', "aria-pressed")).toBe("true");
  await page().click('[data-snapshot="C"]');
  expect(await page().locator("#notices .notice").last().textContent()).toMatch(/Snapshot C is empty/);
  await expect
    .poll(() =>
      page().evaluate(() => JSON.parse(localStorage.getItem("gainstage.lastState") ?? "{}").snapshots?.A?.inputTrimDb),
    )
    .toBe(-6);
});

test("blind ABX from the keyboard: listen with 1–3, answer with Z/M; the tally and its chance at the end", async () => {
  await page().selectOption(".blind-mode", "abx");
  await page().selectOption(".blind-trials", "5");
  await page().click(".blind-start");
  await page().click("h1"); // keys go to the page, not the select
  for (let trial = 0; trial < 5; trial++) {
    await page().keyboard.press("3"); // hear X
    const x = await param("abListen"); // 1 = A, 0 = B (what the listener hears, not shown)
    await page().keyboard.press(x === 1 ? "z" : "m"); // a listener who hears the difference
  }
  expect(await page().textContent(".blind-status")).toMatch(
    /^5 of 5 right\. Guessing gets at least that many 3\.1 % of the time/,
  );
  expect(await param("abListen")).toBe(0); // back to B
});

test("the effect's latency: the tape saturator reports its shaper's delay, and measuring on the playing demo finds the same", async () => {
  // The truth: where an impulse comes out of Web Audio's 4× oversampling shaper in this browser.
  const impulseDelay = await page().evaluate(async () => {
    const rate = (globalThis as any).gainstage.engine.context.sampleRate;
    const context = new OfflineAudioContext(1, 2048, rate);
    const buffer = new AudioBuffer({ length: 2048, sampleRate: rate, numberOfChannels: 1 });
    buffer.getChannelData(0)[100] = 0.5;
    const source = new AudioBufferSourceNode(context, { buffer });
    const curve = Float32Array.from({ length: 4097 }, (_, i) => (2 * i) / 4096 - 1);
    source.connect(new WaveShaperNode(context, { curve, oversample: "4x" })).connect(context.destination);
    source.start();
    const out = (await context.startRendering()).getChannelData(0);
    let at = 0;
    out.forEach((x, i) => {
      if (Math.abs(x) > Math.abs(out[at]!)) at = i;
    });
    return at - 100;
  });
  expect(await param("insertLatencyFrames")).toBe(impulseDelay); // reported by the plugin on loading
  await setParam("insertLatencyFrames", 0);
  await page().click(".measure-latency");
  await expect.poll(() => page().textContent(".latency-status"), { timeout: 20_000 }).toMatch(/^Aligned for/);
  expect(await param("insertLatencyFrames")).toBe(impulseDelay);
});

test("no page errors", () => expect(session.errors).toEqual([]));
