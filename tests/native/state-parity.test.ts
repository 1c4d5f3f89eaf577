/**
 * One state format, one set of rules and words, proved by data: every state of a corpus (hand-made
 * cases for each rule and message, with link and snapshots, and seeded mutations of a real state)
 * is read by the web (host/model/state.ts) and by the CLAP plugin (through its state extension,
 * the reason taken from the host's log). Both must accept the same states, saving them back as the
 * same text, and refuse the same ones in the same words.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { defaultValues } from "../../host/model/params.js";
import {
  parseStateData,
  saveState,
  StateError,
  validateLink,
  validateSnapshots,
  validateState,
} from "../../host/model/state.js";
import { clapHost, expectBuilt, missingToolchain, SKIP_NATIVE } from "../helpers/native.js";
import { rng } from "../helpers/signals.js";

const dir = mkdtempSync(join(tmpdir(), "gainstage-state-parity-"));
const base = { format: "gainstage-state", version: 1 };
const state = (extra: object) => JSON.stringify({ ...base, params: { inputTrimDb: -3 }, ...extra });

/** The hand-made cases: each rule, each message, and what must be accepted. */
const CASES: string[] = [
  state({}),
  state({ params: {} }),
  state({ params: { inputTrimDb: -6.25, bypass: 1, autoTrimDetector: 3, someFutureKnob: 1 } }),
  state({ link: { id: "pair-1.a_b", role: "post" } }),
  state({ snapshots: { A: { inputTrimDb: -2 }, C: { outputTrimDb: 3.5 } } }),
  state({ plugin: { id: "other", version: "9" }, future: [1, { x: null }] }),
  `  ${state({})}\n`,
  "",
  "hello",
  '{"format":"gainstage-state","version":1,"params":{"inputTrimDb":-3',
  "[1,2]",
  "null",
  '"text"',
  "42",
  JSON.stringify({ format: "other", version: 1, params: {} }),
  JSON.stringify({ version: 1, params: {} }),
  JSON.stringify({ format: 7, version: 1, params: {} }),
  ...[2, 0, 1.5, "1", null].map((version) => state({ version })),
  '{"format":"gainstage-state","version":1e999,"params":{"inputTrimDb":-3}}',
  state({ params: [] }),
  state({ params: null }),
  JSON.stringify(base),
  state({ params: { gain: 3, drive: 0.5 } }),
  state({ params: { inputTrimDb: 99 } }),
  state({ params: { outputTrimDb: -49 } }),
  state({ params: { vuReferenceDbfs: 0.5 } }),
  state({ params: { bypass: 0.5 } }),
  state({ params: { autoTrimDetector: 7 } }),
  state({ params: { insertLatencyFrames: 1.5 } }),
  state({ params: { inputTrimDb: "-3" } }),
  state({ params: { inputTrimDb: null } }),
  state({ params: { inputTrimDb: [1, 2] } }),
  state({ params: { inputTrimDb: { x: "a long string that is cut short in the message, surely" } } }),
  '{"format":"gainstage-state","version":1,"params":{"inputTrimDb":1e999}}',
  '{"format":"gainstage-state","version":1,"params":{"inputTrimDb":-0.000001}}',
  '{"format":"gainstage-state","version":1,"params":{"inputTrimDb":1.50,"outputTrimDb":-0}}',
  state({ params: Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`k${i}`, 1])) }),
  JSON.stringify({ ...base, params: {}, ...Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`f${i}`, 1])) }),
  state({ link: "pair" }),
  state({ link: { id: "", role: "pre" } }),
  state({ link: { id: "x".repeat(65), role: "pre" } }),
  state({ link: { id: "bad id!", role: "pre" } }),
  state({ link: { id: "ok", role: "side" } }),
  state({ link: { id: "ok" } }),
  state({ link: { id: "ok", role: 5 } }),
  state({ snapshots: [] }),
  state({ snapshots: { E: {} } }),
  state({ snapshots: { A: { inputTrimDb: 99 } } }),
  state({ snapshots: { B: { gain: 1 } } }),
  state({ snapshots: { A: "x" } }),
];

/** Seeded mutations of a real state: a character deleted, doubled, swapped or replaced. */
function mutations(count: number): string[] {
  const random = rng(2026);
  const real = JSON.stringify(
    saveState({ ...defaultValues(), inputTrimDb: -7.5, bypass: 1 }, { id: "p1", role: "pre" }, { A: defaultValues() }),
  );
  const alphabet = '{}[]:,"0123456789.-eE tnflu\\x';
  return Array.from({ length: count }, () => {
    const at = Math.floor(random() * real.length);
    const kind = Math.floor(random() * 4);
    const ch = alphabet[Math.floor(random() * alphabet.length)]!;
    if (kind === 0) return real.slice(0, at) + real.slice(at + 1);
    if (kind === 1) return real.slice(0, at) + real[at] + real.slice(at);
    if (kind === 2) return real.slice(0, at) + ch + real.slice(at + 1);
    return real.slice(0, at) + ch + real.slice(at);
  });
}

/** The web's verdict: the state saved back, or the reason. */
function webVerdict(text: string): string {
  try {
    const data = parseStateData(text);
    const values = validateState(data);
    const record = data as Record<string, unknown>;
    return `ok\t${JSON.stringify(saveState(values, validateLink(record), validateSnapshots(record)))}`;
  } catch (error) {
    if (!(error instanceof StateError)) throw error;
    return `refused\t${error.message}`;
  }
}

describe.skipIf(SKIP_NATIVE)(
  `state parity, web and native ${SKIP_NATIVE ? `(skipped: ${missingToolchain()})` : ""}`,
  () => {
    beforeAll(() => expectBuilt());

    test.each([
      ["the hand-made cases", CASES],
      ["300 seeded mutations of a real state", mutations(300)],
    ])("%s: the same verdicts, the same words, the same text saved back", (_, corpus) => {
      const files = corpus.map((text, i) => {
        const path = join(dir, `${corpus.length}-${i}.json`);
        writeFileSync(path, text);
        return path;
      });
      const native = clapHost("verdicts", ...files)
        .split("\n")
        .slice(0, corpus.length);
      const web = corpus.map(webVerdict);
      const differences = corpus
        .map((text, i) => ({ text: text.slice(0, 120), web: web[i], native: native[i] }))
        .filter((row) => row.web !== row.native);
      expect(differences).toEqual([]);
      // The corpus exercises both sides of the rules.
      expect(web.some((v) => v.startsWith("ok"))).toBe(true);
      expect(web.some((v) => v.startsWith("refused"))).toBe(true);
    });
  },
);
