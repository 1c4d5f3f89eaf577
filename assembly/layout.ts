// The kernel's memory layout, derived from the contract (generated/contract.ts, generated from
// host/declaration/declaration.ts): every constant is exported from the module (index.ts), and the
// host reads the same declaration, so nothing is mirrored by hand.
//
// Audio buffers are planar f32: channel c starts at bufferPtr + c * MAX_FRAMES * 4.
// The readout is an f64 array: one block per tap, each block holds the loudness fields, then
// CHANNEL_FIELDS for the overall reading (max over channels), then CHANNEL_FIELDS per channel;
// after both taps, the auto-trim block.

import { LOUDNESS_FIELDS, CHANNEL_FIELDS, MARK_BLOCK, MARK_FIELDS } from "./generated/contract";

export * from "./generated/contract";

/** Offset (in f64 slots) of channel c's fields in a tap block; c = -1 is the overall reading. */
export function channelFieldsOffset(channel: i32): i32 {
  return LOUDNESS_FIELDS + CHANNEL_FIELDS * (channel + 1);
}

/** Offset (in f64 slots) of mark `mark`'s window in a tap block. */
export function markFieldsOffset(mark: i32): i32 {
  return MARK_BLOCK + MARK_FIELDS * mark;
}
