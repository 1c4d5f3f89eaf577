/**
 * The quasi-peak programme meters of IEC 60268-10 (docs/metering.md §13): two types, four
 * scales. The kernel takes each standard's return time from here (generate-kernel.ts) and the UI
 * its scale; the attack model and its calibration are the kernel's (assembly/ppm.ts).
 * Part of the plugin's declaration (declaration.ts). Order is published (the value of
 * ppmStandard): append only.
 *
 * Levels on every scale are placed from the alignment level AL, the level of the line-up tone:
 * the VU reference (−18 dBFS by default, EBU R68), so one setting aligns VU and PPM alike.
 * A steady sine of peak AL + d dBFS reads the scale's value at d dB (scale.dbToMark).
 */

export interface PpmScale {
  /** Scale value at the alignment level, and dB per scale unit (BBC: 4 dB per mark). */
  markAtAlignment: number;
  dbPerMark: number;
  /** The marks printed on the scale, in scale units, bottom to top. */
  marks: readonly number[];
  /** Scale value of the permitted maximum level (red above it). */
  permittedMaximum: number;
  /** How a reading is written ("PPM 5.5", "+3 dB"). */
  unit: string;
}

export interface PpmStandard {
  key: string;
  label: string;
  /** IEC 60268-10 type: I (5 ms integration time) or II (10 ms). */
  type: "I" | "II";
  /** Return time: falls `returnDb` in `returnSeconds` after the signal stops (IEC 60268-10 §4.8/§5.13). */
  returnDb: number;
  returnSeconds: number;
  /** Where the standard or its source says so. */
  source: string;
  scale: PpmScale;
}

export const PPM_STANDARDS: readonly PpmStandard[] = [
  {
    key: "din",
    label: "DIN 45406 (Type I)",
    type: "I",
    returnDb: 20,
    returnSeconds: 1.5,
    source: "DIN 45406; RTW TM7/TM9 manual, PPM analog scales: 10 ms → −1 dB, 0 … −20 dB in 1.5 s, 0 dB = +6 dBu",
    scale: {
      markAtAlignment: -6,
      dbPerMark: 1,
      marks: [-50, -40, -30, -20, -10, -5, 0, 5],
      permittedMaximum: 0,
      unit: "dB",
    },
  },
  {
    key: "nordic",
    label: "Nordic (Type I)",
    type: "I",
    returnDb: 20,
    returnSeconds: 1.7,
    source: "IEC 60268-10 Type I; RTW manual, IEC 268-1 (Nordic): +6 … −14 dB in 1.7 s, 0 dB = 0 dBu = AL",
    scale: {
      markAtAlignment: 0,
      dbPerMark: 1,
      marks: [-36, -30, -24, -18, -12, -6, 0, 6, 9, 12],
      permittedMaximum: 9,
      unit: "dB",
    },
  },
  {
    key: "bbc",
    label: "BBC (Type IIa)",
    type: "II",
    returnDb: 24,
    returnSeconds: 2.8,
    source:
      "IEC 60268-10 Type IIa; BBC PPM tests (paulheneghanbbc/ppm-testing): PPM 4 = 0 dBu = −18 dBFS, 4 dB a mark, PPM 7 → 1 in 2.8 s",
    scale: {
      markAtAlignment: 4,
      dbPerMark: 4,
      marks: [1, 2, 3, 4, 5, 6, 7],
      permittedMaximum: 6,
      unit: "PPM",
    },
  },
  {
    key: "ebu",
    label: "EBU (Type IIb)",
    type: "II",
    returnDb: 24,
    returnSeconds: 2.8,
    source:
      "IEC 60268-10 Type IIb: the Type II ballistics on a dB scale, TEST (0) = AL, marks every 4 dB from −12 to +12, permitted maximum +9 (EBU R68)",
    scale: {
      markAtAlignment: 0,
      dbPerMark: 1,
      marks: [-12, -8, -4, 0, 4, 8, 12],
      permittedMaximum: 9,
      unit: "dB",
    },
  },
];

/** Scale value of a reading `dbfs` (sine-calibrated) with the alignment level at `alignmentDbfs`. */
export function ppmMark(standard: PpmStandard, dbfs: number, alignmentDbfs: number): number {
  const { markAtAlignment, dbPerMark } = standard.scale;
  return markAtAlignment + (dbfs - alignmentDbfs) / dbPerMark;
}

/** The level (dBFS, sine peak) that reads scale value `mark`. */
export function ppmMarkDbfs(standard: PpmStandard, mark: number, alignmentDbfs: number): number {
  const { markAtAlignment, dbPerMark } = standard.scale;
  return alignmentDbfs + (mark - markAtAlignment) * dbPerMark;
}
