/**
 * The code's shape (issue #11): every source file small enough to read in one sitting, and no
 * parameter id translated on its way from a host to the kernel (one id space, declared once in
 * host/declaration/declaration.ts). Import cycles and what the UI may import are Biome's
 * (biome.json: noImportCycles, noRestrictedImports; `npm run lint`).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { expect, test } from "vitest";
import { ROOT } from "./browser/chromium.js";

/** Lines a source file may hold. */
const MAX_LINES = 300;
const SOURCE_FOLDERS = ["assembly", "host", "ui", "tests", "bin", ".ci"];
const SOURCE_FILE = /\.(ts|mts|mjs|js|css|html|c|h)$|^(run|Makefile)$/;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    // Generated files are read by tools, not people (assembly/generated: npm run generate).
    if (entry.isDirectory())
      return entry.name === "node_modules" || entry.name === "generated" ? [] : sourceFiles(path);
    return SOURCE_FILE.test(entry.name) ? [path] : [];
  });
}

const files = SOURCE_FOLDERS.flatMap((folder) => sourceFiles(join(ROOT, folder)));

test(`no source file is over ${MAX_LINES} lines`, () => {
  expect(files.length).toBeGreaterThan(100);
  const long = files
    .map((path) => ({ file: relative(ROOT, path), lines: readFileSync(path, "utf8").split("\n").length - 1 }))
    .filter(({ lines }) => lines > MAX_LINES);
  expect(long).toEqual([]);
});

test("no parameter id translation table is left (the id a host sends is the id the kernel applies)", () => {
  const translating = files
    .filter((path) => /\.(ts|mts)$/.test(path) && !path.endsWith("structure.test.ts"))
    .filter((path) => /\bkernelIds?\b|\bkernelId\s*:/.test(readFileSync(path, "utf8")))
    .map((path) => relative(ROOT, path));
  expect(translating).toEqual([]);
});
