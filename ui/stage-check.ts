/**
 * The stage check: reads the meters against the targets producers work to at each stage and
 * says in plain words what is off, by how much, and which trim fixes it. Pure (no DOM), so the
 * rules are tested directly. Thread: main thread.
 *
 * Targets (what-users-expect.md; the task's "stages"):
 *   recording     IN peaks −12 … −6 dBFS, no clipped samples
 *   plugin input  SEND averages about −18 dB AES17 RMS (0 VU), peaks clear of −6 dBFS
 *   mix bus       OUT peaks at or below −6 dBFS (6 dB of headroom)
 *   master        OUT peaks at or below −3 dBFS (3–6 dB of headroom)
 *   export        OUT true peak at or below −1 dBTP (EBU R128 / streaming delivery)
 */
import type { TapReadings } from "../host/kernel.js";
import { formatDb } from "../host/format.js";

export type StageId = "recording" | "plugin-input" | "mix-bus" | "master" | "export";
export type Severity = "ok" | "info" | "warn" | "bad";

export interface StageFinding {
  severity: Severity;
  text: string;
  /** The trim change (dB) that fixes it, and which trim; absent when the fix is elsewhere. */
  fix?: { param: "inputTrimDb" | "outputTrimDb"; changeDb: number };
}

export interface StageTaps { in: TapReadings; send: TapReadings; out: TapReadings }

export const RECORDING_PEAK_RANGE_DBFS = [-12, -6] as const;
export const PLUGIN_INPUT_TOLERANCE_DB = 2;
export const PLUGIN_INPUT_PEAK_LIMIT_DBFS = -6;
export const MIX_BUS_PEAK_LIMIT_DBFS = -6;
export const MASTER_PEAK_LIMIT_DBFS = -3;
export const EXPORT_TRUE_PEAK_LIMIT_DBTP = -1;

export const STAGES: readonly { id: StageId; name: string; tap: keyof StageTaps; target: string }[] = [
  { id: "recording", name: "Recording", tap: "in", target: "IN peaks −12 … −6 dBFS" },
  { id: "plugin-input", name: "Plugin input (analog-modeled)", tap: "send", target: "SEND about −18 dB AES17 RMS (0 VU)" },
  { id: "mix-bus", name: "Mix bus", tap: "out", target: "OUT peaks ≤ −6 dBFS" },
  { id: "master", name: "Master", tap: "out", target: "OUT peaks ≤ −3 dBFS (3–6 dB headroom)" },
  { id: "export", name: "Export", tap: "out", target: "OUT true peak ≤ −1 dBTP" },
];

const dbfs = (value: number) => formatDb(value, "dBFS");
const db = (value: number) => formatDb(Math.abs(value), "dB", { signed: false });
const round1 = (value: number) => Math.round(value * 10) / 10;
/** A cut rounded to 0.1 dB toward more cut, so applying it never leaves the level a hair over. */
const cut1 = (value: number) => Math.floor(value * 10) / 10;

/**
 * Findings for `stage` from the meters since their last reset (peaks: max since reset; average:
 * AES17 RMS of everything since reset). `targetDb` is the plugin-input target (AES17 dB).
 */
