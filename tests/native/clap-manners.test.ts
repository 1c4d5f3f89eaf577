/**
 * The CLAP plugin's manners, as the specification and a careful host expect them: value ↔ text
 * equal to the web's for every parameter and any value a host may send (±1e300, ±Inf, NaN, ties),
 * stepped values converted as a cast, the output's constant_mask written, its features true to
 * its one port layout, clap.log and clap.thread-check used when offered, a trapped kernel reported
 * as CLAP_PROCESS_ERROR, and nothing left allocated once the host unloads it.
 * Truths: the web's own valueToText/textToValue (host/model/params.ts), the CLAP headers' words.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { NATIVE_PARAMETERS } from "../../host/tools/generate-native.js";
import { paramByKey, textToValue, valueToText } from "../../host/model/params.js";
import { ROOT } from "../browser/servers.js";
import { CLAP, clapHost, expectBuilt, missingToolchain, SKIP_NATIVE, WORK } from "../helpers/native.js";

const dir = mkdtempSync(join(tmpdir(), "gainstage-clap-manners-"));
const CLAP_PROCESS_ERROR = 0;
const CLAP_PROCESS_CONTINUE = 1;
const CLAP_LOG_WARNING = 2;
const CLAP_LOG_HOST_MISBEHAVING = 5;

/** Values a host may ask text for: the range's ends and middle, ties, −0, and what no range holds. */
function valuesFor(min: number, max: number): number[] {
  const mid = (min + max) / 2;
  return [min, max, mid, 0, -0, 0.05, -0.05, 0.25, -0.25, 1.45, -1.45, 2.5, -2.5, 1e-9, -1e-9, 1e300, -1e300];
}

describe.skipIf(SKIP_NATIVE)(`CLAP manners ${SKIP_NATIVE ? `(skipped: ${missingToolchain()})` : ""}`, () => {
  beforeAll(() => expectBuilt());

  test("value → text equals the web's for every parameter and any value a host sends (no overflow at ±1e300)", () => {
    const cases = NATIVE_PARAMETERS.flatMap((p) =>
      [...valuesFor(p.min, p.max), Infinity, -Infinity, NaN].map((value) => ({ key: p.key, value })),
    );
    const file = join(dir, "texts.txt");
    writeFileSync(
      file,
      cases.map(({ key, value }) => `${paramByKey(key).id} ${Number.isNaN(value) ? "nan" : value}`).join("\n"),
    );
    const native = clapHost("texts", file).split("\n").slice(0, cases.length);
    const web = cases.map(({ key, value }) => valueToText(paramByKey(key), value));
    expect(native).toEqual(web);
    expect(native[cases.findIndex((c) => c.key === "inputTrimDb" && c.value === 1e300)]).toBe("+48.0 dB");
  });

  test("text → value equals the web's: typed forms, units, choices, and refusals", () => {
    const typed = [
      "-6",
      "−6,0 dB",
      "+3.25",
      " 12 dB ",
      "-99",
      "1e3",
      "abc",
      "",
      "inverted",
      "On",
      "1",
      "0.6",
      "-0,5db",
    ];
    const cases = NATIVE_PARAMETERS.flatMap((p) => typed.map((text) => ({ key: p.key, text })));
    const file = join(dir, "values.txt");
    writeFileSync(file, cases.map(({ key, text }) => `${paramByKey(key).id}\t${text}`).join("\n"));
    const native = clapHost("values", file)
      .split("\n")
      .slice(0, cases.length)
      .map((line) => (line === "refused" ? line : String(Number(line)))); // printed with 17 digits
    const web = cases.map(({ key, text }) => {
      try {
        return String(textToValue(paramByKey(key), text));
      } catch {
        return "refused";
      }
    });
    expect(native).toEqual(web);
  });

  test("stepped values convert as a cast, constant_mask is written, the host's log and thread-check are used", () => {
    const report = JSON.parse(
      clapHost("manners", String(paramByKey("polarityL").id), String(paramByKey("inputTrimDb").id)),
    );
    expect([report.polarity07, report.polarity19, report.trim]).toEqual([0, 1, -0.7]);
    expect(report.status).toBe(CLAP_PROCESS_CONTINUE);
    expect(report.constantMask).toBe(0);
    expect(report.loadedBad).toBe(false);
    expect(report.log).toContain(
      `${CLAP_LOG_WARNING}:Gainstage: state refused, nothing changed: inputTrimDb: 99 is outside`,
    );
    expect(report.loadedOffMain).toBe(false);
    expect(report.log).toContain(
      `${CLAP_LOG_HOST_MISBEHAVING}:Gainstage: state.load called off the host's main thread`,
    );
    expect(report.trimAfter).toBe(-0.7);
  });

  test("features name the one port layout it has (stereo), not mono", () => {
    const info = JSON.parse(clapHost("info"));
    expect(info.features).toContain("stereo");
    expect(info.features).not.toContain("mono");
  });

  test("a kernel that traps: process returns CLAP_PROCESS_ERROR from then on, and outputs silence", () => {
    const binary = join(WORK, "clap-trap");
    const build = spawnSync(
      "make",
      [
        "-s",
        "-C",
        join(ROOT, "host/formats/native"),
        "sanitized",
        "SANITIZE=address,undefined",
        `KERNEL=${join(ROOT, "tests/native/trapping-kernel.c")}`,
        `PROGRAM=${join(ROOT, "tests/native/clap-trap.c")}`,
        `SANITIZED=${binary}`,
      ],
      { encoding: "utf8" },
    );
    expect(build.status, build.stderr).toBe(0);
    const run = spawnSync(binary, { encoding: "utf8" });
    expect(run.stderr).toBe("");
    const report = JSON.parse(run.stdout);
    // The fourth kernel call traps (trapping-kernel.c).
    expect(report.statuses).toEqual([1, 1, 1, 0, 0, 0].map((ok) => (ok ? CLAP_PROCESS_CONTINUE : CLAP_PROCESS_ERROR)));
    expect(report.lastOutputPeak).toBe(0);
  });

  test("unloaded, it leaves nothing allocated (module tables and the C locale are freed): valgrind", () => {
    const inUse = (rounds: number) => {
      const args = ["--leak-check=full", join(WORK, "clap-host"), CLAP, "unload", String(rounds)];
      const run = spawnSync("valgrind", args, { encoding: "utf8" });
      expect(run.status, run.stderr).toBe(0);
      return /in use at exit: ([\d,]+) bytes/.exec(run.stderr)![1];
    };
    // Every load and unload leaves nothing behind: three rounds leave what one leaves (the C library's own dlopen cache).
    expect(inUse(3)).toBe(inUse(1));
  });
});
