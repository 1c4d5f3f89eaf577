/**
 * The parameters, each declared once (one id space: the id a host sends is the id the kernel
 * applies), with the auto-trim detectors and A/B match detectors their choices name.
 * Part of the plugin's declaration (declaration.ts). Ids are published: append only, never renumber.
 */
import { GAIN_SMOOTHING_MS } from "./limits.js";

/** Which point of a PRE/POST pair applies a parameter (a single point applies all). */
export type AppliesAt = "pre" | "post" | "both";

export interface ParamDeclaration {
  id: number;
  key: string;
  name: string;
  /** Display unit; empty for switches and choices. */
  unit: string;
  min: number;
  max: number;
  default: number;
  /** Fine-adjust and wheel step in plain units. */
  step: number;
  /** Digits after the decimal point in text. */
  decimals: number;
  /** Labels for choices, index = plain value (a choice is stepped). */
  choices?: readonly string[];
  stepped?: boolean;
  automatable: boolean;
  bypass?: boolean;
  readOnly?: boolean;
  /** Ramp of a change in the kernel (ms); 0 = at once. */
  smoothingMs: number;
  appliesAt: AppliesAt;
  /** False for a parameter only the host reads (the kernel refuses its id). */
  kernel: boolean;
  /** Meaningful only in a PRE/POST pair (a plugin format without pairs leaves it out). */
  pairOnly?: boolean;
}

/** Labels of an on/off switch (plugin formats show it as a boolean). */
export const OFF_ON = ["Off", "On"] as const;

/** Auto-trim detectors: index = plain value of autoTrimDetector. Target ranges in the detector's unit. */
export const DETECTORS = [
  { key: "rms-gated", label: "AES17 RMS, gated", unit: "dB", gated: true, targetMin: -40, targetMax: 0 },
  { key: "vu", label: "VU, gated", unit: "dB", gated: true, targetMin: -40, targetMax: 0 },
  { key: "peak", label: "Sample peak", unit: "dBFS", gated: false, targetMin: -40, targetMax: 0 },
  { key: "lufs", label: "Loudness (LUFS, integrated)", unit: "LUFS", gated: true, targetMin: -60, targetMax: 0 },
  { key: "rms", label: "AES17 RMS, ungated", unit: "dB", gated: false, targetMin: -40, targetMax: 0 },
  { key: "true-peak", label: "True peak", unit: "dBTP", gated: false, targetMin: -40, targetMax: 0 },
] as const;

/** What "equally loud" means for A/B Match: index = plain value of matchDetector (host/app/ab-match.ts). */
export const MATCH_DETECTORS = ["Loudness (LUFS)", "Momentary loudness, highest (LUFS)", "AES17 RMS", "VU"] as const;

