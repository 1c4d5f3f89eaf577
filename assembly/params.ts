// The kernel's parameters: ids, plain ranges, defaults and smoothing. The host's parameter table
// (host/params.ts) is the user-facing source of truth; these are the kernel's clamp ranges and a
// test proves the two agree (ids, min, max, default), so automation, state and UI cannot drift
// from what the kernel accepts. Ids are stable and append-only.

import { DETECTOR_COUNT } from "./learn";

export const P_INPUT_TRIM_DB: i32 = 0;
export const P_OUTPUT_TRIM_DB: i32 = 1;
export const P_BYPASS: i32 = 2;               // 0 = process, 1 = bypass (click-free crossfade)
export const P_VU_REFERENCE_DBFS: i32 = 3;    // sine peak level that reads 0 VU
export const P_LEARN_TARGET_DB: i32 = 4;      // auto-trim target, in the detector's units
export const P_LEARN_DETECTOR: i32 = 5;       // learn.ts DETECTOR_*
export const P_CEILING_DBFS: i32 = 6;         // sample-peak ceiling after the learned trim
export const P_CEILING_ON: i32 = 7;
export const P_POLARITY_BASE: i32 = 8;        // 8..15: invert channel 0..7 (0 = normal, 1 = inverted)
export const P_LISTEN_A: i32 = 16;            // 0 = B (processed), 1 = A (the alternate input, untouched)
export const P_AUTO_RIDE: i32 = 17;           // continuous auto-trim on the input trim
export const P_CEILING_TP_DBTP: i32 = 18;     // true-peak ceiling after the learned trim
export const P_CEILING_TP_ON: i32 = 19;
export const PARAM_ID_END: i32 = 24;

/** Trim range in dB: issue #2 asks for at least ±48 dB. */
export const TRIM_MIN_DB: f64 = -48.0;
export const TRIM_MAX_DB: f64 = 48.0;
/** 0 VU calibration range; -18 dBFS = EBU R68 style alignment (metering.md §8). */
export const VU_REFERENCE_MIN_DBFS: f64 = -30.0;
export const VU_REFERENCE_MAX_DBFS: f64 = 0.0;
export const VU_REFERENCE_DEFAULT_DBFS: f64 = -18.0;
/**
 * Auto-trim target: −18 (a −18 dBFS sine, 0 VU) by default. The parameter spans every detector's
 * range (−60 … 0); the decision keeps it within the chosen detector's own (auto-trim.ts).
 */
export const LEARN_TARGET_MIN_DB: f64 = -60.0;
export const LEARN_TARGET_MAX_DB: f64 = 0.0;
export const LEARN_TARGET_DEFAULT_DB: f64 = -18.0;
/** Peak ceiling: −6 dBFS by default (the mix-bus headroom line), −24 … 0. */
export const CEILING_MIN_DBFS: f64 = -24.0;
export const CEILING_MAX_DBFS: f64 = 0.0;
export const CEILING_DEFAULT_DBFS: f64 = -6.0;
/** True-peak ceiling: −1 dBTP by default (EBU R128 delivery), −24 … 0; off by default. */
export const CEILING_TP_MIN_DBTP: f64 = -24.0;
export const CEILING_TP_MAX_DBTP: f64 = 0.0;
export const CEILING_TP_DEFAULT_DBTP: f64 = -1.0;

/**
 * Ramp time of every gain change (trim, polarity, bypass). 20 ms is inaudible as a step yet short
 * enough to feel immediate; a 24 dB step over 20 ms is 1.2 dB/ms, free of zipper noise because
 * the gain moves every sample.
 */
export const GAIN_SMOOTHING_MS: f64 = 20.0;

/** Lower bound of a parameter's plain range; NaN for an unknown id. */
export function paramMin(id: i32): f64 {
  if (id == P_INPUT_TRIM_DB || id == P_OUTPUT_TRIM_DB) return TRIM_MIN_DB;
  if (id == P_VU_REFERENCE_DBFS) return VU_REFERENCE_MIN_DBFS;
  if (id == P_LEARN_TARGET_DB) return LEARN_TARGET_MIN_DB;
  if (id == P_CEILING_DBFS) return CEILING_MIN_DBFS;
  if (id == P_CEILING_TP_DBTP) return CEILING_TP_MIN_DBTP;
  if (isKnownParam(id)) return 0.0;
  return NaN;
}

/** Upper bound of a parameter's plain range; NaN for an unknown id. */
export function paramMax(id: i32): f64 {
  if (id == P_INPUT_TRIM_DB || id == P_OUTPUT_TRIM_DB) return TRIM_MAX_DB;
  if (id == P_VU_REFERENCE_DBFS) return VU_REFERENCE_MAX_DBFS;
  if (id == P_LEARN_TARGET_DB) return LEARN_TARGET_MAX_DB;
  if (id == P_CEILING_DBFS) return CEILING_MAX_DBFS;
  if (id == P_CEILING_TP_DBTP) return CEILING_TP_MAX_DBTP;
  if (id == P_LEARN_DETECTOR) return <f64>(DETECTOR_COUNT - 1);
  if (isKnownParam(id)) return 1.0;
  return NaN;
}

/** Default plain value; NaN for an unknown id. */
export function paramDefault(id: i32): f64 {
  if (id == P_VU_REFERENCE_DBFS) return VU_REFERENCE_DEFAULT_DBFS;
  if (id == P_LEARN_TARGET_DB) return LEARN_TARGET_DEFAULT_DB;
  if (id == P_CEILING_DBFS) return CEILING_DEFAULT_DBFS;
  if (id == P_CEILING_ON) return 1.0;
  if (id == P_CEILING_TP_DBTP) return CEILING_TP_DEFAULT_DBTP;
  if (isKnownParam(id)) return 0.0;
  return NaN;
}

/** Stepped parameters take whole values only (switches). */
export function paramIsStepped(id: i32): bool {
  return id == P_BYPASS || isPolarity(id) || id == P_LEARN_DETECTOR || id == P_CEILING_ON
    || id == P_LISTEN_A || id == P_AUTO_RIDE || id == P_CEILING_TP_ON;
}

export function isPolarity(id: i32): bool {
  return id >= P_POLARITY_BASE && id < P_POLARITY_BASE + 8;
}

export function isKnownParam(id: i32): bool {
  return (id >= P_INPUT_TRIM_DB && id <= P_CEILING_ON) || isPolarity(id) || (id >= P_LISTEN_A && id <= P_CEILING_TP_ON);
}
