/** EBU Tech 3342 (2023) Table 1, synthetic cases 1–4: LRA ±1 LU (docs/metering.md §10). */
import { test } from "vitest";
import { meterSignal } from "../helpers/kernel.js";
import { toneSequence } from "../helpers/signals.js";
import { expectWithin } from "../helpers/tolerance.js";

const cases: [string, number[], number][] = [
  ["#1", [-20, -30], 10],
  ["#2", [-20, -15], 5],
  ["#3", [-40, -20], 20],
  ["#4", [-50, -35, -20, -35, -50], 15],
];

test.each(cases)("%s: LRA", (_, levels, expected) => {
  const rate = 48000;
  const r = meterSignal(
    rate,
    toneSequence(
      rate,
      levels.map((dbfs) => ({ seconds: 20, dbfs })),
    ),
  );
  expectWithin(r.loudnessRangeLu, expected, 1, 1, "LRA");
});
