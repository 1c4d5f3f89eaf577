/**
 * Builds one WAM 2 plugin folder (`vite build -c vite.wam.config.ts --mode NAME`): index.js (the
 * WebAudioModule class as its default export), descriptor.json, the processor and the kernel,
 * with URLs relative to index.js so the folder works wherever a host loads it from.
 * `npm run build:wam` builds each into build/wam/NAME; the app's build copies them to dist/wam/.
 */
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";
import { WAM_PLUGINS } from "./host/tools/wam-bundles.js";

const ROOT = fileURLToPath(new URL(".", import.meta.url));

/** Writes the plugin's descriptor.json beside index.js. */
function descriptorJson(descriptor: object): Plugin {
  return {
    name: "wam-descriptor",
    generateBundle() {
      this.emitFile({ type: "asset", fileName: "descriptor.json", source: `${JSON.stringify(descriptor, null, 2)}\n` });
    },
  };
}

export default defineConfig(async ({ mode }) => {
  const plugin = WAM_PLUGINS.find((p) => p.name === mode);
  if (!plugin) throw new Error(`--mode must name a WAM plugin: ${WAM_PLUGINS.map((p) => p.name).join(", ")}`);
  return {
    root: ROOT,
    base: "./",
    publicDir: false,
    logLevel: "warn",
    plugins: [descriptorJson(await plugin.descriptor())],
    build: {
      outDir: `build/wam/${plugin.name}`,
      emptyOutDir: true,
      target: "es2022",
      assetsInlineLimit: 0,
      modulePreload: false,
      copyPublicDir: false,
      rollupOptions: {
        input: plugin.entry,
        preserveEntrySignatures: "exports-only",
        output: { entryFileNames: "index.js", chunkFileNames: "[name].js", assetFileNames: "[name][extname]" },
      },
    },
    worker: { format: "es", rollupOptions: { output: { entryFileNames: "[name].js" } } },
  };
});
