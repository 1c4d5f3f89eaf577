/**
 * The WAM 2 plugin folders the project builds or ships, and where the app serves them (/wam/NAME/):
 * Gainstage itself, the tape saturator (the app's built-in insert, a WAM like any other) and
 * Sequencer Party's Simple Distortion from the wam-community package (MIT), a plugin no one
 * here wrote. Build tooling: runs in Node (vite configs), never in a page.
 */
import { cpSync, existsSync, readFileSync, statSync } from "node:fs";
import type { ServerResponse } from "node:http";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface WamPluginBuild {
  name: string;
  /** The module whose default export is the WebAudioModule class. */
  entry: string;
  descriptor(): Promise<object>;
}

/** The plugins built from this repository (vite.wam.config.ts). */
export const WAM_PLUGINS: WamPluginBuild[] = [
  {
    name: "gainstage",
    entry: "ui/wam-gainstage.ts",
    descriptor: async () => (await import("../formats/wam/wam-descriptor.js")).WAM_DESCRIPTOR,
  },
  {
    name: "tape-saturator",
    entry: "ui/tape-saturator/index.ts",
    descriptor: async () => (await import("../../ui/tape-saturator/descriptor.js")).SATURATOR_DESCRIPTOR,
  },
];

/** Every folder served under /wam/: the built ones, and prebuilt third-party ones. */
export const WAM_FOLDERS: Record<string, string> = {
  ...Object.fromEntries(WAM_PLUGINS.map((p) => [p.name, join(ROOT, "build/wam", p.name)])),
  "simple-distortion": join(ROOT, "node_modules/wam-community/dist/plugins/burns-audio/distortion"),
};

const TYPES: Record<string, string> = {
  ".js": "text/javascript",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".png": "image/png",
  ".css": "text/css",
  ".html": "text/html",
};

function send(response: ServerResponse, file: string): void {
  response.setHeader("Content-Type", TYPES[extname(file)] ?? "application/octet-stream");
  response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
  response.end(readFileSync(file));
}

/**
 * A vite plugin: serves the WAM folders at /wam/NAME/ in development (as files, untransformed)
 * and copies them into the build's output, so the app loads its inserts by URL in both.
 */
export function wamBundles(): Plugin {
  let outDir = "";
  return {
    name: "wam-bundles",
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const match = /^(?:.*?)\/wam\/([a-z0-9-]+)\/([^?#]*)/.exec(request.url ?? "");
        const folder = match ? WAM_FOLDERS[match[1]!] : undefined;
        if (!match || !folder) return next();
        const file = normalize(join(folder, match[2] || "index.js"));
        if (!file.startsWith(folder) || !existsSync(file) || !statSync(file).isFile()) return next();
        send(response, file);
      });
    },
    closeBundle() {
      for (const [name, folder] of Object.entries(WAM_FOLDERS))
        if (existsSync(folder)) cpSync(folder, join(outDir, "wam", name), { recursive: true });
    },
  };
}
