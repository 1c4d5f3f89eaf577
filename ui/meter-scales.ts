/**
 * The bar scales a meter strip can show (docs/metering.md §12, §13), chosen per strip:
 *   dBFS   sample peak with hold, AES17 RMS inside it, the producer's zones (−18 analog zone, −6 line)
 *   K-20, K-14, K-12  Bob Katz's K-system: the bar is AES17 RMS with its 0 at −20/−14/−12 dB,
 *          green below 0, amber from 0 to +4, red above +4; the sample peak is a line on the same scale
 *   PPM    the IEC 60268-10 quasi-peak of the point's ppmStandard, on that standard's marks
 *          (placed from the alignment level, the VU reference), red above its permitted maximum
 * Every scale maps dBFS to a bar position the same way (one axis, BAR_FLOOR…BAR_TOP), so only the
 * marks, the zones and the reading differ. Pure (no DOM). Thread: main thread.
 */
import { formatDb, formatNumberDb } from "../host/model/format.js";
import { PPM_STANDARDS, ppmMark, ppmMarkDbfs, type PpmStandard } from "../host/declaration/ppm-standards.js";

export const SCALE_KINDS = ["dbfs", "k20", "k14", "k12", "ppm"] as const;
export type ScaleKind = (typeof SCALE_KINDS)[number];
export const SCALE_LABELS: Record<ScaleKind, string> = {
  dbfs: "dBFS peak",
  k20: "K-20",
  k14: "K-14",
  k12: "K-12",
  ppm: "PPM",
};

/** K-system (Katz, JAES 2000): 0 on the scale = N dB below full scale, AES17 RMS; amber to +4, red above. */
export const K_HEADROOM_DB: Record<"k20" | "k14" | "k12", number> = { k20: 20, k14: 14, k12: 12 };
export const K_AMBER_DB = 0;
export const K_RED_DB = 4;
const K_MARKS_DB = [4, 0, -4, -8, -12, -20, -30, -40];

import { ANALOG_ZONE_DBFS, DBFS_MARKS, HEADROOM_LINE_DBFS, OVER_DBFS } from "../host/declaration/meter-face.js";

export { ANALOG_ZONE_DBFS, HEADROOM_LINE_DBFS };

export type Zone = "safe" | "analog" | "hot" | "over";

export interface ScaleMark {
  dbfs: number;
  label: string;
  /** Drawn brighter: the scale's reference (0 on K, the alignment on PPM, −18/−6 on dBFS). */
  strong: boolean;
}

export interface Scale {
  kind: ScaleKind;
  /** What the bar shows, said on the strip. */
  caption: string;
  marks: ScaleMark[];
  /** Zone of a level (dBFS): what colour the bar has there. */
  zone(dbfs: number): Zone;
  /** Level boundaries (dBFS) where the zone changes, low to high. */
  zoneEdges: number[];
}

export interface Calibration {
  /** Alignment level: the VU reference (dBFS of the line-up sine), also the PPM's AL. */
  alignmentDbfs: number;
  ppmStandard: number;
}

function byEdges(edges: number[], zones: Zone[]): (dbfs: number) => Zone {
  return (dbfs) => {
    let i = 0;
    while (i < edges.length && dbfs >= edges[i]!) i++;
    return zones[i]!;
  };
}

export function ppmStandardOf(calibration: Calibration): PpmStandard {
  return PPM_STANDARDS[calibration.ppmStandard] ?? PPM_STANDARDS[0]!;
}

export function scaleFor(kind: ScaleKind, calibration: Calibration): Scale {
  if (kind === "dbfs") {
    const edges = [ANALOG_ZONE_DBFS[0], HEADROOM_LINE_DBFS, OVER_DBFS];
    return {
      kind,
      caption: "sample peak, AES17 RMS inside (dBFS)",
      marks: DBFS_MARKS.map((m) => ({
        dbfs: m,
        label: formatNumberDb(m, { decimals: 0 }),
        strong: m === HEADROOM_LINE_DBFS || m === -18,
      })),
      zone: byEdges(edges, ["safe", "analog", "hot", "over"]),
      zoneEdges: edges,
    };
  }
  if (kind === "ppm") {
    const standard = ppmStandardOf(calibration);
    const { scale } = standard;
    const red = ppmMarkDbfs(standard, scale.permittedMaximum, calibration.alignmentDbfs);
    const label = (mark: number) => (scale.unit === "PPM" ? String(mark) : formatNumberDb(mark, { decimals: 0 }));
    return {
      kind,
      caption: `${standard.label} quasi-peak, alignment ${formatNumberDb(calibration.alignmentDbfs, { decimals: 0 })} dBFS`,
      marks: scale.marks.map((mark) => ({
        dbfs: ppmMarkDbfs(standard, mark, calibration.alignmentDbfs),
        label: label(mark),
        strong: mark === scale.markAtAlignment || mark === scale.permittedMaximum,
      })),
      zone: byEdges([red], ["safe", "over"]),
      zoneEdges: [red],
    };
  }
  const zeroDbfs = -K_HEADROOM_DB[kind];
  const edges = [zeroDbfs + K_AMBER_DB, zeroDbfs + K_RED_DB];
  return {
    kind,
    caption: `AES17 RMS, 0 = ${formatNumberDb(zeroDbfs, { decimals: 0 })} dB (${SCALE_LABELS[kind]}); line: sample peak`,
    marks: K_MARKS_DB.map((k) => ({
      dbfs: zeroDbfs + k,
      label: formatNumberDb(k, { decimals: 0, signed: k > 0 }),
      strong: k === 0,
    })),
    zone: byEdges(edges, ["safe", "hot", "over"]),
    zoneEdges: edges,
  };
}

/** A PPM reading (dBFS) in the standard's words: "PPM 5.5", "+3.0 dB DIN". */
export function ppmText(dbfs: number, calibration: Calibration): string {
  if (!Number.isFinite(dbfs)) return "—";
  const standard = ppmStandardOf(calibration);
  const mark = ppmMark(standard, dbfs, calibration.alignmentDbfs);
  return standard.scale.unit === "PPM"
    ? `PPM ${Math.max(0, mark).toFixed(1)}`
    : `${formatNumberDb(mark, { decimals: 1, signed: true })} dB`;
}

/**
 * The PPM readout beside a strip: a number needs its reference, so a standard read in dB re its
 * alignment level shows dBFS (what the scale's marks are placed from); the BBC's PPM numbers are
 * their own unit ("PPM 4").
 */
export function ppmReadoutText(dbfs: number, calibration: Calibration): string {
  if (!Number.isFinite(dbfs)) return "—";
  return ppmStandardOf(calibration).scale.unit === "PPM" ? ppmText(dbfs, calibration) : formatDb(dbfs, "dBFS");
}

/** A K-system reading (dB re the scale's 0) of an AES17 RMS level. */
export function kText(aes17Db: number, kind: "k20" | "k14" | "k12"): string {
  if (!Number.isFinite(aes17Db)) return "—";
  return `${formatNumberDb(aes17Db + K_HEADROOM_DB[kind], { decimals: 1, signed: true })} ${SCALE_LABELS[kind]}`;
}
