/**
 * EBU Tech 3341 V4 (2023) Table 1, every synthetic case (docs/metering.md §10), with the standard's
 * tolerances: ±0.1 LU for loudness, +0.2/−0.4 dB for true peak.
 */
import { describe, test } from "vitest";
import { meterSignal } from "../helpers/kernel.js";
import { toneSequence, truePeakTone, truePeakBurst, sine, type Segment } from "../helpers/signals.js";
import { expectWithin } from "../helpers/tolerance.js";

const LU = 0.1;
const silence = -Infinity;

describe("EBU 3341 #1, #2: steady 1 kHz, M = S = I", () => {
  const cases: [string, number, number, number][] = [
    ["#1", 48000, -23, 20],
    ["#1 @44.1k", 44100, -23, 10],
    ["#1 @96k", 96000, -23, 10],
    ["#2", 48000, -33, 20],
  ];
  test.each(cases)("%s", (_, rate, dbfs, seconds) => {
    const r = meterSignal(rate, toneSequence(rate, [{ seconds, dbfs }]));
    expectWithin(r.momentaryLufs, dbfs, LU, LU, "M");
    expectWithin(r.shortTermLufs, dbfs, LU, LU, "S");
    expectWithin(r.integratedLufs, dbfs, LU, LU, "I");
  });
});

describe("EBU 3341 #3–#5: integrated loudness with gating", () => {
  const cases: [string, number, Segment[]][] = [
    [
      "#3",
      48000,
      [
        { seconds: 10, dbfs: -36 },
        { seconds: 60, dbfs: -23 },
        { seconds: 10, dbfs: -36 },
      ],
    ],
    [
      "#3 @44.1k",
      44100,
      [
        { seconds: 10, dbfs: -36 },
        { seconds: 60, dbfs: -23 },
        { seconds: 10, dbfs: -36 },
      ],
    ],
    [
      "#4",
      48000,
      [
        { seconds: 10, dbfs: -72 },
        { seconds: 10, dbfs: -36 },
        { seconds: 60, dbfs: -23 },
        { seconds: 10, dbfs: -36 },
        { seconds: 10, dbfs: -72 },
      ],
    ],
    [
      "#5",
      48000,
      [
        { seconds: 20, dbfs: -26 },
        { seconds: 20.1, dbfs: -20 },
        { seconds: 20, dbfs: -26 },
      ],
    ],
    [
      "#5 @44.1k",
      44100,
      [
        { seconds: 20, dbfs: -26 },
        { seconds: 20.1, dbfs: -20 },
        { seconds: 20, dbfs: -26 },
      ],
    ],
  ];
  test.each(cases)("%s: I = −23.0", (_, rate, segments) => {
    expectWithin(meterSignal(rate, toneSequence(rate, segments)).integratedLufs, -23, LU, LU, "I");
  });
});

test("EBU 3341 #6: 5.0 (L, R −28; C −24; Ls, Rs −30 dBFS) reads I = −23.0", () => {
  const rate = 48000;
  const level = [-28, -28, -24, -30, -30];
  const channels = level.map((dbfs) => toneSequence(rate, [{ seconds: 20, dbfs }], { channels: 1 })[0]!);
  expectWithin(meterSignal(rate, channels).integratedLufs, -23, LU, LU, "I");
});

describe("EBU 3341 #9, #12: periodic signals read constant S and M", () => {
  const cases: [string, number, Segment[], number, "shortTermLufs" | "momentaryLufs", number][] = [];
  for (const rate of [48000, 44100, 96000]) {
    cases.push([
      `#9 @${rate}`,
      rate,
      repeat(
        [
          { seconds: 1.34, dbfs: -20 },
          { seconds: 1.66, dbfs: -30 },
        ],
        5,
      ),
      3,
      "shortTermLufs",
      0.01,
    ]);
    cases.push([
      `#12 @${rate}`,
      rate,
      repeat(
        [
          { seconds: 0.18, dbfs: -20 },
          { seconds: 0.22, dbfs: -30 },
        ],
        25,
      ),
      1,
      "momentaryLufs",
      0.01,
    ]);
  }
  test.each(cases)("%s", (_, rate, segments, afterSeconds, field, readSeconds) => {
    let checked = 0;
    meterSignal(rate, toneSequence(rate, segments), {
      readEveryFrames: Math.round(readSeconds * rate),
      onRead: (tap, frame) => {
        if (frame < afterSeconds * rate) return;
        expectWithin(tap[field], -23, LU, LU, `${field} at ${frame / rate} s`);
        checked++;
      },
    });
    if (checked < 100) throw new Error(`only ${checked} readings checked`);
  });
});

