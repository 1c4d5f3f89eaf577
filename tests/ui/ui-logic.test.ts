/** The app's pure logic: stage-check rules, control coverage, display ballistics, VU scale, saturator calibration. */
import { describe, expect, test } from "vitest";
import { PARAMS } from "../../host/params.js";
import type { ChannelReadings, TapReadings } from "../../host/kernel.js";
import { CONTROL_GROUPS } from "../../ui/control-groups.js";
import { checkStage, STAGES } from "../../ui/stage-check.js";
import { PeakHold, PEAK_HOLD_MS, PEAK_FALL_DB_PER_S } from "../../ui/peak-hold.js";
import { vuScalePosition } from "../../ui/vu-needle.js";
import { compressionAtDb, driveLabel, saturate } from "../../ui/saturator.js";
import { expectWithin } from "../helpers/tolerance.js";

test("every parameter of the table has exactly one control in the app", () => {
  const placed = Object.values(CONTROL_GROUPS).flat();
  expect([...placed].sort()).toEqual(PARAMS.map((p) => p.key).sort());
  expect(new Set(placed).size).toBe(placed.length);
});

function tap(overall: Partial<ChannelReadings>, loudness: Partial<TapReadings> = {}): TapReadings {
  const channel: ChannelReadings = {
    samplePeakDbfs: -Infinity, samplePeakMaxDbfs: -Infinity, truePeakDbtp: -Infinity, truePeakMaxDbtp: -Infinity,
    rmsDbfs: -Infinity, rmsAes17Db: -Infinity, rmsMaxDbfs: -Infinity, rmsMaxAes17Db: -Infinity, rmsTotalDbfs: -Infinity, rmsTotalAes17Db: -Infinity,
    vu: -Infinity, vuMax: -Infinity, vuMaxSinceReset: -Infinity, clipCount: 0, nonFiniteCount: 0, ...overall,
  };
  return {
    momentaryLufs: -Infinity, momentaryMaxLufs: -Infinity, momentaryMaxSinceResetLufs: -Infinity, shortTermLufs: -Infinity,
    shortTermMaxLufs: -Infinity, shortTermMaxSinceResetLufs: -Infinity, integratedLufs: -Infinity, loudnessRangeLu: -Infinity,
    framesSinceReset: 0, gatingBlocks: 0, lraValues: 0, ungatedLufs: -Infinity, ungatedFrames: 0, overall: channel, channels: [channel], ...loudness,
  };
}
const taps = (t: TapReadings) => ({ in: t, send: t, out: t });

describe("stage check", () => {
  test("no signal: says so for every stage, nothing else", () => {
    for (const stage of STAGES) expect(checkStage(stage.id, taps(tap({})))).toEqual([expect.objectContaining({ severity: "info", text: expect.stringMatching(/^No signal/) })]);
  });

  test("recording: −9 dBFS peaks are in range; −3 is 3 dB over −6; −20 is 8 dB under −12; clips are bad", () => {
    expect(checkStage("recording", taps(tap({ samplePeakMaxDbfs: -9 })))[0]).toMatchObject({ severity: "ok" });
    expect(checkStage("recording", taps(tap({ samplePeakMaxDbfs: -3 })))[0]!.text).toMatch(/3\.0 dB above the −6\.0 dBFS recording limit/);
    expect(checkStage("recording", taps(tap({ samplePeakMaxDbfs: -20 })))[0]).toMatchObject({ severity: "info", text: expect.stringMatching(/8\.0 dB below −12\.0 dBFS/) });
    expect(checkStage("recording", taps(tap({ samplePeakMaxDbfs: 0, clipCount: 12 })))[0]).toMatchObject({ severity: "bad", text: expect.stringMatching(/^12 samples reached full scale/) });
  });

  test("plugin input: 3.9 dB hot → lower the input trim by 3.9 dB; within 2 dB is fine", () => {
    const [finding] = checkStage("plugin-input", taps(tap({ samplePeakMaxDbfs: -8, rmsTotalAes17Db: -14.1 })), -18);
    expect(finding).toMatchObject({ severity: "warn", fix: { param: "inputTrimDb", changeDb: -3.9 } });
    expect(finding!.text).toMatch(/3\.9 dB above the −18\.0 dB target: lower the input trim by 3\.9 dB/);
    expect(checkStage("plugin-input", taps(tap({ samplePeakMaxDbfs: -8, rmsTotalAes17Db: -19.5 })), -18)[0]).toMatchObject({ severity: "ok" });
    expect(checkStage("plugin-input", taps(tap({ samplePeakMaxDbfs: -8, rmsTotalAes17Db: -25 })), -18)[0]).toMatchObject({ fix: { changeDb: 7 } });
  });

  test("mix bus and master: the headroom lines, and the fix never leaves the peak a hair over", () => {
    const mix = checkStage("mix-bus", taps(tap({ samplePeakMaxDbfs: -4.04 })))[0]!;
    expect(mix.fix).toEqual({ param: "outputTrimDb", changeDb: -2 });
    expect(-4.04 + mix.fix!.changeDb).toBeLessThanOrEqual(-6);
    const master = checkStage("master", taps(tap({ samplePeakMaxDbfs: -4.04 })))[0]!;
    expect(master.severity).toBe("ok");
    expect(checkStage("master", taps(tap({ samplePeakMaxDbfs: -0.5 })))[0]).toMatchObject({ severity: "bad", fix: { changeDb: -2.5 } });
  });

  test("export: true peak over −1 dBTP is bad, with the cut that fixes it", () => {
    expect(checkStage("export", taps(tap({ samplePeakMaxDbfs: -1.2, truePeakMaxDbtp: 0.3 })))[0]).toMatchObject({ severity: "bad", fix: { changeDb: -1.3 } });
    expect(checkStage("export", taps(tap({ samplePeakMaxDbfs: -1.5, truePeakMaxDbtp: -1.2 }, { integratedLufs: -14 })))[0]!.text).toMatch(/safe for export.*−14\.0 LUFS/);
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
