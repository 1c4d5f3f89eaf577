/**
 * Serves a page with vite (COOP/COEP on, so SharedArrayBuffer is available) and drives Debian's
 * Chromium with playwright-core. Shared by the browser tests and the browser benchmark.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build, createServer, preview, type ViteDevServer } from "vite";
import { ISOLATION_HEADERS } from "../../vite.config.js";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--no-sandbox", "--disable-gpu", "--autoplay-policy=no-user-gesture-required", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
];

export interface BrowserSession {
  page: Page;
  errors: string[];
  close(): Promise<void>;
}

export async function launch(viewport = { width: 1280, height: 720 }): Promise<{ context: BrowserContext; userDataDir: string }> {
  const userDataDir = mkdtempSync(join(tmpdir(), "gainstage-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport, acceptDownloads: true });
  return { context, userDataDir };
}

/** Opens `path` on a vite dev server rooted at the repository. */
export async function openDevPage(path: string): Promise<BrowserSession> {
  const server: ViteDevServer = await createServer({
    root: ROOT, configFile: false, logLevel: "error",
    server: { port: 0, host: "127.0.0.1", headers: ISOLATION_HEADERS, hmr: false },
    optimizeDeps: { include: ["comlink", "ringbuf.js"] },
  });
  await server.listen();
  const address = server.resolvedUrls!.local[0]!;
  const { context, userDataDir } = await launch();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => { if (message.type() === "error") errors.push(message.text()); });
  await page.goto(new URL(path, address).href);
  await page.waitForFunction(() => (globalThis as { harnessReady?: boolean }).harnessReady === true, undefined, { timeout: 60_000 });
  return {
    page, errors,
    async close() {
      await context.close();
      await server.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export type { Browser };

/**
 * Builds the app for production (vite build → dist/) and opens it from `vite preview` with the
 * project's own config (COOP/COEP headers included): what a user would deploy.
 */
export async function openBuiltApp(viewport = { width: 1600, height: 1500 }): Promise<BrowserSession> {
  const configFile = join(ROOT, "vite.config.ts");
  await build({ configFile, logLevel: "error" });
  const server = await preview({ configFile, logLevel: "error", preview: { port: 0, host: "127.0.0.1", strictPort: false } });
  const address = server.resolvedUrls!.local[0]!;
  const { context, userDataDir } = await launch(viewport);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => { if (message.type() === "error") errors.push(message.text()); });
  await page.goto(address);
  await page.waitForFunction(() => (globalThis as { gainstage?: unknown }).gainstage !== undefined, undefined, { timeout: 60_000 });
  return {
    page, errors,
    async close() {
      await context.close();
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
