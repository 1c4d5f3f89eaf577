/**
 * How the browser tests serve pages: a vite dev server rooted at the repository (test harness
 * pages), the production build of the app served by `vite preview` (both with the project's
 * COOP/COEP headers unless asked without), and the production build from a plain static server
 * under a sub-path with no such headers (what GitHub Pages and most hosting do). Shared by the
 * Chromium and Firefox tests.
 */
import { mkdtempSync } from "node:fs";
import { createServer as createHttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import sirv from "sirv";
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

/** Whether pages are served cross-origin isolated (the COOP/COEP headers) or as plain hosting serves them. */
export interface Serving {
  isolated: boolean;
}
const ISOLATED: Serving = { isolated: true };

/** A dev server rooted at the repository: open `new URL("/tests/…", url)`. */
export async function startDevServer(serving: Serving = ISOLATED): Promise<Served> {
  const server = await createServer({
    root: ROOT,
    configFile: false,
    logLevel: "error",
    server: { port: 0, host: "127.0.0.1", headers: serving.isolated ? ISOLATION_HEADERS : {}, hmr: false },
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
const CONFIG_FILE = join(ROOT, "vite.config.ts");

/** The app's production build (once per test process, into a folder of its own). */
function builtApp(): Promise<string> {
  built ??= (async () => {
    const outDir = mkdtempSync(join(tmpdir(), "gainstage-dist-"));
    await build({ configFile: CONFIG_FILE, logLevel: "error", build: { outDir, emptyOutDir: true } });
    return outDir;
  })();
  return built;
}

/**
 * The production build from a plain static server (sirv: files as they are, no COOP/COEP) under
 * `subPath` (e.g. "/tools/gainstage/"), as a user publishing dist/ would serve it. The url is the
 * sub-path's.
 */
export async function startStaticApp(subPath: string): Promise<Served> {
  const files = sirv(await builtApp(), { dev: false, etag: true });
  const server = createHttpServer((request, response) => {
    const url = request.url ?? "/";
    if (!url.startsWith(subPath)) {
      response.writeHead(404).end();
      return;
    }
    request.url = `/${url.slice(subPath.length)}`;
    files(request, response, () => {
      response.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${subPath}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function startBuiltApp(): Promise<Served> {
  const configFile = CONFIG_FILE;
  const outDir = await builtApp();
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
