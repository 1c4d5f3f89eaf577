/**
 * The plugin's facts, each declared once: limits, parameters (one id space: the id a host sends
 * is the id the kernel applies), commands (ids of their own, above every parameter), the readout
 * the kernel writes, status codes, meter bits, and the auto-trim enumerations. The kernel's
 * constants are generated from this file (generate-kernel.ts → assembly/generated/contract.ts,
 * `npm run generate`; a test proves regenerating changes nothing); the host's table, state,
 * decoders and every plugin format's descriptor are derived from it at run or build time.
 * Ids and enumeration orders are published: append only, never renumber or reuse.
 * Plain data only (no imports), so any build step can read it.
 */

/** Limits of the kernel's buffers and set-up. */
export const LIMITS = {
  /** Channels the kernel processes (7.1). */
  maxChannels: 8,
  /** Frames per processRange() call; Web Audio's quantum is 128, the spec allows others. */
  maxFrames: 4096,
  minSampleRate: 8000,
  maxSampleRate: 384000,
  /** Parameter ids are below this; command ids start here. */
  paramIdEnd: 32,
} as const;

/** Ramp time of every gain change (trim, polarity, bypass, A/B listen): inaudible as a step, immediate to the hand. */
export const GAIN_SMOOTHING_MS = 20;

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
}

const OFF_ON = ["Off", "On"] as const;

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
  { id: 0, key: "inputTrimDb", name: "Input trim", unit: "dB", min: -48, max: 48, default: 0, step: 0.1, decimals: 1, automatable: true, smoothingMs: GAIN_SMOOTHING_MS, appliesAt: "pre", kernel: true },
  { id: 1, key: "outputTrimDb", name: "Output trim", unit: "dB", min: -48, max: 48, default: 0, step: 0.1, decimals: 1, automatable: true, smoothingMs: GAIN_SMOOTHING_MS, appliesAt: "post", kernel: true },
  { id: 2, key: "bypass", name: "Bypass", unit: "", min: 0, max: 1, default: 0, step: 1, decimals: 0, choices: OFF_ON, automatable: true, bypass: true, smoothingMs: GAIN_SMOOTHING_MS, appliesAt: "both", kernel: true },
  { id: 3, key: "vuReferenceDbfs", name: "VU reference (0 VU)", unit: "dBFS", min: -30, max: 0, default: -18, step: 0.5, decimals: 1, automatable: true, smoothingMs: 0, appliesAt: "both", kernel: true },
  { id: 8, key: "polarityL", name: "Polarity L", unit: "", min: 0, max: 1, default: 0, step: 1, decimals: 0, choices: ["Normal", "Inverted"], automatable: true, smoothingMs: GAIN_SMOOTHING_MS, appliesAt: "pre", kernel: true },
  { id: 9, key: "polarityR", name: "Polarity R", unit: "", min: 0, max: 1, default: 0, step: 1, decimals: 0, choices: ["Normal", "Inverted"], automatable: true, smoothingMs: GAIN_SMOOTHING_MS, appliesAt: "pre", kernel: true },
  { id: 16, key: "autoTrimTargetDb", name: "Auto-trim target", unit: "dB", min: -60, max: 0, default: -18, step: 0.5, decimals: 1, automatable: true, smoothingMs: 0, appliesAt: "pre", kernel: true },
  { id: 17, key: "autoTrimDetector", name: "Auto-trim detector", unit: "", min: 0, max: DETECTORS.length - 1, default: 0, step: 1, decimals: 0, choices: DETECTORS.map((d) => d.label), automatable: true, smoothingMs: 0, appliesAt: "pre", kernel: true },
  { id: 18, key: "abListen", name: "A/B listen", unit: "", min: 0, max: 1, default: 0, step: 1, decimals: 0, choices: ["B (processed)", "A (input)"], automatable: true, smoothingMs: GAIN_SMOOTHING_MS, appliesAt: "post", kernel: true },
  { id: 19, key: "peakCeilingDbfs", name: "Peak ceiling", unit: "dBFS", min: -24, max: 0, default: -6, step: 0.5, decimals: 1, automatable: true, smoothingMs: 0, appliesAt: "pre", kernel: true },
  { id: 20, key: "peakCeilingOn", name: "Peak ceiling on", unit: "", min: 0, max: 1, default: 1, step: 1, decimals: 0, choices: OFF_ON, automatable: true, smoothingMs: 0, appliesAt: "pre", kernel: true },
  { id: 21, key: "autoRide", name: "Auto-trim ride", unit: "", min: 0, max: 1, default: 0, step: 1, decimals: 0, choices: OFF_ON, automatable: true, smoothingMs: 0, appliesAt: "pre", kernel: true },
  { id: 22, key: "matchDetector", name: "Match detector", unit: "", min: 0, max: MATCH_DETECTORS.length - 1, default: 0, step: 1, decimals: 0, choices: MATCH_DETECTORS, automatable: true, smoothingMs: 0, appliesAt: "post", kernel: false },
  { id: 23, key: "peakCeilingTpDbtp", name: "True-peak ceiling", unit: "dBTP", min: -24, max: 0, default: -1, step: 0.5, decimals: 1, automatable: true, smoothingMs: 0, appliesAt: "pre", kernel: true },
  { id: 24, key: "peakCeilingTpOn", name: "True-peak ceiling on", unit: "", min: 0, max: 1, default: 0, step: 1, decimals: 0, choices: OFF_ON, automatable: true, smoothingMs: 0, appliesAt: "pre", kernel: true },
] as const satisfies readonly ParamDeclaration[];

