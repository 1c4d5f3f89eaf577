/** host/kernel-layout.ts mirrors assembly/layout.ts and assembly/params.ts: every value matches. */
import { expect, test } from "vitest";
import { kernelModule } from "../helpers/kernel.js";
import * as mirror from "../../host/kernel-layout.js";

const exports = new WebAssembly.Instance(kernelModule, {}).exports as Record<string, WebAssembly.Global | Function>;
const value = (name: string) => (exports[name] as WebAssembly.Global).value as number;

test("scalar constants", () => {
  for (const name of ["MAX_CHANNELS", "MAX_FRAMES", "MIN_SAMPLE_RATE", "MAX_SAMPLE_RATE", "TAP_IN", "TAP_OUT", "TAP_COUNT", "LOUDNESS_FIELDS", "CHANNEL_FIELDS", "TAP_FIELDS", "AUTO_TRIM_FIELDS", "READOUT_SLOTS"] as const) {
    expect(mirror[name], name).toBe(value(name));
  }
});

test.each([["LoudnessField", mirror.LoudnessField], ["ChannelField", mirror.ChannelField], ["Status", mirror.Status], ["Meter", mirror.Meter], ["AutoTrimField", mirror.AutoTrimField], ["KernelParam", mirror.KernelParam]] as const)(
  "%s", (_, table) => {
    for (const [name, index] of Object.entries(table)) expect(index, name).toBe(value(name));
  },
);

test("every exported field constant is mirrored", () => {
  const mirrored = new Set([...Object.keys(mirror.LoudnessField), ...Object.keys(mirror.ChannelField), ...Object.keys(mirror.Status), ...Object.keys(mirror.Meter), ...Object.keys(mirror.AutoTrimField)]);
  const fields = Object.keys(exports).filter((name) => /^(L|C|A|STATUS|METER)_/.test(name));
  expect(fields.filter((name) => !mirrored.has(name))).toEqual([]);
});

test("channel block offsets", () => {
  const offset = exports.channelFieldsOffset as (c: number) => number;
  for (let c = -1; c < mirror.MAX_CHANNELS; c++) expect(mirror.channelFieldsOffset(c)).toBe(offset(c));
});
