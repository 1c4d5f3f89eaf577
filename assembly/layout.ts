// The kernel's memory layout: the one contract between kernel and host. Every constant here is
// exported from the module (index.ts) and mirrored by host/kernel-layout.ts; a test instantiates
// the module and checks the mirror field by field.
//
// Audio buffers are planar f32: channel c starts at bufferPtr + c * MAX_FRAMES * 4.
// The readout is an f64 array: one block per tap, each block holds the loudness fields, then
// CHANNEL_FIELDS for the overall reading (max over channels), then CHANNEL_FIELDS per channel.

/** Channels the kernel processes (7.1). */
export const MAX_CHANNELS: i32 = 8;
/** Frames per processRange() call; Web Audio's quantum is 128, the spec allows others. */
export const MAX_FRAMES: i32 = 4096;
export const MIN_SAMPLE_RATE: f64 = 8000;
export const MAX_SAMPLE_RATE: f64 = 384000;

/** Taps: IN is the signal before the trim, OUT after it (PRE: IN/SEND, POST: RETURN/OUT). */
export const TAP_IN: i32 = 0;
export const TAP_OUT: i32 = 1;
export const TAP_COUNT: i32 = 2;

// Loudness fields of a tap (BS.1770 / EBU Tech 3341, 3342). LUFS/LU; -Infinity when undefined.
export const L_MOMENTARY_LUFS: i32 = 0;              // 400 ms window ending at the last evaluation
export const L_MOMENTARY_MAX_LUFS: i32 = 1;          // max since the last readMeters()
export const L_MOMENTARY_MAX_SINCE_RESET_LUFS: i32 = 2;
export const L_SHORT_TERM_LUFS: i32 = 3;             // 3 s window
export const L_SHORT_TERM_MAX_LUFS: i32 = 4;         // max since the last readMeters()
export const L_SHORT_TERM_MAX_SINCE_RESET_LUFS: i32 = 5;
export const L_INTEGRATED_LUFS: i32 = 6;             // gated, since reset
export const L_LOUDNESS_RANGE_LU: i32 = 7;           // EBU Tech 3342, since reset
export const L_FRAMES_SINCE_RESET: i32 = 8;
export const L_GATING_BLOCKS: i32 = 9;               // 400 ms blocks above the absolute gate
export const L_LRA_VALUES: i32 = 10;                 // short-term values above the absolute gate
export const L_UNGATED_LUFS: i32 = 11;               // every closed quantum since reset, ungated
export const L_UNGATED_FRAMES: i32 = 12;             // the frames L_UNGATED_LUFS covers
export const LOUDNESS_FIELDS: i32 = 16;

// Per-channel fields (also used for the overall reading = max over channels, counts summed).
export const C_SAMPLE_PEAK_DBFS: i32 = 0;            // max since the last readMeters()
export const C_SAMPLE_PEAK_MAX_DBFS: i32 = 1;        // max since reset
export const C_TRUE_PEAK_DBTP: i32 = 2;              // max since the last readMeters()
export const C_TRUE_PEAK_MAX_DBTP: i32 = 3;          // max since reset
export const C_RMS_DBFS: i32 = 4;                    // plain 20·log10(RMS), 300 ms window
export const C_RMS_AES17_DB: i32 = 5;                // AES17 (RMS re full-scale sine), same window
export const C_RMS_MAX_DBFS: i32 = 6;                // plain, max window since the last readMeters()
export const C_RMS_MAX_AES17_DB: i32 = 7;
export const C_RMS_TOTAL_DBFS: i32 = 8;              // plain, every sample since reset
export const C_RMS_TOTAL_AES17_DB: i32 = 9;
export const C_VU: i32 = 10;                         // VU (0 VU = reference level), now
export const C_VU_MAX: i32 = 11;                     // max since the last readMeters()
export const C_VU_MAX_SINCE_RESET: i32 = 12;
export const C_CLIP_COUNT: i32 = 13;                 // clipped samples since reset (sample-peak.ts says which)
export const C_NON_FINITE_COUNT: i32 = 14;           // NaN/Inf samples (metered and output as 0)
export const CHANNEL_FIELDS: i32 = 16;

