// Gainstage DSP kernel — the ABI. Plain numeric functions over fixed memory (raw bindings);
// knows nothing of Web Audio, Node or messages. Thread: every function runs on the audio thread
// (or the offline host's worker) and none allocates after setup(); setup() may grow memory.
//
// Per block, the host: writes planar f32 input at inputBuffer(), calls processRange() once per
// span between parameter events (setParam() in between, sample-accurate), and reads the planar
// output at outputBuffer(). readMeters() writes both taps' readouts at readoutBuffer().

import { arenaReset, arenaUsedBytes as usedBytes } from "./arena";
import {
  MAX_CHANNELS, MAX_FRAMES, MIN_SAMPLE_RATE, MAX_SAMPLE_RATE, TAP_FIELDS, TAP_IN, TAP_OUT, TAP_COUNT,
  STATUS_OK, STATUS_CLAMPED, STATUS_BAD_SAMPLE_RATE, STATUS_BAD_CHANNELS, STATUS_BAD_FRAMES,
  STATUS_BAD_PARAM_ID, STATUS_NOT_FINITE, STATUS_NOT_READY, STATUS_OUT_OF_MEMORY, STATUS_BAD_TAP,
  STATUS_BAD_MASK, STATUS_BAD_VALUE, METER_ALL,
} from "./layout";
import {
  P_INPUT_TRIM_DB, P_OUTPUT_TRIM_DB, P_BYPASS, P_VU_REFERENCE_DBFS, P_POLARITY_BASE, PARAM_ID_END,
  P_LEARN_TARGET_DB, P_LEARN_DETECTOR, P_CEILING_DBFS, P_CEILING_ON, P_LISTEN_A, P_AUTO_RIDE,
  P_CEILING_TP_DBTP, P_CEILING_TP_ON, paramMin, paramMax, paramDefault, paramIsStepped, isKnownParam, isPolarity,
} from "./params";
import {
  READOUT_SLOTS, A_STATE, A_STATUS, A_DETECTOR, A_LEVEL_DB, A_TARGET_DB, A_TRIM_DB, A_LIMITED_BY,
  A_PEAK_BEFORE_DBFS, A_PEAK_AFTER_DBFS, A_SECONDS, A_BLOCKS_TOTAL, A_BLOCKS_KEPT, A_INPUT_TRIM_DB,
  A_OUTPUT_TRIM_DB, A_TRUE_PEAK_BEFORE_DBTP, A_TRUE_PEAK_AFTER_DBTP, METER_LOUDNESS, METER_TRUE_PEAK,
} from "./layout";
import { Trim } from "./trim";
import { Tap } from "./tap";
import { Listen } from "./listen";
import { AutoTrim, STATE_LEARNING, STATE_RIDING, STATE_IDLE, detectorTargetMin as targetMin, detectorTargetMax as targetMax } from "./auto-trim";
import { quantumFrames } from "./quantum";

const MAX_INTEGER_BITS: i32 = 32;

export * from "./layout";
export * from "./params";

const BUFFER_BYTES: i32 = MAX_CHANNELS * MAX_FRAMES * 4;
const input = memory.data(BUFFER_BYTES, 16);
const output = memory.data(BUFFER_BYTES, 16);
/** The alternate input A/B listen switches to (A: what entered PRE), same layout as the input. */
const alternate = memory.data(BUFFER_BYTES, 16);
const readout = memory.data(READOUT_SLOTS * 8, 16);
/** Plain parameter values, by id; they live outside the arena so they survive a new setup(). */
const paramValues = memory.data(PARAM_ID_END * 8, 8);
/** Each tap's clip rule (setClipRule), i32 per tap; kept across setup() like the parameters. */
const clipRules = memory.data(TAP_COUNT * 4, 4);

let ready = false;
let channelCount: i32 = 0;
let framesSinceReset: i64 = 0;
let trim: Trim = changetype<Trim>(0);
let tapIn: Tap = changetype<Tap>(0);
let tapOut: Tap = changetype<Tap>(0);
let listen: Listen = changetype<Listen>(0);
let autoTrim: AutoTrim = changetype<AutoTrim>(0);
let currentSampleRate: f64 = 0;

for (let id = 0; id < PARAM_ID_END; id++) {
  store<f64>(paramValues + (<usize>id << 3), isKnownParam(id) ? paramDefault(id) : 0.0);
}

