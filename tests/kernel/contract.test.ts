/**
 * One source of truth: the kernel's constants are generated from the declaration
 * (host/declaration/declaration.ts), and regenerating changes nothing; the kernel's exports are
 * what the host derives from the same declaration, field by field; nothing the kernel exports is
 * left undeclared.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { ROOT } from "../browser/servers.js";
import { kernelModule } from "../helpers/kernel.js";
import {
  kernelContractSource,
  samplePassDispatchSource,
  screaming,
  GENERATED_PATH,
  SAMPLE_PASS_DISPATCH_PATH,
} from "../../host/tools/generate-kernel.js";
import {
  COMMANDS,
  LEARN_STATES,
  LEARN_STATUSES,
  LIMITED_BY,
  LIMITS,
  PARAMETERS,
  READOUT,
  STATUS,
  DETECTORS,
} from "../../host/declaration/declaration.js";
import * as layout from "../../host/declaration/layout.js";

const exports = new WebAssembly.Instance(kernelModule, {}).exports as Record<
  string,
  WebAssembly.Global | ((...args: number[]) => number)
>;
const value = (name: string) => (exports[name] as WebAssembly.Global).value as number;

test("regenerating the kernel's contract from the declaration changes nothing", () => {
  expect(readFileSync(join(ROOT, GENERATED_PATH), "utf8")).toBe(kernelContractSource());
  expect(readFileSync(join(ROOT, SAMPLE_PASS_DISPATCH_PATH), "utf8")).toBe(samplePassDispatchSource());
});

test("scalar constants", () => {
  for (const name of [
    "MAX_CHANNELS",
    "MAX_FRAMES",
    "MIN_SAMPLE_RATE",
    "MAX_SAMPLE_RATE",
    "TAP_IN",
    "TAP_OUT",
    "TAP_COUNT",
    "LOUDNESS_FIELDS",
    "CHANNEL_FIELDS",
    "TAP_FIELDS",
    "AUTO_TRIM_FIELDS",
    "READOUT_SLOTS",
    "METER_ALL",
    "METER_DEFAULT",
  ] as const) {
    const host: Record<string, unknown> = layout;
    expect(host[name], name).toBe(value(name));
  }
  expect(value("PARAM_ID_END")).toBe(LIMITS.paramIdEnd);
});

test.each([
  ["L_", layout.LOUDNESS_SLOT],
  ["C_", layout.CHANNEL_SLOT],
  ["A_", layout.AUTO_TRIM_SLOT],
  ["METER_", layout.METER],
  ["STATUS_", layout.STATUS_CODE],
] as const)("%s slots and codes: the kernel's are the host's", (prefix, table) => {
  for (const [key, index] of Object.entries(table)) expect(index, key).toBe(value(`${prefix}${screaming(key)}`));
});

test("one id space: each parameter the kernel applies has the table's id; the others and the commands are refused", () => {
  for (const p of PARAMETERS) {
    if (p.kernel) expect(value(`P_${screaming(p.key)}`), p.key).toBe(p.id);
    expect((exports.isKnownParam as (id: number) => number)(p.id) !== 0, p.key).toBe(p.kernel);
  }
  for (const command of COMMANDS) {
    expect(command.id).toBeGreaterThanOrEqual(LIMITS.paramIdEnd);
    expect((exports.isKnownParam as (id: number) => number)(command.id)).toBe(0);
  }
  expect(Object.keys(exports).filter((name) => /^P_/.test(name)).length).toBe(
    PARAMETERS.filter((p) => p.kernel).length,
  );
});

test("auto-trim states, statuses, limits and detectors are the declared orders", () => {
  LEARN_STATES.forEach((state, i) => expect(value(`STATE_${screaming(state)}`)).toBe(i));
  LEARN_STATUSES.forEach((status, i) => expect(value(`LEARN_${screaming(status)}`)).toBe(i));
  LIMITED_BY.forEach((limit, i) => expect(value(`LIMITED_BY_${screaming(limit)}`)).toBe(i));
  DETECTORS.forEach((d, i) => expect(value(`DETECTOR_${screaming(d.key)}`)).toBe(i));
});

test("every exported field, code and bit constant is declared", () => {
  const declared = new Set([
    ...READOUT.loudness.fields.map((f) => `L_${screaming(f.key)}`),
    ...READOUT.channel.fields.map((f) => `C_${screaming(f.key)}`),
    ...READOUT.autoTrim.fields.map((f) => `A_${screaming(f.key)}`),
    ...STATUS.map((s) => `STATUS_${screaming(s.key)}`),
    ...Object.keys(layout.METER).map((m) => `METER_${screaming(m)}`),
    "METER_ALL",
    "METER_DEFAULT",
  ]);
  const fields = Object.keys(exports).filter((name) => /^(L|C|A|STATUS|METER)_/.test(name));
  expect(fields.filter((name) => !declared.has(name))).toEqual([]);
});

test("channel block offsets", () => {
  const offset = exports.channelFieldsOffset as (c: number) => number;
  for (let c = -1; c < layout.MAX_CHANNELS; c++) expect(layout.channelFieldsOffset(c)).toBe(offset(c));
});
