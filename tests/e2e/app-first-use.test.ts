/**
 * The app at a laptop's 1366 × 768: what fits on one screen, the chain in a producer's words,
 * details, the speaker guard, a file played at its own rate and clips counted as the command
 * line counts them. Real Chromium against
 * the production build; truths are the files the test wrote, the CLI's reading of the same file,
 * geometry in the page, and analytic levels.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openBuiltApp, ROOT, type BrowserSession } from "../browser/chromium.js";
import { encodeAudioFile } from "../helpers/audio-files.js";
import { sine } from "../helpers/signals.js";
import { expectWithin } from "../helpers/tolerance.js";

const VIEWPORT = { width: 1366, height: 768 };
let session: BrowserSession;
beforeAll(async () => {
  session = await openBuiltApp(VIEWPORT);
}, 120_000);
afterAll(async () => {
  await session?.close();
});

const page = () => session.page;
const meters = () => page().evaluate(() => (globalThis as any).gainstage.meters());
const box = async (selector: string) => (await page().locator(selector).first().boundingBox())!;

describe("before anything plays", () => {
  test("24. readouts say — (not 'LRA 0.0 LU'), and no lone clip box", async () => {
    for (const tap of ["in", "out"]) {
      expect(await page().textContent(`[data-tap=${tap}] [data-readout=lra]`)).toBe("—");
      expect(await page().isVisible(`[data-tap=${tap}] .clips`)).toBe(false);
    }
  });

  test("23. the chain is drawn in a producer's words, and no developer word is on screen", async () => {
    const chain = await page().textContent(".chain");
    expect(chain).toMatch(
      /^Source\s*IN.*Input trim\s*TO EFFECT.*Effect: Tape saturator\s*FROM EFFECT.*Output trim\s*OUT.*Speakers$/s,
    );
    // biome-ignore lint/performance/useDomNodeTextContent: the text as shown is the point (hidden text is not on screen)
    const visible = await page().evaluate(() => document.body.innerText);
    expect(visible).not.toMatch(/\b(PRE|POST|SEND|RETURN)\b/);
  });
});

describe("22. at 1366 × 768, IN and OUT with their readouts, the trims, Learn and A/B are all on screen", () => {
  beforeAll(async () => {
    await page().click("#play");
    await page().waitForTimeout(1500);
  });
  test.each([
    ["[data-tap=in]"],
    ["[data-tap=out]"],
    ["[data-tap=in] .readouts"],
    ["[data-tap=out] .readouts"],
    ["#console-controls"],
    [".learn-button"],
    [".learn-status"],
    [".ab-table"],
    [".match-button"],
    ["[data-param=abListen]"],
  ])("%s", async (selector) => {
    const b = await box(selector);
    expect(b.x).toBeGreaterThanOrEqual(0);
    expect(b.y).toBeGreaterThanOrEqual(0);
    expect(b.x + b.width).toBeLessThanOrEqual(VIEWPORT.width);
    expect(b.y + b.height).toBeLessThanOrEqual(VIEWPORT.height);
  });
  test("no readout is cut (each shows its whole text) and nothing scrolls sideways", async () => {
    const cut = await page().$$eval(".readouts dt, .readouts dd, .ab-table td, .ab-table th", (cells) =>
      cells.filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.textContent),
    );
    expect(cut).toEqual([]);
    expect(await page().evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(VIEWPORT.width);
  });
  test("24. every readout is right-aligned (peak readouts too)", async () => {
    const rights = await page().$$eval("[data-tap=in] .readouts dd", (cells) =>
      cells.map((c) => Math.round((c.firstElementChild ?? c).getBoundingClientRect().right)),
    );
    const textRights = await page().$$eval("[data-tap=in] .readouts dd", (cells) =>
      cells.map((c) => {
        const range = document.createRange();
        range.selectNodeContents(c);
        return Math.round(range.getBoundingClientRect().right);
      }),
    );
    expect(new Set(textRights).size).toBe(1);
    expect(new Set(rights).size).toBe(1);
  });
  test("24. the history has target lines for loudness too (−14 and −23 LUFS)", async () => {
    const guides = await page().evaluate(() =>
      (globalThis as any).gainstage.history.guides("LUFS").map((g: { db: number }) => g.db),
    );
    expect(guides).toEqual([-14, -23]);
  });
  test("24. with the meters around the effect shown, the strips line up", async () => {
    await page().check("#show-send-return");
    const [inBox, outBox, sendBox, returnBox] = await Promise.all(
      ["[data-tap=in]", "[data-tap=out]", "[data-tap=send]", "[data-tap=return]"].map(box),
    );
    expect(inBox!.y).toBe(outBox!.y);
    expect(sendBox!.y).toBe(returnBox!.y);
    await page().uncheck("#show-send-return");
  });
});

describe("a file from disk, as the command line reads it", () => {
  const dir = mkdtempSync(join(tmpdir(), "gainstage-app-file-"));
  // 16-bit at 48 kHz (the test's Chromium runs its context at 44.1 kHz): 5 samples at each full-scale code.
  const tone = sine(48000, 997, -6, 2);
  for (let k = 0; k < 5; k++) {
    tone[1000 + 97 * k] = 32767 / 32768;
    tone[2000 + 97 * k] = -1;
  }
  const file = join(dir, "clips.wav");
  writeFileSync(file, encodeAudioFile([tone, tone], 48000, { container: "wav", kind: "int", bits: 16 }));
  let cli: { samplePeakDbfs: number; clipCount: number };
  beforeAll(async () => {
    cli = JSON.parse(
      spawnSync(process.execPath, [join(ROOT, "bin/gainstage.mjs"), "analyze", "--json", file], { encoding: "utf8" })
        .stdout,
    )[0];
    // Played once from its start into fresh meters: the context (and its meters) is built anew at 48 kHz.
    await page().uncheck("#loop");
    await page().setInputFiles("#file-input", file);
    await page().waitForFunction(() => document.querySelector("#source-name")?.textContent === "clips.wav", undefined, {
      timeout: 20_000,
    });
    await page().waitForTimeout(3000);
  }, 30_000);

  test("21. it plays at its own 48 kHz (the context is rebuilt), and says so", async () => {
    expect(await page().evaluate(() => (globalThis as any).gainstage.engine.context.sampleRate)).toBe(48000);
    expect(await page().textContent("#status")).toMatch(/^48000 Hz/);
    expect(await page().textContent("#notices")).toMatch(/played at its own 48000 Hz/);
  });

  test("10 and 21. IN reads the CLI's peak and clip count for the same file (2 × 10 clipped samples)", async () => {
    const m = await meters();
    expect(cli.clipCount).toBe(20);
    expect(m.pre.before.overall.clipCount).toBe(cli.clipCount);
    expectWithin(m.pre.before.overall.samplePeakMaxDbfs, cli.samplePeakDbfs, 1e-6, 1e-6, "IN peak = CLI peak");
  });
});

describe("25. the speakers are protected; the meters are not touched", () => {
  test("trims at +48/+48 with no effect: the guard mutes the speakers with a light; OUT still reads the +90 dBFS", async () => {
    await page().check("#loop");
    await page().click('[data-source="tone"]');
    await page().selectOption("#insert", "none");
    await page().evaluate(() => {
      const g = (globalThis as any).gainstage;
      const probe = new AnalyserNode(g.engine.context, { fftSize: 2048 });
      g.engine.guard.node.connect(probe);
      g.probe = probe;
      g.store.set("inputTrimDb", 48);
      g.store.set("outputTrimDb", 48);
    });
    if (!(await page().evaluate(() => (globalThis as any).gainstage.engine.playing))) await page().click("#play");
    await expect.poll(() => page().isVisible("#speaker-guard"), { timeout: 10_000 }).toBe(true);
    expect(await page().textContent("#speaker-guard")).toMatch(/^Speakers muted: the output reached \+\d+\.\d dBFS/);
    await page().waitForTimeout(3500); // a whole short-term window after the trims
    const loudest = await page().evaluate(() => {
      const probe = (globalThis as any).gainstage.probe as AnalyserNode;
      const data = new Float32Array(probe.fftSize);
      probe.getFloatTimeDomainData(data);
      return Math.max(...data.map(Math.abs));
    });
    expect(loudest).toBe(0);
    const m = await meters();
    // The tone is −18 dBFS; +96 dB of trims put OUT at +78 dBFS, loudness included.
    expectWithin(m.post.after.overall.samplePeakDbfs, 78, 0.05, 0.05, "OUT peak");
    expectWithin(m.post.after.shortTermLufs, 78, 0.2, 0.2, "OUT short-term");
    // Positive levels say so: "+78.0 dBFS", "+96.0 VU".
    expect(await page().textContent("[data-tap=out] [data-readout=peak-max]")).toMatch(/^\+78\.0 dBFS$/);
    expect(await page().textContent("[data-tap=out] [data-readout=vu]")).toMatch(/^\+\d+\.\d VU$/);
    await page().click("#reset-meters");
    await page().waitForTimeout(1500);
    const after = await meters();
    expectWithin(after.post.after.integratedLufs, 78, 0.2, 0.2, "OUT integrated is finite and right");
  }, 30_000);
});

test("no console errors or page errors", () => {
  expect(session.errors).toEqual([]);
});
