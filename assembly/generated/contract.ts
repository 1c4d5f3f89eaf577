// GENERATED from host/declaration/declaration.ts by host/tools/generate-kernel.ts: do not edit, run
// `npm run generate`. tests/kernel/contract.test.ts checks that regenerating changes nothing.

// Limits
export const MAX_CHANNELS: i32 = 8;
export const MAX_FRAMES: i32 = 4096;
export const MIN_SAMPLE_RATE: f64 = 8000.0;
export const MAX_SAMPLE_RATE: f64 = 384000.0;
export const PARAM_ID_END: i32 = 32;
export const GAIN_SMOOTHING_MS: f64 = 20.0;
export const GATE_BLOCK_MS: f64 = 400.0;
export const GATE_HOP_MS: f64 = 100.0;
export const SHORT_TERM_MS: f64 = 3000.0;

// Parameters the kernel applies (plain units; the ids are the host's)
export const P_INPUT_TRIM_DB: i32 = 0; // Input trim, dB
export const P_OUTPUT_TRIM_DB: i32 = 1; // Output trim, dB
export const P_BYPASS: i32 = 2; // Bypass
export const P_VU_REFERENCE_DBFS: i32 = 3; // VU reference (0 VU), dBFS
export const P_LEFT_TRIM_DB: i32 = 4; // Left trim, dB
export const P_RIGHT_TRIM_DB: i32 = 5; // Right trim, dB
export const P_MID_TRIM_DB: i32 = 6; // Mid trim, dB
export const P_SIDE_TRIM_DB: i32 = 7; // Side trim, dB
export const P_POLARITY_L: i32 = 8; // Polarity L
export const P_POLARITY_R: i32 = 9; // Polarity R
export const P_WIDTH_PERCENT: i32 = 10; // Width, %
export const P_MONO_SUM: i32 = 11; // Mono sum
export const P_SWAP_CHANNELS: i32 = 12; // Swap left and right
export const P_MATCH_TOLERANCE_DB: i32 = 13; // Auto-match tolerance, dB
export const P_MATCH_RATE_DB_PER_SECOND: i32 = 14; // Auto-match speed, dB/s
export const P_PPM_STANDARD: i32 = 15; // PPM standard
export const P_AUTO_TRIM_TARGET_DB: i32 = 16; // Auto-trim target, dB
export const P_AUTO_TRIM_DETECTOR: i32 = 17; // Auto-trim detector
export const P_AB_LISTEN: i32 = 18; // A/B listen
export const P_PEAK_CEILING_DBFS: i32 = 19; // Peak ceiling, dBFS
export const P_PEAK_CEILING_ON: i32 = 20; // Peak ceiling on
export const P_AUTO_RIDE: i32 = 21; // Auto-trim ride
export const P_PEAK_CEILING_TP_DBTP: i32 = 23; // True-peak ceiling, dBTP
export const P_PEAK_CEILING_TP_ON: i32 = 24; // True-peak ceiling on
export const P_RIDE_DEADBAND_DB: i32 = 25; // Ride dead-band, dB
export const P_RIDE_UP_DB_PER_SECOND: i32 = 26; // Ride up speed, dB/s
export const P_RIDE_DOWN_DB_PER_SECOND: i32 = 27; // Ride down speed, dB/s
export const P_RIDE_MIN_TRIM_DB: i32 = 28; // Ride lowest trim, dB
export const P_RIDE_MAX_TRIM_DB: i32 = 29; // Ride highest trim, dB
export const P_INSERT_LATENCY_FRAMES: i32 = 30; // Insert latency, samples
export const P_AUTO_MATCH: i32 = 31; // Auto-match
export const INPUT_TRIM_DB_MIN: f64 = -48.0;
export const INPUT_TRIM_DB_MAX: f64 = 48.0;
export const OUTPUT_TRIM_DB_MIN: f64 = -48.0;
export const OUTPUT_TRIM_DB_MAX: f64 = 48.0;
export const VU_REFERENCE_DBFS_MIN: f64 = -30.0;
export const VU_REFERENCE_DBFS_MAX: f64 = 0.0;
export const LEFT_TRIM_DB_MIN: f64 = -24.0;
export const LEFT_TRIM_DB_MAX: f64 = 24.0;
export const RIGHT_TRIM_DB_MIN: f64 = -24.0;
export const RIGHT_TRIM_DB_MAX: f64 = 24.0;
export const MID_TRIM_DB_MIN: f64 = -24.0;
export const MID_TRIM_DB_MAX: f64 = 24.0;
export const SIDE_TRIM_DB_MIN: f64 = -24.0;
export const SIDE_TRIM_DB_MAX: f64 = 24.0;
export const WIDTH_PERCENT_MIN: f64 = 0.0;
export const WIDTH_PERCENT_MAX: f64 = 200.0;
export const MATCH_TOLERANCE_DB_MIN: f64 = 0.0;
export const MATCH_TOLERANCE_DB_MAX: f64 = 4.0;
export const MATCH_RATE_DB_PER_SECOND_MIN: f64 = 0.0;
export const MATCH_RATE_DB_PER_SECOND_MAX: f64 = 20.0;
export const AUTO_TRIM_TARGET_DB_MIN: f64 = -60.0;
export const AUTO_TRIM_TARGET_DB_MAX: f64 = 0.0;
export const PEAK_CEILING_DBFS_MIN: f64 = -24.0;
export const PEAK_CEILING_DBFS_MAX: f64 = 0.0;
export const PEAK_CEILING_TP_DBTP_MIN: f64 = -24.0;
export const PEAK_CEILING_TP_DBTP_MAX: f64 = 0.0;
export const RIDE_DEADBAND_DB_MIN: f64 = 0.0;
export const RIDE_DEADBAND_DB_MAX: f64 = 6.0;
export const RIDE_UP_DB_PER_SECOND_MIN: f64 = 0.0;
export const RIDE_UP_DB_PER_SECOND_MAX: f64 = 20.0;
export const RIDE_DOWN_DB_PER_SECOND_MIN: f64 = 0.0;
export const RIDE_DOWN_DB_PER_SECOND_MAX: f64 = 40.0;
export const RIDE_MIN_TRIM_DB_MIN: f64 = -48.0;
export const RIDE_MIN_TRIM_DB_MAX: f64 = 0.0;
export const RIDE_MAX_TRIM_DB_MIN: f64 = 0.0;
export const RIDE_MAX_TRIM_DB_MAX: f64 = 48.0;
export const INSERT_LATENCY_FRAMES_MIN: f64 = 0.0;
export const INSERT_LATENCY_FRAMES_MAX: f64 = 32767.0;

