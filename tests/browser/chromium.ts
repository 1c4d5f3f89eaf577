/**
 * Drives Debian's Chromium with playwright-core (test tools' own browser downloads fail here) on
 * pages served by servers.ts. Shared by the browser tests, the app's end-to-end test and the
 * browser benchmark.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { ROOT, startBuiltApp, startDevServer, startStaticApp, type Served, type Serving } from "./servers.js";

export { ROOT };
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--autoplay-policy=no-user-gesture-required",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export interface BrowserSession {
  page: Page;
  errors: string[];
  close(): Promise<void>;
}

export async function launch(
  viewport = { width: 1280, height: 720 },
): Promise<{ context: BrowserContext; userDataDir: string }> {
  const userDataDir = mkdtempSync(join(tmpdir(), "gainstage-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    acceptDownloads: true,
  });
  return { context, userDataDir };
}

/** Opens `path` of `served` in a fresh Chromium and waits until `ready` holds in the page. */
async function open(
  served: Served,
  path: string,
  ready: string,
  viewport?: { width: number; height: number },
): Promise<BrowserSession> {
  const { context, userDataDir } = await launch(viewport);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto(new URL(path, served.url).href);
  await page.waitForFunction(ready, undefined, { timeout: 60_000 });
  return {
    page,
    errors,
    async close() {
      await context.close();
      await served.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Opens a test harness page (e.g. /tests/browser/harness/index.html) from a dev server. */
export async function openDevPage(path: string, serving?: Serving): Promise<BrowserSession> {
  return open(await startDevServer(serving), path, "globalThis.harnessReady === true");
}

/** The production build from a plain static server under `subPath`, with no COOP/COEP headers. */
export async function openStaticApp(
  subPath: string,
  viewport = { width: 1600, height: 1500 },
): Promise<BrowserSession> {
  return open(await startStaticApp(subPath), "./", "globalThis.gainstage !== undefined", viewport);
}

/** The production build of the app, as a user would deploy it. */
export async function openBuiltApp(viewport = { width: 1600, height: 1500 }): Promise<BrowserSession> {
  return open(await startBuiltApp(), "/", "globalThis.gainstage !== undefined", viewport);
}
