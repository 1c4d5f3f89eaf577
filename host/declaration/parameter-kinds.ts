/**
 * The kinds of parameter, nih-plug style: each builder takes what makes a parameter of its kind
 * and derives the rest (flags, step, decimals, choices), so a parameter is declared in one line
 * and every host, state file and control reads the same spec. The spec a builder returns is the
 * type everything else uses (ParamSpec). Part of the declaration (plain data).
 */
import { GAIN_SMOOTHING_MS } from "./limits.js";

/** Which point of a PRE/POST pair applies a parameter (a single point applies all). */
export type AppliesAt = "pre" | "post" | "both";

/** Labels of an on/off switch (plugin formats show it as a boolean). */
export const OFF_ON = ["Off", "On"] as const;

export interface ParamFlags {
  automatable: boolean;
  /** Whole values only (a switch, a choice, a count). */
  stepped: boolean;
  /** A choice among labels (a switch included). */
  enum: boolean;
  /** The one parameter that bypasses the plugin (hosts merge it with their own bypass). */
  bypass: boolean;
  readOnly: boolean;
}

export interface ParamSpec<K extends string = string> {
  /** Stable numeric id (append-only, never reused): the id a host sends and the kernel applies. */
  id: number;
  /** Stable string key (state files, APIs, plugin formats' symbols). */
  key: K;
  name: string;
  /** Display unit ("dB", "dBFS"); empty for switches and choices. */
  unit: string;
  min: number;
  max: number;
  default: number;
  /** Fine-adjust and wheel step in plain units. */
  step: number;
  /** Digits after the decimal point in text. */
  decimals: number;
  /** Labels for a choice, index = plain value. */
  choices?: readonly string[];
  flags: ParamFlags;
  /** Ramp the kernel gives a change (ms); 0 = at once. */
  smoothingMs: number;
  appliesAt: AppliesAt;
  /** Whether the kernel applies it (false: the host alone reads it; the kernel refuses its id). */
  kernel: boolean;
  /** Meaningful only in a PRE/POST pair (a plugin format without pairs leaves it out). */
  pairOnly: boolean;
}

/** What a parameter may say beyond its kind's defaults. */
interface Options {
  appliesAt?: AppliesAt;
  /** Ramp a change like a gain (GAIN_SMOOTHING_MS): trims, switches in the signal path. Default: at once. */
  ramped?: boolean;
  automatable?: boolean;
  kernel?: boolean;
  pairOnly?: boolean;
  bypass?: boolean;
}

function spec<K extends string>(
  id: number,
  key: K,
  name: string,
  fields: Pick<ParamSpec, "unit" | "min" | "max" | "default" | "step" | "decimals" | "choices">,
  stepped: boolean,
  o: Options,
): ParamSpec<K> {
  return {
    id,
    key,
    name,
    ...fields,
    flags: {
      automatable: o.automatable ?? true,
      stepped,
      enum: fields.choices !== undefined,
      bypass: o.bypass ?? false,
      readOnly: false,
    },
    smoothingMs: o.ramped ? GAIN_SMOOTHING_MS : 0,
    appliesAt: o.appliesAt ?? "both",
    kernel: o.kernel ?? true,
    pairOnly: o.pairOnly ?? false,
  };
}

/** A level or gain in decibels (or dBFS, dBTP, dB/s …): one decimal, 0.1 dB steps unless said. */
export function db<K extends string>(
  id: number,
  key: K,
  name: string,
  range: { min: number; max: number; default: number; unit?: string; step?: number },
  o: Options = {},
): ParamSpec<K> {
  const { min, max, default: def, unit = "dB", step = 0.1 } = range;
  return spec(id, key, name, { unit, min, max, default: def, step, decimals: 1 }, false, o);
}

/** A whole number of some unit (samples, %): steps of one, no decimals. */
export function count<K extends string>(
  id: number,
  key: K,
  name: string,
  range: { min: number; max: number; default: number; unit: string },
  o: Options & { stepped?: boolean } = {},
): ParamSpec<K> {
  const { min, max, default: def, unit } = range;
  return spec(id, key, name, { unit, min, max, default: def, step: 1, decimals: 0 }, o.stepped ?? false, o);
}

/** A choice among labels (index = plain value). */
export function choice<K extends string>(
  id: number,
  key: K,
  name: string,
  choices: readonly string[],
  def: number,
  o: Options = {},
): ParamSpec<K> {
  const fields = { unit: "", min: 0, max: choices.length - 1, default: def, step: 1, decimals: 0, choices };
  return spec(id, key, name, fields, true, o);
}

/** A switch: Off or On. */
export function toggle<K extends string>(id: number, key: K, name: string, def: 0 | 1, o: Options = {}): ParamSpec<K> {
  return choice(id, key, name, OFF_ON, def, o);
}
