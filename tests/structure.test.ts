/**
 * The code's shape: every source file small enough to read in one sitting, every C function
 * too (TypeScript's are Biome's noExcessiveLinesPerFunction), no parameter id translated on its
 * way from a host to the kernel (one id space, declared once in host/declaration), and comments
 * that stay true: every path they name exists, and none cites a tracker's issue number (a
 * comment says why, in the code's own words). Import cycles and what each folder may import are
 * Biome's (biome.json: noImportCycles, noRestrictedImports; `npm run lint`).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
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

/** Lines a function may hold (blank lines aside), outside the code generators. */
const MAX_FUNCTION_LINES = 80;

test(`no C function in the plugins is over ${MAX_FUNCTION_LINES} lines`, () => {
  const long: string[] = [];
  for (const path of files.filter((file) => file.endsWith(".c") && relative(ROOT, file).startsWith("host/"))) {
    const lines = readFileSync(path, "utf8").split("\n");
    let start = -1;
    lines.forEach((line, i) => {
      if (start < 0 && /^[A-Za-z_].*\)\s*\{\s*$/.test(line) && !/^(typedef|struct|enum|static const)\b/.test(line))
        start = i;
      else if (start >= 0 && line === "}") {
        const body = lines.slice(start + 1, i).filter((l) => l.trim() !== "").length;
        if (body > MAX_FUNCTION_LINES) long.push(`${relative(ROOT, path)}:${start + 1} (${body} lines)`);
        start = -1;
      }
    });
  }
  expect(long).toEqual([]);
});

test("comments name paths that exist and no issue numbers", () => {
  const stale: string[] = [];
  const named = /(?<![\w./-])((?:assembly|host|ui|tests|docs|bin)\/[\w./-]*\.(?:ts|c|h|md|mjs))\b/g;
  for (const path of files.filter((file) => !file.endsWith("structure.test.ts"))) {
    readFileSync(path, "utf8")
      .split("\n")
      .forEach((line, i) => {
        const where = `${relative(ROOT, path)}:${i + 1}`;
        if (/[Ii]ssues? ?#?\d+/.test(line)) stale.push(`${where}: cites an issue number`);
        for (const [, named_path] of line.matchAll(named))
          if (!existsSync(join(ROOT, named_path!))) stale.push(`${where}: names ${named_path}, which does not exist`);
      });
  }
  expect(stale).toEqual([]);
});

/**
 * Code that runs in a browser names the SharedArrayBuffer global only in shared-memory.ts: a page
 * without cross-origin isolation has no such global, and naming it there throws (the app would
 * not start, the WAM would go silent). Type positions (`: SharedArrayBuffer`) are erased and fine.
 */
test("browser code names the SharedArrayBuffer global only in shared-memory.ts (guarded)", () => {
  const browserCode = files.filter((path) => {
    const file = relative(ROOT, path);
    return /\.ts$/.test(file) && /^(ui|host\/(formats\/(web|wam)|core|model|declaration|app|conformance))\//.test(file);
  });
  expect(browserCode.length).toBeGreaterThan(50);
  const valueUse =
    /new SharedArrayBuffer|instanceof SharedArrayBuffer|typeof SharedArrayBuffer|globalThis\.SharedArrayBuffer/;
  const naming = browserCode
    .filter((path) => !path.endsWith("host/formats/web/shared-memory.ts"))
    .flatMap((path) =>
      readFileSync(path, "utf8")
        .split("\n")
        .map((line, i) => ({ file: relative(ROOT, path), line: i + 1, text: line.trim() }))
        .filter(({ text }) => valueUse.test(text) && !text.startsWith("*") && !text.startsWith("//")),
    );
  expect(naming).toEqual([]);
});