export function checkStage(stage: StageId, taps: StageTaps, targetDb = -18): StageFinding[] {
  const spec = STAGES.find((s) => s.id === stage)!;
  const tap = taps[spec.tap];
  const peak = tap.overall.samplePeakMaxDbfs;
  if (!(peak > -Infinity)) return [{ severity: "info", text: `No signal at ${spec.tap.toUpperCase()} yet: play something to check the ${spec.name.toLowerCase()} stage.` }];
  const findings: StageFinding[] = [];
  const clips = tap.overall.clipCount;
  if (clips > 0) {
    findings.push({ severity: "bad", text: `${clips} sample${clips === 1 ? "" : "s"} reached full scale at ${spec.tap.toUpperCase()}${stage === "recording" ? ": the take is clipped; lower the source or preamp gain and record again" : ""}.` });
  }
  switch (stage) {
    case "recording": {
      const [low, high] = RECORDING_PEAK_RANGE_DBFS;
      if (peak > high) findings.push({ severity: "warn", text: `Peaks reach ${dbfs(peak)}, ${db(peak - high)} above the ${dbfs(high)} recording limit: lower the preamp or source gain by at least ${db(peak - high)}.` });
      else if (peak < low) findings.push({ severity: "info", text: `Peaks reach only ${dbfs(peak)}, ${db(low - peak)} below ${dbfs(low)}: you could raise the preamp gain by up to ${db(high - peak)} (more headroom is harmless at 24-bit).` });
      else findings.push({ severity: "ok", text: `Peaks at ${dbfs(peak)}: inside the −12 … −6 dBFS recording range.` });
      break;
    }
    case "plugin-input": {
      const average = tap.overall.rmsTotalAes17Db;
      const off = average - targetDb;
      if (Math.abs(off) > PLUGIN_INPUT_TOLERANCE_DB) {
        findings.push({
          severity: "warn",
          text: `SEND averages ${formatDb(average, "dB")} AES17, ${db(off)} ${off > 0 ? "above" : "below"} the ${formatDb(targetDb, "dB")} target: ${off > 0 ? "lower" : "raise"} the input trim by ${db(off)} (or press Learn).`,
          fix: { param: "inputTrimDb", changeDb: round1(-off) },
        });
      } else {
        findings.push({ severity: "ok", text: `SEND averages ${formatDb(average, "dB")} AES17: within ${PLUGIN_INPUT_TOLERANCE_DB} dB of the ${formatDb(targetDb, "dB")} target the effect is designed for.` });
      }
      if (peak > PLUGIN_INPUT_PEAK_LIMIT_DBFS) findings.push({ severity: "warn", text: `SEND peaks reach ${dbfs(peak)}: an analog-modeled effect will colour these transients audibly.` });
      break;
    }
    case "mix-bus":
    case "master": {
      const limit = stage === "mix-bus" ? MIX_BUS_PEAK_LIMIT_DBFS : MASTER_PEAK_LIMIT_DBFS;
      if (peak > limit) {
        findings.push({
          severity: peak >= -1 ? "bad" : "warn",
          text: `OUT peaks reach ${dbfs(peak)}, ${db(peak - limit)} over ${dbfs(limit)}: lower the output trim by ${db(peak - limit)} to keep ${db(limit)} of headroom.`,
          fix: { param: "outputTrimDb", changeDb: cut1(limit - peak) },
        });
      } else {
        findings.push({ severity: "ok", text: `OUT peaks at ${dbfs(peak)}: ${db(peak)} of headroom.` });
      }
      break;
    }
    case "export": {
      const truePeak = tap.overall.truePeakMaxDbtp;
      if (truePeak > EXPORT_TRUE_PEAK_LIMIT_DBTP) {
        findings.push({
          severity: "bad",
          text: `OUT true peak reaches ${formatDb(truePeak, "dBTP")}, ${db(truePeak - EXPORT_TRUE_PEAK_LIMIT_DBTP)} over ${formatDb(EXPORT_TRUE_PEAK_LIMIT_DBTP, "dBTP")}: lower the output trim by ${db(truePeak - EXPORT_TRUE_PEAK_LIMIT_DBTP)} (or use a true-peak limiter) before export.`,
          fix: { param: "outputTrimDb", changeDb: cut1(EXPORT_TRUE_PEAK_LIMIT_DBTP - truePeak) },
        });
      } else {
        findings.push({ severity: "ok", text: `OUT true peak ${formatDb(truePeak, "dBTP")}: safe for export (≤ −1 dBTP). Integrated loudness ${formatDb(tap.integratedLufs, "LUFS")}.` });
      }
      break;
    }
  }
  return findings;
}
