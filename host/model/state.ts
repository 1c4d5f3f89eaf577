/**
 * Saved state: versioned, self-describing JSON. Loading validates everything before anything
 * changes; an invalid state throws a StateError naming what is wrong. Unknown fields (from a
 * newer minor revision) are ignored, missing parameters take their defaults; a save → load
 * round-trip is exact (numbers are stored as JSON numbers, which round-trip doubles exactly).
 * Thread: main thread.
 */
import { descriptor } from "../declaration/descriptor.js";
import { PARAMS, defaultValues, type ParamValues } from "./params.js";

export const STATE_FORMAT = "gainstage-state";
export const STATE_VERSION = 1;
/** Refuse absurd inputs before parsing them (a real state is well under 2 KiB). */
export const MAX_STATE_BYTES = 64 * 1024;
const MAX_FIELDS = 256;

/** Ids of a pair's link: letters, digits, '.', '_', '-'. */
const LINK_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * A point's place in a PRE/POST pair, saved by plugin formats whose two instances are created
 * apart (WAM 2, CLAP): the two halves of one pair share `id`.
 */
export interface PairLink {
  id: string;
  role: "pre" | "post";
}

/** Snapshot slots: four whole sets of settings to switch between (issue #14). */
export const SNAPSHOT_SLOTS = ["A", "B", "C", "D"] as const;
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
  if (!isRecord(snapshots)) throw new StateError(`state.snapshots must be an object, not ${kind(snapshots)}`);
  const unknown = Object.keys(snapshots).filter((slot) => !(SNAPSHOT_SLOTS as readonly string[]).includes(slot));
  if (unknown.length > 0)
    throw new StateError(
      `state.snapshots has no slot "${unknown[0]!.slice(0, 20)}" (slots: ${SNAPSHOT_SLOTS.join(", ")})`,
    );
  return Object.fromEntries(
    Object.entries(snapshots).map(([slot, params]) => [slot, validateParams(params, `state.snapshots.${slot}`)]),
  );
}

/** The pair link of state data that validateState() accepted (null when it has none). Throws StateError. */
export function validateLink(data: Record<string, unknown>): PairLink | null {
  const link = data.link;
  if (link === undefined) return null;
  if (!isRecord(link)) throw new StateError(`state.link must be an object, not ${kind(link)}`);
  if (typeof link.id !== "string" || !LINK_ID.test(link.id))
    throw new StateError(`state.link.id must be 1 to 64 letters, digits, '.', '_' or '-'`);
  if (link.role !== "pre" && link.role !== "post")
    throw new StateError(`state.link.role must be "pre" or "post", not ${JSON.stringify(link.role)?.slice(0, 20)}`);
  return { id: link.id, role: link.role };
}

export function stateToText(values: ParamValues): string {
  return JSON.stringify(saveState(values), null, 2);
}

/** Parses and validates state text; returns every parameter's value. Throws StateError. */
export function parseState(text: unknown): ParamValues {
  if (typeof text !== "string") throw new StateError(`state must be text, not ${typeof text}`);
  if (text.length > MAX_STATE_BYTES)
    throw new StateError(`state is ${text.length} bytes; more than ${MAX_STATE_BYTES} is not a Gainstage state`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new StateError(`state is not valid JSON (truncated or corrupted?): ${(error as Error).message}`);
  }
  return validateState(data);
}

/** Validates parsed state data; returns every parameter's value. Throws StateError. */
export function validateState(data: unknown): ParamValues {
  if (!isRecord(data)) throw new StateError(`state must be an object, not ${kind(data)}`);
  if (Object.keys(data).length > MAX_FIELDS)
    throw new StateError(`state has ${Object.keys(data).length} fields; too many`);
  if (data.format !== STATE_FORMAT)
    throw new StateError(
      `not a Gainstage state: format is ${JSON.stringify(data.format)?.slice(0, 40)}, expected "${STATE_FORMAT}"`,
    );
  const version = data.version;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    throw new StateError(`state version must be a whole number >= 1, got ${JSON.stringify(version)?.slice(0, 40)}`);
  }
  if (version > STATE_VERSION)
    throw new StateError(`state version ${version} is newer than this Gainstage understands (${STATE_VERSION})`);
  return validateParams(data.params, "state.params");
}

/** Validates a set of parameter values (`where` names it in errors); missing ones take their defaults. Throws StateError. */
function validateParams(params: unknown, where: string): ParamValues {
  if (!isRecord(params)) throw new StateError(`${where} must be an object, not ${kind(params)}`);
  if (Object.keys(params).length > MAX_FIELDS)
    throw new StateError(`${where} has ${Object.keys(params).length} fields; too many`);

  // Parameters of something else only (another plugin's preset): loading it would reset every setting.
  const keys = Object.keys(params);
  if (keys.length > 0 && !PARAMS.some((spec) => Object.hasOwn(params, spec.key)))
    throw new StateError(
      `${where} names none of Gainstage's parameters (${keys.length} unknown, e.g. "${keys[0]!.slice(0, 40)}")`,
    );
  const values = defaultValues();
  for (const spec of PARAMS) {
    if (!Object.hasOwn(params, spec.key)) continue;
    const value = params[spec.key];
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new StateError(`${spec.key}: ${JSON.stringify(value)?.slice(0, 40) ?? kind(value)} is not a finite number`);
    }
    if (value < spec.min || value > spec.max) {
      throw new StateError(
        `${spec.key}: ${value} is outside ${spec.min} … ${spec.max}${spec.unit ? ` ${spec.unit}` : ""}`,
      );
    }
    if (spec.flags.stepped && !Number.isInteger(value))
      throw new StateError(`${spec.key}: ${value} must be a whole number`);
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
