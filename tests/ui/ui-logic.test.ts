/** The app's pure logic: stage-check rules, control coverage, display ballistics, VU scale, saturator calibration. */
import { describe, expect, test } from "vitest";
import { PARAMS } from "../../host/model/params.js";
import { CONTROL_GROUPS } from "../../ui/control-groups.js";
import { checkStage, STAGES } from "../../ui/stage-check.js";
import type { StageLevels } from "../../ui/stage-window.js";
import { PeakHold, PEAK_HOLD_MS, PEAK_FALL_DB_PER_S } from "../../ui/peak-hold.js";
import { vuLabelPositions, vuScalePosition } from "../../ui/vu-needle.js";
import { timeAxisLabels } from "../../ui/history-plot.js";
import { readFileHeader } from "../../ui/file-header.js";
import { formatNumberDb } from "../../host/model/format.js";
import { encodeAudioFile, encodeMp3 } from "../helpers/audio-files.js";
import { sine } from "../helpers/signals.js";
import { fmt, pcm, wavFromChunks } from "../helpers/wav-builder.js";
import { compressionAtDb, driveLabel, saturate } from "../../ui/saturator.js";
import { expectWithin } from "../helpers/tolerance.js";

test("every parameter of the table has exactly one control in the app", () => {
  const placed = Object.values(CONTROL_GROUPS).flat();
  expect([...placed].sort()).toEqual(PARAMS.map((p) => p.key).sort());
  expect(new Set(placed).size).toBe(placed.length);
});

/** A point's window levels, given as the fields the readings carried. */
function levels(fields: {
  samplePeakMaxDbfs?: number;
  rmsTotalAes17Db?: number;
  truePeakMaxDbtp?: number;
  clipCount?: number;
  integratedLufs?: number;
  seconds?: number;
  sinceResetSeconds?: number;
}): StageLevels {
  return {
    seconds: fields.seconds ?? 10,
    peakDbfs: fields.samplePeakMaxDbfs ?? -Infinity,
    truePeakDbtp: fields.truePeakMaxDbtp ?? -Infinity,
    averageAes17Db: fields.rmsTotalAes17Db ?? -Infinity,
    clips: fields.clipCount ?? 0,
    integratedLufs: fields.integratedLufs ?? -Infinity,
    sinceResetSeconds: fields.sinceResetSeconds ?? fields.seconds ?? 10,
  };
}
const taps = (t: StageLevels) => ({ in: t, send: t, out: t });
const tapOf = (overall: Parameters<typeof levels>[0], loudness: { integratedLufs?: number } = {}) =>
  levels({ ...overall, ...loudness });

describe("stage check", () => {
  test("no signal: says so for every stage, nothing else", () => {
    for (const stage of STAGES)
      expect(checkStage(stage.id, taps(tapOf({})))).toEqual([
        expect.objectContaining({ severity: "info", text: expect.stringMatching(/^No signal/) }),
      ]);
  });

  test("recording: −9 dBFS peaks are in range; −3 is 3 dB over −6; −20 is 8 dB under −12; clips are bad", () => {
    expect(checkStage("recording", taps(tapOf({ samplePeakMaxDbfs: -9 })))[0]).toMatchObject({ severity: "ok" });
    expect(checkStage("recording", taps(tapOf({ samplePeakMaxDbfs: -3 })))[0]!.text).toMatch(
      /3\.0 dB above the −6\.0 dBFS recording limit/,
    );
    expect(checkStage("recording", taps(tapOf({ samplePeakMaxDbfs: -20 })))[0]).toMatchObject({
      severity: "info",
      text: expect.stringMatching(/8\.0 dB below −12\.0 dBFS/),
    });
    expect(checkStage("recording", taps(tapOf({ samplePeakMaxDbfs: 0, clipCount: 12 })))[0]).toMatchObject({
      severity: "bad",
      text: expect.stringMatching(/^12 samples reached full scale/),
    });
  });

  test("plugin input: 3.9 dB hot → lower the input trim by 3.9 dB; within 2 dB is fine", () => {
    const [finding] = checkStage("plugin-input", taps(tapOf({ samplePeakMaxDbfs: -8, rmsTotalAes17Db: -14.1 })), -18);
    expect(finding).toMatchObject({ severity: "warn", fix: { param: "inputTrimDb", changeDb: -3.9 } });
    expect(finding!.text).toMatch(/3\.9 dB above the −18\.0 dB target: lower the input trim by 3\.9 dB/);
    expect(
      checkStage("plugin-input", taps(tapOf({ samplePeakMaxDbfs: -8, rmsTotalAes17Db: -19.5 })), -18)[0],
    ).toMatchObject({ severity: "ok" });
    expect(
      checkStage("plugin-input", taps(tapOf({ samplePeakMaxDbfs: -8, rmsTotalAes17Db: -25 })), -18)[0],
    ).toMatchObject({ fix: { changeDb: 7 } });
  });

  test("mix bus and master: the headroom lines, and the fix never leaves the peak a hair over", () => {
    const mix = checkStage("mix-bus", taps(tapOf({ samplePeakMaxDbfs: -4.04 })))[0]!;
    expect(mix.fix).toEqual({ param: "outputTrimDb", changeDb: -2 });
    expect(-4.04 + mix.fix!.changeDb).toBeLessThanOrEqual(-6);
    const master = checkStage("master", taps(tapOf({ samplePeakMaxDbfs: -4.04 })))[0]!;
    expect(master.severity).toBe("ok");
    expect(checkStage("master", taps(tapOf({ samplePeakMaxDbfs: -0.5 })))[0]).toMatchObject({
      severity: "bad",
      fix: { changeDb: -2.5 },
    });
  });

  test("export: true peak over −1 dBTP is bad, with the cut that fixes it", () => {
    expect(checkStage("export", taps(tapOf({ samplePeakMaxDbfs: -1.2, truePeakMaxDbtp: 0.3 })))[0]).toMatchObject({
      severity: "bad",
      fix: { changeDb: -1.3 },
    });
    expect(
      checkStage("export", taps(tapOf({ samplePeakMaxDbfs: -1.5, truePeakMaxDbtp: -1.2 }, { integratedLufs: -14 })))[0]!
        .text,
    ).toMatch(/safe for export.*−14\.0 LUFS/);
  });
});