/** f64 slots in one tap's readout block. */
export const TAP_FIELDS: i32 = LOUDNESS_FIELDS + CHANNEL_FIELDS * (1 + MAX_CHANNELS);
// Auto-trim block, after the taps (auto-trim.ts). Levels in the detector's dB units.
export const A_STATE: i32 = 0;                       // 0 idle, 1 learning, 2 done, 3 riding
export const A_STATUS: i32 = 1;                      // auto-trim.ts LEARN_*
export const A_DETECTOR: i32 = 2;                    // learn.ts DETECTOR_*
export const A_LEVEL_DB: i32 = 3;                    // the detector's level of what entered (before the trim)
export const A_TARGET_DB: i32 = 4;                   // the target in force (within the detector's range)
export const A_TRIM_DB: i32 = 5;                     // the input trim that meets the target (absolute)
export const A_LIMITED_BY: i32 = 6;                  // auto-trim.ts LIMITED_BY_*
export const A_PEAK_BEFORE_DBFS: i32 = 7;            // largest sample peak in the window, before trim
export const A_PEAK_AFTER_DBFS: i32 = 8;             // the same after the suggested trim
export const A_SECONDS: i32 = 9;                     // length of the window analysed
export const A_BLOCKS_TOTAL: i32 = 10;               // 400 ms blocks in the window
export const A_BLOCKS_KEPT: i32 = 11;                // blocks that passed both gates
export const A_INPUT_TRIM_DB: i32 = 12;              // the kernel's input trim now (moves while riding)
export const A_OUTPUT_TRIM_DB: i32 = 13;
export const A_TRUE_PEAK_BEFORE_DBTP: i32 = 14;      // largest true peak in the window, before trim
export const A_TRUE_PEAK_AFTER_DBTP: i32 = 15;       // the same after the suggested trim
export const AUTO_TRIM_FIELDS: i32 = 16;
/** f64 slots of the whole readout: both taps, then the auto-trim block. */
export const READOUT_SLOTS: i32 = TAP_COUNT * (LOUDNESS_FIELDS + CHANNEL_FIELDS * (1 + MAX_CHANNELS)) + AUTO_TRIM_FIELDS;

/** Offset (in f64 slots) of channel c's fields in a tap block; c = -1 is the overall reading. */
// @ts-ignore: decorator
@inline export function channelFieldsOffset(channel: i32): i32 {
  return LOUDNESS_FIELDS + CHANNEL_FIELDS * (channel + 1);
}

// Meters a tap runs (setMeterMask). A meter switched on again starts from silence.
export const METER_SAMPLE_PEAK: i32 = 1;             // also the clip and non-finite counts
export const METER_TRUE_PEAK: i32 = 2;
export const METER_LOUDNESS: i32 = 4;
export const METER_RMS: i32 = 8;
export const METER_VU: i32 = 16;
export const METER_ALL: i32 = 31;

// Status codes returned by set-up and parameter calls (0 = ok; negative = rejected, nothing changed).
export const STATUS_OK: i32 = 0;
export const STATUS_CLAMPED: i32 = 1;                // value accepted after clamping to the range
export const STATUS_BAD_SAMPLE_RATE: i32 = -1;
export const STATUS_BAD_CHANNELS: i32 = -2;
export const STATUS_BAD_FRAMES: i32 = -3;
export const STATUS_BAD_PARAM_ID: i32 = -4;
export const STATUS_NOT_FINITE: i32 = -5;
export const STATUS_NOT_READY: i32 = -6;
export const STATUS_OUT_OF_MEMORY: i32 = -7;
export const STATUS_BAD_TAP: i32 = -8;
export const STATUS_BAD_MASK: i32 = -9;
export const STATUS_BAD_VALUE: i32 = -10;           // an argument outside what the call accepts
