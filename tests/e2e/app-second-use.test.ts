/**
 * The app as a second real use met it, at 1366 × 768 in Chromium: nothing covers the effect
 * picker on first load; before sound the A/B table says "—"; seconds of silence are not seconds
 * compared; every drawing says what it shows (the VU needles' legend, the saturator's band, clip
 * lights, the PPM's reference); after Learn, TO EFFECT reads in Learn's measure and the outcome is
 * in view beside Learn; and a file played once reads the loudness range the command line reads.
 * Truths: the page's own geometry, the CLI's reading of the same file, the units Learn works in.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openBuiltApp, ROOT, type BrowserSession } from "../browser/chromium.js";
import { encodeAudioFile } from "../helpers/audio-files.js";
import { quietLoudProgramme } from "../helpers/programme.js";

let session: BrowserSession;
const page = () => session.page;
const VIEWPORT = { width: 1366, height: 768 };

beforeAll(async () => {
  session = await openBuiltApp(VIEWPORT);
  // Every text drawn on a canvas, so the test can read what the drawings say.
  await page().evaluate(() => {
    const drawn: string[] = [];
    const original = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function (text: string, x: number, y: number, w?: number) {
      drawn.push(text);
      if (drawn.length > 5000) drawn.splice(0, 1000);
      return w === undefined ? original.call(this, text, x, y) : original.call(this, text, x, y, w);
    };
    (globalThis as any).drawnTexts = drawn;
  });
}, 120_000);
afterAll(async () => {
  await session?.close();
});

const box = (selector: string) => page().locator(selector).first().boundingBox();
const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe("before any sound", () => {
  test("no notice covers the effect picker or the speakers switch", async () => {
    const notices = await page().locator(".notice").all();
    for (const target of ["#insert", "#monitor"]) {
      const covered = await box(target);
      for (const notice of notices) expect(overlaps((await notice.boundingBox())!, covered!), target).toBe(false);
    }
  });

  test("the A/B table says — (no reading), not −∞, and silence is not counted as compared", async () => {
    const cells = await page().$$eval(".ab-table tbody td", (list) => list.map((td) => td.textContent));
    expect(cells.filter((text) => text !== "— dB" && text !== "— LU").every((text) => text === "—")).toBe(true);
    await page().waitForTimeout(1500); // time passes, nothing plays
    expect(await page().textContent(".matched-light")).toBe("Comparing since the last change… 0.0 s of signal");
  });
});

describe("after Learn", () => {
  beforeAll(async () => {
    await page().click("#play");
    await page().selectOption(".learn-length", "5");
    await page().click(".learn-button");
    await page().waitForFunction(() => (globalThis as any).gainstage.learn.lastOutcome !== null, undefined, {
      timeout: 30_000,
    });
    await page().waitForFunction(() => !document.querySelector<HTMLElement>(".learn-result")!.hidden, undefined, {
      timeout: 10_000,
    });
  }, 60_000);

  test("TO EFFECT reads in Learn's measure, with its unit", async () => {
    expect(await page().textContent('[data-stage="send"] .chain-point-level')).toMatch(/^−\d+\.\d dB AES17$/);
  });

  test("the outcome is in view beside Learn at 1366 × 768: TO EFFECT now averages … dB AES17 (target −18.0 dB)", async () => {
    const result = await page().textContent(".learn-result");
    expect(result).toMatch(
      /^TO EFFECT now averages −\d+\.\d dB AES17 \(target −18\.0 dB\) over the \d+\.\d s since Learn\.$/,
    );
    const where = (await box(".learn-result"))!;
    expect(where.y + where.height).toBeLessThanOrEqual(VIEWPORT.height);
    const learn = (await box(".learn-button"))!;
    expect(Math.abs(where.y - learn.y)).toBeLessThan(200);
  });

  test("each drawing says what it shows: VU needles L and R, the saturator's band, clip lights, the PPM's reference", async () => {
    const drawn: string[] = await page().evaluate(() => (globalThis as any).drawnTexts);
    expect(drawn).toContain("L");
    expect(drawn).toContain("R");
    expect(drawn).toContain("peaks fed to it");
    expect(await page().$$eval("[data-tap=in] .clip", (list) => list.map((b) => b.textContent))).toEqual([
      "clip L",
      "clip R",
    ]);
    expect(await page().textContent("[data-tap=in] [data-readout=ppm-max]")).toMatch(/dBFS$|^PPM /);
  });
});

describe("a file played once", () => {
  const dir = mkdtempSync(join(tmpdir(), "gainstage-app-lra-"));
  const file = join(dir, "programme.wav");
  writeFileSync(
    file,
    encodeAudioFile(quietLoudProgramme(48000, 2, 5), 48000, { container: "wav", kind: "float", bits: 32 }),
  );

  test("reads the loudness range the command line reads (the meters stop with the file)", async () => {
    const cli = JSON.parse(
      spawnSync(process.execPath, [join(ROOT, "bin/gainstage.mjs"), "analyze", "--json", file], { encoding: "utf8" })
        .stdout,
    )[0];
    await page().uncheck("#loop");
    await page().setInputFiles("#file-input", file);
    await page().waitForFunction(() => document.querySelector("#source-name")?.textContent === "programme.wav");
    if (!(await page().evaluate(() => (globalThis as any).gainstage.engine.playing))) await page().click("#play");
    await page().waitForFunction(() => !(globalThis as any).gainstage.engine.playing, undefined, { timeout: 30_000 });
    await page().waitForTimeout(4000); // longer than the short-term window: nothing more may enter the range
    const lra = await page().evaluate(() => (globalThis as any).gainstage.meters().pre.before.loudnessRangeLu);
    expect(Math.abs(lra - cli.loudnessRangeLu)).toBeLessThanOrEqual(0.1);
  }, 60_000);
});
