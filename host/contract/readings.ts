/**
 * What the kernel's readout says, as typed readings: one tap's loudness and channel fields, the
 * auto-trim decision, and the decoders from a readout view (a kernel's memory, a shared-memory
 * snapshot, a message) to them. Field names and slots come from the declaration. Allocates (the
 * decoders build objects): main thread, offline hosts and tests, never the audio thread.
 * dB values; −Infinity = silence.
 */
import { LEARN_STATES, LEARN_STATUSES, LIMITED_BY, READOUT, STATUS } from "./declaration.js";
import { AUTO_TRIM_SLOT, channelFieldsOffset } from "./layout.js";

type LoudnessKey = (typeof READOUT.loudness.fields)[number]["key"];
type ChannelKey = (typeof READOUT.channel.fields)[number]["key"];
type AutoTrimKey = (typeof READOUT.autoTrim.fields)[number]["key"];

/** Readings of one channel (or the overall reading: the max over channels, counts summed). */
export type ChannelReadings = { [K in ChannelKey]: number };

/** One tap: its loudness fields, the overall reading and each channel's. */
export type TapReadings = { [K in LoudnessKey]: number } & { overall: ChannelReadings; channels: ChannelReadings[] };

export { LEARN_STATES, LEARN_STATUSES, LIMITED_BY };

/** What auto-trim decided and why (levels in the detector's units). */
export type AutoTrimReadings = Omit<{ [K in AutoTrimKey]: number }, "state" | "status" | "limitedBy"> & {
  state: (typeof LEARN_STATES)[number];
  status: (typeof LEARN_STATUSES)[number];
  limitedBy: (typeof LIMITED_BY)[number];
};

function decodeFields<K extends string>(
  view: Float64Array,
  base: number,
  fields: readonly { key: K }[],
): { [P in K]: number } {
  const out = {} as { [P in K]: number };
  fields.forEach((field, i) => {
    out[field.key] = view[base + i]!;
  });
  return out;
}

/** Decodes one tap block starting at slot `base` of a readout view. */
export function decodeTap(view: Float64Array, base: number, channels: number): TapReadings {
  const channel = (c: number) => decodeFields(view, base + channelFieldsOffset(c), READOUT.channel.fields);
  return {
    ...decodeFields(view, base, READOUT.loudness.fields),
    overall: channel(-1),
    channels: Array.from({ length: channels }, (_, c) => channel(c)),
  };
}

/** Decodes the auto-trim block starting at slot `base` of a readout view. */
export function decodeAutoTrim(view: Float64Array, base: number): AutoTrimReadings {
  const fields = decodeFields(view, base, READOUT.autoTrim.fields);
  return {
    ...fields,
    state: LEARN_STATES[view[base + AUTO_TRIM_SLOT.state]!] ?? "idle",
    status: LEARN_STATUSES[view[base + AUTO_TRIM_SLOT.status]!] ?? "ok",
    limitedBy: LIMITED_BY[view[base + AUTO_TRIM_SLOT.limitedBy]!] ?? "target",
  };
}

/** A kernel status code in words ("bad sample rate"). */
export function statusText(status: number): string {
  const name = STATUS.find((s) => s.code === status)?.key;
  return name ? name.replace(/([A-Z])/g, " $1").toLowerCase() : `status ${status}`;
}