export type ParamKey = (typeof PARAMETERS)[number]["key"];

/** Commands: events that are not parameters, with ids above every parameter id. `value` says what the event's value carries. */
export const COMMANDS = [
  { id: 1000, key: "resetMeters", value: "unused" },
  { id: 1001, key: "setMeterMask", value: "tap · 256 + meter bits" },
  { id: 1002, key: "learnStart", value: "seconds to learn (0 = until learnFinish)" },
  { id: 1003, key: "learnFinish", value: "unused" },
  { id: 1004, key: "learnCancel", value: "unused" },
  { id: 1005, key: "setClipRule", value: "tap · 256 + integer bits of the source (0 = float rule)" },
] as const;

/** Meter points of one kernel: IN before the trim, OUT after it (PRE: IN/SEND, POST: RETURN/OUT). */
export const TAPS = ["in", "out"] as const;

/** Meters a tap runs (setMeterMask bits, in order 1, 2, 4, …); a meter switched on starts from silence. */
export const METERS = ["samplePeak", "truePeak", "loudness", "rms", "vu"] as const;

/**
 * The readout, f64 slots: per tap the loudness fields, then the channel fields for the overall
 * reading (max over channels, counts summed), then per channel; after both taps, auto-trim.
 * `sinceRead` fields hold a maximum since the last readMeters() (a snapshot merges them with max).
 */
export const READOUT = {
  loudness: {
    slots: 16,
    fields: [
      { key: "momentaryLufs", note: "400 ms window ending at the last evaluation" },
      { key: "momentaryMaxLufs", sinceRead: true },
      { key: "momentaryMaxSinceResetLufs" },
      { key: "shortTermLufs", note: "3 s window" },
      { key: "shortTermMaxLufs", sinceRead: true },
      { key: "shortTermMaxSinceResetLufs" },
      { key: "integratedLufs", note: "gated, since reset" },
      { key: "loudnessRangeLu", note: "EBU Tech 3342, since reset" },
      { key: "framesSinceReset" },
      { key: "gatingBlocks", note: "400 ms blocks above the absolute gate" },
      { key: "lraValues", note: "short-term values above the absolute gate" },
      { key: "ungatedLufs", note: "every closed quantum since reset, ungated" },
      { key: "ungatedFrames", note: "the frames ungatedLufs covers" },
    ],
  },
  channel: {
    slots: 16,
    fields: [
      { key: "samplePeakDbfs", sinceRead: true },
      { key: "samplePeakMaxDbfs", note: "since reset" },
      { key: "truePeakDbtp", sinceRead: true },
      { key: "truePeakMaxDbtp", note: "since reset" },
      { key: "rmsDbfs", note: "plain 20·log10(RMS), 300 ms window" },
      { key: "rmsAes17Db", note: "AES17 (re a full-scale sine), same window" },
      { key: "rmsMaxDbfs", sinceRead: true },
      { key: "rmsMaxAes17Db", sinceRead: true },
      { key: "rmsTotalDbfs", note: "every sample since reset" },
      { key: "rmsTotalAes17Db" },
      { key: "vu", note: "re the VU reference, now" },
      { key: "vuMax", sinceRead: true },
      { key: "vuMaxSinceReset" },
      { key: "clipCount", note: "clipped samples since reset (sample-peak.ts says which)", summed: true },
      { key: "nonFiniteCount", note: "NaN/Inf samples, metered and output as 0", summed: true },
    ],
  },
  autoTrim: {
    slots: 16,
    fields: [
      { key: "state", note: "LEARN_STATES" },
      { key: "status", note: "LEARN_STATUSES" },
      { key: "detector", note: "DETECTORS" },
      { key: "levelDb", note: "the detector's level of what entered (before the trim)" },
      { key: "targetDb", note: "the target in force (within the detector's range)" },
      { key: "trimDb", note: "the input trim that meets the target (absolute)" },
      { key: "limitedBy", note: "LIMITED_BY" },
      { key: "peakBeforeDbfs", note: "largest sample peak in the window, before trim" },
      { key: "peakAfterDbfs", note: "the same after the suggested trim" },
      { key: "seconds", note: "length of the window analysed" },
      { key: "blocksTotal", note: "400 ms blocks in the window" },
      { key: "blocksKept", note: "blocks that passed both gates" },
      { key: "inputTrimDb", note: "the kernel's input trim now (moves while riding)" },
      { key: "outputTrimDb" },
      { key: "truePeakBeforeDbtp", note: "largest true peak in the window, before trim" },
      { key: "truePeakAfterDbtp", note: "the same after the suggested trim" },
    ],
  },
} as const;

/** Status codes of the kernel's calls: 0 ok, 1 accepted after clamping, negative = refused, nothing changed. */
export const STATUS = [
  { key: "ok", code: 0 }, { key: "clamped", code: 1 }, { key: "badSampleRate", code: -1 }, { key: "badChannels", code: -2 },
  { key: "badFrames", code: -3 }, { key: "badParamId", code: -4 }, { key: "notFinite", code: -5 }, { key: "notReady", code: -6 },
  { key: "outOfMemory", code: -7 }, { key: "badTap", code: -8 }, { key: "badMask", code: -9 }, { key: "badValue", code: -10 },
] as const;

/** Auto-trim: its state, why a decision could not be made, and what limited a trim. */
export const LEARN_STATES = ["idle", "learning", "done", "riding"] as const;
export const LEARN_STATUSES = ["ok", "silent", "too little signal", "loudness meter off", "true-peak meter off"] as const;
export const LIMITED_BY = ["target", "peak ceiling", "trim range", "true-peak ceiling"] as const;