describe("delivery targets (streaming −14/−1, EBU R128 −23/−1, ATSC A/85 −24/−2)", () => {
  const out = (integratedLufs: number, truePeakMaxDbtp: number, sinceResetSeconds = 60) =>
    taps(
      levels({ samplePeakMaxDbfs: truePeakMaxDbtp, truePeakMaxDbtp, integratedLufs, seconds: 60, sinceResetSeconds }),
    );
  test("within tolerance and under the ceiling: ok", () => {
    expect(checkStage("streaming", out(-14.6, -1.5))).toEqual([expect.objectContaining({ severity: "ok" })]);
    expect(checkStage("ebu-r128", out(-23.4, -3))).toEqual([expect.objectContaining({ severity: "ok" })]);
    expect(checkStage("atsc-a85", out(-25.9, -2.5))).toEqual([expect.objectContaining({ severity: "ok" })]);
  });
  test("too quiet with headroom: the gain to the target", () => {
    const [finding] = checkStage("ebu-r128", out(-26, -10));
    expect(finding).toMatchObject({ severity: "warn", fix: { param: "outputTrimDb", changeDb: 3 } });
  });
  test("too quiet and the peaks would pass the ceiling: the safe gain, and a limiter named", () => {
    // −14 target from −18 needs +4 dB; true peak −3 dBTP allows only +2 under −1 dBTP.
    const [finding] = checkStage("streaming", out(-18, -3));
    expect(finding!.text).toMatch(/limiter/);
    expect(finding!.fix).toEqual({ param: "outputTrimDb", changeDb: 2 });
  });
  test("ATSC's ceiling is −2 dBTP", () => {
    const findings = checkStage("atsc-a85", out(-24, -1.5));
    expect(findings).toEqual([
      expect.objectContaining({ severity: "bad", fix: { param: "outputTrimDb", changeDb: -0.5 } }),
    ]);
  });
  test("no fix when a trim changed since the meters' reset (integrated mixes two trims)", () => {
    const [finding] = checkStage("ebu-r128", out(-26, -10, 200));
    expect(finding!.fix).toBeUndefined();
    expect(finding!.text).toMatch(/reset the meters/);
  });
});

test("peak hold: jumps up at once, holds 1.5 s, then falls 20 dB in 1.7 s (IEC 60268-10)", () => {
  const hold = new PeakHold();
  hold.update(-6, 1000);
  expect([hold.barDb, hold.holdDb]).toEqual([-6, -6]);
  hold.update(-40, 1000 + 1000);
  expectWithin(hold.barDb, -6 - PEAK_FALL_DB_PER_S, 1e-9, 1e-9, "bar after 1 s");
  expect(hold.holdDb).toBe(-6);
  hold.update(-40, 1000 + PEAK_HOLD_MS + 1100);
  expect(hold.holdDb).toBe(-40);
  expectWithin(PEAK_FALL_DB_PER_S * 1.7, 20, 1e-9, 1e-9, "return rate");
});

test("VU scale is linear in voltage: 0 VU at 1/1.413 of the arc, −20 VU at a tenth of that, pinned at +3", () => {
  expectWithin(vuScalePosition(0), 10 ** (-3 / 20), 1e-12, 1e-12, "0 VU");
  expectWithin(vuScalePosition(-20), 0.1 * 10 ** (-3 / 20), 1e-12, 1e-12, "−20 VU");
  expect(vuScalePosition(3)).toBe(1);
  expect(vuScalePosition(9)).toBe(1);
  expect(vuScalePosition(-Infinity)).toBe(0);
});

