/**
 * The app (ui/) served and built by vite. COOP/COEP make the page cross-origin isolated, so the
 * worklet talks to the page through SharedArrayBuffers (no per-block messages), in dev and in
 * preview alike. The kernel is built by asc into build/ first, the WAM plugins by vite.wam.config.ts
 * into build/wam/ (npm start / npm run build).
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import { wamBundles } from "./host/tools/wam-bundles.js";
import { docsPages } from "./host/tools/docs-pages.js";

export const ISOLATION_HEADERS = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
};

export default defineConfig({
  root: fileURLToPath(new URL("./ui", import.meta.url)),
  base: "./",
  server: { headers: ISOLATION_HEADERS, fs: { allow: [".."] } },
  preview: { headers: ISOLATION_HEADERS },
  build: { outDir: "../dist", emptyOutDir: true, target: "es2022" },
  worker: { format: "es" },
  // The WAM 2 effects the insert slot offers, at ./wam/NAME/ (served in dev, copied into the build);
  // the metering notes as a page the app links its explanations to (./docs/metering.html).
  plugins: [wamBundles(), docsPages()],
});
