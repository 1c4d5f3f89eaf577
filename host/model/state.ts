/**
 * Saved state: versioned, self-describing JSON (format and messages: declaration/state-format.ts,
 * the one source the native plugins' reader is generated from too). Loading validates everything
 * before anything changes; an invalid state throws a StateError naming what is wrong. Unknown
 * fields (from a newer minor revision) are ignored, missing parameters take their defaults; a
 * state naming none of ours is another plugin's, refused. A save → load round-trip is exact.
 * Thread: main thread.
 */
import { descriptor } from "../declaration/descriptor.js";
import {
  LINK_ID_CHARACTERS,
  LINK_ID_MAX_LENGTH,
  MAX_STATE_BYTES,
  MAX_STATE_FIELDS,
  QUOTED_LENGTH,
  SNAPSHOT_SLOTS,
  STATE_FORMAT,
  STATE_MESSAGES,
  STATE_VERSION,
  type StateMessage,
} from "../declaration/state-format.js";
import { PARAMS, defaultValues, type ParamValues } from "./params.js";

export { MAX_STATE_BYTES, SNAPSHOT_SLOTS, STATE_FORMAT, STATE_VERSION };

const LINK_ID = new RegExp(`^[${LINK_ID_CHARACTERS}]{1,${LINK_ID_MAX_LENGTH}}$`);

/**
 * A point's place in a PRE/POST pair, saved by plugin formats whose two instances are created
 * apart (WAM 2): the two halves of one pair share `id`.
 */
export interface PairLink {
  id: string;
  role: "pre" | "post";
}

export type SnapshotSlot = (typeof SNAPSHOT_SLOTS)[number];
export type Snapshots = Partial<Record<SnapshotSlot, ParamValues>>;

export interface SavedState {
  format: typeof STATE_FORMAT;
  version: number;
  plugin: { id: string; version: string };
  params: ParamValues;
  /** Present when the point is half of a pair (an optional field: version 1 readers ignore it). */
  link?: PairLink;
  /** The snapshot slots that hold settings (optional, as link). */
  snapshots?: Snapshots;
}

export class StateError extends Error {}

/** A refusal in the declared words, its {slots} filled. */
function refuse(name: StateMessage, slots: Record<string, string | number> = {}): StateError {
  return new StateError(STATE_MESSAGES[name].replace(/\{(\w+)\}/g, (_, slot: string) => String(slots[slot])));
}

/** A value quoted in a message: its JSON, cut short. */
const quote = (value: unknown) => (JSON.stringify(value) ?? kind(value)).slice(0, QUOTED_LENGTH);

const completeValues = (values: ParamValues): ParamValues =>
  Object.fromEntries(PARAMS.map((p) => [p.key, values[p.key] ?? p.default]));

export function saveState(values: ParamValues, link: PairLink | null = null, snapshots: Snapshots = {}): SavedState {
  const slots = SNAPSHOT_SLOTS.filter((slot) => snapshots[slot]);
  return {
    format: STATE_FORMAT,
    version: STATE_VERSION,
    plugin: { id: descriptor.id, version: descriptor.version },
    params: completeValues(values),
    ...(link ? { link: { id: link.id, role: link.role } } : {}),
    ...(slots.length > 0
      ? { snapshots: Object.fromEntries(slots.map((slot) => [slot, completeValues(snapshots[slot]!)])) }
      : {}),
  };
}

/** The snapshots of state data that validateState() accepted ({} when it has none). Throws StateError. */
export function validateSnapshots(data: Record<string, unknown>): Snapshots {
  const snapshots = data.snapshots;
  if (snapshots === undefined) return {};
  if (!isRecord(snapshots)) throw refuse("notObject", { where: "state.snapshots", kind: kind(snapshots) });
  const unknown = Object.keys(snapshots).filter((slot) => !(SNAPSHOT_SLOTS as readonly string[]).includes(slot));
  if (unknown.length > 0)
    throw refuse("noSlot", { slot: unknown[0]!.slice(0, QUOTED_LENGTH), slots: SNAPSHOT_SLOTS.join(", ") });
  return Object.fromEntries(
    Object.entries(snapshots).map(([slot, params]) => [slot, validateParams(params, `state.snapshots.${slot}`)]),
  );
}

