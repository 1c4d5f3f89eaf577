/**
 * The LV2 bundle (build/native/gainstage.lv2) in hosts no one here wrote: ffmpeg's lv2 filter,
 * measured by ffmpeg's own astats and ebur128, and lilv's lv2apply (no host features, one frame
 * per run() call), whose output must equal the WASM kernel's bit for bit. Also lilv's reading of
 * the bundle: ports, ranges and units from the declaration.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { NATIVE_PARAMETERS } from "../../host/tools/generate-native.js";
import { encodeAudioFile } from "../helpers/audio-files.js";
import { expectBuilt, missingToolchain, NATIVE, SKIP_NATIVE, wasmReference } from "../helpers/native.js";
import { quietLoudProgramme } from "../helpers/programme.js";
import { sine } from "../helpers/signals.js";
import { expectWithin } from "../helpers/tolerance.js";
import { chunksOf } from "../helpers/wav-builder.js";

const rate = 48000;
const dir = mkdtempSync(join(tmpdir(), "gainstage-lv2-"));
/** LV2_PATH: the LV2 format's own folder (it holds nothing but the bundle). */
const lv2Path = join(NATIVE, "lv2");
const env = { ...process.env, LV2_PATH: lv2Path };

function ffmpeg(input: string, filter: string): string {
  const run = spawnSync("ffmpeg", ["-hide_banner", "-nostats", "-i", input, "-af", filter, "-f", "null", "-"], {
    env,
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return run.stderr;
}
const number = (text: string, pattern: RegExp) => Number(pattern.exec(text)![1]);

describe.skipIf(SKIP_NATIVE)(`LV2 ${SKIP_NATIVE ? `(skipped: ${missingToolchain()})` : ""}`, () => {
  const stereo = join(dir, "stereo.wav");
  const mono = join(dir, "mono.wav");
  beforeAll(() => {
    expectBuilt();
    const programme = quietLoudProgramme(rate, 2, 9);
    writeFileSync(stereo, encodeAudioFile(programme, rate, { container: "wav", kind: "float", bits: 32 }));
    writeFileSync(
      mono,
      encodeAudioFile([sine(rate, 997, -20, 3)], rate, { container: "wav", kind: "float", bits: 32 }),
    );
  }, 300_000);

  test("lilv reads both plugins: ports named by the parameter keys, meters out, latency reported", () => {
    for (const uri of ["urn:gainstage:stereo", "urn:gainstage:mono"]) {
      const info = spawnSync("lv2info", [uri], { env, encoding: "utf8" }).stdout;
      expect(info).toMatch(/Has latency:\s+yes/);
      // Every parameter by its key; bypass is LV2's enable port (lv2-meters.test.ts).
      for (const p of NATIVE_PARAMETERS)
        expect(info).toContain(`Symbol:      ${p.key === "bypass" ? "enabled" : p.key}`);
      for (const meter of ["inSamplePeakDbfs", "outTruePeakDbtp", "outShortTermLufs", "outIntegratedLufs", "outVu"])
        expect(info).toContain(`Symbol:      ${meter}`);
    }
  });

  test.each([
    // The URI's colons escaped twice: once for the filter graph, once for the filter's options.
    ["stereo", "urn\\\\:gainstage\\\\:stereo"],
    ["mono", "urn\\\\:gainstage\\\\:mono"],
  ])("ffmpeg's lv2 filter, %s: a −6 dB input trim is 6.00 ± 0.01 dB by ffmpeg's astats", (layout, uri) => {
    const file = layout === "stereo" ? stereo : mono;
    const peak = /Overall[\s\S]*?Peak level dB: (-?[\d.]+)/;
    const before = number(ffmpeg(file, "astats"), peak);
    const after = number(ffmpeg(file, `lv2=p=${uri}:c=inputTrimDb=-6,astats`), peak);
    expectWithin(after - before, -6, 0.01, 0.01, "trim by astats");
  });

  test("ffmpeg's ebur128 reads the same loudness through the plugin as through its own volume filter at −6 dB", () => {
    const integrated = /Integrated loudness:\s+I:\s+(-?[\d.]+) LUFS/;
    const range = /Loudness range:\s+LRA:\s+(-?[\d.]+) LU/;
    const through = ffmpeg(stereo, "lv2=p=urn\\\\:gainstage\\\\:stereo:c=inputTrimDb=-6,ebur128");
    const volume = ffmpeg(stereo, "volume=-6dB,ebur128");
    expect(number(through, integrated)).toBe(number(volume, integrated));
    expect(number(through, range)).toBe(number(volume, range));
  });

  test("lv2apply (no features, one frame per call) writes exactly what the WASM kernel outputs", () => {
    const out = join(dir, "lv2apply.wav");
    const run = spawnSync("lv2apply", ["-i", stereo, "-o", out, "-c", "inputTrimDb", "-6", "urn:gainstage:stereo"], {
      env,
      encoding: "utf8",
    });
    expect(run.status, run.stderr).toBe(0);
    const data = chunksOf(readFileSync(out)).find(([chunk]) => chunk === "data")![1];
    const interleaved = new Float32Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
    const programme = quietLoudProgramme(rate, 2, 9);
    const reference = wasmReference(rate, programme, [{ frame: 0, id: 0, value: -6 }]);
    let differences = 0;
    for (let n = 0; n < programme[0]!.length; n++)
      for (let c = 0; c < 2; c++) if (!Object.is(interleaved[2 * n + c], reference.output[c]![n])) differences++;
    expect(interleaved.length).toBe(2 * programme[0]!.length);
    expect(differences).toBe(0);
  });
});
