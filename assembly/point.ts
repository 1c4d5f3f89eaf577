// One metering point's signal path: IN tap → trim → OUT tap → A/B listen, and auto-trim (Learn,
// Ride) listening to what IN metered. The ABI (index.ts) checks arguments and calls in here.
// Auto-trim acts on the sample clock: a span is split where a loudness hop or the end of a Learn
// falls, so what it learns and when a ride step lands do not depend on the host's block size.
// Moves it makes to the input trim are reported as output events (param-values.ts).

import {
  TAP_FIELDS,
  TAP_IN,
  TAP_OUT,
  TAP_COUNT,
  METER_LOUDNESS,
  METER_TRUE_PEAK,
  STATE_LEARNING,
  STATE_RIDING,
  STATE_IDLE,
  LEARN_OK,
  P_INPUT_TRIM_DB,
  P_OUTPUT_TRIM_DB,
  P_BYPASS,
  P_POLARITY_L,
  P_POLARITY_R,
  P_VU_REFERENCE_DBFS,
  P_AB_LISTEN,
  P_AUTO_RIDE,
  P_AUTO_TRIM_DETECTOR,
  P_AUTO_TRIM_TARGET_DB,
  P_PEAK_CEILING_DBFS,
  P_PEAK_CEILING_ON,
  P_PEAK_CEILING_TP_DBTP,
  P_PEAK_CEILING_TP_ON,
  A_STATE,
  A_STATUS,
  A_DETECTOR,
  A_LEVEL_DB,
  A_TARGET_DB,
  A_TRIM_DB,
  A_LIMITED_BY,
  A_PEAK_BEFORE_DBFS,
  A_PEAK_AFTER_DBFS,
  A_SECONDS,
  A_BLOCKS_TOTAL,
  A_BLOCKS_KEPT,
  A_INPUT_TRIM_DB,
  A_OUTPUT_TRIM_DB,
  A_TRUE_PEAK_BEFORE_DBTP,
  A_TRUE_PEAK_AFTER_DBTP,
} from "./layout";
import { AutoTrim } from "./auto-trim";
import { Listen } from "./listen";
import { reportMove, storeValue, valueOf } from "./param-values";
import { writeSlot } from "./readout";
import { Tap } from "./tap";
import { Trim } from "./trim";

let trim: Trim = changetype<Trim>(0);
let tapIn: Tap = changetype<Tap>(0);
let tapOut: Tap = changetype<Tap>(0);
let listen: Listen = changetype<Listen>(0);
let autoTrim: AutoTrim = changetype<AutoTrim>(0);
let sampleRate: f64 = 0;
let framesSinceReset: i64 = 0;
/** Frame of the current processRange() call's first frame (output events are reported relative to it). */
let callStart: i32 = 0;

/** Builds the path for `rate` and `channels` (arena allocation); false when memory could not grow. */
export function createPoint(rate: f64, channels: i32): bool {
  trim = Trim.create(rate, channels);
  tapIn = Tap.create(rate, channels);
  tapOut = Tap.create(rate, channels);
  listen = Listen.create(rate, channels);
  autoTrim = AutoTrim.create(tapIn.loudness.hopFrames, rate, channels);
  sampleRate = rate;
  return changetype<usize>(autoTrim.learner) != 0;
}

export function tapOf(tap: i32): Tap {
  return tap == TAP_IN ? tapIn : tapOut;
}

/** Clears every meter and lands every gain ramp on its target (CLAP reset). */
export function resetPoint(): void {
  resetTaps();
  trim.settle();
  listen.settle();
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

/** Meters IN, trims, meters OUT, mixes A/B for frames [start, start + count) of the planar buffers. */
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
    tapIn.process(input, at, span);
    trim.process(input, output, at, span);
    tapOut.process(output, at, span); // OUT always meters the processed signal (B)
    listen.process(output, alternate, at, span);
    framesSinceReset += span;
    at += span;
    if (learning) learnSpan(span, at);
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
    truePeakOn() ? tapIn.truePeak.takeSinceMark() : 0.0,
    riding ? autoTrim.rideDecay : 1.0,
  );
  if (!riding) return;
  const current = valueOf(P_INPUT_TRIM_DB);
  const next = autoTrim.rideStep(current, loudnessOn(), truePeakOn());
  if (next != current) moveInputTrim(next, end);
}

/** The kernel moves the input trim itself (Ride, Learn): applied, and reported as an output event. */
function moveInputTrim(trimDb: f64, frame: i32): void {
  const value = storeValue(P_INPUT_TRIM_DB, trimDb);
  applyParam(P_INPUT_TRIM_DB, framesSinceReset == 0);
  reportMove(P_INPUT_TRIM_DB, value, frame - callStart);
}

/** Starts learning for `seconds` (0 = until finished); the window starts now. */
export function startLearning(seconds: f64): void {
  autoTrim.start(seconds, sampleRate);
  if (truePeakOn()) tapIn.truePeak.takeSinceMark();
}

