/**
 * After Learn the producer looks for the target in the unit Learn used: TO EFFECT in Learn's
 * measure, and the outcome sentence. Truth: the readings given (the measure is a choice of field,
 * the window's average where Learn averages).
 */
import { expect, test } from "vitest";
import { DETECTOR_SPECS } from "../../host/model/params.js";
import type { TapReadings } from "../../host/model/readings.js";
import { learnMeasure, learnResult } from "../../ui/learn-measure.js";
import type { StageLevels } from "../../ui/stage-window.js";

const detector = (key: string) => DETECTOR_SPECS.findIndex((d) => d.key === key);
const tap = {
  shortTermLufs: -14.3,
  overall: { rmsAes17Db: -17.2, samplePeakDbfs: -7.1, truePeakDbtp: -6.9, vu: -0.4, samplePeakMaxDbfs: -6 },
} as unknown as TapReadings;
const window: StageLevels = {
  seconds: 4.2,
  peakDbfs: -6.5,
  truePeakDbtp: -6.2,
  averageAes17Db: -18.04,
  clips: 0,
  integratedLufs: -15,
  sinceResetSeconds: 20,
};

test("TO EFFECT reads in Learn's measure: the AES17 average since Learn for the RMS detectors, LUFS for loudness", () => {
  expect(learnMeasure(detector("rms-gated"), tap, window).text).toBe("−18.0 dB AES17");
  expect(learnMeasure(detector("rms"), tap, null).text).toBe("−17.2 dB AES17");
  expect(learnMeasure(detector("lufs"), tap, window).text).toBe("−14.3 LUFS");
  expect(learnMeasure(detector("peak"), tap, window).text).toBe("−6.5 dBFS");
  expect(learnMeasure(detector("true-peak"), tap, window).text).toBe("−6.2 dBTP");
  const silent = { ...tap, overall: { ...tap.overall, samplePeakMaxDbfs: -Infinity } } as TapReadings;
  expect(learnMeasure(detector("rms-gated"), silent, null).text).toBe("—");
});

test("the outcome says where TO EFFECT now sits against the target, over how long", () => {
  expect(learnResult(detector("rms-gated"), -18, tap, window)).toBe(
    "TO EFFECT now averages −18.0 dB AES17 (target −18.0 dB) over the 4.2 s since Learn.",
  );
  expect(learnResult(detector("rms-gated"), -18, tap, null)).toBeNull();
});
