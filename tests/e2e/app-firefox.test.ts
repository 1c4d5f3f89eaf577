/**
 * The app's production build in Firefox ESR (WebDriver BiDi via puppeteer-core): it loads, starts
 * its engine on the shared-memory path, builds every control from the parameter table, and typed
 * entry and presets' defaults work, with no console or page errors. Playback itself is tested in
 * Chromium (app.test.ts): headless Firefox here has no audio output device, so its AudioContext
 * stays suspended.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { openBuiltAppInFirefox, type FirefoxSession } from "../browser/firefox.js";
import { PARAMS } from "../../host/model/params.js";

let session: FirefoxSession;
beforeAll(async () => {
  session = await openBuiltAppInFirefox();
}, 120_000);
afterAll(async () => {
  await session?.close();
});

const text = (selector: string) => session.page.$eval(selector, (element) => element.textContent ?? "");
const param = (key: string) => session.page.evaluate((k) => (globalThis as any).gainstage.store.get(k) as number, key);

test("loads cross-origin isolated, the engine starts on the shared-memory path, no fatal message", async () => {
  expect(await session.page.evaluate(() => globalThis.crossOriginIsolated)).toBe(true);
  await session.page.waitForFunction(
    () => document.querySelector("#status")?.textContent?.includes("meters via shared memory"),
    { timeout: 30_000 },
  );
  expect(await session.page.$eval("#fatal", (element) => (element as HTMLElement).hidden)).toBe(true);
  expect(await text("#source-name")).toContain("Demo loop");
});

test("every parameter of the table has its control", async () => {
  const keys = await session.page.$$eval("[data-param]", (elements) =>
    elements.map((element) => (element as HTMLElement).dataset.param),
  );
  expect([...new Set(keys)].sort()).toEqual(PARAMS.map((p) => p.key).sort());
});

test("typed entry goes through text → value, and Defaults puts it back", async () => {
  const field = await session.page.$('.param-fader:has([data-param="inputTrimDb"]) .param-value');
  await field!.click({ count: 3 });
  await field!.type("-6,5 dB");
  await field!.press("Enter");
  expect(await param("inputTrimDb")).toBe(-6.5);
  await session.page.click("#preset-defaults");
  expect(await param("inputTrimDb")).toBe(0);
});

test("no console errors or page errors", () => {
  expect(session.errors).toEqual([]);
});
