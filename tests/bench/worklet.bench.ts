/**
 * Browser benchmark (part of npm run bench): the cost of a PRE → POST pair per render quantum
 * in Chromium, from OfflineAudioContext renders of 60 s stereo 48 kHz with and without the pair,
 * and the same pair wrapped as a WAM 2 plugin.
 */
import { openDevPage } from "../browser/chromium.js";

/** The speed targets: the pair with every meter on its four taps, as a share of the quantum's time. */
const TARGET_BUDGET_PERCENT = 0.3;

const session = await openDevPage("/tests/browser/harness/index.html");
try {
  const r = await session.page.evaluate(() =>
    (globalThis as unknown as { scenarios: { cost(s: number): Promise<Record<string, number>> } }).scenarios.cost(60),
  );
  console.log("");
  console.log(
    "Chromium AudioWorklet — PRE → GainNode → POST, all meters on all four taps, stereo 48 kHz, 60 s offline render",
  );
  console.log(
    `render without the pair: ${r.baseMs!.toFixed(0)} ms, with: ${r.withPairMs!.toFixed(0)} ms (${r.quanta} quanta)`,
  );
  const percent = (100 * r.usPerQuantum!) / r.budgetUs!;
  console.log(
    `cost of the pair: ${r.usPerQuantum!.toFixed(1)} µs per 128-frame quantum = ${percent.toFixed(2)} % of the ${r.budgetUs!.toFixed(0)} µs budget (target < ${TARGET_BUDGET_PERCENT} %: ${percent < TARGET_BUDGET_PERCENT ? "met" : "not met"})`,
  );
} finally {
  await session.close();
}

const wamSession = await openDevPage("/tests/browser/wam-host/index.html");
try {
  const r = await wamSession.page.evaluate(() =>
    (globalThis as unknown as { scenarios: { wamCost(s: number): Promise<Record<string, number>> } }).scenarios.wamCost(
      60,
    ),
  );
  const percent = (us: number) => ((100 * us) / r.budgetUs!).toFixed(2);
  console.log("");
  console.log(
    "The same pair as a WAM 2 plugin (loaded by URL, host group from the SDK) against the bare web-host pair",
  );
  console.log(
    `bare pair: ${r.bareUsPerQuantum!.toFixed(1)} µs per quantum (${percent(r.bareUsPerQuantum!)} %), WAM pair: ${r.wamUsPerQuantum!.toFixed(1)} µs (${percent(r.wamUsPerQuantum!)} %)`,
  );
} finally {
  await wamSession.close();
}
