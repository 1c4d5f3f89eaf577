/**
 * The stereo input stage (PRE, before the input trim; channels 1 and 2 of a stereo or wider
 * signal): left and right trims, mid and side trims, width, mono sum and channel swap, each
 * change ramped so nothing clicks. IN meters what arrives, before all of it. Part of the
 * declaration (parameters.ts lists these after the first parameters).
 */
import { GAIN_SMOOTHING_MS } from "./limits.js";
import { OFF_ON, type ParamDeclaration } from "./parameter-types.js";

/** The range of the left/right and mid/side trims (dB): a balance and M/S tool, not a second input trim. */
const STEREO_TRIM_DB = 24;

const trim = <K extends string>(id: number, key: K, name: string) =>
  ({
    id,
    key,
    name,
    unit: "dB",
    min: -STEREO_TRIM_DB,
    max: STEREO_TRIM_DB,
    default: 0,
    step: 0.1,
    decimals: 1,
    automatable: true,
    smoothingMs: GAIN_SMOOTHING_MS,
    appliesAt: "pre",
    kernel: true,
  }) as const;

const switchOf = <K extends string>(id: number, key: K, name: string) =>
  ({
    id,
    key,
    name,
    unit: "",
    min: 0,
    max: 1,
    default: 0,
    step: 1,
    decimals: 0,
    choices: OFF_ON,
    automatable: true,
    smoothingMs: GAIN_SMOOTHING_MS,
    appliesAt: "pre",
    kernel: true,
  }) as const;

export const STEREO_PARAMETERS = [
  trim(4, "leftTrimDb", "Left trim"),
  trim(5, "rightTrimDb", "Right trim"),
  trim(6, "midTrimDb", "Mid trim"),
  trim(7, "sideTrimDb", "Side trim"),
  {
    id: 10,
    key: "widthPercent",
    name: "Width",
    unit: "%",
    min: 0,
    max: 200,
    default: 100,
    step: 1,
    decimals: 0,
    automatable: true,
    smoothingMs: GAIN_SMOOTHING_MS,
    appliesAt: "pre",
    kernel: true,
  },
  switchOf(11, "monoSum", "Mono sum"),
  switchOf(12, "swapChannels", "Swap left and right"),
] as const satisfies readonly ParamDeclaration[];
