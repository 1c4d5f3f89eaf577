/**
 * The two ways the browser tests serve pages, both with the project's COOP/COEP headers: a vite
 * dev server rooted at the repository (test harness pages) and the production build of the app
 * served by `vite preview` (what a user would deploy). Shared by the Chromium and Firefox tests.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build, createServer, preview } from "vite";
import { ISOLATION_HEADERS } from "../../vite.config.js";
import { wamBundles } from "../../host/tools/wam-bundles.js";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface Served {
  url: string;
  close(): Promise<void>;
}

/** A dev server rooted at the repository: open `new URL("/tests/…", url)`. */
export async function startDevServer(): Promise<Served> {
  const server = await createServer({
    root: ROOT,
    configFile: false,
    logLevel: "error",
    server: { port: 0, host: "127.0.0.1", headers: ISOLATION_HEADERS, hmr: false },
    optimizeDeps: { include: ["comlink", "ringbuf.js", "@webaudiomodules/sdk"] },
    // The WAM plugins (Gainstage, the tape saturator, wam-community's Simple Distortion) at /wam/NAME/.
    plugins: [wamBundles()],
  });
  await server.listen();
  return { url: server.resolvedUrls!.local[0]!, close: () => server.close() };
}

let built: Promise<string> | null = null;

/**
 * Builds the app once per test process with the project's vite config (into a folder of this
 * process's own, since test files run in parallel processes) and serves it with `vite preview`.
 */
export async function startBuiltApp(): Promise<Served> {
  const configFile = join(ROOT, "vite.config.ts");
  built ??= (async () => {
    const outDir = mkdtempSync(join(tmpdir(), "gainstage-dist-"));
    await build({ configFile, logLevel: "error", build: { outDir, emptyOutDir: true } });
    return outDir;
  })();
  const outDir = await built;
  const server = await preview({
    configFile,
    logLevel: "error",
    build: { outDir },
    preview: { port: 0, host: "127.0.0.1", strictPort: false },
  });
  return {
    url: server.resolvedUrls!.local[0]!,
    close: () => new Promise<void>((resolve) => server.httpServer.close(() => resolve())),
  };
}
