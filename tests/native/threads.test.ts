/**
 * The CLAP and VST 3 thread models, proved under the sanitizers: one thread processes (with
 * automation) while another loads and saves states, sets and reads values and text, and reads the
 * meters, as each format allows (clap-threads.c, vst3-threads.c). ThreadSanitizer must report no
 * data race, AddressSanitizer and UndefinedBehaviorSanitizer nothing; and the last loaded state
 * must be what the audio plays. Iterations, not time: the audio thread runs a fixed number of blocks.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { ROOT } from "../browser/servers.js";
import { missingToolchain, SKIP_NATIVE, WORK } from "../helpers/native.js";

/** Blocks of 128 frames the audio thread processes: about 53 s of audio, seconds of wall time. */
const BLOCKS = 20000;

function sanitized(format: string, sanitize: string) {
  const binary = join(WORK, `${format}-threads-${sanitize.replace(/,/g, "-")}`);
  const build = spawnSync(
    "make",
    [
      "-s",
      "-C",
      join(ROOT, "host/formats/native"),
      "sanitized",
      `FORMAT=${format}`,
      `SANITIZE=${sanitize}`,
      `SANITIZED=${binary}`,
    ],
    { encoding: "utf8" },
  );
  expect(build.status, build.stderr).toBe(0);
  const env = { ...process.env, TSAN_OPTIONS: "halt_on_error=1", UBSAN_OPTIONS: "halt_on_error=1:print_stacktrace=1" };
  return spawnSync(binary, [String(BLOCKS)], { encoding: "utf8", env, maxBuffer: 64 << 20 });
}

describe.skipIf(SKIP_NATIVE)(
  `the native plugins on two threads ${SKIP_NATIVE ? `(skipped: ${missingToolchain()})` : ""}`,
  () => {
    test.each([
      ["clap", "thread"],
      ["clap", "address,undefined"],
      ["vst3", "thread"],
      ["vst3", "address,undefined"],
    ])(
      "%s, -fsanitize=%s: state load/save, values and meters on the main thread while the audio thread processes",
      (format, sanitize) => {
        const run = sanitized(format, sanitize);
        expect(run.stderr).not.toMatch(/Sanitizer|runtime error/);
        expect(run.status).toBe(0);
        const report = JSON.parse(run.stdout);
        // The main thread really did work while the audio ran.
        expect(report.loads).toBeGreaterThan(100);
        expect(report.saves).toBe(report.loads);
        expect(report.meterCopies).toBeGreaterThan(0);
        // What was loaded last is what the model says and what the audio plays (after the 20 ms ramp).
        expect(report.valueDb).toBe(-12);
        expect(report.lastSampleDb).toBeCloseTo(-12, 5);
      },
      300_000,
    );
  },
);
