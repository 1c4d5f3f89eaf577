/**
 * The conformance cases the app's self-test runs: EBU Tech 3341 V4 (2023) Table 1, the synthetic
 * cases #1–#6 and #9–#23, and EBU Tech 3342 (2023) Table 1, #1–#4 (docs/metering.md §10), each
 * with the signal its table describes (signals.ts), when to read the meter, and the expected value
 * with the standard's tolerance: ±0.1 LU for loudness, +0.2/−0.4 dB for true peak, ±1 LU for LRA.
 * #7 and #8 are recorded programme (authentic files), not synthetic: they are not here.
 * Signals are made at the rate the meter runs at (the context's). Pure data and generators.
 */
import type { TapReadings } from "../model/readings.js";
import { type Segment, toneSequence, truePeakBurst, truePeakTone } from "./signals.js";

export type CheckedField =
  | "momentaryLufs"
  | "shortTermLufs"
  | "integratedLufs"
  | "loudnessRangeLu"
  | "momentaryMaxLufs"
  | "shortTermMaxLufs"
  | "momentaryMaxSinceResetLufs"
  | "shortTermMaxSinceResetLufs"
  | "truePeakMaxDbtp";

export interface Check {
  field: CheckedField;
  expected: number;
  plus: number;
  minus: number;
  unit: "LUFS" | "LU" | "dBTP";
}

/** One signal through a fresh meter, read at `reads` (frames from its start; the last may be its end). */
export interface Run {
  channels: Float32Array[];
  reads: number[];
  /** What read `index` must show. */
  checks(index: number): Check[];
}

export interface ConformanceCase {
  id: string;
  standard: "EBU Tech 3341" | "EBU Tech 3342";
  title: string;
  runs(rate: number): Run[];
}

const LU = 0.1;
const silence = -Infinity;
const lufs = (field: CheckedField, expected: number): Check => ({
  field,
  expected,
  plus: LU,
  minus: LU,
  unit: "LUFS",
});
const truePeak = (expected: number): Check => ({
  field: "truePeakMaxDbtp",
  expected,
  plus: 0.2,
  minus: 0.4,
  unit: "dBTP",
});
const lra = (expected: number): Check => ({ field: "loudnessRangeLu", expected, plus: 1, minus: 1, unit: "LU" });
const framesOf = (channels: Float32Array[]) => channels[0]!.length;
const repeat = (segments: Segment[], times: number) => Array.from({ length: times }, () => segments).flat();

/** One run read once at its end. */
function atEnd(channels: Float32Array[], checks: Check[]): Run {
  return { channels, reads: [framesOf(channels)], checks: () => checks };
}

/** One run read every `everySeconds` from `afterSeconds` on, each read held to `check`. */
function steady(rate: number, channels: Float32Array[], afterSeconds: number, everySeconds: number, check: Check): Run {
  const reads: number[] = [];
  for (let t = afterSeconds; t * rate <= framesOf(channels); t += everySeconds) reads.push(Math.round(t * rate));
  return { channels, reads, checks: () => [check] };
}

/** `times` × (−20 dBFS for `loudSeconds`, −30 for `quietSeconds`): `field` reads −23.0 from `afterSeconds` on, every 50 ms. */
function periodic(
  rate: number,
  loudSeconds: number,
  quietSeconds: number,
  times: number,
  afterSeconds: number,
  field: CheckedField,
): Run {
  const pattern = [
    { seconds: loudSeconds, dbfs: -20 },
    { seconds: quietSeconds, dbfs: -30 },
  ];
  return steady(rate, toneSequence(rate, repeat(pattern, times)), afterSeconds, 0.05, lufs(field, -23));
}

