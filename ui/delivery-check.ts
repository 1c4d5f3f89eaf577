/**
 * The stage check's delivery stages: OUT's integrated loudness and true peak against a loudness
 * target (host/model/loudness-targets.ts: streaming, EBU R128, ATSC A/85). Integrated loudness
 * is gated over everything since the meters' reset, so a fix is offered only when no trim has
 * changed since then (else the reading mixes two trims). Pure (no DOM). Thread: main thread.
 */
import { formatDb } from "../host/model/format.js";
import { deliveryVerdict, type LoudnessTarget } from "../host/model/loudness-targets.js";
import type { StageFinding } from "./stage-check.js";
import type { StageLevels } from "./stage-window.js";

/** A window that began this close to the meters' reset counts as "since reset". */
const SINCE_RESET_SLACK_SECONDS = 0.5;

const lufs = (value: number) => formatDb(value, "LUFS");
const dbtp = (value: number) => formatDb(value, "dBTP");
const db = (value: number) => formatDb(Math.abs(value), "dB", { signed: false });
/** A gain rounded to 0.1 dB toward less gain, so applying it never lands a hair over a ceiling. */
const down1 = (value: number) => Math.floor(value * 10) / 10;

export function checkDelivery(out: StageLevels, target: LoudnessTarget): StageFinding[] {
  const spec = `${target.label}: ${lufs(target.integratedLufs)} ±${target.toleranceLu} LU, true peak ≤ ${dbtp(target.truePeakCeilingDbtp)}`;
  const verdict = deliveryVerdict(out.integratedLufs, out.truePeakDbtp, target);
  if (!verdict)
    return [{ severity: "info", text: `No integrated loudness at OUT yet: play the programme to check ${spec}.` }];
  if (verdict.meets)
    return [
      {
        severity: "ok",
        text: `OUT meets ${spec}: integrated ${lufs(out.integratedLufs)}, true peak ${dbtp(out.truePeakDbtp)}.`,
      },
    ];
  const wholeWindow = out.sinceResetSeconds - out.seconds <= SINCE_RESET_SLACK_SECONDS;
  const findings: StageFinding[] = [];
  const gain = verdict.needsLimiter ? verdict.safeGainDb : verdict.gainDb;
  const fix = wholeWindow ? { param: "outputTrimDb" as const, changeDb: down1(gain) } : undefined;
  if (!verdict.loudnessOk) {
    const way = verdict.gainDb > 0 ? "below" : "above";
    findings.push({
      severity: "warn",
      text: `OUT integrates at ${lufs(out.integratedLufs)}, ${db(verdict.gainDb)} ${way} ${spec}.${
        verdict.needsLimiter
          ? ` Raising it ${db(verdict.gainDb)} would put true peaks at ${dbtp(verdict.truePeakAfterDbtp)}: trim can add at most ${db(verdict.safeGainDb)} (to ${lufs(out.integratedLufs + verdict.safeGainDb)}); reaching the target needs a true-peak limiter before OUT.`
          : ` ${verdict.gainDb > 0 ? "Raise" : "Lower"} the output trim by ${db(verdict.gainDb)} (true peaks then at ${dbtp(verdict.truePeakAfterDbtp)}).`
      }${wholeWindow ? "" : " (The integrated reading includes audio from before the last trim change: reset the meters and play the programme again for a fix.)"}`,
      fix: verdict.needsLimiter && verdict.safeGainDb <= 0 ? undefined : fix,
    });
  }
  if (!verdict.truePeakOk)
    findings.push({
      severity: "bad",
      text: `OUT true peak ${dbtp(out.truePeakDbtp)} is over the ${target.label} ceiling of ${dbtp(target.truePeakCeilingDbtp)} by ${db(out.truePeakDbtp - target.truePeakCeilingDbtp)}.`,
      fix:
        verdict.loudnessOk && wholeWindow ? { param: "outputTrimDb", changeDb: down1(verdict.safeGainDb) } : undefined,
    });
  return findings;
}
