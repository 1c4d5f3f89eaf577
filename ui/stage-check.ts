/**
 * The stage check: reads the meters against the targets producers work to at each stage and
 * says in plain words what is off, by how much, and which trim fixes it. It judges the window
 * since the last trim change (stage-window.ts), so it never counts audio that went through an
 * older trim, and it suggests nothing until the window is long enough — after Learn, as long as
 * Learn listened — so it never offers again a fix Learn just made. Pure (no DOM), so the rules
 * are tested directly. Thread: main thread.
 *
 * Targets (docs/metering.md §11):
 *   recording     IN peaks −12 … −6 dBFS, no clipped samples
 *   plugin input  TO EFFECT averages about −18 dB AES17 RMS (0 VU), peaks clear of −6 dBFS
 *   mix bus       OUT peaks at or below −6 dBFS (6 dB of headroom)
 *   master        OUT peaks at or below −3 dBFS (3–6 dB of headroom)
 *   export        OUT true peak at or below −1 dBTP (EBU R128 / streaming delivery)
 *   delivery      OUT integrated loudness and true peak against a loudness target (delivery-check.ts)
 */
import { formatDb } from "../host/model/format.js";
import { LOUDNESS_TARGETS, type LoudnessTargetKey, loudnessTarget } from "../host/model/loudness-targets.js";
import { checkDelivery } from "./delivery-check.js";
import { METER_POINTS } from "./meter-points.js";
import type { StageLevels } from "./stage-window.js";

export type StageId = "recording" | "plugin-input" | "mix-bus" | "master" | "export" | LoudnessTargetKey;
export type Severity = "ok" | "info" | "warn" | "bad";

export interface StageFinding {
  severity: Severity;
  text: string;
  /** The trim change (dB) that fixes it, and which trim; absent when the fix is elsewhere. */
  fix?: { param: "inputTrimDb" | "outputTrimDb"; changeDb: number };
}

/** Each point's levels over its window (null before the window has begun). */
export interface StageTaps {
  in: StageLevels | null;
  send: StageLevels | null;
  out: StageLevels | null;
}

export const RECORDING_PEAK_RANGE_DBFS = [-12, -6] as const;
export const PLUGIN_INPUT_TOLERANCE_DB = 2;
export const PLUGIN_INPUT_PEAK_LIMIT_DBFS = -6;
export const MIX_BUS_PEAK_LIMIT_DBFS = -6;
export const MASTER_PEAK_LIMIT_DBFS = -3;
export const EXPORT_TRUE_PEAK_LIMIT_DBTP = -1;

export const STAGES: readonly { id: StageId; name: string; tap: keyof StageTaps; target: string }[] = [
  { id: "recording", name: "Recording", tap: "in", target: "IN peaks −12 … −6 dBFS" },
  {
    id: "plugin-input",
    name: "Plugin input (analog-modeled)",
    tap: "send",
    target: "TO EFFECT about −18 dB AES17 RMS (0 VU)",
  },
  { id: "mix-bus", name: "Mix bus", tap: "out", target: "OUT peaks ≤ −6 dBFS" },
  { id: "master", name: "Master", tap: "out", target: "OUT peaks ≤ −3 dBFS (3–6 dB headroom)" },
  { id: "export", name: "Export", tap: "out", target: "OUT true peak ≤ −1 dBTP" },
  ...LOUDNESS_TARGETS.map((t) => ({
    id: t.key,
    name: `Delivery: ${t.label}`,
    tap: "out" as const,
    target: `OUT ${formatDb(t.integratedLufs, "LUFS")} ±${t.toleranceLu} LU, ≤ ${formatDb(t.truePeakCeilingDbtp, "dBTP")}`,
  })),
];

const dbfs = (value: number) => formatDb(value, "dBFS");
const db = (value: number) => formatDb(Math.abs(value), "dB", { signed: false });
const round1 = (value: number) => Math.round(value * 10) / 10;
/** A cut rounded to 0.1 dB toward more cut, so applying it never leaves the level a hair over. */
const cut1 = (value: number) => Math.floor(value * 10) / 10;

/**
 * Findings for `stage` from each point's window (peaks: the highest in it; average: its AES17
 * RMS). `targetDb` is the plugin-input target (AES17 dB); below `minSeconds` of window the check
 * says it is measuring and suggests nothing.
 */