/** The pair link of state data that validateState() accepted (null when it has none). Throws StateError. */
export function validateLink(data: Record<string, unknown>): PairLink | null {
  const link = data.link;
  if (link === undefined) return null;
  if (!isRecord(link)) throw refuse("notObject", { where: "state.link", kind: kind(link) });
  if (typeof link.id !== "string" || !LINK_ID.test(link.id)) throw refuse("badLinkId");
  if (link.role !== "pre" && link.role !== "post") throw refuse("badLinkRole", { role: quote(link.role) });
  return { id: link.id, role: link.role };
}

export function stateToText(values: ParamValues): string {
  return JSON.stringify(saveState(values), null, 2);
}

/** Parses and validates state text; returns every parameter's value. Throws StateError. */
export function parseState(text: unknown): ParamValues {
  return validateState(parseStateData(text));
}

/** Parses state text (size and syntax only). Throws StateError. */
export function parseStateData(text: unknown): unknown {
  if (typeof text !== "string") throw new StateError(`state must be text, not ${typeof text}`);
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_STATE_BYTES) throw refuse("tooLarge", { bytes, max: MAX_STATE_BYTES });
  try {
    return JSON.parse(text);
  } catch {
    throw refuse("notJson");
  }
}

/**
 * Validates parsed state data, the whole of it (link and snapshots too); returns every
 * parameter's value. Throws StateError.
 */
export function validateState(data: unknown): ParamValues {
  if (!isRecord(data)) throw refuse("notObject", { where: "state", kind: kind(data) });
  const fields = Object.keys(data).length;
  if (fields > MAX_STATE_FIELDS) throw refuse("tooManyFields", { where: "state", count: fields });
  if (data.format !== STATE_FORMAT) throw refuse("notOurs", { format: quote(data.format), expected: STATE_FORMAT });
  const version = data.version;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1)
    throw refuse("badVersion", { version: quote(version) });
  if (version > STATE_VERSION) throw refuse("newerVersion", { version, understood: STATE_VERSION });
  const values = validateParams(data.params, "state.params");
  validateLink(data);
  validateSnapshots(data);
  return values;
}

/** Validates a set of parameter values (`where` names it in errors); missing ones take their defaults. Throws StateError. */
function validateParams(params: unknown, where: string): ParamValues {
  if (!isRecord(params)) throw refuse("notObject", { where, kind: kind(params) });
  const keys = Object.keys(params);
  if (keys.length > MAX_STATE_FIELDS) throw refuse("tooManyFields", { where, count: keys.length });
  // Parameters of something else only (another plugin's preset): loading it would reset every setting.
  if (keys.length > 0 && !PARAMS.some((spec) => Object.hasOwn(params, spec.key)))
    throw refuse("foreignParams", { where, count: keys.length, first: keys[0]!.slice(0, QUOTED_LENGTH) });
  const values = defaultValues();
  for (const spec of PARAMS) {
    if (!Object.hasOwn(params, spec.key)) continue;
    const value = params[spec.key];
    if (typeof value !== "number" || !Number.isFinite(value))
      throw refuse("notFinite", { key: spec.key, value: quote(value) });
    if (value < spec.min || value > spec.max)
      throw refuse("outOfRange", {
        key: spec.key,
        value,
        min: spec.min,
        max: spec.max,
        unit: spec.unit ? ` ${spec.unit}` : "",
      });
    if (spec.flags.stepped && !Number.isInteger(value)) throw refuse("notWhole", { key: spec.key, value });
    values[spec.key] = value;
  }
  return values;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function kind(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
}
