/**
 * The plugin's own panel (ui/plugin-gui.ts) as a WAM host shows it, in Chromium: mounted in
 * containers 360 to 1600 px wide, its geometry measured (panel-geometry.ts). Truths: the
 * container's edges, 80 px for a fader to be used with a mouse, a select as wide as its widest
 * option's text, 11 px as the smallest readable text. Screenshots at 480 and 1000 px are kept in
 * test-results/ for a person to look at.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type BrowserSession, openDevPage, ROOT } from "./chromium.js";
import type { WamScenarios } from "./wam-host/wam-host.js";

const HOST = "/tests/browser/wam-host/index.html";
const ARTIFACTS = join(ROOT, "test-results");
/** The shortest fader a mouse can set to a tenth of a dB with Shift (ui/param-control.ts). */
const MIN_FADER_PX = 80;
const MIN_TEXT_PX = 11;
const SCREENSHOTS = [480, 1000];
const EXPECTED_LAYOUT = { 360: "stacked", 480: "stacked", 800: "two-row", 1000: "wide", 1600: "wide" } as const;

let session: BrowserSession;
beforeAll(async () => {
  session = await openDevPage(HOST);
}, 120_000);
afterAll(async () => {
  await session?.close();
});

function run<K extends keyof WamScenarios>(
  name: K,
  ...args: Parameters<WamScenarios[K]>
): Promise<Awaited<ReturnType<WamScenarios[K]>>> {
  return session.page.evaluate(([n, a]) => (globalThis as any).scenarios[n](...(a as unknown[])), [
    name,
    args,
  ] as const) as never;
}

type Geometry = Awaited<ReturnType<WamScenarios["panelGeometry"]>>;

function expectFits(g: Geometry, label: string) {
  expect(g.outside, `${label}: past the container's edge`).toEqual([]);
  expect(g.faders.length, `${label}: faders`).toBeGreaterThanOrEqual(2);
  expect(
    g.faders.filter((fader) => fader.px < MIN_FADER_PX),
    `${label}: faders shorter than ${MIN_FADER_PX} px`,
  ).toEqual([]);
  expect(g.cutSelects, `${label}: selects cut short`).toEqual([]);
  expect(g.smallText, `${label}: text under ${MIN_TEXT_PX} px`).toEqual([]);
  expect(g.overlaps, `${label}: strips, trims, Learn and A/B overlapping`).toBe(0);
  expect(g.pairingBelow, `${label}: the pairing row folds below`).toBe(true);
}

describe.each(Object.entries(EXPECTED_LAYOUT))("in a %s px container", (width, layout) => {
  let g: Geometry;
  beforeAll(async () => {
    g = await run("panelGeometry", Number(width));
    if (SCREENSHOTS.includes(Number(width))) {
      mkdirSync(ARTIFACTS, { recursive: true });
      await session.page.locator(`#panel-${width}`).screenshot({ path: join(ARTIFACTS, `panel-${width}.png`) });
    }
    await run("panelRemove", Number(width));
  }, 60_000);

  test(`lays out ${layout}, within the container`, () => {
    expect(g.layout).toBe(layout);
    expect(g.panelPx).toBeLessThanOrEqual(Number(width));
  });
  test("every fader ≥ 80 px, nothing past the edge, no select cut, readable text, nothing overlapping", () =>
    expectFits(g, `${width} px`));
  test("says the size it would like, as WAM hosts read it", () => {
    expect(g.preferred.dataWidth.value).toBeGreaterThanOrEqual(360);
    expect(g.preferred.dataHeight.value).toBeGreaterThan(0);
  });
});

test("follows its container as it resizes (1600 → 480 px)", async () => {
  const { wide, narrow } = await run("panelResize");
  expect([wide.layout, narrow.layout]).toEqual(["wide", "stacked"]);
  expectFits(narrow, "resized to 480 px");
});

test("the second instance's panel (POST) shows the pair: PRE's IN against its own OUT", async () => {
  const r = await run("postPanel");
  expect(r.status).toMatch(/^After the effect, paired/);
  const shown = (text: string) => Number(text.replace("\u2212", "-").replace(/ dBFS$/, ""));
  expect(shown(r.inText)).toBeCloseTo(r.preIn!, 1);
  expect(shown(r.outText)).toBeCloseTo(r.postOut!, 1);
  expect(r.preIn! - r.postOut!).not.toBeCloseTo(0, 1); // IN and OUT differ through the distortion
});

test("no page errors", () => expect(session.errors).toEqual([]));
