/**
 * Gainstage as a VST 3 plug-in (host/formats/native/vst3), built from the same kernel through
 * wasm2c: the bundle's layout; Steinberg's own validator, every suite and the extensive ones (it
 * skips, with a note, where ../shared/tools/vst3-validator is absent); and a small host of ours
 * (vst3-host.c) for what the validator cannot know: the declaration's parameters, the gain to the
 * sample, automation at its sample offset, Ride's moves and the meters coming back as parameter
 * changes, the state in the web's JSON, the arrangements the kernel meters, silence flags.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { OFF_ON } from "../../host/declaration/declaration.js";
import { descriptor } from "../../host/declaration/descriptor.js";
import { METER_OUTPUTS, NATIVE_PARAMETERS, VST3 } from "../../host/declaration/native-facts.js";
import { validateState } from "../../host/model/state.js";
import { valueToText } from "../../host/model/params.js";
import { ROOT } from "../browser/servers.js";
import { expectBuilt, missingToolchain, SKIP_NATIVE, VST3_BUNDLE, vst3Host } from "../helpers/native.js";

const VALIDATOR = join(ROOT, "../shared/tools/vst3-validator/validator");
const validatorHere = existsSync(VALIDATOR);
const note = SKIP_NATIVE ? `(skipped: ${missingToolchain()})` : "";

describe.skipIf(SKIP_NATIVE)(`the VST 3 plug-in ${note}`, () => {
  beforeAll(() => expectBuilt());

  test("the bundle: Contents/x86_64-linux/gainstage.so and Contents/Resources/moduleinfo.json saying the declaration", () => {
    expect(existsSync(join(VST3_BUNDLE, "Contents/x86_64-linux/gainstage.so"))).toBe(true);
    const info = JSON.parse(readFileSync(join(VST3_BUNDLE, "Contents/Resources/moduleinfo.json"), "utf8"));
    expect(info).toMatchObject({ Name: descriptor.name, Version: descriptor.version });
    expect(info.Classes).toEqual([
      expect.objectContaining({ CID: VST3.classId, Category: "Audio Module Class", "Sub Categories": ["Fx", "Tools"] }),
    ]);
  });

  describe.skipIf(!validatorHere)(
    `Steinberg's validator ${validatorHere ? "" : "(skipped: ../shared/tools/vst3-validator is not here)"}`,
    () => {
      const validate = (...flags: string[]) => {
        const result = spawnSync(VALIDATOR, [...flags, VST3_BUNDLE], { encoding: "utf8", maxBuffer: 64 << 20 });
        const output = `${result.stdout}${result.stderr}`;
        const summary = /Result: (\d+) tests passed, (\d+) tests failed/.exec(output);
        return { output, passed: Number(summary?.[1] ?? 0), failed: Number(summary?.[2] ?? -1) };
      };
      test("every suite: none failed", () => {
        const r = validate();
        expect(r.output).not.toContain("[XXXXXXX Failed]");
        expect(r.failed, r.output.slice(-3000)).toBe(0);
        expect(r.passed).toBeGreaterThan(40);
      });
      test("the extensive suites (-e): none failed", () => {
        const r = validate("-e");
        expect(r.failed, r.output.slice(-3000)).toBe(0);
        expect(r.passed).toBeGreaterThan(500);
      });
    },
  );

  test("parameters from the declaration: ids, titles, units, steps, defaults, lists, bypass; the meters read-only", () => {
    const params: any[] = vst3Host("info");
    expect(params.slice(0, NATIVE_PARAMETERS.length).map((p) => p.id)).toEqual(NATIVE_PARAMETERS.map((p) => p.id));
    for (const [i, spec] of NATIVE_PARAMETERS.entries()) {
      const p = params[i];
      expect(p.title).toBe(spec.name);
      expect(p.units).toBe(spec.unit);
      expect(p.stepCount).toBe(spec.flags.stepped ? spec.max - spec.min : 0);
      expect(p.plainDefault).toBe(spec.default);
      expect(p.defaultText).toBe(valueToText(spec, spec.default));
      expect(Boolean(p.flags & 1), `${spec.key} automatable`).toBe(true);
      expect(Boolean(p.flags & (1 << 16)), `${spec.key} bypass`).toBe(Boolean(spec.flags.bypass));
      // Choices are string lists ("Normal"/"Inverted", the PPM standards); Off/On switches are toggles.
      const list = Boolean(spec.flags.stepped) && spec.choices !== OFF_ON;
      expect(Boolean(p.flags & (1 << 3)), `${spec.key} list`).toBe(list);
    }
    const meters = params.slice(NATIVE_PARAMETERS.length);
    expect(meters).toHaveLength(2 * METER_OUTPUTS.length);
    for (const meter of meters) {
      expect(meter.flags).toBe(2); // read-only, not automatable
      expect(meter.id).toBeGreaterThanOrEqual(VST3.meterParamIdBase);
    }
    expect(meters.map((m) => m.title)).toContain("IN sample peak");
  });

  describe("−20 dBFS 997 Hz stereo, the trim at −6 dB, then −12 dB from frame 30000 (inside a block)", () => {
    let r: any;
    beforeAll(() => {
      r = vst3Host("run", "-6", "30000", "-12");
    });
    test("process() allocates nothing", () => expect(r.allocations).toBe(0));
    test("the output is the input at −6 dB to the sample, up to the change's exact frame", () => {
      expect(r.maxErrorBefore).toBeLessThan(1e-7);
      expect(r.firstChanged).toBe(30000);
    });
    test("then −12 dB, and the model says so", () => {
      expect(r.settledGainDb).toBeCloseTo(-12, 4);
      expect(r.trimNow).toBe(-12);
    });
    test("the meters, as a generic editor shows them: IN −20.0 dBFS, OUT −26.0 then −32.0 dB AES17", () => {
      expect(r.texts["IN sample peak"]).toBe("\u221220.0 dBFS");
      expect(r.texts["IN RMS (AES17)"]).toBe("\u221220.0 dB");
      expect(r.texts["OUT max sample peak"]).toBe("\u221226.0 dBFS");
      expect(r.texts["OUT RMS (AES17)"]).toBe("\u221232.0 dB");
      expect(r.texts["IN short-term loudness"]).toBe("\u2014"); // 2 s: the 3 s window is not full
    });
    test("the meters came back as output parameter changes at display rate; the trim was not echoed", () => {
      const first = VST3.meterParamIdBase;
      expect(r.changes[first].count).toBeGreaterThan(100);
      expect(r.changes[String(r.trimId)]).toBeUndefined();
    });
  });

  test("Ride's moves of the input trim come back as parameter changes the host records", () => {
    const r = vst3Host("ride");
    const moves = r.changes[String(r.trimId)];
    expect(moves.count).toBeGreaterThan(3);
    expect(moves.lastValue).toBeCloseTo((r.trimNow + 48) / 96, 9); // the declared ±48 dB range, normalized
  });

  test("state: the web's JSON through IBStream, restored exactly; a damaged one refused, nothing changed", () => {
    const r = vst3Host("state");
    expect(r.saving).toBe(0);
    expect(() => validateState(r.state)).not.toThrow();
    expect(r.state.params.inputTrimDb).toBe(-7.5);
    expect([r.loading, r.restored]).toEqual([0, -7.5]);
    expect([r.refusing, r.afterRefusal]).toEqual([1, -7.5]);
  });

  test("bus arrangements: mono, stereo, 5.0, 5.1, 7.1 taken; others and unequal in/out refused", () => {
    const r = vst3Host("arrangements");
    for (const name of ["mono", "stereo", "5.0", "5.1", "7.1"]) expect(r[name].taken, name).toBe(true);
    expect(r["5.1"].channels).toBe(6);
    expect(r.quadro.taken).toBe(false);
    expect(r["mono to stereo"].taken).toBe(false);
  });

  test("silence flags: a silent input is read as silence (whatever its buffer holds), a silent output flagged", () => {
    const r = vst3Host("silence");
    expect(r).toEqual({ result: 0, peakWhenSilent: 0, silenceOut: 3, silenceOutWithSignal: 0 });
  });
});
