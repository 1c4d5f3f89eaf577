/**
 * The kernel's memory layout as the host reads it, derived from the declaration (declaration.ts)
 * the kernel's own constants are generated from: readout slots by field key, channel blocks,
 * taps, meter bits, status codes, limits. Nothing here is a copy kept in step by hand.
 * Thread: any.
 */
import { LIMITS, MARKS, METERS, METERS_OFF_BY_DEFAULT, READOUT, STATUS, TAPS } from "./declaration.js";

type Keys<F extends readonly { key: string }[]> = F[number]["key"];
type Slots<F extends readonly { key: string }[]> = { readonly [K in Keys<F>]: number };

function slots<F extends readonly { key: string }[]>(fields: F): Slots<F> {
  return Object.fromEntries(fields.map((field, i) => [field.key, i])) as Slots<F>;
}

export const MAX_CHANNELS = LIMITS.maxChannels;
export const MAX_FRAMES = LIMITS.maxFrames;
export const MIN_SAMPLE_RATE = LIMITS.minSampleRate;
export const MAX_SAMPLE_RATE = LIMITS.maxSampleRate;

export const TAP_IN = TAPS.indexOf("in");
export const TAP_OUT = TAPS.indexOf("out");
export const TAP_COUNT = TAPS.length;

/** Slot of each loudness field in a tap block; of each channel field in a channel block; of each auto-trim field. */
export const LOUDNESS_SLOT = slots(READOUT.loudness.fields);
export const CHANNEL_SLOT = slots(READOUT.channel.fields);
export const AUTO_TRIM_SLOT = slots(READOUT.autoTrim.fields);
export const MARK_SLOT = slots(READOUT.mark.fields);
export const LOUDNESS_FIELDS = READOUT.loudness.slots;
export const CHANNEL_FIELDS = READOUT.channel.slots;
export const MARK_FIELDS = READOUT.mark.slots;
export const MARK_COUNT = MARKS.length;
export const AUTO_TRIM_FIELDS = READOUT.autoTrim.slots;
/** Where the marks' windows start in a tap block, after the channels. */
export const MARK_BLOCK = LOUDNESS_FIELDS + CHANNEL_FIELDS * (1 + MAX_CHANNELS);
export const TAP_FIELDS = MARK_BLOCK + MARK_FIELDS * MARK_COUNT;
export const READOUT_SLOTS = TAP_COUNT * TAP_FIELDS + AUTO_TRIM_FIELDS;

/** Where tap `tap`'s block starts in the readout (f64 slots). */
export function tapBlock(tap: number): number {
  return tap * TAP_FIELDS;
}
/** Where the auto-trim block starts in the readout, after both taps. */
export const AUTO_TRIM_BLOCK = TAP_COUNT * TAP_FIELDS;

/** Slot of channel `channel`'s fields in a tap block; -1 is the overall reading. */
export function channelFieldsOffset(channel: number): number {
  return LOUDNESS_FIELDS + CHANNEL_FIELDS * (channel + 1);
}

/** Slot of mark `mark`'s window in a tap block. */
export function markFieldsOffset(mark: number): number {
  return MARK_BLOCK + MARK_FIELDS * mark;
}

/** Fields holding a maximum since the last readMeters(): a snapshot merges them with max(). */
export const SINCE_READ_LOUDNESS_FIELDS = READOUT.loudness.fields.flatMap((f, i) =>
  "sinceRead" in f && f.sinceRead ? [i] : [],
);
export const SINCE_READ_CHANNEL_FIELDS = READOUT.channel.fields.flatMap((f, i) =>
  "sinceRead" in f && f.sinceRead ? [i] : [],
);

/** Every readout slot holding a maximum since the last read, both taps, overall and per channel. */
export const SINCE_READ_SLOTS: readonly number[] = TAPS.flatMap((_, tap) => [
  ...SINCE_READ_LOUDNESS_FIELDS.map((field) => tap * TAP_FIELDS + field),
  ...Array.from({ length: MAX_CHANNELS + 1 }, (_, i) => i - 1).flatMap((channel) =>
    SINCE_READ_CHANNEL_FIELDS.map((field) => tap * TAP_FIELDS + channelFieldsOffset(channel) + field),
  ),
]);

/** Meter bits a tap runs (setMeterMask), by meter. */
export const METER = Object.fromEntries(METERS.map((meter, i) => [meter, 1 << i])) as {
  readonly [K in (typeof METERS)[number]]: number;
};
export const METER_ALL = (1 << METERS.length) - 1;
/** A tap's meters until told otherwise: all but those off by default (channel loudness). */
export const METER_DEFAULT = METERS.reduce(
  (mask, meter, i) => ((METERS_OFF_BY_DEFAULT as readonly string[]).includes(meter) ? mask : mask | (1 << i)),
  0,
);

/** Status codes by name. */
export const STATUS_CODE = Object.fromEntries(STATUS.map((s) => [s.key, s.code])) as {
  readonly [K in (typeof STATUS)[number]["key"]]: number;
};

/** A kernel status code in words ("bad sample rate"). */
export function statusText(status: number): string {
  const name = STATUS.find((s) => s.code === status)?.key;
  return name ? name.replace(/([A-Z])/g, " $1").toLowerCase() : `status ${status}`;
}
