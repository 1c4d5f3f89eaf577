/**
 * The console's render loop: once per animation frame, one meter snapshot per point (the audio
 * thread never posts per block), and every view drawn from it — strips, chain, A/B, Learn,
 * history, the effect's view, the speaker guard light — and, a few times a second, the stage
 * check over its window. Thread: main thread (requestAnimationFrame).
 */
import type { PointSnapshot } from "../host/formats/web/meter-snapshot.js";
import type { TapReadings } from "../host/model/readings.js";
import type { ParamStore } from "../host/model/param-store.js";
import { formatDb } from "../host/model/format.js";
import { TAP_IN, TAP_OUT } from "../host/declaration/layout.js";
import type { AbPanel } from "./ab-panel.js";
import type { ChainDiagram } from "./chain-diagram.js";
import type { Engine } from "./engine.js";
import type { HistoryPlot } from "./history-plot.js";
import type { InsertView } from "./insert-view.js";
import type { LearnPanel } from "./learn-panel.js";
import type { MeterStrip } from "./meter-strip.js";
import type { PointId } from "./meter-points.js";
import type { WhyPanel } from "./why-panel.js";
import { renderStage } from "./stage-panel.js";
import { StageSchedule, StageWindow } from "./stage-window.js";
import { learnMeasure, learnResult } from "./learn-measure.js";

const STAGE_CHECK_EVERY_MS = 250;
const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;

export interface Views {
  strips: Record<PointId, MeterStrip>;
  chain: ChainDiagram;
  ab: AbPanel;
  learn: LearnPanel;
  history: HistoryPlot;
  insertView: InsertView;
  why: WhyPanel;
}

/**
 * Starts the loop; returns the latest snapshots and the stage check's schedule (for the tests and
 * for developers).
 */
export function startRenderLoop(
  engine: Engine,
  store: ParamStore,
  views: Views,
): { meters: () => { pre: PointSnapshot; post: PointSnapshot } | null; stage: StageSchedule<PointId> } {
  let last: { pre: PointSnapshot; post: PointSnapshot } | null = null;
  let lastStageMs = 0;
  const stageWindow = new StageWindow<PointId>(() => ({
    in: { point: engine.pre, tap: TAP_IN },
    send: { point: engine.pre, tap: TAP_OUT },
    return: { point: engine.post, tap: TAP_IN },
    out: { point: engine.post, tap: TAP_OUT },
  }));
  const stage = new StageSchedule(stageWindow);
  store.subscribe((key) => {
    if (key === "inputTrimDb" || key === "outputTrimDb") stage.trimChanged(store.get("inputTrimDb"), performance.now());
  });
  views.learn.onDecided((outcome) => stage.learnDecided(outcome, performance.now()));
  const play = $<HTMLButtonElement>("#play"),
    guard = $<HTMLButtonElement>("#speaker-guard");
  guard.addEventListener("click", () => engine.guard.reset());
  const frame = (nowMs: number) => {
    const pre = engine.pre.meters(),
      post = engine.post.meters();
    if (pre && post) {
      last = { pre, post };
      const taps: Record<PointId, TapReadings> = {
        in: pre.before,
        send: pre.after,
        return: post.before,
        out: post.after,
      };
      for (const id of Object.keys(taps) as PointId[]) views.strips[id].update(taps[id], nowMs, pre.sampleRate);
      const detector = store.get("autoTrimDetector");
      const sendLevels = stageWindow.levels("send");
      views.chain.update(taps, { send: learnMeasure(detector, taps.send, sendLevels).text });
      views.ab.update({ in: taps.in, out: taps.out }, pre.sampleRate, nowMs);
      views.learn.update(pre.autoTrim);
      views.learn.showResult(
        stage.sinceLearn ? learnResult(detector, store.get("autoTrimTargetDb"), taps.send, sendLevels) : null,
      );
      views.history.push({ in: taps.in, out: taps.out }, nowMs, {
        in: store.get("inputTrimDb"),
        out: store.get("outputTrimDb"),
      });
      views.insertView.update(taps.send.overall.samplePeakDbfs, nowMs);
      const context = (psrDb: number) => ({
        vuReferenceDbfs: store.get("vuReferenceDbfs"),
        ppmStandard: store.get("ppmStandard"),
        psrDb,
      });
      views.why.update(
        { in: taps.in, out: taps.out },
        { in: context(views.strips.in.psrDb), out: context(views.strips.out.psrDb) },
        nowMs,
      );
      stageWindow.push(
        { in: taps.in, send: taps.send, out: taps.out } as Record<PointId, TapReadings>,
        pre.sampleRate,
        nowMs,
      );
      if (nowMs - lastStageMs > STAGE_CHECK_EVERY_MS) {
        lastStageMs = nowMs;
        renderStage(stageWindow, store, stage.minSeconds);
      }
    }
    const tripped = engine.guard.tripped();
    guard.hidden = tripped === null;
    if (tripped !== null) {
      const text = `Speakers muted: the output reached ${formatDb(tripped, "dBFS")}. Lower the trims, then click to unmute.`;
      if (guard.textContent !== text) guard.textContent = text;
    }
    play.textContent = engine.playing ? "Pause" : "Play";
    play.setAttribute("aria-pressed", String(engine.playing));
    $("#source-name").textContent = engine.sourceName;
    $("#position").textContent = engine.durationSeconds
      ? `${engine.positionSeconds.toFixed(1)} / ${engine.durationSeconds.toFixed(1)} s`
      : "live";
    $<HTMLInputElement>("#monitor").checked = engine.monitoring;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  return { meters: () => last, stage };
}
