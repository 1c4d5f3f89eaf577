// Writing a tap's readout block (layout.ts): each meter writes its own fields through these, one
// channel at a time, and the overall reading follows — the max over channels for levels, the sum
// for counts. The tap clears the overall reading before its meters write.

import { CHANNEL_FIELDS, MAX_CHANNELS, C_CLIP_COUNT, C_NON_FINITE_COUNT, channelFieldsOffset } from "./layout";

/** Address of channel `channel`'s fields in the tap block at `block` (−1: the overall reading). */
export function channelFields(block: usize, channel: i32): usize {
  return block + ((<usize>channelFieldsOffset(channel)) << 3);
}

/** Writes slot `slot` of the block at `block` (a tap's loudness fields, the auto-trim block). */
export function writeSlot(block: usize, slot: i32, value: f64): void {
  store<f64>(block + ((<usize>slot) << 3), value);
}

/** Writes a level of one channel, and keeps the overall reading at the max over channels. */
export function writeLevel(block: usize, channel: i32, field: i32, value: f64): void {
  const at = (<usize>field) << 3;
  store<f64>(channelFields(block, channel) + at, value);
  const overall = channelFields(block, -1) + at;
  store<f64>(overall, max(load<f64>(overall), value));
}

/** Writes a count of one channel, and adds it to the overall reading. */
export function writeCount(block: usize, channel: i32, field: i32, value: f64): void {
  const at = (<usize>field) << 3;
  store<f64>(channelFields(block, channel) + at, value);
  const overall = channelFields(block, -1) + at;
  store<f64>(overall, load<f64>(overall) + value);
}

/** Readies the channel fields for a read: the overall reading empty, channels past `channels` zero. */
export function clearChannelFields(block: usize, channels: i32): void {
  const overall = channelFields(block, -1);
  for (let field = 0; field < CHANNEL_FIELDS; field++) {
    store<f64>(overall + ((<usize>field) << 3), field == C_CLIP_COUNT || field == C_NON_FINITE_COUNT ? 0.0 : -Infinity);
  }
  for (let channel = channels; channel < MAX_CHANNELS; channel++)
    memory.fill(channelFields(block, channel), 0, (<usize>CHANNEL_FIELDS) << 3);
}
