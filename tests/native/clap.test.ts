/**
 * The CLAP plugin (build/native/gainstage.clap), built from the very kernel the browser runs:
 * its ABI against the specification's layout, its parameters against the declaration, and its
 * output and meters against the WASM kernel's bit for bit, driven by a small C host
 * (clap-host.c) on block sizes 1 … 8192 and rates 8 … 384 kHz with events mid-block; state
 * round trip and damaged states refused; instances side by side; qtractor's plugin scanner.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { NATIVE_PARAMETERS } from "../../host/tools/generate-native.js";
import { paramByKey, valueToText } from "../../host/model/params.js";
import { quietLoudProgramme } from "../helpers/programme.js";
import {
  expectBuilt,
  CLAP,
  clapHost,
  missingToolchain,
  type ParamEvent,
  QTRACTOR_SCAN,
  SKIP_NATIVE,
  wasmReference,
} from "../helpers/native.js";

const dir = mkdtempSync(join(tmpdir(), "gainstage-clap-"));
const id = (key: string) => paramByKey(key).id;

describe.skipIf(SKIP_NATIVE)(`CLAP ${SKIP_NATIVE ? `(skipped: ${missingToolchain()})` : ""}`, () => {
  beforeAll(() => expectBuilt());

  test("descriptor, stereo ports, latency 0, and parameters from the declaration (value ↔ text as the web's)", () => {
    const info = JSON.parse(clapHost("info"));
    expect(info).toMatchObject({ id: "audio.gainstage.gainstage", name: "Gainstage", inputs: 1, outputs: 1 });
    expect([info.inChannels, info.outChannels, info.portType, info.latency]).toEqual([2, 2, "stereo", 0]);
    expect(info.features).toEqual(expect.arrayContaining(["audio-effect", "utility", "analyzer"]));
    expect(info.params.map((p: { id: number }) => p.id)).toEqual(NATIVE_PARAMETERS.map((p) => p.id));
    for (const declared of NATIVE_PARAMETERS) {
      const spec = paramByKey(declared.key);
      const p = info.params.find((x: { id: number }) => x.id === spec.id);
      expect(p).toMatchObject({
        name: spec.name,
        min: spec.min,
        max: spec.max,
        default: spec.default,
        value: spec.default,
      });
      expect(p.minText).toBe(valueToText(spec, spec.min));
      expect(p.maxText).toBe(valueToText(spec, spec.max));
      expect(Number(p.maxTextBack)).toBe(spec.max);
      const AUTOMATABLE = 1 << 5,
        STEPPED = 1 << 0;
      expect(p.flags & AUTOMATABLE).toBe(AUTOMATABLE);
      expect((p.flags & STEPPED) !== 0).toBe(spec.flags.stepped);
    }
  });

  /** A 1.5 s programme with bad samples, and events: trims, polarity, bypass, ride on, and a NaN refused. */
  function scenario(rate: number) {
    const frames = Math.round(1.5 * rate);
    const input = quietLoudProgramme(rate, 2, 3).map((c) => c.slice(0, frames));
    input[0]![Math.floor(frames / 3)] = Number.NaN;
    input[1]![Math.floor(frames / 2)] = Number.POSITIVE_INFINITY;
    input[0]![Math.floor(frames / 4)] = 1e-42;
    const at = (fraction: number) => Math.floor(frames * fraction);
    const events: ParamEvent[] = [
      { frame: 0, id: id("autoRide"), value: 1 },
      { frame: at(0.1) + 3, id: id("inputTrimDb"), value: -7.3 },
      { frame: at(0.2) + 1, id: id("inputTrimDb"), value: Number.NaN },
      { frame: at(0.3) + 5, id: id("polarityL"), value: 1 },
      { frame: at(0.45), id: id("outputTrimDb"), value: 60 },
      { frame: at(0.6) + 7, id: id("bypass"), value: 1 },
      { frame: at(0.7) + 2, id: id("bypass"), value: 0 },
      { frame: at(0.8), id: id("vuReferenceDbfs"), value: -14 },
    ];
    return { input, events, frames };
  }

  /** A file's bytes as their own ArrayBuffer (a small Buffer shares Node's pool, at an offset). */
  const bytesOf = (path: string) => {
    const data = readFileSync(path);
    return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
  };
  const bits = (a: ArrayBufferView, b: ArrayBufferView) =>
    Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

  test.each([
    [8000, 1],
    [44100, 7],
    [48000, 128],
    [48000, 8192],
    [96000, 1000],
    [192000, 4096],
    [384000, 333],
  ])(
    "%i Hz in %i-frame blocks: output, meters and Ride's moves equal the WASM kernel's, bit for bit; process() allocates nothing",
    (rate, block) => {
      const { input, events, frames } = scenario(rate);
      const files = ["in.f32", "out.f32", "readout.f64", "events.txt", "moves.txt"].map((f) =>
        join(dir, `${rate}-${block}-${f}`),
      );
      writeFileSync(files[0]!, Buffer.concat(input.map((c) => Buffer.from(c.buffer))));
      writeFileSync(
        files[3]!,
        events.map((e) => `${e.frame} ${e.id} ${Number.isNaN(e.value) ? "nan" : e.value}`).join("\n"),
      );
      const report = JSON.parse(
        clapHost("process", String(rate), String(block), files[0]!, files[1]!, files[2]!, files[3]!, files[4]!),
      );
      expect(report.allocationsWhileProcessing).toBe(0);
      const native = new Float32Array(bytesOf(files[1]!));
      const reference = wasmReference(rate, input, events);
      expect(bits(native.subarray(0, frames), reference.output[0]!)).toBe(true);
      expect(bits(native.subarray(frames), reference.output[1]!)).toBe(true);
      expect(bits(new Float64Array(bytesOf(files[2]!)), reference.readout)).toBe(true);
      const moves = readFileSync(files[4]!, "utf8")
        .trim()
        .split("\n")
        .filter(Boolean)
        .map((line) => line.split(" ").map(Number))
        .map(([frame, param, value]) => ({ frame, id: param, value }));
      expect(moves.length).toBeGreaterThan(0);
      expect(moves).toEqual(reference.moves);
    },
  );

  test("state: the web's format round-trips exactly; damaged or foreign states are refused and change nothing", () => {
    const bad: [string, string][] = [
      ["truncated", '{"format":"gainstage-state","version":1,"params":{"inputTrimDb":-3'],
      ["not JSON", "hello"],
      ["another format", '{"format":"other","version":1,"params":{}}'],
      ["newer version", '{"format":"gainstage-state","version":2,"params":{}}'],
      ["out of range", '{"format":"gainstage-state","version":1,"params":{"inputTrimDb":99}}'],
      ["a fractional choice", '{"format":"gainstage-state","version":1,"params":{"bypass":0.5}}'],
      ["a string value", '{"format":"gainstage-state","version":1,"params":{"inputTrimDb":"-3"}}'],
      ["an overflowing number", '{"format":"gainstage-state","version":1,"params":{"inputTrimDb":1e999}}'],
      ["100 kB", `{"format":"gainstage-state","version":1,"params":{},"pad":"${"x".repeat(100_000)}"}`],
      ["another plugin's keys only", '{"format":"gainstage-state","version":1,"params":{"gain":3,"drive":0.5}}'],
    ];
    const paths = bad.map(([name, text]) => {
      const path = join(dir, `${name.replace(/\W/g, "-")}.state`);
      writeFileSync(path, text);
      return path;
    });
    const web = join(dir, "web.state");
    writeFileSync(
      web,
      '{"params":{"inputTrimDb":-2.5,"abListen":1,"unknownKnob":3},"version":1,"format":"gainstage-state"}',
    );
    const r = JSON.parse(clapHost("state", ...paths, web));
    expect(r.values[id("inputTrimDb")]).toBe(-7.25); // a NaN change was refused
    expect(r.values[id("outputTrimDb")]).toBe(48); // 1e9 clamped to the range
    expect(r.restored).toBe(true);
    expect(r.restoredValues).toEqual(r.values);
    expect(r.saved).toMatchObject({ format: "gainstage-state", version: 1, params: { inputTrimDb: -7.25, bypass: 1 } });
    for (const [i, file] of r.files.slice(0, bad.length).entries()) {
      expect(file.loaded, bad[i]![0]).toBe(false);
      expect(file.values, bad[i]![0]).toEqual(r.values);
    }
    const fromWeb = r.files.at(-1);
    expect(fromWeb.loaded).toBe(true); // keys in any order, unknown fields ignored, missing ones default
    expect(fromWeb.values[id("inputTrimDb")]).toBe(-2.5);
    expect(fromWeb.values[id("outputTrimDb")]).toBe(0);
  });

  test.each([44100, 48000])(
    "%i Hz: two instances at once are independent; reset clears; activate again at another rate",
    (rate) => {
      const r = JSON.parse(clapHost("instances", String(rate)));
      expect(r.independent).toBe(true);
      expect(r.bOutPeakDbfs).toBeCloseTo(-12 + 3, 4);
      expect(r.afterResetDbfs).toBe("-inf");
      expect(r.reactivated).toBe(true);
      expect(r.againDbfs).toBeCloseTo(-12, 4);
    },
  );

  test.runIf(QTRACTOR_SCAN !== undefined || process.env.GAINSTAGE_REQUIRE_NATIVE === "1")(
    "qtractor's plugin scanner loads it: Gainstage, 2 in / 2 out",
    () => {
      expect(QTRACTOR_SCAN, "qtractor_plugin_scan (set QTRACTOR_PLUGIN_SCAN)").toBeDefined();
      const run = spawnSync(QTRACTOR_SCAN!, { input: `CLAP:${CLAP}\n`, encoding: "utf8", timeout: 30_000 });
      expect(run.stdout).toMatch(/^CLAP\|Gainstage\|2:2\|/m);
    },
  );
});