/** Whether the kernel applies parameter `id`. */
export function isKnownParam(id: i32): bool {
  switch (id) {
    case 0: return true;
    case 1: return true;
    case 2: return true;
    case 3: return true;
    case 4: return true;
    case 5: return true;
    case 6: return true;
    case 7: return true;
    case 8: return true;
    case 9: return true;
    case 10: return true;
    case 11: return true;
    case 12: return true;
    case 13: return true;
    case 14: return true;
    case 15: return true;
    case 16: return true;
    case 17: return true;
    case 18: return true;
    case 19: return true;
    case 20: return true;
    case 21: return true;
    case 23: return true;
    case 24: return true;
    case 25: return true;
    case 26: return true;
    case 27: return true;
    case 28: return true;
    case 29: return true;
    case 30: return true;
    case 31: return true;
    default: return false;
  }
}

/** Lower bound of a parameter's plain range; NaN for an unknown id. */
export function paramMin(id: i32): f64 {
  switch (id) {
    case 0: return -48.0;
    case 1: return -48.0;
    case 2: return 0.0;
    case 3: return -30.0;
    case 4: return -24.0;
    case 5: return -24.0;
    case 6: return -24.0;
    case 7: return -24.0;
    case 8: return 0.0;
    case 9: return 0.0;
    case 10: return 0.0;
    case 11: return 0.0;
    case 12: return 0.0;
    case 13: return 0.0;
    case 14: return 0.0;
    case 15: return 0.0;
    case 16: return -60.0;
    case 17: return 0.0;
    case 18: return 0.0;
    case 19: return -24.0;
    case 20: return 0.0;
    case 21: return 0.0;
    case 23: return -24.0;
    case 24: return 0.0;
    case 25: return 0.0;
    case 26: return 0.0;
    case 27: return 0.0;
    case 28: return -48.0;
    case 29: return 0.0;
    case 30: return 0.0;
    case 31: return 0.0;
    default: return NaN;
  }
}

