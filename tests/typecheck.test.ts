/** The TypeScript of the app, host, worklet (its own scope's types) and tests type-checks, so CI catches type errors too. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { expect, test } from "vitest";
import { ROOT } from "./browser/chromium.js";

test.each(["tsconfig.json", "host/formats/web/tsconfig.json", "ui/worklet/tsconfig.json"])(
  "tsc -p %s: no errors",
  (project) => {
    const result = spawnSync(
      process.execPath,
      [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", join(ROOT, project), "--noEmit"],
      { encoding: "utf8" },
    );
    expect(result.stdout + result.stderr).toBe("");
    expect(result.status).toBe(0);
  },
);
