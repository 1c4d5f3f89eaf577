// The kernel's memory layout, derived from the contract (generated/contract.ts, generated from
// host/declaration/declaration.ts): every constant is exported from the module (index.ts), and the
// host reads the same declaration, so nothing is mirrored by hand.
//
// Audio buffers are planar f32: channel c starts at bufferPtr + c * MAX_FRAMES * 4.
// The readout is an f64 array: one block per tap, each block holds the loudness fields, then
// CHANNEL_FIELDS for the overall reading (max over channels), then CHANNEL_FIELDS per channel;
// after both taps, the auto-trim block.

import { MAX_CHANNELS, LOUDNESS_FIELDS, CHANNEL_FIELDS, TAP_COUNT, AUTO_TRIM_FIELDS } from "./generated/contract";

export * from "./generated/contract";

/** f64 slots in one tap's readout block. */
export const TAP_FIELDS: i32 = LOUDNESS_FIELDS + CHANNEL_FIELDS * (1 + MAX_CHANNELS);
/** f64 slots of the whole readout: both taps, then the auto-trim block. */
export const READOUT_SLOTS: i32 = TAP_COUNT * TAP_FIELDS + AUTO_TRIM_FIELDS;

/** Offset (in f64 slots) of channel c's fields in a tap block; c = -1 is the overall reading. */
export function channelFieldsOffset(channel: i32): i32 {
  return LOUDNESS_FIELDS + CHANNEL_FIELDS * (channel + 1);
}
