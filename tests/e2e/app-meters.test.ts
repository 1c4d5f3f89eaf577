/**
 * The built app, in Chromium: the self-test runs every EBU 3341/3342 synthetic case
 * through the worklet and all pass; "why meters disagree" explains the demo's readings with links
 * that land on a clause of the metering notes; the strip scales switch to K-20 and the PPM; the
 * stage check offers the delivery targets.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openBuiltApp, type BrowserSession } from "../browser/chromium.js";

let session: BrowserSession;
beforeAll(async () => {
  session = await openBuiltApp({ width: 1366, height: 900 });
}, 120_000);
afterAll(async () => {
  await session?.close();
});
const page = () => session.page;

// Five presses in a row (about 300 offline renders): each render gives back what it held.
test("the self-test: every case passes through the live worklet path, ending in 'N of N passed', five times in a row", {
  timeout: 600_000,
}, async () => {
  const rate = await page().evaluate(() => (globalThis as any).gainstage.meters().pre.sampleRate);
  for (let press = 1; press <= 5; press++) {
    await page().click(".self-test-run");
    await page().waitForFunction(
      () => {
        const state = document.querySelector(".self-test-summary")?.getAttribute("data-state");
        return state === "passed" || state === "failed" || state === "error";
      },
      undefined,
      { timeout: 230_000 },
    );
    const summary = await page().textContent(".self-test-summary");
    const failures = await page().$$eval(".self-test-results tr.fail", (rows) => rows.map((r) => r.textContent));
    expect(failures, `press ${press}`).toEqual([]);
    expect(summary, `press ${press}`).toBe(`25 of 25 passed at ${rate} Hz`);
    expect(await page().locator(".self-test-results tbody tr.pass").count()).toBe(25);
  }
});

describe("while the demo plays", () => {
  beforeAll(async () => {
    await page().click("#play");
    await page().waitForTimeout(4000);
  });

  test("why meters disagree: each difference in a sentence with its number and a clause that exists", async () => {
    const items = await page().$$eval(".why-list li", (list) =>
      list.map((li) => ({
        key: (li as HTMLElement).dataset.why,
        text: li.textContent,
        href: li.querySelector("a")?.getAttribute("href"),
      })),
    );
    expect(items.map((i) => i.key)).toEqual(
      expect.arrayContaining(["aes17", "true-peak", "ppm", "vu-momentary", "plr"]),
    );
    expect(items.find((i) => i.key === "aes17")!.text).toMatch(
      /^AES17 RMS reads 3\.0 dB above plain RMS by definition/,
    );
    const notes = await page().evaluate(async () => (await fetch("docs/metering.html")).text());
    for (const item of items) {
      expect(item.text).toMatch(/\d+\.\d dB/);
      const anchor = /#(s\d+)$/.exec(item.href!)![1];
      expect(notes, `anchor ${anchor}`).toContain(`id="${anchor}"`);
    }
  });

  test("PLR and PSR read as numbers at IN and OUT", async () => {
    for (const tap of ["in", "out"])
      for (const readout of ["plr", "psr"])
        expect(await page().textContent(`[data-tap=${tap}] [data-readout=${readout}]`)).toMatch(/^\d+\.\d dB$/);
  });

  test("a strip's scale switches to K-20 and to the PPM of the chosen standard", async () => {
    await page().selectOption("[data-tap=in] select.scale", "k20");
    expect(await page().textContent("[data-tap=in] .scale-caption")).toMatch(/0 = −20 dB \(K-20\)/);
    await page().selectOption("[data-tap=in] select.scale", "ppm");
    expect(await page().textContent("[data-tap=in] .scale-caption")).toMatch(/EBU \(Type IIb\) quasi-peak/);
    expect(await page().textContent("[data-tap=in] [data-readout=ppm-max]")).toMatch(/dBFS$/);
  });

  test("the stage check offers streaming, EBU R128 and ATSC A/85 delivery", async () => {
    const options = await page().$$eval("#stage option", (list) => list.map((o) => o.textContent));
    expect(options.join("\n")).toMatch(/Streaming.*−14\.0 LUFS.*−1\.0 dBTP/);
    expect(options.join("\n")).toMatch(/EBU R128.*−23\.0 LUFS/);
    expect(options.join("\n")).toMatch(/ATSC A\/85.*−24\.0 LUFS.*−2\.0 dBTP/);
  });
});