export function checkStage(stage: StageId, taps: StageTaps, targetDb = -18, minSeconds = 3): StageFinding[] {
  const spec = STAGES.find((s) => s.id === stage)!;
  const tap = taps[spec.tap];
  const point = METER_POINTS[spec.tap].label;
  if (!tap || !(tap.peakDbfs > -Infinity))
    return [
      {
        severity: "info",
        text: `No signal at ${point} since the last trim change: play something to check the ${spec.name.toLowerCase()} stage.`,
      },
    ];
  if (tap.seconds < minSeconds) {
    return [
      {
        severity: "info",
        text: `Measuring ${point}: ${tap.seconds.toFixed(1)} of ${minSeconds.toFixed(1)} s since the last trim change (the check judges only what follows it).`,
      },
    ];
  }
  const delivery = loudnessTarget(stage);
  if (delivery) return checkDelivery(tap, delivery);
  const peak = tap.peakDbfs;
  const findings: StageFinding[] = [];
  const clips = tap.clips;
  if (clips > 0) {
    findings.push({
      severity: "bad",
      text: `${clips} sample${clips === 1 ? "" : "s"} reached full scale at ${point}${stage === "recording" ? ": the take is clipped; lower the source or preamp gain and record again" : ""}.`,
    });
  }
  switch (stage) {
    case "recording": {
      const [low, high] = RECORDING_PEAK_RANGE_DBFS;
      if (peak > high)
        findings.push({
          severity: "warn",
          text: `Peaks reach ${dbfs(peak)}, ${db(peak - high)} above the ${dbfs(high)} recording limit: lower the preamp or source gain by at least ${db(peak - high)}.`,
        });
      else if (peak < low)
        findings.push({
          severity: "info",
          text: `Peaks reach only ${dbfs(peak)}, ${db(low - peak)} below ${dbfs(low)}: you could raise the preamp gain by up to ${db(high - peak)} (more headroom is harmless at 24-bit).`,
        });
      else findings.push({ severity: "ok", text: `Peaks at ${dbfs(peak)}: inside the −12 … −6 dBFS recording range.` });
      break;
    }
    case "plugin-input": {
      const average = tap.averageAes17Db;
      const off = average - targetDb;
      if (Math.abs(off) > PLUGIN_INPUT_TOLERANCE_DB) {
        findings.push({
          severity: "warn",
          text: `${point} averages ${formatDb(average, "dB")} AES17 over the last ${tap.seconds.toFixed(0)} s, ${db(off)} ${off > 0 ? "above" : "below"} the ${formatDb(targetDb, "dB")} target: ${off > 0 ? "lower" : "raise"} the input trim by ${db(off)} (or press Learn).`,
          fix: { param: "inputTrimDb", changeDb: round1(-off) },
        });
      } else {
        findings.push({
          severity: "ok",
          text: `${point} averages ${formatDb(average, "dB")} AES17 over the last ${tap.seconds.toFixed(0)} s: within ${PLUGIN_INPUT_TOLERANCE_DB} dB of the ${formatDb(targetDb, "dB")} target the effect is designed for.`,
        });
      }
      if (peak > PLUGIN_INPUT_PEAK_LIMIT_DBFS)
        findings.push({
          severity: "warn",
          text: `${point} peaks reach ${dbfs(peak)}: an analog-modeled effect will colour these transients audibly.`,
        });
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
      const truePeak = tap.truePeakDbtp;
      if (truePeak > EXPORT_TRUE_PEAK_LIMIT_DBTP) {
        findings.push({
          severity: "bad",
          text: `OUT true peak reaches ${formatDb(truePeak, "dBTP")}, ${db(truePeak - EXPORT_TRUE_PEAK_LIMIT_DBTP)} over ${formatDb(EXPORT_TRUE_PEAK_LIMIT_DBTP, "dBTP")}: lower the output trim by ${db(truePeak - EXPORT_TRUE_PEAK_LIMIT_DBTP)} (or use a true-peak limiter) before export.`,
          fix: { param: "outputTrimDb", changeDb: cut1(EXPORT_TRUE_PEAK_LIMIT_DBTP - truePeak) },
        });
      } else {
        findings.push({
          severity: "ok",
          text: `OUT true peak ${formatDb(truePeak, "dBTP")}: safe for export (≤ −1 dBTP). Integrated loudness ${formatDb(tap.integratedLufs, "LUFS")}.`,
        });
      }
      break;
    }
  }
  return findings;
}