/** Upper bound of a parameter's plain range; NaN for an unknown id. */
export function paramMax(id: i32): f64 {
  switch (id) {
    case 0: return 48.0;
    case 1: return 48.0;
    case 2: return 1.0;
    case 3: return 0.0;
    case 4: return 24.0;
    case 5: return 24.0;
    case 6: return 24.0;
    case 7: return 24.0;
    case 8: return 1.0;
    case 9: return 1.0;
    case 10: return 200.0;
    case 11: return 1.0;
    case 12: return 1.0;
    case 13: return 4.0;
    case 14: return 20.0;
    case 15: return 3.0;
    case 16: return 0.0;
    case 17: return 5.0;
    case 18: return 2.0;
    case 19: return 0.0;
    case 20: return 1.0;
    case 21: return 1.0;
    case 23: return 0.0;
    case 24: return 1.0;
    case 25: return 6.0;
    case 26: return 20.0;
    case 27: return 40.0;
    case 28: return 0.0;
    case 29: return 48.0;
    case 30: return 32767.0;
    case 31: return 1.0;
    default: return NaN;
  }
}

/** Default plain value; NaN for an unknown id. */
export function paramDefault(id: i32): f64 {
  switch (id) {
    case 0: return 0.0;
    case 1: return 0.0;
    case 2: return 0.0;
    case 3: return -18.0;
    case 4: return 0.0;
    case 5: return 0.0;
    case 6: return 0.0;
    case 7: return 0.0;
    case 8: return 0.0;
    case 9: return 0.0;
    case 10: return 100.0;
    case 11: return 0.0;
    case 12: return 0.0;
    case 13: return 0.5;
    case 14: return 2.0;
    case 15: return 3.0;
    case 16: return -18.0;
    case 17: return 0.0;
    case 18: return 0.0;
    case 19: return -6.0;
    case 20: return 1.0;
    case 21: return 0.0;
    case 23: return -1.0;
    case 24: return 0.0;
    case 25: return 0.5;
    case 26: return 1.0;
    case 27: return 3.0;
    case 28: return -48.0;
    case 29: return 48.0;
    case 30: return 0.0;
    case 31: return 0.0;
    default: return NaN;
  }
}

/** Stepped parameters (switches, choices) take whole values only. */
export function paramIsStepped(id: i32): bool {
  switch (id) {
    case 2: return true;
    case 8: return true;
    case 9: return true;
    case 11: return true;
    case 12: return true;
    case 15: return true;
    case 17: return true;
    case 18: return true;
    case 20: return true;
    case 21: return true;
    case 24: return true;
    case 30: return true;
    case 31: return true;
    default: return false;
  }
}

// Taps
export const TAP_IN: i32 = 0;
export const TAP_OUT: i32 = 1;
export const TAP_COUNT: i32 = 2;

