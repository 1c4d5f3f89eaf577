/**
 * Our VST 3 declarations (host/formats/native/vst3/vst3-abi.h) against Steinberg's C API header in
 * ../shared/vendor/vst3_c_api: every struct's size, alignment and field offsets, every method's
 * slot in its vtable, the constants and the interface ids (tests/native/vst3-facts.h). The
 * official header prints the facts as _Static_assert lines; compiling them against our header is
 * the check. Skipped, with a note, where ../shared is absent (a user's clone builds without it).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { ROOT } from "../browser/servers.js";
import { missingToolchain, SKIP_NATIVE } from "../helpers/native.js";

const OFFICIAL = join(ROOT, "../shared/vendor/vst3_c_api");
const present = existsSync(join(OFFICIAL, "vst3_c_api.h"));
const note = !present
  ? "(skipped: ../shared/vendor/vst3_c_api is not here)"
  : SKIP_NATIVE
    ? `(skipped: ${missingToolchain()})`
    : "";

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { encoding: "utf8" });
  expect(result.status, `${command} ${args.join(" ")}\n${result.stderr}${result.stdout}`).toBe(0);
  return result.stdout;
}

describe.skipIf(!present || SKIP_NATIVE)(`our VST 3 declarations against Steinberg's C API ${note}`, () => {
  test("sizes, alignments, offsets, method slots, constants and interface ids are the official ones", () => {
    const dir = mkdtempSync(join(tmpdir(), "gainstage-vst3-official-"));
    const here = join(ROOT, "tests/native");
    run("cc", ["-std=c11", "-I", OFFICIAL, "-I", here, "-o", join(dir, "official"), join(here, "vst3-official.c")]);
    const asserts = run(join(dir, "official"), []);
    expect(asserts.split("\n").length).toBeGreaterThan(500);
    writeFileSync(join(dir, "vst3-official-asserts.inc"), asserts);
    run("cc", [
      "-std=c11",
      "-I",
      join(ROOT, "host/formats/native"),
      "-I",
      dir,
      "-o",
      join(dir, "ours"),
      join(here, "vst3-ours.c"),
    ]);
    expect(run(join(dir, "ours"), []).trim()).toBe("layouts, slots, constants and ids ok");
  });
});
