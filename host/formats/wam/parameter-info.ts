/**
 * WAM 2 parameter info, derived from the one parameter declaration: the WAM id is the table's
 * key (`inputTrimDb`), with its name, unit, range, default and choices; on/off switches are
 * booleans, other choices are choices, the rest floats. Values are plain units (dB, index);
 * normalised values are linear over the range (WAM exponent 0).
 * Written here rather than taken from the SDK's WamParameterInfo because the SDK's valueString()
 * returns undefined for every float parameter (it tests `this.choices`, an always-truthy array);
 * ours says a value as the rest of Gainstage does (params.ts valueToText).
 * Thread: any (no DOM); the processor uses the key ↔ id lookups.
 */
import type { WamParameterInfo, WamParameterInfoMap, WamParameterType } from "@webaudiomodules/api";
import { OFF_ON } from "../../declaration/declaration.js";
import { PARAMS, type ParamSpec, valueToText } from "../../model/params.js";

export function wamType(spec: ParamSpec): WamParameterType {
  if (spec.choices === OFF_ON) return "boolean";
  if (spec.choices) return "choice";
  return spec.flags.stepped ? "int" : "float";
}

/** A parameter as WAM 2 describes it; `say` gives a value's text (units included). */
export class ParameterInfo implements WamParameterInfo {
  readonly exponent = 0;

  constructor(
    readonly id: string,
    readonly label: string,
    readonly type: WamParameterType,
    readonly defaultValue: number,
    readonly minValue: number,
    readonly maxValue: number,
    readonly units: string,
    readonly choices: string[],
    private readonly say: (value: number) => string,
  ) {}

  get discreteStep(): number {
    return this.type === "float" ? 0 : 1;
  }

  normalize(value: number): number {
    return (value - this.minValue) / (this.maxValue - this.minValue);
  }

  denormalize(valueNorm: number): number {
    return this.minValue + valueNorm * (this.maxValue - this.minValue);
  }

  valueString(value: number): string {
    return this.say(value);
  }
}

function infoOf(spec: ParamSpec): ParameterInfo {
  return new ParameterInfo(
    spec.key,
    spec.name,
    wamType(spec),
    spec.default,
    spec.min,
    spec.max,
    spec.unit,
    spec.choices ? [...spec.choices] : [],
    (value) => valueToText(spec, value),
  );
}

/** Every parameter's WAM info, by WAM id (key), in declaration order. */
export const WAM_PARAMETERS: Readonly<WamParameterInfoMap> = Object.fromEntries(
  PARAMS.map((spec) => [spec.key, infoOf(spec)]),
);

/** The infos of `all` asked for (every one when none is named); an unknown id is left out, as the WAM SDK does. */
export function parameterInfo(
  ids: readonly string[],
  all: Readonly<WamParameterInfoMap> = WAM_PARAMETERS,
): WamParameterInfoMap {
  const wanted = ids.length > 0 ? ids : Object.keys(all);
  return Object.fromEntries(wanted.filter((id) => Object.hasOwn(all, id)).map((id) => [id, all[id]!]));
}
