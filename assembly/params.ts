// The kernel's parameters: ids, plain ranges, defaults and smoothing. The host's parameter table
// (host/params.ts) is the user-facing source of truth; these are the kernel's clamp ranges and a
// test proves the two agree (ids, min, max, default), so automation, state and UI cannot drift
// from what the kernel accepts. Ids are stable and append-only.

export const P_INPUT_TRIM_DB: i32 = 0;
export const P_OUTPUT_TRIM_DB: i32 = 1;
export const P_BYPASS: i32 = 2;               // 0 = process, 1 = bypass (click-free crossfade)
export const P_VU_REFERENCE_DBFS: i32 = 3;    // sine peak level that reads 0 VU
export const P_POLARITY_BASE: i32 = 8;        // 8..15: invert channel 0..7 (0 = normal, 1 = inverted)
export const PARAM_ID_END: i32 = 16;

/** Trim range in dB: issue #2 asks for at least ±48 dB. */
export const TRIM_MIN_DB: f64 = -48.0;
export const TRIM_MAX_DB: f64 = 48.0;
/** 0 VU calibration range; -18 dBFS = EBU R68 style alignment (metering.md §8). */
export const VU_REFERENCE_MIN_DBFS: f64 = -30.0;
export const VU_REFERENCE_MAX_DBFS: f64 = 0.0;
export const VU_REFERENCE_DEFAULT_DBFS: f64 = -18.0;

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
  if (id == P_BYPASS || isPolarity(id)) return 0.0;
  return NaN;
}

/** Upper bound of a parameter's plain range; NaN for an unknown id. */
export function paramMax(id: i32): f64 {
  if (id == P_INPUT_TRIM_DB || id == P_OUTPUT_TRIM_DB) return TRIM_MAX_DB;
  if (id == P_VU_REFERENCE_DBFS) return VU_REFERENCE_MAX_DBFS;
  if (id == P_BYPASS || isPolarity(id)) return 1.0;
  return NaN;
}

/** Default plain value; NaN for an unknown id. */
export function paramDefault(id: i32): f64 {
  if (id == P_VU_REFERENCE_DBFS) return VU_REFERENCE_DEFAULT_DBFS;
  if (isKnownParam(id)) return 0.0;
  return NaN;
}

/** Stepped parameters take whole values only (switches). */
export function paramIsStepped(id: i32): bool {
  return id == P_BYPASS || isPolarity(id);
}

export function isPolarity(id: i32): bool {
  return id >= P_POLARITY_BASE && id < P_POLARITY_BASE + 8;
}

export function isKnownParam(id: i32): bool {
  return id == P_INPUT_TRIM_DB || id == P_OUTPUT_TRIM_DB || id == P_BYPASS
    || id == P_VU_REFERENCE_DBFS || isPolarity(id);
}
