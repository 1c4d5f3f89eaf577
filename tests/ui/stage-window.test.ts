/**
 * The stage check's window: after a trim change it judges only what came
 * after, and suggests nothing before the window is long enough (after Learn, as long as Learn
 * listened). Truth: the AES17 RMS of exactly the window's samples, computed here in double
 * precision; the kernel supplies the readings the app gets.
 */
import { expect, test } from "vitest";
import { GainstagePlugin } from "../../host/core/plugin.js";
import type { EventSource } from "../../host/core/events.js";
import { paramByKey } from "../../host/model/params.js";
import { kernelModule, markTarget } from "../helpers/kernel.js";
import { TAP_IN, TAP_OUT } from "../../host/declaration/layout.js";
import { pinkNoise } from "../helpers/programme.js";
import { expectWithin } from "../helpers/tolerance.js";
import { checkStage } from "../../ui/stage-check.js";
import { MIN_WINDOW_SECONDS, StageSchedule, StageWindow, SETTLE_MS } from "../../ui/stage-window.js";
import { readSnapshot } from "../../host/model/readings.js";

const rate = 48000,
  hop = 2400; // snapshots every 50 ms (the app reads one per animation frame)
const none: EventSource = {
  size: () => 0,
  nextFrame: () => Infinity,
  nextId: () => 0,
  nextValue: () => 0,
  shift: () => {},
};

test("after Learn lowered the trim 4.7 dB, the check measures only what followed, and never offers the same cut again", () => {
  const pre = new GainstagePlugin(kernelModule, "pre");
  pre.activate(rate, hop, hop, 1);
  const signal = pinkNoise(rate * 30, 0.1, 41);
  const window = new StageWindow<"in" | "send" | "out">(() => ({
    in: { point: markTarget(pre), tap: TAP_IN },
    send: { point: markTarget(pre), tap: TAP_OUT },
    out: { point: markTarget(pre), tap: TAP_OUT },
  }));
  const ms = (frame: number) => (frame / rate) * 1000;
  const sent: number[] = [];
  let changeFrame = 0;
  const findingsAt: Record<number, ReturnType<typeof checkStage>> = {};
  for (let at = 0; at < signal.length; at += hop) {
    if (at === 10 * rate) {
      // Learn applies −4.7 dB after 10 s of listening
      pre.apply(paramByKey("inputTrimDb").id, -4.7);
      window.restart(ms(at));
      changeFrame = at;
    }
    pre.kernel.input(0).set(signal.subarray(at, at + hop));
    pre.process(at, hop, none);
    sent.push(...pre.kernel.output(0).subarray(0, hop));
    const [tapIn, tapSend] = readSnapshot(pre.kernel);
    window.push({ in: tapIn!, send: tapSend!, out: tapSend! }, rate, ms(at + hop));
    const levels = window.levels("send");
    if ([10.5, 13, 20.5, 30].includes((at + hop) / rate))
      findingsAt[(at + hop) / rate] = checkStage("plugin-input", { in: null, send: levels, out: null }, -18, 10);
  }
  // Right after the change, and until Learn's own 10 s have passed again: measuring, no fix.
  expect(findingsAt[10.5]).toEqual([
    expect.objectContaining({
      severity: "info",
      text: expect.stringMatching(/^Measuring TO EFFECT: 0\.\d of 10\.0 s since the last trim change/),
    }),
  ]);
  expect(findingsAt[13]![0]!.fix).toBeUndefined();
  // Then the window's average is exactly the AES17 RMS of what was sent after the change (settled).
  const start = changeFrame + Math.ceil(((SETTLE_MS / 1000) * rate) / hop) * hop;
  const window20 = sent.slice(start);
  const truth = 10 * Math.log10(window20.reduce((s, x) => s + x * x, 0) / window20.length) + 10 * Math.log10(2);
  expectWithin(window.levels("send")!.averageAes17Db, truth, 0.001, 0.001, "window AES17 RMS");
  expect(findingsAt[30]!.map((f) => f.fix?.changeDb)).not.toContain(-4.7);
});

test.each(["the trim's move first, then Learn's outcome", "Learn's outcome first, then the trim's move"])(
  "after Learn the check waits as long as Learn listened, whichever arrives first: %s; a later change waits 3 s",
  (order) => {
    const nowhere = { markWindow: () => {} };
    const window = new StageWindow<"send">(() => ({ send: { point: nowhere, tap: TAP_OUT } }));
    const schedule = new StageSchedule(window);
    const outcome = { applied: true, trimDb: -4.7, seconds: 16.2 };
    // Driven time: the app's clock is whatever the test says it is.
    if (order.startsWith("the trim")) {
      schedule.trimChanged(-4.7, 1000);
      schedule.learnDecided(outcome, 1016);
    } else {
      schedule.learnDecided(outcome, 1000);
      schedule.trimChanged(-4.7, 1016);
    }
    expect(schedule.minSeconds).toBe(16.2);
    schedule.trimChanged(-6, 5000); // the producer moves the trim by hand
    expect(schedule.minSeconds).toBe(MIN_WINDOW_SECONDS);
    schedule.learnDecided({ applied: false, trimDb: -6, seconds: 10 }, 6000); // a Learn that changed nothing
    schedule.trimChanged(-6, 7000);
    expect(schedule.minSeconds).toBe(MIN_WINDOW_SECONDS);
  },
);