/** Planar f32 input: channel c at inputBuffer() + c · MAX_FRAMES · 4. */
export function inputBuffer(): usize { return input; }
/** Planar f32 output, same layout. */
export function outputBuffer(): usize { return output; }
/** Planar f32 alternate input for A/B listen (A), same layout. */
export function alternateBuffer(): usize { return alternate; }
/** f64 readout: tap t's block at readoutBuffer() + t · TAP_FIELDS · 8 (layout.ts). */
export function readoutBuffer(): usize { return readout; }
/**
 * Frames between evaluations of the windowed meters at `sampleRate` (≤ 1 ms; quantum.ts). A
 * reading taken at a multiple of it is the window ending exactly there.
 */
export function evaluationFrames(sampleRate: f64): i32 { return quantumFrames(sampleRate); }
/** Bytes the meters' state takes for the current setup. */
export function arenaUsedBytes(): usize { return usedBytes(); }
/** Lowest auto-trim target detector `detector` accepts (its own units). */
export function detectorTargetMin(detector: i32): f64 { return targetMin(detector); }
/** Highest auto-trim target detector `detector` accepts. */
export function detectorTargetMax(detector: i32): f64 { return targetMax(detector); }

/**
 * Prepares the kernel for `sampleRate` Hz (8 000 … 384 000) and `channels` (1 … 8). Parameter
 * values are kept; meters start from silence. On an error status nothing has changed.
 */
export function setup(sampleRate: f64, channels: i32): i32 {
  if (!(sampleRate >= MIN_SAMPLE_RATE && sampleRate <= MAX_SAMPLE_RATE)) return STATUS_BAD_SAMPLE_RATE;
  if (channels < 1 || channels > MAX_CHANNELS) return STATUS_BAD_CHANNELS;
  ready = false;
  arenaReset();
  trim = Trim.create(sampleRate, channels);
  tapIn = Tap.create(sampleRate, channels);
  tapOut = Tap.create(sampleRate, channels);
  listen = Listen.create(sampleRate, channels);
  autoTrim = AutoTrim.create(tapIn.loudness.hopFrames, sampleRate, channels);
  if (changetype<usize>(autoTrim.learner) == 0) return STATUS_OUT_OF_MEMORY;
  tapIn.setClipRule(load<i32>(clipRules + (<usize>TAP_IN << 2)));
  tapOut.setClipRule(load<i32>(clipRules + (<usize>TAP_OUT << 2)));
  currentSampleRate = sampleRate;
  channelCount = channels;
  ready = true;
  applyParams();
  reset();
  return STATUS_OK;
}

/** Clears every meter and lands every gain ramp on its target (CLAP reset). */
export function reset(): void {
  if (!ready) return;
  resetMeters();
  trim.settle();
  listen.settle();
  framesSinceReset = 0;
}

/** Clears every meter (peaks, windows, integrated loudness, LRA, counts); audio is untouched. */
export function resetMeters(): void {
  if (!ready) return;
  tapIn.reset();
  tapOut.reset();
}

/**
 * Sets parameter `id` to the plain value `value`. Non-finite values and unknown ids are
 * rejected (negative status, nothing changes); out-of-range values are clamped and stepped ones
 * rounded (STATUS_CLAMPED). Before the first processed frame the value applies at once (a
 * restored session never ramps); afterwards it ramps over GAIN_SMOOTHING_MS from the next frame.
 */
export function setParam(id: i32, value: f64): i32 {
  if (!isKnownParam(id)) return STATUS_BAD_PARAM_ID;
  if (!isFinite(value)) return STATUS_NOT_FINITE;
  let plain = min(max(value, paramMin(id)), paramMax(id));
  if (paramIsStepped(id)) plain = Math.round(plain);
  store<f64>(paramValues + (<usize>id << 3), plain);
  if (ready) applyParam(id, framesSinceReset == 0);
  return plain == value ? STATUS_OK : STATUS_CLAMPED;
}

/** The plain value of parameter `id`; NaN for an unknown id. */
export function getParam(id: i32): f64 {
  return isKnownParam(id) ? load<f64>(paramValues + (<usize>id << 3)) : NaN;
}

/**
 * Meters IN, trims, meters OUT for frames [start, start + count) of the buffers
 * (0 <= start, 1 <= count, start + count <= MAX_FRAMES). Returns a status; on error nothing ran.
 */
export function processRange(start: i32, count: i32): i32 {
  if (!ready) return STATUS_NOT_READY;
  if (start < 0 || count < 1 || start > MAX_FRAMES - count) return STATUS_BAD_FRAMES;
  // Auto-trim acts on the sample clock: split where a loudness hop or the end of a Learn falls,
  // so what it learns and when a ride step lands do not depend on the block size.
  let at = start;
  const end = start + count;
  while (at < end) {
    let span = end - at;
    const learning = autoTrim.active() && loudnessOn();
    if (learning) span = min(span, tapIn.loudness.framesToNextHop());
    const finish = autoTrim.framesUntilFinish();
    if (finish > 0) span = min(span, <i32>finish);
    processSpan(at, span);
    if (learning) learnSpan(span);
    autoTrim.advance(span);
    if (autoTrim.state == STATE_LEARNING && autoTrim.framesLeft == 0) learnFinish();
    at += span;
  }
  return STATUS_OK;
}