/** 20 segments of `segmentSeconds`, read at each segment's end: max since the last read = −38 + i. */
function perSegment(
  rate: number,
  burstSeconds: number,
  stepSeconds: number,
  segmentSeconds: number,
  field: CheckedField,
): Run {
  const segments = Array.from({ length: 20 }, (_, i) => [
    { seconds: i * stepSeconds, dbfs: silence },
    { seconds: burstSeconds, dbfs: -38 + i },
    { seconds: segmentSeconds - burstSeconds - i * stepSeconds, dbfs: silence },
  ]).flat();
  const reads = Array.from({ length: 20 }, (_, i) => Math.round((i + 1) * segmentSeconds * rate));
  return { channels: toneSequence(rate, segments), reads, checks: (i) => [lufs(field, -38 + i)] };
}

/** 20 files: a burst shifted by i·step after silence, read at the end (file meter). */
function shifted(rate: number, burstSeconds: number, stepSeconds: number, field: CheckedField): Run[] {
  return Array.from({ length: 20 }, (_, i) =>
    atEnd(
      toneSequence(rate, [
        { seconds: i * stepSeconds, dbfs: silence },
        { seconds: burstSeconds, dbfs: -23 },
        { seconds: 1, dbfs: silence },
      ]),
      [lufs(field, -23)],
    ),
  );
}

const steadyTone = (rate: number, dbfs: number, seconds: number) => toneSequence(rate, [{ seconds, dbfs }]);
const mIsI = (dbfs: number) => [lufs("momentaryLufs", dbfs), lufs("shortTermLufs", dbfs), lufs("integratedLufs", dbfs)];
const levels = (rate: number, dbfsList: number[], seconds: number[]) =>
  toneSequence(
    rate,
    dbfsList.map((dbfs, i) => ({ seconds: seconds[i]!, dbfs })),
  );

