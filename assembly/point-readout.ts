// The point's readout: both taps' meters and the auto-trim block, written where index.ts asks.

import {
  TAP_FIELDS,
  TAP_IN,
  TAP_OUT,
  TAP_COUNT,
  METER_TRUE_PEAK,
  METER_LOUDNESS,
  STATE_LEARNING,
  P_INPUT_TRIM_DB,
  P_OUTPUT_TRIM_DB,
  P_VU_REFERENCE_DBFS,
  A_STATE,
  A_STATUS,
  A_DETECTOR,
  A_LEVEL_DB,
  A_TARGET_DB,
  A_TRIM_DB,
  A_LIMITED_BY,
  A_PEAK_BEFORE_DBFS,
  A_PEAK_AFTER_DBFS,
  A_SECONDS,
  A_BLOCKS_TOTAL,
  A_BLOCKS_KEPT,
  A_INPUT_TRIM_DB,
  A_OUTPUT_TRIM_DB,
  A_TRUE_PEAK_BEFORE_DBTP,
  A_TRUE_PEAK_AFTER_DBTP,
} from "./layout";
import { autoTrim, sampleRate, tapIn, tapOut } from "./components";
import { valueOf } from "./param-values";
import { writeSlot } from "./readout";

/** Writes both taps' readouts and the auto-trim block at `readout`; starts every "since read" interval. */
export function readPoint(readout: usize): void {
  const vuReference = valueOf(P_VU_REFERENCE_DBFS);
  tapIn.read(readout + <usize>(TAP_IN * TAP_FIELDS * 8), vuReference);
  tapOut.read(readout + <usize>(TAP_OUT * TAP_FIELDS * 8), vuReference);
  const out = readout + <usize>(TAP_COUNT * TAP_FIELDS * 8);
  // While learning, show the decision so far (progress); DONE keeps the final one.
  const truePeakOn = (tapIn.meters & METER_TRUE_PEAK) != 0;
  if (autoTrim.state == STATE_LEARNING) {
    if (truePeakOn) autoTrim.learner.openTruePeak = tapIn.truePeak.peekSinceHop();
    autoTrim.decide((tapIn.meters & METER_LOUDNESS) != 0, truePeakOn);
  }
  const learner = autoTrim.learner;
  writeSlot(out, A_STATE, <f64>autoTrim.state);
  writeSlot(out, A_STATUS, <f64>autoTrim.status);
  writeSlot(out, A_DETECTOR, <f64>autoTrim.detector);
  writeSlot(out, A_LEVEL_DB, autoTrim.levelDb);
  writeSlot(out, A_TARGET_DB, autoTrim.effectiveTargetDb());
  writeSlot(out, A_TRIM_DB, autoTrim.trimDb);
  writeSlot(out, A_LIMITED_BY, <f64>autoTrim.limitedBy);
  writeSlot(out, A_PEAK_BEFORE_DBFS, autoTrim.peakBeforeDbfs);
  writeSlot(out, A_PEAK_AFTER_DBFS, autoTrim.peakBeforeDbfs + autoTrim.trimDb);
  writeSlot(out, A_SECONDS, autoTrim.framesLearned / sampleRate);
  writeSlot(out, A_BLOCKS_TOTAL, learner.blocksTotal);
  writeSlot(out, A_BLOCKS_KEPT, learner.blocksKept());
  writeSlot(out, A_INPUT_TRIM_DB, valueOf(P_INPUT_TRIM_DB));
  writeSlot(out, A_OUTPUT_TRIM_DB, valueOf(P_OUTPUT_TRIM_DB));
  writeSlot(out, A_TRUE_PEAK_BEFORE_DBTP, autoTrim.truePeakBeforeDbtp);
  writeSlot(out, A_TRUE_PEAK_AFTER_DBTP, autoTrim.truePeakBeforeDbtp + autoTrim.trimDb);
}
