/**
 * The app as a WAM 2 host: the insert slot loads the WAM effects that ship
 * with it and any other by its address; one that fails is named with the reason and the chain
 * keeps running. Real Chromium against the production build; truths are the plugins'
 * descriptors, the meters moving, and the rendered chain staying whole.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { type BrowserSession, openBuiltApp } from "../browser/chromium.js";

let session: BrowserSession;
beforeAll(async () => {
  session = await openBuiltApp({ width: 1366, height: 900 });
  await session.page.click("#play");
}, 120_000);
afterAll(async () => {
  await session?.close();
});

const page = () => session.page;
const lastNotice = () => page().locator("#notices .notice").last().textContent();
/** OUT's sample peak since the previous reading, after `ms` of playback. */
async function outPeakAfter(ms: number): Promise<number> {
  await page().waitForTimeout(ms);
  return page().evaluate(() => (globalThis as any).gainstage.meters().post.after.overall.samplePeakMaxDbfs);
}

test("the built-in tape saturator is a WAM loaded by URL, and is the default effect", async () => {
  expect(await page().evaluate(() => (globalThis as any).gainstage.engine.insert.currentUrl)).toBe(
    "./wam/tape-saturator/index.js",
  );
  expect(await page().textContent(".chain")).toMatch(/Effect: Tape saturator/);
});

test("Simple Distortion (wam-community) goes in from the list; the chain names it and its panel shows", async () => {
  await page().selectOption("#insert", "./wam/simple-distortion/index.js");
  await expect.poll(() => page().textContent(".chain"), { timeout: 20_000 }).toMatch(/Effect: Simple Distortion/);
  expect(await lastNotice()).toMatch(/Simple Distortion is in the chain/);
  expect(await outPeakAfter(1000)).toBeGreaterThan(-60);
  await expect.poll(() => page().locator(".plugin-gui *").count(), { timeout: 10_000 }).toBeGreaterThan(0);
});

test("any WAM by its address: a typed URL loads", async () => {
  await page().selectOption("#insert", "other");
  await page().fill("#insert-url", "./wam/tape-saturator/index.js");
  await page().click("#insert-load");
  await expect.poll(() => page().textContent(".chain"), { timeout: 20_000 }).toMatch(/Effect: Tape saturator/);
});

test.each([
  ["an address that serves nothing", "./wam/no-such-plugin/index.js", /could not be loaded/],
  ["a module that is not a WAM", "./wam/gainstage/descriptor.json", /could not be loaded|not a WAM 2 plugin/],
])("%s: refused with the reason; the chain keeps its effect and keeps playing", async (_, url, reason) => {
  await page().selectOption("#insert", "other");
  await page().fill("#insert-url", url);
  await page().click("#insert-load");
  await expect.poll(lastNotice, { timeout: 20_000 }).toMatch(reason);
  expect(await page().textContent(".chain")).toMatch(/Effect: Tape saturator/);
  expect(await outPeakAfter(600)).toBeGreaterThan(-60);
});

test("None takes the effect out: the input trim feeds the output trim", async () => {
  await page().selectOption("#insert", "none");
  await expect.poll(() => page().textContent(".chain"), { timeout: 10_000 }).toMatch(/Effect: none/);
  expect(await outPeakAfter(600)).toBeGreaterThan(-60);
});

test("no page errors besides the browser's own lines about the two bad addresses", () => {
  const expected =
    /^Failed to load (resource: the server responded with a status of 404|module script: Expected a JavaScript)/;
  expect(session.errors.filter((error) => !expected.test(error))).toEqual([]);
  expect(session.errors.length).toBeLessThanOrEqual(2);
});
