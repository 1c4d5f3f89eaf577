/**
 * Mirror of the kernel's memory layout (assembly/layout.ts) and parameter ids
 * (assembly/params.ts). The kernel exports each constant as a WebAssembly global; a test
 * (tests/kernel/layout-mirror.test.ts) instantiates the module and checks every value here.
 */

export const MAX_CHANNELS = 8;
export const MAX_FRAMES = 4096;
export const MIN_SAMPLE_RATE = 8000;
export const MAX_SAMPLE_RATE = 384000;

export const TAP_IN = 0;
export const TAP_OUT = 1;
export const TAP_COUNT = 2;

/** Loudness fields of a tap block (f64 slot index). */
export const LoudnessField = {
  L_MOMENTARY_LUFS: 0,
  L_MOMENTARY_MAX_LUFS: 1,
  L_MOMENTARY_MAX_SINCE_RESET_LUFS: 2,
  L_SHORT_TERM_LUFS: 3,
  L_SHORT_TERM_MAX_LUFS: 4,
  L_SHORT_TERM_MAX_SINCE_RESET_LUFS: 5,
  L_INTEGRATED_LUFS: 6,
  L_LOUDNESS_RANGE_LU: 7,
  L_FRAMES_SINCE_RESET: 8,
  L_GATING_BLOCKS: 9,
  L_LRA_VALUES: 10,
  L_UNGATED_LUFS: 11,
  L_UNGATED_FRAMES: 12,
} as const;
export const LOUDNESS_FIELDS = 16;

/** Per-channel fields (f64 slot index within a channel block). */
export const ChannelField = {
  C_SAMPLE_PEAK_DBFS: 0,
  C_SAMPLE_PEAK_MAX_DBFS: 1,
  C_TRUE_PEAK_DBTP: 2,
  C_TRUE_PEAK_MAX_DBTP: 3,
  C_RMS_DBFS: 4,
  C_RMS_AES17_DB: 5,
  C_RMS_MAX_DBFS: 6,
  C_RMS_MAX_AES17_DB: 7,
  C_RMS_TOTAL_DBFS: 8,
  C_RMS_TOTAL_AES17_DB: 9,
  C_VU: 10,
  C_VU_MAX: 11,
  C_VU_MAX_SINCE_RESET: 12,
  C_CLIP_COUNT: 13,
  C_NON_FINITE_COUNT: 14,
} as const;
export const CHANNEL_FIELDS = 16;

/** Fields holding a maximum since the last readMeters(): a snapshot merges them with max(). */
export const SINCE_READ_LOUDNESS_FIELDS = [LoudnessField.L_MOMENTARY_MAX_LUFS, LoudnessField.L_SHORT_TERM_MAX_LUFS] as const;
export const SINCE_READ_CHANNEL_FIELDS = [
  ChannelField.C_SAMPLE_PEAK_DBFS, ChannelField.C_TRUE_PEAK_DBTP, ChannelField.C_RMS_MAX_DBFS,
  ChannelField.C_RMS_MAX_AES17_DB, ChannelField.C_VU_MAX,
] as const;
export const TAP_FIELDS = LOUDNESS_FIELDS + CHANNEL_FIELDS * (1 + MAX_CHANNELS);

/** Auto-trim block (f64 slot index after both taps). */
export const AutoTrimField = {
  A_STATE: 0,
  A_STATUS: 1,
  A_DETECTOR: 2,
  A_LEVEL_DB: 3,
  A_TARGET_DB: 4,
  A_TRIM_DB: 5,
  A_LIMITED_BY: 6,
  A_PEAK_BEFORE_DBFS: 7,
  A_PEAK_AFTER_DBFS: 8,
  A_SECONDS: 9,
  A_BLOCKS_TOTAL: 10,
  A_BLOCKS_KEPT: 11,
  A_INPUT_TRIM_DB: 12,
  A_OUTPUT_TRIM_DB: 13,
  A_TRUE_PEAK_BEFORE_DBTP: 14,
  A_TRUE_PEAK_AFTER_DBTP: 15,
} as const;
export const AUTO_TRIM_FIELDS = 16;
export const READOUT_SLOTS = TAP_COUNT * TAP_FIELDS + AUTO_TRIM_FIELDS;

/** Slot of channel `channel`'s fields in a tap block; -1 is the overall reading. */
export function channelFieldsOffset(channel: number): number {
  return LOUDNESS_FIELDS + CHANNEL_FIELDS * (channel + 1);
}

/** Meters a tap runs (setMeterMask bits). */
export const Meter = {
  METER_SAMPLE_PEAK: 1,
  METER_TRUE_PEAK: 2,
  METER_LOUDNESS: 4,
  METER_RMS: 8,
  METER_VU: 16,
  METER_ALL: 31,
} as const;

export const Status = {
  STATUS_OK: 0,
  STATUS_CLAMPED: 1,
  STATUS_BAD_SAMPLE_RATE: -1,
  STATUS_BAD_CHANNELS: -2,
  STATUS_BAD_FRAMES: -3,
  STATUS_BAD_PARAM_ID: -4,
  STATUS_NOT_FINITE: -5,
  STATUS_NOT_READY: -6,
  STATUS_OUT_OF_MEMORY: -7,
  STATUS_BAD_TAP: -8,
  STATUS_BAD_MASK: -9,
  STATUS_BAD_VALUE: -10,
} as const;

/** Kernel parameter ids (stable, append-only). */
export const KernelParam = {
  P_INPUT_TRIM_DB: 0,
  P_OUTPUT_TRIM_DB: 1,
  P_BYPASS: 2,
  P_VU_REFERENCE_DBFS: 3,
  P_LEARN_TARGET_DB: 4,
  P_LEARN_DETECTOR: 5,
  P_CEILING_DBFS: 6,
  P_CEILING_ON: 7,
  P_POLARITY_BASE: 8,
  P_LISTEN_A: 16,
  P_AUTO_RIDE: 17,
  P_CEILING_TP_DBTP: 18,
  P_CEILING_TP_ON: 19,
  PARAM_ID_END: 24,
} as const;