export const PARAMETERS = [
  {
    id: 0,
    key: "inputTrimDb",
    name: "Input trim",
    unit: "dB",
    min: -48,
    max: 48,
    default: 0,
    step: 0.1,
    decimals: 1,
    automatable: true,
    smoothingMs: GAIN_SMOOTHING_MS,
    appliesAt: "pre",
    kernel: true,
  },
  {
    id: 1,
    key: "outputTrimDb",
    name: "Output trim",
    unit: "dB",
    min: -48,
    max: 48,
    default: 0,
    step: 0.1,
    decimals: 1,
    automatable: true,
    smoothingMs: GAIN_SMOOTHING_MS,
    appliesAt: "post",
    kernel: true,
  },
  {
    id: 2,
    key: "bypass",
    name: "Bypass",
    unit: "",
    min: 0,
    max: 1,
    default: 0,
    step: 1,
    decimals: 0,
    choices: OFF_ON,
    automatable: true,
    bypass: true,
    smoothingMs: GAIN_SMOOTHING_MS,
    appliesAt: "both",
    kernel: true,
  },
  {
    id: 3,
    key: "vuReferenceDbfs",
    name: "VU reference (0 VU)",
    unit: "dBFS",
    min: -30,
    max: 0,
    default: -18,
    step: 0.5,
    decimals: 1,
    automatable: true,
    smoothingMs: 0,
    appliesAt: "both",
    kernel: true,
  },
  {
    id: 8,
    key: "polarityL",
    name: "Polarity L",
    unit: "",
    min: 0,
    max: 1,
    default: 0,
    step: 1,
    decimals: 0,
    choices: ["Normal", "Inverted"],
    automatable: true,
    smoothingMs: GAIN_SMOOTHING_MS,
    appliesAt: "pre",
    kernel: true,
  },
  {
    id: 9,
    key: "polarityR",
    name: "Polarity R",
    unit: "",
    min: 0,
    max: 1,
    default: 0,
    step: 1,
    decimals: 0,
    choices: ["Normal", "Inverted"],
    automatable: true,
    smoothingMs: GAIN_SMOOTHING_MS,
    appliesAt: "pre",
    kernel: true,
  },
  {
    id: 16,
    key: "autoTrimTargetDb",
    name: "Auto-trim target",
    unit: "dB",
    min: -60,
    max: 0,
    default: -18,
    step: 0.5,
    decimals: 1,
    automatable: true,
    smoothingMs: 0,
    appliesAt: "pre",
    kernel: true,
  },
  {
    id: 17,
    key: "autoTrimDetector",
    name: "Auto-trim detector",
    unit: "",
    min: 0,
    max: DETECTORS.length - 1,
    default: 0,
    step: 1,
    decimals: 0,
    choices: DETECTORS.map((d) => d.label),
    automatable: true,
    smoothingMs: 0,
    appliesAt: "pre",
    kernel: true,
  },
  {
    id: 18,
    key: "abListen",
    name: "A/B listen",
    unit: "",
    min: 0,
    max: 1,
    default: 0,
    step: 1,
    decimals: 0,
    choices: ["B (processed)", "A (input)"],
    automatable: true,
    smoothingMs: GAIN_SMOOTHING_MS,
    appliesAt: "post",
    kernel: true,
    pairOnly: true,
  },
  {
    id: 19,
    key: "peakCeilingDbfs",
    name: "Peak ceiling",
    unit: "dBFS",
    min: -24,
    max: 0,
    default: -6,
    step: 0.5,
    decimals: 1,
    automatable: true,
    smoothingMs: 0,
    appliesAt: "pre",
    kernel: true,
  },
  {
    id: 20,
    key: "peakCeilingOn",
    name: "Peak ceiling on",
    unit: "",
    min: 0,
    max: 1,
    default: 1,
    step: 1,
    decimals: 0,
    choices: OFF_ON,
    automatable: true,
    smoothingMs: 0,
    appliesAt: "pre",
    kernel: true,
  },
  {
    id: 21,
    key: "autoRide",
    name: "Auto-trim ride",
    unit: "",
    min: 0,
    max: 1,
    default: 0,
    step: 1,
    decimals: 0,
    choices: OFF_ON,
    automatable: true,
    smoothingMs: 0,
    appliesAt: "pre",
    kernel: true,
  },
  {
    id: 22,
    key: "matchDetector",
    name: "Match detector",
    unit: "",
    min: 0,
    max: MATCH_DETECTORS.length - 1,
    default: 0,
    step: 1,
    decimals: 0,
    choices: MATCH_DETECTORS,
    automatable: true,
    smoothingMs: 0,
    appliesAt: "post",
    kernel: false,
  },
  {
    id: 23,
    key: "peakCeilingTpDbtp",
    name: "True-peak ceiling",
    unit: "dBTP",
    min: -24,
    max: 0,
    default: -1,
    step: 0.5,
    decimals: 1,
    automatable: true,
    smoothingMs: 0,
    appliesAt: "pre",
    kernel: true,
  },
  {
    id: 24,
    key: "peakCeilingTpOn",
    name: "True-peak ceiling on",
    unit: "",
    min: 0,
    max: 1,
    default: 0,
    step: 1,
    decimals: 0,
    choices: OFF_ON,
    automatable: true,
    smoothingMs: 0,
    appliesAt: "pre",
    kernel: true,
  },
] as const satisfies readonly ParamDeclaration[];

export type ParamKey = (typeof PARAMETERS)[number]["key"];
