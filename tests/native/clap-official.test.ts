/**
 * Our CLAP declarations (host/formats/native/clap/clap-abi.h) against the official CLAP headers
 * in ../shared/vendor/clap/include: every struct's size, alignment, field offsets and field sizes,
 * every constant and id we use (clap-facts.h). The official headers print the facts as
 * _Static_assert lines; compiling them against our header is the check. Skipped, with a note,
 * where ../shared is absent (a user's clone builds without it).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { ROOT } from "../browser/servers.js";
import { missingToolchain, SKIP_NATIVE } from "../helpers/native.js";

const OFFICIAL = join(ROOT, "../shared/vendor/clap/include");
const present = existsSync(join(OFFICIAL, "clap/clap.h"));
const note = !present
  ? "(skipped: ../shared/vendor/clap is not here)"
  : SKIP_NATIVE
    ? `(skipped: ${missingToolchain()})`
    : "";

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { encoding: "utf8" });
  expect(result.status, `${command} ${args.join(" ")}\n${result.stderr}${result.stdout}`).toBe(0);
  return result.stdout;
}

describe.skipIf(!present || SKIP_NATIVE)(`our CLAP declarations against the official headers ${note}`, () => {
  test("sizes, alignments, offsets, constants and ids are the official ones", () => {
    const dir = mkdtempSync(join(tmpdir(), "gainstage-clap-official-"));
    const here = join(ROOT, "tests/native");
    run("cc", ["-std=c11", "-I", OFFICIAL, "-I", here, "-o", join(dir, "official"), join(here, "clap-official.c")]);
    const asserts = run(join(dir, "official"), ["asserts"]);
    expect(asserts.split("\n").length).toBeGreaterThan(150);
    writeFileSync(join(dir, "clap-official-asserts.inc"), asserts);
    writeFileSync(join(dir, "clap-official-strings.inc"), run(join(dir, "official"), ["strings"]));
    const ours = ["-I", join(ROOT, "host/formats/native"), "-I", dir];
    run("cc", ["-std=c11", ...ours, "-o", join(dir, "ours"), join(here, "clap-ours.c")]);
    expect(run(join(dir, "ours"), []).trim()).toBe("ids ok");
  });
});
