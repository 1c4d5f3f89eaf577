/**
 * What the native plugins are, beyond the declaration itself: which parameters they have, the
 * meter outputs, the LV2 layouts and their one port table. Read by the generators of the C header
 * (generate-native.ts) and the Turtle (generate-lv2.ts), and by the tests. Plain data.
 */
import { PARAMETERS, TAPS } from "./declaration.js";

/** The parameters a native plugin has: those the kernel applies outside a pair. */
export const NATIVE_PARAMETERS = PARAMETERS.filter((p) => p.kernel && !p.pairOnly);

/**
 * The meter outputs (LV2 control output ports), per tap, from the overall (loudest channel) block
 * or the loudness block. `window`: the loudness window a reading needs filled since the last reset
 * before it means anything (until then the port reads "no reading"); `count`: a number of samples,
 * not a level.
 */
export const METER_OUTPUTS = [
  { key: "SamplePeakDbfs", field: "samplePeakDbfs", block: "channel", unit: "dBFS", name: "sample peak" },
  { key: "TruePeakDbtp", field: "truePeakDbtp", block: "channel", unit: "dBTP", name: "true peak" },
  {
    key: "ShortTermLufs",
    field: "shortTermLufs",
    block: "loudness",
    unit: "LUFS",
    name: "short-term loudness",
    window: "shortTerm",
  },
  { key: "IntegratedLufs", field: "integratedLufs", block: "loudness", unit: "LUFS", name: "integrated loudness" },
  { key: "RmsAes17Db", field: "rmsAes17Db", block: "channel", unit: "dB", name: "RMS (AES17)" },
  { key: "Vu", field: "vu", block: "channel", unit: "VU", name: "VU" },
  { key: "PpmDbfs", field: "ppmMaxDbfs", block: "channel", unit: "dBFS", name: "PPM quasi-peak (ppmStandard)" },
  {
    key: "MomentaryLufs",
    field: "momentaryLufs",
    block: "loudness",
    unit: "LUFS",
    name: "momentary loudness",
    window: "momentary",
  },
  {
    key: "MomentaryMaxLufs",
    field: "momentaryMaxSinceResetLufs",
    block: "loudness",
    unit: "LUFS",
    name: "max momentary since reset",
    window: "momentary",
  },
  {
    key: "ShortTermMaxLufs",
    field: "shortTermMaxSinceResetLufs",
    block: "loudness",
    unit: "LUFS",
    name: "max short-term since reset",
    window: "shortTerm",
  },
  { key: "LoudnessRangeLu", field: "loudnessRangeLu", block: "loudness", unit: "LU", name: "loudness range" },
  { key: "RmsTotalAes17Db", field: "rmsTotalAes17Db", block: "channel", unit: "dB", name: "RMS since reset (AES17)" },
  { key: "SamplePeakMaxDbfs", field: "samplePeakMaxDbfs", block: "channel", unit: "dBFS", name: "max sample peak" },
  { key: "TruePeakMaxDbtp", field: "truePeakMaxDbtp", block: "channel", unit: "dBTP", name: "max true peak" },
  { key: "ClipCount", field: "clipCount", block: "channel", unit: "", name: "clipped samples", count: true },
] as const;

/** "No reading" (silence, −∞, or a window not yet filled) on a meter output port: ports carry finite numbers. */
export const METER_FLOOR_DB = -200;

/**
 * The span a meter covers where a format carries it as a normalized value (VST3's read-only
 * parameters, 0…1): levels from a meter's floor to well past full scale, loudness range in LU,
 * counts of samples. Below the span reads "no reading"; text always shows the value itself.
 */
export const METER_SPANS = {
  level: { min: -100, max: 30 },
  range: { min: 0, max: 60 },
  count: { min: 0, max: 2 ** 31 },
} as const;

/** Which span a meter output uses. */
export function meterSpan(output: { unit: string; count?: boolean }): keyof typeof METER_SPANS {
  return "count" in output && output.count ? "count" : output.unit === "LU" ? "range" : "level";
}

/**
 * VST3: the one class (processor and controller in one component, as the SDK's
 * SingleComponentEffect). Its class id was drawn at random once: hosts save sessions by it, so it
 * never changes. Sub-categories as VST3's PlugType strings; the SDK version is the C API's we
 * declare against (pluginterfaces 3.8).
 */
export const VST3 = {
  classId: "59217A4E663848609085528422295CF8",
  category: "Audio Module Class",
  subCategories: ["Fx", "Tools"],
  sdkVersion: "VST 3.8.0",
  /** The meters are read-only parameters from this id on (past every declared parameter id). */
  meterParamIdBase: 1000,
  email: "",
} as const;

/**
 * The LV2 plugins of the bundle: one per channel layout the kernel meters, channels in BS.1770's
 * order (L R C LFE Ls Rs Lb Rb: the kernel weighs surrounds 1.41 and leaves LFE out for 5, 6 and 8
 * channels, assembly/loudness.ts); port symbols in_NAME / out_NAME.
 */
export const LV2_LAYOUTS = [
  { uri: "urn:gainstage:stereo", name: "Gainstage (stereo)", channels: ["l", "r"] },
  { uri: "urn:gainstage:mono", name: "Gainstage (mono)", channels: [""] },
  { uri: "urn:gainstage:3ch", name: "Gainstage (3 channels)", channels: ["1", "2", "3"] },
  { uri: "urn:gainstage:4ch", name: "Gainstage (4 channels)", channels: ["1", "2", "3", "4"] },
  { uri: "urn:gainstage:5.0", name: "Gainstage (5.0)", channels: ["l", "r", "c", "ls", "rs"] },
  { uri: "urn:gainstage:5.1", name: "Gainstage (5.1)", channels: ["l", "r", "c", "lfe", "ls", "rs"] },
  { uri: "urn:gainstage:7ch", name: "Gainstage (7 channels)", channels: ["1", "2", "3", "4", "5", "6", "7"] },
  { uri: "urn:gainstage:7.1", name: "Gainstage (7.1)", channels: ["l", "r", "c", "lfe", "ls", "rs", "lb", "rb"] },
] as const;

/** Where each group of an LV2 plugin's ports starts, for `channels` channels: the one port table. */
export function lv2Ports(channels: number) {
  const controls = 2 * channels;
  const reset = controls + NATIVE_PARAMETERS.length;
  const meters = reset + 1;
  const latency = meters + TAPS.length * METER_OUTPUTS.length;
  return { audioIn: 0, audioOut: channels, controls, reset, meters, latency, count: latency + 1 };
}

/** The control input that clears the meters when it goes from 0 to 1 (a trigger). */
export const LV2_RESET_SYMBOL = "resetMeters";
