// Applying a parameter's stored value (param-values.ts) to the point's parts (components.ts):
// trims, bypass, polarity, the stereo stage, A/B listen and the insert latency, auto-trim's and
// auto-match's settings, the programme meters' standard. `immediate` lands gain ramps at once (before the first frame).

import {
  STATE_IDLE,
  STATE_RIDING,
  P_INPUT_TRIM_DB,
  P_OUTPUT_TRIM_DB,
  P_BYPASS,
  P_POLARITY_L,
  P_POLARITY_R,
  P_AB_LISTEN,
  P_AUTO_RIDE,
  P_AUTO_TRIM_DETECTOR,
  P_AUTO_TRIM_TARGET_DB,
  P_PEAK_CEILING_DBFS,
  P_PEAK_CEILING_ON,
  P_PEAK_CEILING_TP_DBTP,
  P_PEAK_CEILING_TP_ON,
  P_LEFT_TRIM_DB,
  P_RIGHT_TRIM_DB,
  P_MID_TRIM_DB,
  P_SIDE_TRIM_DB,
  P_WIDTH_PERCENT,
  P_MONO_SUM,
  P_SWAP_CHANNELS,
  P_RIDE_DEADBAND_DB,
  P_RIDE_UP_DB_PER_SECOND,
  P_RIDE_DOWN_DB_PER_SECOND,
  P_RIDE_MIN_TRIM_DB,
  P_RIDE_MAX_TRIM_DB,
  P_INSERT_LATENCY_FRAMES,
  P_AUTO_MATCH,
  P_MATCH_TOLERANCE_DB,
  P_MATCH_RATE_DB_PER_SECOND,
  P_PPM_STANDARD,
} from "./layout";
import { autoMatch, autoTrim, delay, listen, stereo, tapIn, tapOut, trim } from "./components";
import { valueOf } from "./param-values";

const ON: f64 = 0.5;

function applyStereo(immediate: bool): void {
  stereo.set(
    valueOf(P_LEFT_TRIM_DB),
    valueOf(P_RIGHT_TRIM_DB),
    valueOf(P_MID_TRIM_DB),
    valueOf(P_SIDE_TRIM_DB),
    valueOf(P_WIDTH_PERCENT),
    valueOf(P_MONO_SUM) >= ON,
    valueOf(P_SWAP_CHANNELS) >= ON,
    immediate,
  );
}

/** Applies parameter `id`'s stored value; `immediate` lands ramps at once (before the first frame). */
export function applyParam(id: i32, immediate: bool): void {
  const value = valueOf(id);
  if (id == P_INPUT_TRIM_DB || id == P_OUTPUT_TRIM_DB)
    trim.setTrimDb(valueOf(P_INPUT_TRIM_DB), valueOf(P_OUTPUT_TRIM_DB), immediate);
  else if (id == P_BYPASS) {
    trim.setBypass(value >= ON, immediate);
    stereo.setBypassed(value >= ON, immediate);
  } else if (id == P_POLARITY_L || id == P_POLARITY_R) trim.setPolarity(id - P_POLARITY_L, value >= ON, immediate);
  else if (id == P_LEFT_TRIM_DB || id == P_RIGHT_TRIM_DB || id == P_MID_TRIM_DB || id == P_SIDE_TRIM_DB)
    applyStereo(immediate);
  else if (id == P_WIDTH_PERCENT || id == P_MONO_SUM || id == P_SWAP_CHANNELS) applyStereo(immediate);
  else if (id == P_AB_LISTEN) listen.set(<i32>value, immediate);
  else if (id == P_INSERT_LATENCY_FRAMES) delay.setDelay(<i32>value);
  else if (id == P_AUTO_RIDE) {
    if (value >= ON) autoTrim.startRiding();
    else if (autoTrim.state == STATE_RIDING) autoTrim.state = STATE_IDLE;
  } else if (id == P_AUTO_TRIM_DETECTOR) autoTrim.detector = <i32>value;
  else if (id == P_AUTO_TRIM_TARGET_DB) autoTrim.targetDb = value;
  else if (id == P_PEAK_CEILING_DBFS || id == P_PEAK_CEILING_ON) {
    autoTrim.ceilingDbfs = valueOf(P_PEAK_CEILING_DBFS);
    autoTrim.ceilingOn = valueOf(P_PEAK_CEILING_ON) >= ON;
  } else if (id == P_PEAK_CEILING_TP_DBTP || id == P_PEAK_CEILING_TP_ON) {
    autoTrim.truePeakCeilingDbtp = valueOf(P_PEAK_CEILING_TP_DBTP);
    autoTrim.truePeakCeilingOn = valueOf(P_PEAK_CEILING_TP_ON) >= ON;
  } else if (id == P_RIDE_DEADBAND_DB) autoTrim.rideDeadbandDb = value;
  else if (id == P_RIDE_UP_DB_PER_SECOND) autoTrim.rideUpDbPerSecond = value;
  else if (id == P_RIDE_DOWN_DB_PER_SECOND) autoTrim.rideDownDbPerSecond = value;
  else if (id == P_RIDE_MIN_TRIM_DB) autoTrim.rideMinTrimDb = value;
  else if (id == P_RIDE_MAX_TRIM_DB) autoTrim.rideMaxTrimDb = value;
  else if (id == P_AUTO_MATCH) {
    const on = value >= ON;
    if (on && !autoMatch.on) autoMatch.reset(); // a fresh window: nothing old decides the first step
    autoMatch.on = on;
  } else if (id == P_MATCH_TOLERANCE_DB) autoMatch.toleranceDb = value;
  else if (id == P_MATCH_RATE_DB_PER_SECOND) autoMatch.rateDbPerSecond = value;
  else if (id == P_PPM_STANDARD) {
    tapIn.setPpmStandard(<i32>value);
    tapOut.setPpmStandard(<i32>value);
  }
  // P_VU_REFERENCE_DBFS is read where it is used (point-readout.ts).
}
