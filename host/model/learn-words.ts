/**
 * What Learn decided, in words: the window, how much was gated out, the level, the constraint
 * that set the trim. Shared by the app, the plugin panels and the command line.
 * Thread: main thread / offline host.
 */
import { DETECTOR_SPECS } from "./params.js";
import { formatDb } from "./format.js";
import type { AutoTrimReadings } from "./readings.js";

const db = (value: number, unit = "dB") => formatDb(value, unit);

/** Explains a decision in words: the window, how much was gated out, the level, the constraint. */
export function describeDecision(r: AutoTrimReadings): string {
  const spec = DETECTOR_SPECS[r.detector] ?? DETECTOR_SPECS[0]!;
  const level = (value: number) => formatDb(value, spec.unit);
  const gatedOut = r.blocksTotal > 0 ? Math.round(100 * (1 - r.blocksKept / r.blocksTotal)) : 0;
  const window = spec.gated
    ? `${r.seconds.toFixed(1)} s analysed, ${gatedOut} % gated out as silence or quiet`
    : `${r.seconds.toFixed(1)} s analysed, every sample counted`;
  switch (r.status) {
    case "silent":
      return `Nothing to learn: the input stayed below −70 LUFS (digital silence or near it) for ${r.seconds.toFixed(1)} s. Trim unchanged.`;
    case "too little signal":
      return `Too little signal: only ${r.blocksKept.toFixed(0)} of ${r.blocksTotal.toFixed(0)} blocks passed the gate (${r.seconds.toFixed(1)} s analysed); play at least a few seconds of the part. Trim unchanged.`;
    case "loudness meter off":
      return "Learn needs the IN loudness meter (it is the gate); switch it on. Trim unchanged.";
    case "true-peak meter off":
      return "True peak is asked for (detector or ceiling) but the IN true-peak meter is off; switch it on. Trim unchanged.";
  }
  const headroom =
    r.peakAfterDbfs <= 0 ? `${formatDb(-r.peakAfterDbfs, "dB", { signed: false })} headroom` : "over full scale";
  const landing = `peaks land at ${db(r.peakAfterDbfs, "dBFS")} (${headroom}), true peak ${db(r.truePeakAfterDbtp, "dBTP")}`;
  const why =
    r.limitedBy === "peak ceiling"
      ? `held back by the peak ceiling: peaks ${db(r.peakBeforeDbfs, "dBFS")} would otherwise pass it; they now land at ${db(r.peakAfterDbfs, "dBFS")}`
      : r.limitedBy === "true-peak ceiling"
        ? `held back by the true-peak ceiling: the true peak ${db(r.truePeakBeforeDbtp, "dBTP")} would otherwise pass it; it now lands at ${db(r.truePeakAfterDbtp, "dBTP")}`
        : r.limitedBy === "trim range"
          ? `limited by the trim range (±48 dB); the level will miss the target`
          : landing;
  return `${spec.label} measured ${level(r.levelDb)} (${window}); target ${level(r.targetDb)} → input trim ${db(r.trimDb)}, ${why}.`;
}
