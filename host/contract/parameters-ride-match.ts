/**
 * How Ride moves the input trim (PRE) and how auto-match moves the output trim (POST), and the
 * insert's latency that aligns A with B at POST. Ride and auto-match share a shape: a dead-band
 * or tolerance inside which nothing moves, bounded speeds, a hold in silence (gated), limits.
 * Part of the declaration (parameters.ts lists these after the stereo stage).
 */
import { OFF_ON, type ParamDeclaration } from "./parameter-types.js";

/** The longest insert latency POST can align (frames; about 0.34 s at 96 kHz, 0.68 s at 48 kHz). */
export const MAX_INSERT_LATENCY_FRAMES = 32767;

const setting = <K extends string>(
  id: number,
  key: K,
  name: string,
  unit: string,
  min: number,
  max: number,
  def: number,
  step = 0.1,
) =>
  ({
    id,
    key,
    name,
    unit,
    min,
    max,
    default: def,
    step,
    decimals: 1,
    automatable: true,
    smoothingMs: 0,
    appliesAt: "pre",
    kernel: true,
  }) as const;

export const RIDE_PARAMETERS = [
  setting(25, "rideDeadbandDb", "Ride dead-band", "dB", 0, 6, 0.5),
  setting(26, "rideUpDbPerSecond", "Ride up speed", "dB/s", 0, 20, 1),
  setting(27, "rideDownDbPerSecond", "Ride down speed", "dB/s", 0, 40, 3),
  setting(28, "rideMinTrimDb", "Ride lowest trim", "dB", -48, 0, -48, 0.5),
  setting(29, "rideMaxTrimDb", "Ride highest trim", "dB", 0, 48, 48, 0.5),
] as const satisfies readonly ParamDeclaration[];

export const MATCH_AND_LATENCY_PARAMETERS = [
  {
    id: 30,
    key: "insertLatencyFrames",
    name: "Insert latency",
    unit: "samples",
    min: 0,
    max: MAX_INSERT_LATENCY_FRAMES,
    default: 0,
    step: 1,
    decimals: 0,
    stepped: true,
    automatable: false,
    smoothingMs: 0,
    appliesAt: "post",
    kernel: true,
    pairOnly: true,
  },
  {
    id: 31,
    key: "autoMatch",
    name: "Auto-match",
    unit: "",
    min: 0,
    max: 1,
    default: 0,
    step: 1,
    decimals: 0,
    choices: OFF_ON,
    automatable: true,
    smoothingMs: 0,
    appliesAt: "post",
    kernel: true,
    pairOnly: true,
  },
  { ...setting(13, "matchToleranceDb", "Auto-match tolerance", "dB", 0, 4, 0.5), appliesAt: "post", pairOnly: true },
  { ...setting(14, "matchRateDbPerSecond", "Auto-match speed", "dB/s", 0, 20, 2), appliesAt: "post", pairOnly: true },
] as const satisfies readonly ParamDeclaration[];
