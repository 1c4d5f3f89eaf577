/**
 * Serves a page with vite (COOP/COEP on, so SharedArrayBuffer is available) and drives Debian's
 * Chromium with playwright-core. Shared by the browser tests and the browser benchmark.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createServer, type ViteDevServer } from "vite";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const ISOLATION_HEADERS = { "Cross-Origin-Opener-Policy": "same-origin", "Cross-Origin-Embedder-Policy": "require-corp" };
export const CHROMIUM_ARGS = [
  "--no-sandbox", "--disable-gpu", "--autoplay-policy=no-user-gesture-required", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
];

export interface BrowserSession {
  page: Page;
  errors: string[];
  close(): Promise<void>;
}

export async function launch(): Promise<{ context: BrowserContext; userDataDir: string }> {
  const userDataDir = mkdtempSync(join(tmpdir(), "gainstage-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
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
