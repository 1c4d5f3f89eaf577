/**
 * What the kernel's readout says, as typed readings: one tap's loudness and channel fields, the
 * auto-trim decision, and the decoders from a readout view (a kernel's memory, a shared-memory
 * snapshot, a message) to them. Field names and slots come from the declaration. Allocates (the
 * decoders build objects): main thread, offline hosts and tests, never the audio thread.
 * dB values; −Infinity = silence.
 */
import { LEARN_STATES, LEARN_STATUSES, LIMITED_BY, MARKS, READOUT } from "../declaration/declaration.js";
import {
  AUTO_TRIM_BLOCK,
  AUTO_TRIM_SLOT,
  channelFieldsOffset,
  markFieldsOffset,
  STATUS_CODE,
  tapBlock,
} from "../declaration/layout.js";

type LoudnessKey = (typeof READOUT.loudness.fields)[number]["key"];
type ChannelKey = (typeof READOUT.channel.fields)[number]["key"];
type AutoTrimKey = (typeof READOUT.autoTrim.fields)[number]["key"];
type MarkKey = (typeof READOUT.mark.fields)[number]["key"];
export type Mark = (typeof MARKS)[number];

/** Readings of one channel (or the overall reading: the max over channels, counts summed). */
export type ChannelReadings = { [K in ChannelKey]: number };

/** One window since a mark (kernel since-mark.ts): levels of everything since the host asked. */
export type MarkReadings = { [K in MarkKey]: number };

/** One tap: its loudness fields, the overall reading and each channel's, and its windows since a mark. */
export type TapReadings = { [K in LoudnessKey]: number } & {
  overall: ChannelReadings;
  channels: ChannelReadings[];
  marks: Record<Mark, MarkReadings>;
};

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
    marks: Object.fromEntries(
      MARKS.map((mark, m) => [mark, decodeFields(view, base + markFieldsOffset(m), READOUT.mark.fields)]),
    ) as Record<Mark, MarkReadings>,
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

/** A kernel as the readers below need it (core/kernel.ts Kernel): read, then the raw readout. */
interface ReadableKernel {
  readonly exports: { readMeters(): number };
  readoutView(): Float64Array;
  readonly channels: number;
}

/** readMeters() and both taps decoded (allocates: not for the audio thread). */
export function readSnapshot(kernel: ReadableKernel): TapReadings[] {
  if (kernel.exports.readMeters() < 0) throw new Error(`readMeters: status ${STATUS_CODE.notReady}`);
  const readout = kernel.readoutView();
  return [0, 1].map((tap) => decodeTap(readout, tapBlock(tap), kernel.channels));
}

/** readMeters() and the auto-trim block decoded. */
export function readAutoTrim(kernel: ReadableKernel): AutoTrimReadings {
  if (kernel.exports.readMeters() < 0) throw new Error(`readMeters: status ${STATUS_CODE.notReady}`);
  return decodeAutoTrim(kernel.readoutView(), AUTO_TRIM_BLOCK);
}