test("saturator: unity small-signal gain, no DC at rest; clean at −18 dBFS, distorting near 0 dBFS", () => {
  expect(saturate(0)).toBe(0);
  expectWithin((saturate(1e-6) - saturate(-1e-6)) / 2e-6, 1, 1e-6, 1e-6, "slope at 0");
  expect(driveLabel(compressionAtDb(-18))).toBe("clean");
  expect(driveLabel(compressionAtDb(-6))).toBe("saturating");
  expect(driveLabel(compressionAtDb(-1))).toBe("distorting");
});

describe("labels that do not collide or get cut", () => {
  test("the history's time axis: −60 s starts at the left edge, now ends at the right edge", () => {
    const labels = timeAxisLabels(44, 892);
    expect(labels[0]).toEqual({ text: "−60 s", x: 44, align: "left" });
    expect(labels.at(-1)).toEqual({ text: "now", x: 892, align: "right" });
    expect(labels.slice(1, -1).every((l) => l.align === "center")).toBe(true);
  });

  test("VU scale numbers stand apart on the face (−3, −2, −1 no longer run together)", () => {
    const positions = vuLabelPositions(264, 96);
    const charWidthPx = 6; // 10 px system-ui digits and signs are under 6 px wide
    for (let i = 1; i < positions.length; i++) {
      const a = positions[i - 1]!,
        b = positions[i]!;
      const gap = Math.hypot(b.x - a.x, b.y - a.y);
      const halfWidths =
        ((formatNumberDb(a.vu, { decimals: 0 }).length + formatNumberDb(b.vu, { decimals: 0 }).length) * charWidthPx) /
        2;
      expect(gap, `${a.vu} → ${b.vu}`).toBeGreaterThan(halfWidths + 2);
    }
    for (const p of positions)
      expect(p.x > 0 && p.x < 264 && p.y > 0 && p.y < 96, `${p.vu} inside the face`).toBe(true);
  });
});

describe("what the app reads from a file's header", () => {
  const tone = [sine(48000, 997, -12, 0.1)];
  test.each([
    [
      "WAV PCM 16-bit, 44.1 kHz",
      encodeAudioFile(tone, 44100, { container: "wav", kind: "int", bits: 16 }),
      { container: "wav", sampleRate: 44100, integerBits: 16 },
    ],
    [
      "WAV float 32-bit, 96 kHz",
      encodeAudioFile(tone, 96000, { container: "wav", kind: "float", bits: 32 }),
      { container: "wav", sampleRate: 96000, integerBits: 0 },
    ],
    [
      "WAV EXTENSIBLE 20 valid bits in 24",
      wavFromChunks([
        ["fmt ", fmt({ channels: 1, sampleRate: 48000, bits: 24, validBits: 20 })],
        ["data", pcm(tone, 24, 20)],
      ]),
      { container: "wav", sampleRate: 48000, integerBits: 20 },
    ],
    [
      "FLAC 24-bit, 88.2 kHz",
      encodeAudioFile(tone, 88200, { container: "flac", bits: 24 }),
      { container: "flac", sampleRate: 88200, integerBits: 24 },
    ],
    ["MP3, 44.1 kHz", encodeMp3(tone, 44100), { container: "mp3", sampleRate: 44100, integerBits: 0 }],
  ] as const)("%s", (_, bytes, expected) => {
    expect(readFileHeader(new Uint8Array(bytes).buffer)).toEqual(expected);
  });
  test("Ogg: Vorbis says its rate; Opus always decodes at 48 kHz; unknown data says nothing", () => {
    const page = (packet: Buffer) =>
      Buffer.concat([Buffer.from("OggS\0\x02", "latin1"), Buffer.alloc(20), Buffer.from([1, packet.length]), packet]);
    const vorbis = Buffer.concat([
      Buffer.from("\x01vorbis", "latin1"),
      Buffer.from([0, 0, 0, 0, 2]),
      Buffer.from([0x44, 0xac, 0, 0]),
    ]);
    expect(readFileHeader(new Uint8Array(page(vorbis)).buffer)).toEqual({
      container: "ogg",
      sampleRate: 44100,
      integerBits: 0,
    });
    expect(readFileHeader(new Uint8Array(page(Buffer.from("OpusHead\x01\x02", "latin1"))).buffer).sampleRate).toBe(
      48000,
    );
    expect(readFileHeader(new Uint8Array(Buffer.from("hello, world")).buffer)).toEqual({
      container: "unknown",
      sampleRate: null,
      integerBits: 0,
    });
  });
});