/** Ends Learn and decides; a decision that can be applied moves the input trim (at frame `frame` of the call). */
export function finishLearning(frame: i32): void {
  if (autoTrim.state != STATE_LEARNING) return;
  if (truePeakOn()) autoTrim.learner.openTruePeak = tapIn.truePeak.peekSinceMark();
  autoTrim.finish(loudnessOn(), truePeakOn());
  if (autoTrim.status == LEARN_OK) moveInputTrim(autoTrim.trimDb, frame);
}

export function cancelLearning(): void {
  if (autoTrim.state == STATE_LEARNING) autoTrim.cancel();
}

/** Applies parameter `id`'s stored value; `immediate` lands ramps at once (before the first frame). */
export function applyParam(id: i32, immediate: bool): void {
  const value = valueOf(id);
  if (id == P_INPUT_TRIM_DB || id == P_OUTPUT_TRIM_DB)
    trim.setTrimDb(valueOf(P_INPUT_TRIM_DB), valueOf(P_OUTPUT_TRIM_DB), immediate);
  else if (id == P_BYPASS) trim.setBypass(value >= 0.5, immediate);
  else if (id == P_POLARITY_L || id == P_POLARITY_R) trim.setPolarity(id - P_POLARITY_L, value >= 0.5, immediate);
  else if (id == P_AB_LISTEN) listen.set(value >= 0.5, immediate);
  else if (id == P_AUTO_RIDE) {
    if (value >= 0.5) autoTrim.startRiding();
    else if (autoTrim.state == STATE_RIDING) autoTrim.state = STATE_IDLE;
  } else if (id == P_AUTO_TRIM_DETECTOR) autoTrim.detector = <i32>value;
  else if (id == P_AUTO_TRIM_TARGET_DB) autoTrim.targetDb = value;
  else if (id == P_PEAK_CEILING_DBFS || id == P_PEAK_CEILING_ON) {
    autoTrim.ceilingDbfs = valueOf(P_PEAK_CEILING_DBFS);
    autoTrim.ceilingOn = valueOf(P_PEAK_CEILING_ON) >= 0.5;
  } else if (id == P_PEAK_CEILING_TP_DBTP || id == P_PEAK_CEILING_TP_ON) {
    autoTrim.truePeakCeilingDbtp = valueOf(P_PEAK_CEILING_TP_DBTP);
    autoTrim.truePeakCeilingOn = valueOf(P_PEAK_CEILING_TP_ON) >= 0.5;
  }
  // P_VU_REFERENCE_DBFS is read where it is used (readPoint).
}

/** Whether a set parameter should land at once: before the first processed frame nothing ramps. */
export function beforeFirstFrame(): bool {
  return framesSinceReset == 0;
}

/** Writes both taps' readouts and the auto-trim block at `readout`; starts every "since read" interval. */
export function readPoint(readout: usize): void {
  const vuReference = valueOf(P_VU_REFERENCE_DBFS);
  tapIn.read(readout + <usize>(TAP_IN * TAP_FIELDS * 8), vuReference);
  tapOut.read(readout + <usize>(TAP_OUT * TAP_FIELDS * 8), vuReference);
  const out = readout + <usize>(TAP_COUNT * TAP_FIELDS * 8);
  // While learning, show the decision so far (progress); DONE keeps the final one.
  if (autoTrim.state == STATE_LEARNING) {
    if (truePeakOn()) autoTrim.learner.openTruePeak = tapIn.truePeak.peekSinceMark();
    autoTrim.decide(loudnessOn(), truePeakOn());
  }
  const learner = autoTrim.learner;
  writeSlot(out, A_STATE, <f64>autoTrim.state);
  writeSlot(out, A_STATUS, <f64>autoTrim.status);
  writeSlot(out, A_DETECTOR, <f64>autoTrim.detector);
  writeSlot(out, A_LEVEL_DB, autoTrim.levelDb);
  writeSlot(out, A_TARGET_DB, autoTrim.effectiveTargetDb());
  writeSlot(out, A_TRIM_DB, autoTrim.trimDb);
  writeSlot(out, A_LIMITED_BY, <f64>autoTrim.limitedBy);
  writeSlot(out, A_PEAK_BEFORE_DBFS, autoTrim.peakBeforeDbfs);
  writeSlot(out, A_PEAK_AFTER_DBFS, autoTrim.peakBeforeDbfs + autoTrim.trimDb);
  writeSlot(out, A_SECONDS, autoTrim.framesLearned / sampleRate);
  writeSlot(out, A_BLOCKS_TOTAL, learner.blocksTotal);
  writeSlot(out, A_BLOCKS_KEPT, learner.blocksKept());
  writeSlot(out, A_INPUT_TRIM_DB, valueOf(P_INPUT_TRIM_DB));
  writeSlot(out, A_OUTPUT_TRIM_DB, valueOf(P_OUTPUT_TRIM_DB));
  writeSlot(out, A_TRUE_PEAK_BEFORE_DBTP, autoTrim.truePeakBeforeDbtp);
  writeSlot(out, A_TRUE_PEAK_AFTER_DBTP, autoTrim.truePeakBeforeDbtp + autoTrim.trimDb);
}