function processSpan(start: i32, count: i32): void {
  tapIn.process(input, start, count);
  trim.process(input, output, start, count);
  tapOut.process(output, start, count);   // OUT always meters the processed signal (B)
  listen.process(output, alternate, start, count);
  framesSinceReset += count;
}

/** Feeds the span IN just metered (its sanitized copy) to the learner; closes hops; rides. */
function learnSpan(count: i32): void {
  const learner = autoTrim.learner;
  learner.accumulate(tapIn.scratch, count);
  if (!tapIn.loudness.atHop()) return;
  const riding = autoTrim.state == STATE_RIDING;
  learner.endHop(tapIn.loudness.blockEnergy, truePeakOn() ? tapIn.truePeak.takeSinceMark() : 0.0, riding ? autoTrim.rideDecay : 1.0);
  if (riding) ride();
}

// @ts-ignore: decorator
@inline function loudnessOn(): bool { return (tapIn.meters & METER_LOUDNESS) != 0; }
// @ts-ignore: decorator
@inline function truePeakOn(): bool { return (tapIn.meters & METER_TRUE_PEAK) != 0; }

function ride(): void {
  const current = getParam(P_INPUT_TRIM_DB);
  const next = autoTrim.rideStep(current, loudnessOn(), truePeakOn());
  if (next != current) setParam(P_INPUT_TRIM_DB, next);
}

/**
 * Starts learning the level of what enters (before the trim), for `seconds` (> 0) or until
 * learnFinish() (0). Runs at the next 100 ms hop of the IN tap's loudness clock.
 */
export function learnStart(seconds: f64): i32 {
  if (!ready) return STATUS_NOT_READY;
  if (!isFinite(seconds) || seconds < 0) return STATUS_NOT_FINITE;
  autoTrim.start(seconds, currentSampleRate);
  if (truePeakOn()) tapIn.truePeak.takeSinceMark();   // the window starts now
  return STATUS_OK;
}

/** Ends Learn and decides (readout A_* fields). The host applies A_TRIM_DB as a parameter change. */
export function learnFinish(): i32 {
  if (!ready) return STATUS_NOT_READY;
  if (autoTrim.state != STATE_LEARNING) return STATUS_OK;
  if (truePeakOn()) autoTrim.learner.openTruePeak = tapIn.truePeak.peekSinceMark();
  autoTrim.finish(loudnessOn(), truePeakOn());
  return STATUS_OK;
}

/** Abandons a Learn in progress (the trim is untouched). */
export function learnCancel(): i32 {
  if (!ready) return STATUS_NOT_READY;
  if (autoTrim.state == STATE_LEARNING) autoTrim.cancel();
  return STATUS_OK;
}

/**
 * Chooses the meters tap `tap` runs (METER_* bits; 0 = tap off, METER_ALL = default). Cheaper
 * when some are not needed (true peak is the costliest); meters switched on start from silence.
 */
export function setMeterMask(tap: i32, mask: i32): i32 {
  if (!ready) return STATUS_NOT_READY;
  if (tap != TAP_IN && tap != TAP_OUT) return STATUS_BAD_TAP;
  if ((mask & ~METER_ALL) != 0) return STATUS_BAD_MASK;
  (tap == TAP_IN ? tapIn : tapOut).setMeters(mask);
  return STATUS_OK;
}

/**
 * Which samples tap `tap` counts as clipped: `integerBits` = 0 for a float signal (|x| >= 1.0),
 * else the depth (2 … 32) of the integer file the signal comes from, whose positive full scale
 * is its largest code (sample-peak.ts). A host that knows its source's format says so here.
 */
export function setClipRule(tap: i32, integerBits: i32): i32 {
  if (!ready) return STATUS_NOT_READY;
  if (tap != TAP_IN && tap != TAP_OUT) return STATUS_BAD_TAP;
  if (integerBits < 0 || integerBits > MAX_INTEGER_BITS || integerBits == 1) return STATUS_BAD_VALUE;
  store<i32>(clipRules + (<usize>tap << 2), integerBits);
  (tap == TAP_IN ? tapIn : tapOut).setClipRule(integerBits);
  return STATUS_OK;
}