export const CONFORMANCE_CASES: ConformanceCase[] = [
  {
    id: "3341 #1",
    standard: "EBU Tech 3341",
    title: "1 kHz at −23 dBFS, 20 s: M = S = I = −23.0",
    runs: (rate) => [atEnd(steadyTone(rate, -23, 20), mIsI(-23))],
  },
  {
    id: "3341 #2",
    standard: "EBU Tech 3341",
    title: "1 kHz at −33 dBFS, 20 s: M = S = I = −33.0",
    runs: (rate) => [atEnd(steadyTone(rate, -33, 20), mIsI(-33))],
  },
  {
    id: "3341 #3",
    standard: "EBU Tech 3341",
    title: "−36 / −23 / −36 dBFS (10/60/10 s): I = −23.0",
    runs: (rate) => [atEnd(levels(rate, [-36, -23, -36], [10, 60, 10]), [lufs("integratedLufs", -23)])],
  },
  {
    id: "3341 #4",
    standard: "EBU Tech 3341",
    title: "−72 / −36 / −23 / −36 / −72 dBFS (10/10/60/10/10 s): I = −23.0",
    runs: (rate) => [
      atEnd(levels(rate, [-72, -36, -23, -36, -72], [10, 10, 60, 10, 10]), [lufs("integratedLufs", -23)]),
    ],
  },
  {
    id: "3341 #5",
    standard: "EBU Tech 3341",
    title: "−26 / −20 / −26 dBFS (20/20.1/20 s): I = −23.0",
    runs: (rate) => [atEnd(levels(rate, [-26, -20, -26], [20, 20.1, 20]), [lufs("integratedLufs", -23)])],
  },
  {
    id: "3341 #6",
    standard: "EBU Tech 3341",
    title: "5.0: L, R −28, C −24, Ls, Rs −30 dBFS, 20 s: I = −23.0",
    runs: (rate) => [
      atEnd(
        [-28, -28, -24, -30, -30].map((dbfs) => toneSequence(rate, [{ seconds: 20, dbfs }], { channels: 1 })[0]!),
        [lufs("integratedLufs", -23)],
      ),
    ],
  },
  {
    id: "3341 #9",
    standard: "EBU Tech 3341",
    title: "−20 dBFS 1.34 s / −30 dBFS 1.66 s, ×5: S = −23.0 from 3 s on",
    runs: (rate) => [periodic(rate, 1.34, 1.66, 5, 3, "shortTermLufs")],
  },
  {
    id: "3341 #10",
    standard: "EBU Tech 3341",
    title: "3 s at −23 dBFS shifted by 0 … 2.85 s (20 files): max S = −23.0",
    runs: (rate) => shifted(rate, 3, 0.15, "shortTermMaxSinceResetLufs"),
  },
  {
    id: "3341 #11",
    standard: "EBU Tech 3341",
    title: "20 segments of 6 s, 3 s bursts at −38 … −19 dBFS: max S per segment",
    runs: (rate) => [perSegment(rate, 3, 0.15, 6, "shortTermMaxLufs")],
  },
  {
    id: "3341 #12",
    standard: "EBU Tech 3341",
    title: "−20 dBFS 0.18 s / −30 dBFS 0.22 s, ×25: M = −23.0 from 1 s on",
    runs: (rate) => [periodic(rate, 0.18, 0.22, 25, 1, "momentaryLufs")],
  },
  {
    id: "3341 #13",
    standard: "EBU Tech 3341",
    title: "0.4 s at −23 dBFS shifted by 0 … 0.38 s (20 files): max M = −23.0",
    runs: (rate) => shifted(rate, 0.4, 0.02, "momentaryMaxSinceResetLufs"),
  },
  {
    id: "3341 #14",
    standard: "EBU Tech 3341",
    title: "20 segments of 0.8 s, 0.4 s bursts at −38 … −19 dBFS: max M per segment",
    runs: (rate) => [perSegment(rate, 0.4, 0.02, 0.8, "momentaryMaxLufs")],
  },
  ...(
    [
      ["#15", "fs/4 at 0°, −6 dBFS: −6.0 dBTP", 4, -6, 0, -6],
      ["#16", "fs/4 at 45°, −6 dBFS: −6.0 dBTP", 4, -6, 45, -6],
      ["#17", "fs/6 at 60°, −6 dBFS: −6.0 dBTP", 6, -6, 60, -6],
      ["#18", "fs/8 at 67.5°, −6 dBFS: −6.0 dBTP", 8, -6, 67.5, -6],
      ["#19", "fs/4 at 45°, +3 dBFS: +3.0 dBTP", 4, 3, 45, 3],
    ] as const
  ).map(
    ([id, title, divisor, dbfs, phase, expected]): ConformanceCase => ({
      id: `3341 ${id}`,
      standard: "EBU Tech 3341",
      title,
      runs: (rate) => {
        const x = truePeakTone(rate, divisor, dbfs, phase);
        return [atEnd([x, x], [truePeak(expected)])];
      },
    }),
  ),
  ...[0, 1, 2, 3].map(
    (offset): ConformanceCase => ({
      id: `3341 #${20 + offset}`,
      standard: "EBU Tech 3341",
      title: `fs/6 at 0.5 with one period of fs/4 at 1.0, sample offset ${offset}: 0.0 dBTP`,
      runs: (rate) => {
        const x = truePeakBurst(rate, offset);
        return [atEnd([x, x], [truePeak(0)])];
      },
    }),
  ),
  ...(
    [
      ["#1", [-20, -30], 10],
      ["#2", [-20, -15], 5],
      ["#3", [-40, -20], 20],
      ["#4", [-50, -35, -20, -35, -50], 15],
    ] as const
  ).map(
    ([id, dbfsList, expected]): ConformanceCase => ({
      id: `3342 ${id}`,
      standard: "EBU Tech 3342",
      title: `${dbfsList.map((d) => `${d}`).join(" / ")} dBFS, 20 s each: LRA = ${expected} LU`,
      runs: (rate) => [
        atEnd(
          levels(
            rate,
            [...dbfsList],
            dbfsList.map(() => 20),
          ),
          [lra(expected)],
        ),
      ],
    }),
  ),
];

/** A reading of `field` from one tap's readings. */
export function fieldOf(tap: TapReadings, field: CheckedField): number {
  return field === "truePeakMaxDbtp" ? tap.overall.truePeakMaxDbtp : tap[field];
}
