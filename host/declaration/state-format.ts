/**
 * The saved state's format, and every message a refused state gets, declared once: the web reads
 * states with these (host/model/state.ts), and the native plugins' reader is generated from them
 * (host/tools/generate-native.ts: C formats with the same slots), so a state is refused in the
 * same words in every format; tests/native/state-parity.test.ts holds both to one corpus.
 * A message's {slots} are filled with text: numbers as JavaScript writes them, other values as
 * their JSON (cut to 40 characters). Part of the declaration (plain data).
 */

export const STATE_FORMAT = "gainstage-state";
export const STATE_VERSION = 1;
/** Refuse absurd inputs before parsing them (a real state is well under 2 KiB). */
export const MAX_STATE_BYTES = 64 * 1024;
/** Fields a state, its params or a snapshot may hold. */
export const MAX_STATE_FIELDS = 256;
/** Snapshot slots: four whole sets of settings to switch between. */
export const SNAPSHOT_SLOTS = ["A", "B", "C", "D"] as const;
/** A pair's link id: 1 to 64 of these characters. */
export const LINK_ID_CHARACTERS = "A-Za-z0-9._-";
export const LINK_ID_MAX_LENGTH = 64;
/** A value quoted in a message is cut to this many characters. */
export const QUOTED_LENGTH = 40;

export const STATE_MESSAGES = {
  tooLarge: "state is {bytes} bytes; more than {max} is not a Gainstage state",
  notJson: "state is not valid JSON (truncated or corrupted?)",
  notObject: "{where} must be an object, not {kind}",
  tooManyFields: "{where} has {count} fields; too many",
  notOurs: 'not a Gainstage state: format is {format}, expected "{expected}"',
  badVersion: "state version must be a whole number >= 1, got {version}",
  newerVersion: "state version {version} is newer than this Gainstage understands ({understood})",
  foreignParams: '{where} names none of Gainstage\'s parameters ({count} unknown, e.g. "{first}")',
  notFinite: "{key}: {value} is not a finite number",
  outOfRange: "{key}: {value} is outside {min} … {max}{unit}",
  notWhole: "{key}: {value} must be a whole number",
  noSlot: 'state.snapshots has no slot "{slot}" (slots: {slots})',
  badLinkId: `state.link.id must be 1 to ${LINK_ID_MAX_LENGTH} letters, digits, '.', '_' or '-'`,
  badLinkRole: 'state.link.role must be "pre" or "post", not {role}',
} as const;

export type StateMessage = keyof typeof STATE_MESSAGES;

/** The {slots} of a message, in the order they appear (the generated C takes them so). */
export function messageSlots(name: StateMessage): string[] {
  return [...STATE_MESSAGES[name].matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
}