/** Writes both taps' readouts and starts the next "since read" interval of every max. */
export function readMeters(): i32 {
  if (!ready) return STATUS_NOT_READY;
  const vuReference = getParam(P_VU_REFERENCE_DBFS);
  tapIn.read(readout + <usize>(TAP_IN * TAP_FIELDS * 8), vuReference);
  tapOut.read(readout + <usize>(TAP_OUT * TAP_FIELDS * 8), vuReference);
  readAutoTrim(readout + <usize>(TAP_COUNT * TAP_FIELDS * 8));
  return STATUS_OK;
}

function readAutoTrim(out: usize): void {
  // While learning, show the decision so far (progress); DONE keeps the final one.
  if (autoTrim.state == STATE_LEARNING) {
    if (truePeakOn()) autoTrim.learner.openTruePeak = tapIn.truePeak.peekSinceMark();
    autoTrim.decide(loudnessOn(), truePeakOn());
  }
  const learner = autoTrim.learner;
  store<f64>(out + (<usize>A_STATE << 3), <f64>autoTrim.state);
  store<f64>(out + (<usize>A_STATUS << 3), <f64>autoTrim.status);
  store<f64>(out + (<usize>A_DETECTOR << 3), <f64>autoTrim.detector);
  store<f64>(out + (<usize>A_LEVEL_DB << 3), autoTrim.levelDb);
  store<f64>(out + (<usize>A_TARGET_DB << 3), autoTrim.effectiveTargetDb());
  store<f64>(out + (<usize>A_TRIM_DB << 3), autoTrim.trimDb);
  store<f64>(out + (<usize>A_LIMITED_BY << 3), <f64>autoTrim.limitedBy);
  store<f64>(out + (<usize>A_PEAK_BEFORE_DBFS << 3), autoTrim.peakBeforeDbfs);
  store<f64>(out + (<usize>A_PEAK_AFTER_DBFS << 3), autoTrim.peakBeforeDbfs + autoTrim.trimDb);
  store<f64>(out + (<usize>A_SECONDS << 3), autoTrim.framesLearned / currentSampleRate);
  store<f64>(out + (<usize>A_BLOCKS_TOTAL << 3), learner.blocksTotal);
  store<f64>(out + (<usize>A_BLOCKS_KEPT << 3), learner.blocksKept());
  store<f64>(out + (<usize>A_INPUT_TRIM_DB << 3), getParam(P_INPUT_TRIM_DB));
  store<f64>(out + (<usize>A_OUTPUT_TRIM_DB << 3), getParam(P_OUTPUT_TRIM_DB));
  store<f64>(out + (<usize>A_TRUE_PEAK_BEFORE_DBTP << 3), autoTrim.truePeakBeforeDbtp);
  store<f64>(out + (<usize>A_TRUE_PEAK_AFTER_DBTP << 3), autoTrim.truePeakBeforeDbtp + autoTrim.trimDb);
}

function applyParams(): void {
  for (let id = 0; id < PARAM_ID_END; id++) if (isKnownParam(id)) applyParam(id, true);
}

function applyParam(id: i32, immediate: bool): void {
  const value = getParam(id);
  if (id == P_INPUT_TRIM_DB || id == P_OUTPUT_TRIM_DB) {
    trim.setTrimDb(getParam(P_INPUT_TRIM_DB), getParam(P_OUTPUT_TRIM_DB), immediate);
  } else if (id == P_BYPASS) {
    trim.setBypass(value >= 0.5, immediate);
  } else if (isPolarity(id)) {
    trim.setPolarity(id - P_POLARITY_BASE, value >= 0.5, immediate);
  } else if (id == P_LISTEN_A) {
    listen.set(value >= 0.5, immediate);
  } else if (id == P_AUTO_RIDE) {
    if (value >= 0.5) autoTrim.startRiding();
    else if (autoTrim.state == STATE_RIDING) autoTrim.state = STATE_IDLE;
  } else if (id == P_LEARN_DETECTOR) {
    autoTrim.detector = <i32>value;
  } else if (id == P_LEARN_TARGET_DB) {
    autoTrim.targetDb = value;
  } else if (id == P_CEILING_DBFS || id == P_CEILING_ON) {
    autoTrim.ceilingDbfs = getParam(P_CEILING_DBFS);
    autoTrim.ceilingOn = getParam(P_CEILING_ON) >= 0.5;
  } else if (id == P_CEILING_TP_DBTP || id == P_CEILING_TP_ON) {
    autoTrim.truePeakCeilingDbtp = getParam(P_CEILING_TP_DBTP);
    autoTrim.truePeakCeilingOn = getParam(P_CEILING_TP_ON) >= 0.5;
  }
  // P_VU_REFERENCE_DBFS is read where it is used (readMeters).
}