// Readout slots (f64): per tap the loudness block, then channel blocks (overall, then per channel),
// then the marks' windows; after both taps, auto-trim (host/declaration/layout.ts)
export const TAP_FIELDS: i32 = 268;
export const READOUT_SLOTS: i32 = 552;
export const MARK_BLOCK: i32 = 232;
export const LOUDNESS_FIELDS: i32 = 16;
export const L_MOMENTARY_LUFS: i32 = 0;
export const L_MOMENTARY_MAX_LUFS: i32 = 1;
export const L_MOMENTARY_MAX_SINCE_RESET_LUFS: i32 = 2;
export const L_SHORT_TERM_LUFS: i32 = 3;
export const L_SHORT_TERM_MAX_LUFS: i32 = 4;
export const L_SHORT_TERM_MAX_SINCE_RESET_LUFS: i32 = 5;
export const L_INTEGRATED_LUFS: i32 = 6;
export const L_LOUDNESS_RANGE_LU: i32 = 7;
export const L_FRAMES_SINCE_RESET: i32 = 8;
export const L_GATING_BLOCKS: i32 = 9;
export const L_LRA_VALUES: i32 = 10;
export const L_UNGATED_LUFS: i32 = 11;
export const L_UNGATED_FRAMES: i32 = 12;
export const CHANNEL_FIELDS: i32 = 24;
export const C_SAMPLE_PEAK_DBFS: i32 = 0;
export const C_SAMPLE_PEAK_MAX_DBFS: i32 = 1;
export const C_TRUE_PEAK_DBTP: i32 = 2;
export const C_TRUE_PEAK_MAX_DBTP: i32 = 3;
export const C_RMS_DBFS: i32 = 4;
export const C_RMS_AES17_DB: i32 = 5;
export const C_RMS_MAX_DBFS: i32 = 6;
export const C_RMS_MAX_AES17_DB: i32 = 7;
export const C_RMS_TOTAL_DBFS: i32 = 8;
export const C_RMS_TOTAL_AES17_DB: i32 = 9;
export const C_VU: i32 = 10;
export const C_VU_MAX: i32 = 11;
export const C_VU_MAX_SINCE_RESET: i32 = 12;
export const C_CLIP_COUNT: i32 = 13;
export const C_NON_FINITE_COUNT: i32 = 14;
export const C_PPM_DBFS: i32 = 15;
export const C_PPM_MAX_DBFS: i32 = 16;
export const C_PPM_MAX_SINCE_RESET_DBFS: i32 = 17;
export const C_CHANNEL_INTEGRATED_LUFS: i32 = 18;
export const C_CHANNEL_LOUDNESS_RANGE_LU: i32 = 19;
export const C_CHANNEL_MOMENTARY_MAX_LUFS: i32 = 20;
export const C_CHANNEL_SHORT_TERM_MAX_LUFS: i32 = 21;
export const MARK_FIELDS: i32 = 12;
export const M_SERIAL: i32 = 0;
export const M_FRAMES: i32 = 1;
export const M_SIGNAL_BLOCKS: i32 = 2;
export const M_LOUDNESS_LUFS: i32 = 3;
export const M_MOMENTARY_MAX_LUFS: i32 = 4;
export const M_RMS_AES17_DB: i32 = 5;
export const M_VU_MEAN: i32 = 6;
export const M_SAMPLE_PEAK_DBFS: i32 = 7;
export const M_TRUE_PEAK_DBTP: i32 = 8;
export const M_CLIP_COUNT: i32 = 9;
export const MARK_COUNT: i32 = 3;
export const MARK_STAGE: i32 = 0;
export const MARK_COMPARE: i32 = 1;
export const MARK_MATCH: i32 = 2;
/** markWindow's value: the mark is its remainder by MARK_COUNT, the serial its quotient (packMark). */
export const MARK_SERIALS: i32 = 85;
export const AUTO_TRIM_FIELDS: i32 = 16;
export const A_STATE: i32 = 0;
export const A_STATUS: i32 = 1;
export const A_DETECTOR: i32 = 2;
export const A_LEVEL_DB: i32 = 3;
export const A_TARGET_DB: i32 = 4;
export const A_TRIM_DB: i32 = 5;
export const A_LIMITED_BY: i32 = 6;
export const A_PEAK_BEFORE_DBFS: i32 = 7;
export const A_PEAK_AFTER_DBFS: i32 = 8;
export const A_SECONDS: i32 = 9;
export const A_BLOCKS_TOTAL: i32 = 10;
export const A_BLOCKS_KEPT: i32 = 11;
export const A_INPUT_TRIM_DB: i32 = 12;
export const A_OUTPUT_TRIM_DB: i32 = 13;
export const A_TRUE_PEAK_BEFORE_DBTP: i32 = 14;
export const A_TRUE_PEAK_AFTER_DBTP: i32 = 15;

// Meters a tap runs (setMeterMask bits)
export const METER_SAMPLE_PEAK: i32 = 1;
export const METER_TRUE_PEAK: i32 = 2;
export const METER_LOUDNESS: i32 = 4;
export const METER_RMS: i32 = 8;
export const METER_VU: i32 = 16;
export const METER_PPM: i32 = 32;
export const METER_CHANNEL_LOUDNESS: i32 = 64;
export const METER_ALL: i32 = 127;
export const METER_DEFAULT: i32 = 63; // a tap's meters until told otherwise

// Meters whose per-sample step runs in the fused pass (sample-pass.ts: bits of its `meters`)
export const PASS_LOUDNESS: i32 = 1;
export const PASS_RMS: i32 = 2;
export const PASS_VU: i32 = 4;
export const PASS_PPM: i32 = 8;
/** The pass's bits for a tap's METER_* bits. */
export function samplePassBits(meters: i32): i32 {
  return (meters & METER_LOUDNESS ? PASS_LOUDNESS : 0) | (meters & METER_RMS ? PASS_RMS : 0) | (meters & METER_VU ? PASS_VU : 0) | (meters & METER_PPM ? PASS_PPM : 0);
}

