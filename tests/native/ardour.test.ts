/**
 * Gainstage in a real DAW: Ardour 7 (Debian's), headless through ardour7-lua with Ardour's own
 * dummy audio backend (its inputs play a steady sine; no JACK server needed). For VST 3 and LV2
 * alike (ardour-session.lua): Ardour's own scanner finds the plug-in, it goes on a track with the
 * input trim at −6 dB, Ardour's meters read the track's output 6.00 dB under its input, and the
 * session saved, closed and opened again keeps the setting. Skipped, with a note, where Ardour is
 * not installed (unless GAINSTAGE_REQUIRE_NATIVE=1, as .ci/run sets, which installs it).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { VST3 } from "../../host/declaration/native-facts.js";
import { ROOT } from "../browser/servers.js";
import { expectBuilt, LV2_BUNDLE, SKIP_NATIVE, VST3_BUNDLE } from "../helpers/native.js";

const ARDOUR_LUA = "/usr/bin/ardour7-lua";
const ARDOUR_LIB = "/usr/lib/ardour7";
const VST3_SCANNER = join(ARDOUR_LIB, "ardour-vst3-scanner");
const ardourHere = existsSync(ARDOUR_LUA) && existsSync(VST3_SCANNER);
const skip = SKIP_NATIVE || (!ardourHere && process.env.GAINSTAGE_REQUIRE_NATIVE !== "1");
const note = skip ? "(skipped: Ardour 7 is not installed: apt-get install ardour)" : "";
/** Levels Ardour's meter reads to (its float dB): the gain must be −6.00 dB to this. */
const METER_DB = 0.005;

/** Runs ardour-session.lua in a fresh home for `type`; its "gainstage KEY VALUE" lines. */
function session(type: "VST3" | "LV2"): Record<string, string> {
  const home = mkdtempSync(join(tmpdir(), "gainstage-ardour-"));
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, GS_TYPE: type, GS_SESSION: join(home, "session") };
  if (type === "VST3") {
    // Installed as a user installs it (~/.vst3), then scanned by Ardour's own scanner, as Ardour does at start.
    mkdirSync(join(home, ".vst3"));
    symlinkSync(VST3_BUNDLE, join(home, ".vst3/gainstage.vst3"));
    const scan = spawnSync(VST3_SCANNER, ["-f", join(home, ".vst3/gainstage.vst3")], {
      env: { ...env, LD_LIBRARY_PATH: ARDOUR_LIB },
      encoding: "utf8",
    });
    expect(scan.stdout + scan.stderr).toContain("Found Plugin: Gainstage");
    env.GS_PLUGIN = VST3.classId;
  } else {
    env.LV2_PATH = join(LV2_BUNDLE, "..");
    env.GS_PLUGIN = "urn:gainstage:stereo";
  }
  const run = spawnSync(ARDOUR_LUA, [join(ROOT, "tests/native/ardour-session.lua")], {
    cwd: home,
    env,
    encoding: "utf8",
    timeout: 120_000,
    maxBuffer: 64 << 20,
  });
  const lines = `${run.stdout}`.split("\n").filter((line) => line.startsWith("gainstage "));
  expect(lines.length, `${run.stdout.slice(-2000)}${run.stderr.slice(-2000)}`).toBeGreaterThan(5);
  return Object.fromEntries(lines.map((line) => [line.split(" ")[1]!, line.split(" ").slice(2).join(" ")]));
}

describe.skipIf(skip).each(["VST3", "LV2"] as const)(`Ardour 7 loads the %s plug-in ${note}`, (type) => {
  let r: Record<string, string>;
  beforeAll(() => {
    expectBuilt();
    r = session(type);
  }, 180_000);

  test("it finds it and puts it on a track", () => {
    expect(r.found).toBe("true");
    expect(r.added).toBe("true");
    expect(r.name).toMatch(/^Gainstage/);
  });

  test("it processes: Ardour's meter reads the output 6.00 dB under the input with the input trim at −6", () => {
    const inDb = Number(r.inDb);
    expect(inDb).toBeGreaterThan(-40); // the dummy backend's sine is there
    expect(Math.abs(Number(r.outDb) - inDb - -6)).toBeLessThan(METER_DB);
  });

  test("the session saved and opened again keeps the plug-in and its setting", () => {
    expect(r.reopenedName).toBe(r.name);
    expect(Number(r.reopenedTrimDb)).toBe(-6);
  });
});
