/**
 * The project's metering notes (docs/metering.md) as a page of the app, so "why meters disagree"
 * and the self-test link each explanation to its clause: docs/metering.html, headings with
 * GitHub-style ids (marked + marked-gfm-heading-id), served in development and written into the
 * build. Build tooling: runs in Node (vite config), never in a page.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Marked } from "marked";
import { gfmHeadingId } from "marked-gfm-heading-id";
import type { Plugin } from "vite";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** Where the page is, relative to the app's index.html. */
export const METERING_PAGE = "docs/metering.html";

/** docs/metering.md as a standalone HTML page. */
export function meteringPage(): string {
  const markdown = readFileSync(join(ROOT, "docs/metering.md"), "utf8");
  const body = new Marked().use(gfmHeadingId()).parse(markdown, { async: false });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Gainstage — metering notes</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;background:#15181c;color:#dfe6ee}
a{color:#8fd14f}code,pre{background:#22272e;border-radius:3px}pre{padding:.5rem;overflow:auto}
table{border-collapse:collapse}td,th{border:1px solid #3a4048;padding:2px 6px}:target{background:#2c3a20}</style>
</head><body>${body}</body></html>`;
}

/** A vite plugin: the page at /docs/metering.html in development and in the build. */
export function docsPages(): Plugin {
  return {
    name: "docs-pages",
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        if (!/\/docs\/metering\.html(?:[?#]|$)/.test(request.url ?? "")) return next();
        response.setHeader("Content-Type", "text/html; charset=utf-8");
        response.end(meteringPage());
      });
    },
    generateBundle() {
      this.emitFile({ type: "asset", fileName: METERING_PAGE, source: meteringPage() });
    },
  };
}
