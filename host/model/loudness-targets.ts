/**
 * Delivery loudness targets (docs/metering.md §11): the integrated loudness a platform or
 * broadcaster normalises to, the tolerance it accepts, and the true-peak ceiling. One list for the
 * app's stage check and the CLI's --delivery, and the one verdict both print. Pure; any thread.
 */

export interface LoudnessTarget {
  key: string;
  label: string;
  /** Integrated loudness to deliver at (LUFS, = LKFS). */
  integratedLufs: number;
  /** Accepted deviation, ± LU. */
  toleranceLu: number;
  /** Highest true peak allowed (dBTP). */
  truePeakCeilingDbtp: number;
  source: string;
}

export const LOUDNESS_TARGETS = [
  {
    key: "streaming",
    label: "Streaming",
    integratedLufs: -14,
    toleranceLu: 1,
    truePeakCeilingDbtp: -1,
    source:
      "Spotify, YouTube and Tidal normalise to about −14 LUFS (AES TD1008 recommends −16 … −14 for streaming music), peaks ≤ −1 dBTP; ±1 LU is our tolerance",
  },
  {
    key: "ebu-r128",
    label: "EBU R128 broadcast",
    integratedLufs: -23,
    toleranceLu: 0.5,
    truePeakCeilingDbtp: -1,
    source:
      "EBU R128 (2020): programme loudness −23.0 LUFS ±0.5 LU (±1 LU where exact normalisation is impractical), maximum true peak −1 dBTP",
  },
  {
    key: "atsc-a85",
    label: "ATSC A/85 (US broadcast)",
    integratedLufs: -24,
    toleranceLu: 2,
    truePeakCeilingDbtp: -2,
    source: "ATSC A/85:2013: target loudness −24 LKFS ±2 dB, true peak ≤ −2 dBTP",
  },
] as const satisfies readonly LoudnessTarget[];

export type LoudnessTargetKey = (typeof LOUDNESS_TARGETS)[number]["key"];

export function loudnessTarget(key: string): LoudnessTarget | undefined {
  return (LOUDNESS_TARGETS as readonly LoudnessTarget[]).find((t) => t.key === key);
}

export interface DeliveryVerdict {
  /** Within the loudness tolerance and under the true-peak ceiling as it is. */
  meets: boolean;
  loudnessOk: boolean;
  truePeakOk: boolean;
  /** Gain (dB) that puts the integrated loudness on the target. */
  gainDb: number;
  /** True peak after that gain (dBTP). */
  truePeakAfterDbtp: number;
  /** The largest gain plain gain can apply within the ceiling, if below gainDb (else gainDb). */
  safeGainDb: number;
  /** Plain gain cannot reach the target's tolerance within the ceiling: a true-peak limiter is needed. */
  needsLimiter: boolean;
}

/** How a programme of `integratedLufs` and highest `truePeakDbtp` stands against `target`; null without a reading. */
export function deliveryVerdict(
  integratedLufs: number,
  truePeakDbtp: number,
  target: LoudnessTarget,
): DeliveryVerdict | null {
  if (!Number.isFinite(integratedLufs) || !Number.isFinite(truePeakDbtp)) return null;
  const gainDb = target.integratedLufs - integratedLufs;
  const truePeakAfterDbtp = truePeakDbtp + gainDb;
  const headroomDb = target.truePeakCeilingDbtp - truePeakDbtp;
  const loudnessOk = Math.abs(gainDb) <= target.toleranceLu;
  const truePeakOk = truePeakDbtp <= target.truePeakCeilingDbtp;
  const safeGainDb = Math.min(gainDb, headroomDb);
  return {
    meets: loudnessOk && truePeakOk,
    loudnessOk,
    truePeakOk,
    gainDb,
    truePeakAfterDbtp,
    safeGainDb,
    needsLimiter: gainDb - safeGainDb > target.toleranceLu,
  };
}
