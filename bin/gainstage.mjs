#!/usr/bin/env node
// The `gainstage` command: the CLI bundle built from host/offline/cli/cli.ts (npm run build:cli;
// `npm ci` builds it through the prepare script).
import { existsSync } from "node:fs";
const bundle = new URL("../build/cli/gainstage.mjs", import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write("gainstage: the CLI is not built yet; run npm run build (or npm ci) first\n");
  process.exit(2);
}
await import(bundle.href);
