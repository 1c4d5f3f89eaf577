// One metering point's signal path: IN tap → stereo stage → trim → OUT tap → (POST) A aligned by
// the insert's latency → A/B listen; auto-trim (Learn, Ride) listening to what IN metered, and
// auto-match comparing A with what came back. The ABI (index.ts) checks arguments and calls in
// here. Auto-trim and auto-match act on the sample clock: a span is split where a loudness hop
// or the end of a Learn falls, so what they decide and when a step lands do not depend on the
// host's block size. Moves they make to a trim are reported as output events (param-values.ts).

import {
  TAP_IN,
  METER_LOUDNESS,
  METER_TRUE_PEAK,
  STATE_LEARNING,
  STATE_RIDING,
  LEARN_OK,
  P_INPUT_TRIM_DB,
  P_OUTPUT_TRIM_DB,
} from "./layout";
import {
  autoMatch,
  autoTrim,
  createComponents,
  delay,
  listen,
  sampleRate,
  stereo,
  tapIn,
  tapOut,
  trim,
} from "./components";
import { reportMove, storeValue, valueOf } from "./param-values";
import { applyParam } from "./point-params";
import { Tap } from "./tap";

let framesSinceReset: i64 = 0;
/** Frame of the current processRange() call's first frame (output events are reported relative to it). */
let callStart: i32 = 0;

/** Builds the path for `rate` and `channels` (arena allocation); false when memory could not grow. */
export function createPoint(rate: f64, channels: i32): bool {
  return createComponents(rate, channels);
}

export function tapOf(tap: i32): Tap {
  return tap == TAP_IN ? tapIn : tapOut;
}

/** Clears every meter and lands every gain ramp on its target (CLAP reset). */
export function resetPoint(): void {
  resetTaps();
  stereo.settle();
  trim.settle();
  listen.settle();
  delay.reset();
  autoMatch.reset();
  framesSinceReset = 0;
}

export function resetTaps(): void {
  tapIn.reset();
  tapOut.reset();
}

function loudnessOn(): bool {
  return (tapIn.meters & METER_LOUDNESS) != 0;
}
function truePeakOn(): bool {
  return (tapIn.meters & METER_TRUE_PEAK) != 0;
}

/** Meters IN, trims, meters OUT, aligns and mixes A/B for frames [start, start + count) of the planar buffers. */
export function processPoint(input: usize, output: usize, alternate: usize, start: i32, count: i32): void {
  callStart = start;
  let at = start;
  const end = start + count;
  while (at < end) {
    let span = end - at;
    const learning = autoTrim.active() && loudnessOn();
    if (learning) span = min(span, tapIn.loudness.framesToNextHop());
    const finish = autoTrim.framesUntilFinish();
    if (finish > 0) span = min(span, <i32>finish);
    if (autoMatch.on) span = min(span, autoMatch.framesToHop());
    tapIn.process(input, at, span);
    if (stereo.isIdentity()) trim.process(input, output, at, span);
    else {
      stereo.process(input, output, at, span);
      trim.process(output, output, at, span);
    }
    tapOut.process(output, at, span); // OUT always meters the processed signal (B)
    delay.process(alternate, at, span);
    if (autoMatch.on) autoMatch.accumulate(tapIn.scratch, alternate, at, span);
    listen.process(output, alternate, at, span);
    framesSinceReset += span;
    at += span;
    if (learning) learnSpan(span, at);
    if (autoMatch.on && autoMatch.atHop()) matchStep(at);
    autoTrim.advance(span);
    if (autoTrim.state == STATE_LEARNING && autoTrim.framesLeft == 0) finishLearning(at);
  }
}

/** Feeds the span IN just metered (its sanitized copy) to the learner; closes hops; rides. */
function learnSpan(count: i32, end: i32): void {
  const learner = autoTrim.learner;
  learner.accumulate(tapIn.scratch, count);
  if (!tapIn.loudness.atHop()) return;
  const riding = autoTrim.state == STATE_RIDING;
  learner.endHop(
    tapIn.loudness.blockEnergy,
    truePeakOn() ? tapIn.truePeak.takeSinceHop() : 0.0,
    riding ? autoTrim.rideDecay : 1.0,
  );
  if (!riding) return;
  const current = valueOf(P_INPUT_TRIM_DB);
  const next = autoTrim.rideStep(current, loudnessOn(), truePeakOn());
  if (next != current) moveTrim(P_INPUT_TRIM_DB, next, end);
}

/** Auto-match's hop: the output trim moves toward OUT = IN loudness, within its tolerance and speed. */
function matchStep(end: i32): void {
  autoMatch.endHop();
  const current = valueOf(P_OUTPUT_TRIM_DB);
  const next = autoMatch.step(current);
  if (next != current) moveTrim(P_OUTPUT_TRIM_DB, next, end);
}

/** The kernel moves a trim itself (Ride, Learn, auto-match): applied, and reported as an output event. */
function moveTrim(id: i32, trimDb: f64, frame: i32): void {
  const value = storeValue(id, trimDb);
  applyParam(id, framesSinceReset == 0);
  reportMove(id, value, frame - callStart);
}

/** Starts learning for `seconds` (0 = until finished); the window starts now. */
export function startLearning(seconds: f64): void {
  autoTrim.start(seconds, sampleRate);
  if (truePeakOn()) tapIn.truePeak.takeSinceHop();
}

/** Ends Learn and decides; a decision that can be applied moves the input trim (at frame `frame` of the call). */
export function finishLearning(frame: i32): void {
  if (autoTrim.state != STATE_LEARNING) return;
  if (truePeakOn()) autoTrim.learner.openTruePeak = tapIn.truePeak.peekSinceHop();
  autoTrim.finish(loudnessOn(), truePeakOn());
  if (autoTrim.status == LEARN_OK) moveTrim(P_INPUT_TRIM_DB, autoTrim.trimDb, frame);
}

export function cancelLearning(): void {
  if (autoTrim.state == STATE_LEARNING) autoTrim.cancel();
}

/** Whether a set parameter should land at once: before the first processed frame nothing ramps. */
export function beforeFirstFrame(): bool {
  return framesSinceReset == 0;
}
