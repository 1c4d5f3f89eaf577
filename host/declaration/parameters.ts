/**
 * The parameters, each declared once and in id order (one id space: the id a host sends is the id
 * the kernel applies), with the detectors their choices name. A parameter's kind (db, count,
 * choice, toggle: parameter-kinds.ts) gives its flags, steps and text; what is said here is what
 * makes it itself. Part of the plugin's declaration (declaration.ts). Ids are published: append
 * only, never renumber or reuse; LIMITS.paramIdEnd leaves room for the ones to come.
 */
import { choice, count, db, type ParamSpec, toggle } from "./parameter-kinds.js";
import { PPM_STANDARDS } from "./ppm-standards.js";

export { OFF_ON, type AppliesAt, type ParamFlags, type ParamSpec } from "./parameter-kinds.js";

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
/**
 * What Match can compare, in choice order: each detector's reading now (a tap's field) and over a
 * window (its field in a window since a mark, READOUT.mark).
 */
export const MATCH_DETECTOR_SPECS = [
  { name: "Loudness (LUFS)", now: "shortTermLufs", window: "loudnessLufs" },
  { name: "Momentary loudness, highest (LUFS)", now: "momentaryLufs", window: "momentaryMaxLufs" },
  { name: "AES17 RMS", now: "rmsAes17Db", window: "rmsAes17Db" },
  { name: "VU", now: "vu", window: "vuMean" },
] as const;
export const MATCH_DETECTORS = MATCH_DETECTOR_SPECS.map((detector) => detector.name);

/** The range of the left/right and mid/side trims (dB): a balance and M/S tool, not a second input trim. */
const STEREO_TRIM_DB = 24;
/** The longest insert latency POST can align (frames; about 0.34 s at 96 kHz, 0.68 s at 48 kHz). */
export const MAX_INSERT_LATENCY_FRAMES = 32767;

const trim = { min: -48, max: 48, default: 0 };
const stereoTrim = { min: -STEREO_TRIM_DB, max: STEREO_TRIM_DB, default: 0 };
const POLARITY = ["Normal", "Inverted"] as const;
const pre = { appliesAt: "pre" } as const;
const post = { appliesAt: "post" } as const;
const inPair = { appliesAt: "post", pairOnly: true } as const;

/** Every parameter, in id order (the order hosts list them). */
export const PARAMETERS = [
  db(0, "inputTrimDb", "Input trim", trim, { ...pre, ramped: true }),
  db(1, "outputTrimDb", "Output trim", trim, { ...post, ramped: true }),
  toggle(2, "bypass", "Bypass", 0, { ramped: true, bypass: true }),
  db(3, "vuReferenceDbfs", "VU reference (0 VU)", { min: -30, max: 0, default: -18, unit: "dBFS", step: 0.5 }),
  // The stereo input stage, before the input trim (channels 1 and 2): balance, mid/side, width, mono, swap.
  db(4, "leftTrimDb", "Left trim", stereoTrim, { ...pre, ramped: true }),
  db(5, "rightTrimDb", "Right trim", stereoTrim, { ...pre, ramped: true }),
  db(6, "midTrimDb", "Mid trim", stereoTrim, { ...pre, ramped: true }),
  db(7, "sideTrimDb", "Side trim", stereoTrim, { ...pre, ramped: true }),
  choice(8, "polarityL", "Polarity L", POLARITY, 0, { ...pre, ramped: true }),
  choice(9, "polarityR", "Polarity R", POLARITY, 0, { ...pre, ramped: true }),
  count(10, "widthPercent", "Width", { min: 0, max: 200, default: 100, unit: "%" }, { ...pre, ramped: true }),
  toggle(11, "monoSum", "Mono sum", 0, { ...pre, ramped: true }),
  toggle(12, "swapChannels", "Swap left and right", 0, { ...pre, ramped: true }),
  // Auto-match moves the output trim within a tolerance at a bounded speed (POST, in a pair).
  db(13, "matchToleranceDb", "Auto-match tolerance", { min: 0, max: 4, default: 0.5 }, inPair),
  db(14, "matchRateDbPerSecond", "Auto-match speed", { min: 0, max: 20, default: 2, unit: "dB/s" }, inPair),
  // Which IEC 60268-10 programme meter both taps run (ppm-standards.ts; a display choice, not automated).
  choice(
    15,
    "ppmStandard",
    "PPM standard",
    PPM_STANDARDS.map((s) => s.label),
    PPM_STANDARDS.findIndex((s) => s.key === "ebu"),
    { automatable: false },
  ),
  db(16, "autoTrimTargetDb", "Auto-trim target", { min: -60, max: 0, default: -18, step: 0.5 }, pre),
  choice(
    17,
    "autoTrimDetector",
    "Auto-trim detector",
    DETECTORS.map((d) => d.label),
    0,
    pre,
  ),
  choice(18, "abListen", "A/B listen", ["B (processed)", "A (input)", "Delta (B − A)"], 0, { ...inPair, ramped: true }),
  db(19, "peakCeilingDbfs", "Peak ceiling", { min: -24, max: 0, default: -6, unit: "dBFS", step: 0.5 }, pre),
  toggle(20, "peakCeilingOn", "Peak ceiling on", 1, pre),
  toggle(21, "autoRide", "Auto-trim ride", 0, pre),
  choice(22, "matchDetector", "Match detector", MATCH_DETECTORS, 0, { ...post, kernel: false }),
  db(23, "peakCeilingTpDbtp", "True-peak ceiling", { min: -24, max: 0, default: -1, unit: "dBTP", step: 0.5 }, pre),
  toggle(24, "peakCeilingTpOn", "True-peak ceiling on", 0, pre),
  // How Ride moves the input trim: a dead-band, bounded speeds, limits.
  db(25, "rideDeadbandDb", "Ride dead-band", { min: 0, max: 6, default: 0.5 }, pre),
  db(26, "rideUpDbPerSecond", "Ride up speed", { min: 0, max: 20, default: 1, unit: "dB/s" }, pre),
  db(27, "rideDownDbPerSecond", "Ride down speed", { min: 0, max: 40, default: 3, unit: "dB/s" }, pre),
  db(28, "rideMinTrimDb", "Ride lowest trim", { min: -48, max: 0, default: -48, step: 0.5 }, pre),
  db(29, "rideMaxTrimDb", "Ride highest trim", { min: 0, max: 48, default: 48, step: 0.5 }, pre),
  count(
    30,
    "insertLatencyFrames",
    "Insert latency",
    { min: 0, max: MAX_INSERT_LATENCY_FRAMES, default: 0, unit: "samples" },
    { ...inPair, stepped: true, automatable: false },
  ),
  toggle(31, "autoMatch", "Auto-match", 0, inPair),
] as const satisfies readonly ParamSpec[];

export type ParamKey = (typeof PARAMETERS)[number]["key"];