describe("EBU 3341 #10, #13: max S / max M of a shifted burst (file meter)", () => {
  const shifts = Array.from({ length: 20 }, (_, i) => i);
  test.each(shifts)("#10-%i: max S = −23.0", (i) => {
    const rate = 48000;
    const r = meterSignal(
      rate,
      toneSequence(rate, [
        { seconds: i * 0.15, dbfs: silence },
        { seconds: 3, dbfs: -23 },
        { seconds: 1, dbfs: silence },
      ]),
    );
    expectWithin(r.shortTermMaxSinceResetLufs, -23, LU, LU, "max S");
  });
  test.each(shifts)("#13-%i: max M = −23.0", (i) => {
    const rate = 48000;
    const r = meterSignal(
      rate,
      toneSequence(rate, [
        { seconds: i * 0.02, dbfs: silence },
        { seconds: 0.4, dbfs: -23 },
        { seconds: 1, dbfs: silence },
      ]),
    );
    expectWithin(r.momentaryMaxSinceResetLufs, -23, LU, LU, "max M");
  });
});

describe("EBU 3341 #11, #14: max S / max M per segment (live meter, one stream)", () => {
  test("#11: max S = −38 … −19 per 6 s segment", () => {
    const rate = 48000;
    const segments = Array.from({ length: 20 }, (_, i) => [
      { seconds: i * 0.15, dbfs: silence },
      { seconds: 3, dbfs: -38 + i },
      { seconds: 3 - i * 0.15, dbfs: silence },
    ]).flat();
    let segment = 0;
    meterSignal(rate, toneSequence(rate, segments), {
      readEveryFrames: 6 * rate,
      onRead: (tap) => {
        expectWithin(tap.shortTermMaxLufs, -38 + segment, LU, LU, `segment ${segment}`);
        segment++;
      },
    });
    if (segment !== 20) throw new Error(`read ${segment} segments`);
  });
  test("#14: max M = −38 … −19 per 0.8 s segment", () => {
    const rate = 48000;
    const segments = Array.from({ length: 20 }, (_, i) => [
      { seconds: i * 0.02, dbfs: silence },
      { seconds: 0.4, dbfs: -38 + i },
      { seconds: 0.4 - i * 0.02, dbfs: silence },
    ]).flat();
    let segment = 0;
    meterSignal(rate, toneSequence(rate, segments), {
      readEveryFrames: Math.round(0.8 * rate),
      onRead: (tap) => {
        expectWithin(tap.momentaryMaxLufs, -38 + segment, LU, LU, `segment ${segment}`);
        segment++;
      },
    });
    if (segment !== 20) throw new Error(`read ${segment} segments`);
  });
});

/** The true-peak cases are fs-relative: each must pass at every common rate, the high ones included. */
const TRUE_PEAK_RATES = [44100, 48000, 88200, 96000, 176400, 192000];

describe("EBU 3341 #15–#19: true peak of tones, +0.2/−0.4 dB, at every rate", () => {
  const tones: [string, number, number, number, number][] = [
    ["#15 fs/4 0°", 4, -6, 0, -6],
    ["#16 fs/4 45°", 4, -6, 45, -6],
    ["#17 fs/6 60°", 6, -6, 60, -6],
    ["#18 fs/8 67.5°", 8, -6, 67.5, -6],
    ["#19 fs/4 45° +3 dB", 4, 3, 45, 3],
  ];
  const cases = TRUE_PEAK_RATES.flatMap((rate) =>
    tones.map((t) => [`${t[0]} @${rate}`, rate, ...t.slice(1)] as [string, number, number, number, number, number]),
  );
  test.each(cases)("%s", (_, rate, divisor, dbfs, phase, expected) => {
    const x = truePeakTone(rate, divisor, dbfs, phase);
    expectWithin(meterSignal(rate, [x, x]).overall.truePeakMaxDbtp, expected, 0.2, 0.4, "dBTP");
  });
});

describe("EBU 3341 #20–#23: inter-sample burst, TP = 0.0 +0.2/−0.4 dBTP, at every rate", () => {
  const cases = TRUE_PEAK_RATES.flatMap((rate) => [0, 1, 2, 3].map((offset) => [20 + offset, rate, offset]));
  test.each(cases)("#%i @%i (offset %i)", (_, rate, offset) => {
    const x = truePeakBurst(rate, offset);
    expectWithin(meterSignal(rate, [x, x]).overall.truePeakMaxDbtp, 0, 0.2, 0.4, "dBTP");
  });
});

test("BS.1770-5: a 0 dBFS 997 Hz sine in one channel reads −3.01 LKFS; mono counts as one channel", () => {
  const rate = 48000;
  const tone = sine(rate, 997, 0, 10);
  const silent = new Float32Array(tone.length);
  expectWithin(meterSignal(rate, [tone, silent]).integratedLufs, -3.01, 0.01, 0.01, "L only");
  expectWithin(meterSignal(rate, [tone]).integratedLufs, -3.01, 0.01, 0.01, "mono");
  // The same source on both channels of a stereo bus reads 3 dB higher (docs/metering.md §9.3).
  expectWithin(meterSignal(rate, [tone, tone]).integratedLufs, 0, 0.01, 0.01, "L = R");
});

function repeat(segments: Segment[], times: number): Segment[] {
  return Array.from({ length: times }, () => segments).flat();
}
