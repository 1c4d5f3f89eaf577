/**
 * What crosses the kernel's boundary besides parameters: commands, meter points and meter bits,
 * the readout's slots, status codes and the auto-trim enumerations.
 * Part of the plugin's declaration (declaration.ts). Orders are published: append only.
 */

/** Commands: events that are not parameters, with ids above every parameter id. `value` says what the event's value carries. */
export const COMMANDS = [
  { id: 1000, key: "resetMeters", value: "unused" },
  { id: 1001, key: "setMeterMask", value: "packTapCommand(tap, meter bits)" },
  { id: 1002, key: "learnStart", value: "seconds to learn (0 = until learnFinish)" },
  { id: 1003, key: "learnFinish", value: "unused" },
  { id: 1004, key: "learnCancel", value: "unused" },
  { id: 1005, key: "setClipRule", value: "packTapCommand(tap, integer bits of the source; 0 = float rule)" },
  { id: 1006, key: "markWindow", value: "packTapCommand(tap, packMark(mark, serial))" },
] as const;

/**
 * A command about one tap (setMeterMask, setClipRule) carries the tap and its value in one number:
 * tap · TAP_COMMAND_BASE + value (value < TAP_COMMAND_BASE). Packed and unpacked only here.
 */
export const TAP_COMMAND_BASE = 256;
export function packTapCommand(tap: number, value: number): number {
  return tap * TAP_COMMAND_BASE + value;
}
/** The tap of a packed command (numbers only: the audio thread unpacks them). */
export function commandTap(packed: number): number {
  return Math.floor(packed / TAP_COMMAND_BASE);
}
/** The value of a packed command. */
export function commandValue(packed: number): number {
  return packed % TAP_COMMAND_BASE;
}

/**
 * The windows "since mark" each tap keeps: the levels of everything since a host asked
 * (markWindow), exact, as libebur128 keeps a loudness window the caller starts. A mark takes
 * effect where the command lands; its readout carries the serial it was asked with (0 until one
 * was), so a host reading a snapshot knows which window it reads. stage: the stage check
 * since a trim change; compare: the A/B light since a trim change; match: Match while it listens.
 */
export const MARKS = ["stage", "compare", "match"] as const;
/** Serials a mark command carries (0 … MARK_SERIALS − 1; a host counts 1 … MARK_SERIALS − 1 round). */
export const MARK_SERIALS = Math.floor(TAP_COMMAND_BASE / MARKS.length);
/** markWindow's value within a tap command: which mark, and the serial its readout will echo. */
export function packMark(mark: number, serial: number): number {
  return mark + MARKS.length * (serial % MARK_SERIALS);
}
/** The mark of a packed markWindow value. */
export function markOf(packed: number): number {
  return packed % MARKS.length;
}
/** The serial of a packed markWindow value. */
export function markSerial(packed: number): number {
  return Math.floor(packed / MARKS.length);
}
/** The serial after `serial` (1 … MARK_SERIALS − 1, round; 0 is the window since reset). */
export function nextMarkSerial(serial: number): number {
  return (serial % (MARK_SERIALS - 1)) + 1;
}

/** Meter points of one kernel: IN before the trim, OUT after it (PRE: IN/SEND, POST: RETURN/OUT). */
export const TAPS = ["in", "out"] as const;

/**
 * Meters a tap runs (setMeterMask bits, in order 1, 2, 4, …); a meter switched on starts from
 * silence. channelLoudness (each channel's own loudness, from the loudness meter's filtering; it
 * needs loudness on) is for file analysis and is off until asked for: METER_DEFAULT is the rest.
 */
export const METERS = ["samplePeak", "truePeak", "loudness", "rms", "vu", "ppm", "channelLoudness"] as const;
export const METERS_OFF_BY_DEFAULT = ["channelLoudness"] as const;

/**
 * The readout, f64 slots: per tap the loudness fields, then the channel fields for the overall
 * reading (max over channels, counts summed), then per channel, then each mark's window (MARKS);
 * after both taps, auto-trim.
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
    slots: 24,
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
      { key: "ppmDbfs", note: "quasi-peak (IEC 60268-10, ppmStandard) now, dBFS of the sine reading the same" },
      { key: "ppmMaxDbfs", sinceRead: true },
      { key: "ppmMaxSinceResetDbfs" },
      { key: "channelIntegratedLufs", note: "this channel alone, gated, since reset (channelLoudness)" },
      { key: "channelLoudnessRangeLu", note: "this channel alone (channelLoudness)" },
      { key: "channelMomentaryMaxLufs", note: "this channel alone, since reset (channelLoudness)" },
      { key: "channelShortTermMaxLufs", note: "this channel alone, since reset (channelLoudness)" },
    ],
  },
  mark: {
    slots: 12,
    fields: [
      { key: "serial", note: "the serial of the markWindow that started it (0: since reset)" },
      { key: "frames", note: "frames since the mark" },
      { key: "signalBlocks", note: "400 ms blocks above the absolute gate since the mark (one per 100 ms of signal)" },
      { key: "loudnessLufs", note: "ungated loudness of every closed quantum since the mark" },
      { key: "momentaryMaxLufs", note: "highest momentary loudness since the mark" },
      { key: "rmsAes17Db", note: "AES17 RMS of every sample since the mark, the louder channel" },
      {
        key: "vuMean",
        note: "mean VU reading since the mark (one per quantum, the louder channel), re the VU reference",
      },
      { key: "samplePeakDbfs", note: "highest sample peak since the mark" },
      { key: "truePeakDbtp", note: "highest true peak since the mark" },
      { key: "clipCount", note: "clipped samples since the mark, every channel" },
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
  { key: "ok", code: 0 },
  { key: "clamped", code: 1 },
  { key: "badSampleRate", code: -1 },
  { key: "badChannels", code: -2 },
  { key: "badFrames", code: -3 },
  { key: "badParamId", code: -4 },
  { key: "notFinite", code: -5 },
  { key: "notReady", code: -6 },
  { key: "outOfMemory", code: -7 },
  { key: "badTap", code: -8 },
  { key: "badMask", code: -9 },
  { key: "badValue", code: -10 },
] as const;

/** Auto-trim: its state, why a decision could not be made, and what limited a trim. */
export const LEARN_STATES = ["idle", "learning", "done", "riding"] as const;
export const LEARN_STATUSES = [
  "ok",
  "silent",
  "too little signal",
  "loudness meter off",
  "true-peak meter off",
] as const;
export const LIMITED_BY = ["target", "peak ceiling", "trim range", "true-peak ceiling"] as const;