// Status codes (negative: refused, nothing changed)
export const STATUS_OK: i32 = 0;
export const STATUS_CLAMPED: i32 = 1;
export const STATUS_BAD_SAMPLE_RATE: i32 = -1;
export const STATUS_BAD_CHANNELS: i32 = -2;
export const STATUS_BAD_FRAMES: i32 = -3;
export const STATUS_BAD_PARAM_ID: i32 = -4;
export const STATUS_NOT_FINITE: i32 = -5;
export const STATUS_NOT_READY: i32 = -6;
export const STATUS_OUT_OF_MEMORY: i32 = -7;
export const STATUS_BAD_TAP: i32 = -8;
export const STATUS_BAD_MASK: i32 = -9;
export const STATUS_BAD_VALUE: i32 = -10;

// Auto-trim
export const STATE_IDLE: i32 = 0;
export const STATE_LEARNING: i32 = 1;
export const STATE_DONE: i32 = 2;
export const STATE_RIDING: i32 = 3;
export const LEARN_OK: i32 = 0;
export const LEARN_SILENT: i32 = 1;
export const LEARN_TOO_LITTLE_SIGNAL: i32 = 2;
export const LEARN_LOUDNESS_METER_OFF: i32 = 3;
export const LEARN_TRUE_PEAK_METER_OFF: i32 = 4;
export const LIMITED_BY_TARGET: i32 = 0;
export const LIMITED_BY_PEAK_CEILING: i32 = 1;
export const LIMITED_BY_TRIM_RANGE: i32 = 2;
export const LIMITED_BY_TRUE_PEAK_CEILING: i32 = 3;
export const DETECTOR_RMS_GATED: i32 = 0; // AES17 RMS, gated, dB
export const DETECTOR_VU: i32 = 1; // VU, gated, dB
export const DETECTOR_PEAK: i32 = 2; // Sample peak, dBFS
export const DETECTOR_LUFS: i32 = 3; // Loudness (LUFS, integrated), LUFS
export const DETECTOR_RMS: i32 = 4; // AES17 RMS, ungated, dB
export const DETECTOR_TRUE_PEAK: i32 = 5; // True peak, dBTP
export const DETECTOR_COUNT: i32 = 6;

/** Lowest auto-trim target detector `id` accepts (its own unit). */
export function detectorTargetMin(id: i32): f64 {
  switch (id) {
    case 0: return -40.0;
    case 1: return -40.0;
    case 2: return -40.0;
    case 3: return -60.0;
    case 4: return -40.0;
    case 5: return -40.0;
    default: return NaN;
  }
}

// Programme meters (IEC 60268-10): value of ppmStandard
export const PPM_DIN: i32 = 0; // DIN 45406 (Type I)
export const PPM_NORDIC: i32 = 1; // Nordic (Type I)
export const PPM_BBC: i32 = 2; // BBC (Type IIa)
export const PPM_EBU: i32 = 3; // EBU (Type IIb)
export const PPM_STANDARD_COUNT: i32 = 4;
/** Whether standard `id` has Type II ballistics (10 ms integration time) rather than Type I (5 ms). */
export function ppmIsTypeTwo(id: i32): bool {
  switch (id) {
    case 0: return false;
    case 1: return false;
    case 2: return true;
    case 3: return true;
    default: return false;
  }
}

/** How fast standard `id` falls back after the signal stops (dB/s). */
export function ppmReturnDbPerSecond(id: i32): f64 {
  switch (id) {
    case 0: return 13.333333333333334;
    case 1: return 11.764705882352942;
    case 2: return 8.571428571428571;
    case 3: return 8.571428571428571;
    default: return NaN;
  }
}

/** Highest auto-trim target detector `id` accepts. */
export function detectorTargetMax(id: i32): f64 {
  switch (id) {
    case 0: return 0.0;
    case 1: return 0.0;
    case 2: return 0.0;
    case 3: return 0.0;
    case 4: return 0.0;
    case 5: return 0.0;
    default: return NaN;
  }
}
