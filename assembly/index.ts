// Gainstage DSP kernel — the ABI. Plain numeric functions over fixed memory (raw bindings);
// knows nothing of Web Audio, Node or messages. Every constant of the contract (parameter ids,
// readout slots, status codes, meter bits: generated/contract.ts) is exported as a global.
// Thread: every function runs on the audio thread (or the offline host's worker) and none
// allocates after setup(); setup() may grow memory.
//
// Per block, the host: writes planar f32 input at inputBuffer(), calls processRange() once per
// span between parameter events (setParam() in between, sample-accurate), reads the planar
// output at outputBuffer(), and drains the moves the kernel made (outputEvent*()). readMeters()
// writes both taps' readouts at readoutBuffer().

import { arenaReset, arenaUsedBytes as usedBytes } from "./arena";
import {
  MAX_CHANNELS,
  MAX_FRAMES,
  MIN_SAMPLE_RATE,
  MAX_SAMPLE_RATE,
  TAP_IN,
  TAP_OUT,
  READOUT_SLOTS,
  PARAM_ID_END,
  METER_ALL,
  MARK_COUNT,
  MARK_SERIALS,
  STATUS_OK,
  STATUS_CLAMPED,
  STATUS_BAD_SAMPLE_RATE,
  STATUS_BAD_CHANNELS,
  STATUS_BAD_FRAMES,
  STATUS_BAD_PARAM_ID,
  STATUS_NOT_FINITE,
  STATUS_NOT_READY,
  STATUS_OUT_OF_MEMORY,
  STATUS_BAD_TAP,
  STATUS_BAD_MASK,
  STATUS_BAD_VALUE,
  isKnownParam,
  detectorTargetMin as targetMin,
  detectorTargetMax as targetMax,
} from "./layout";
import {
  clearOutputEvents,
  outputEventsAddress,
  outputEventsCount,
  storeValue,
  valueOf,
  OUTPUT_EVENT_BYTES,
} from "./param-values";
import {
  beforeFirstFrame,
  cancelLearning,
  createPoint,
  finishLearning,
  processPoint,
  resetPoint,
  resetTaps,
  startLearning,
  tapOf,
} from "./point";
import { applyParam } from "./point-params";
import { readPoint } from "./point-readout";
import { quantumFrames } from "./quantum";

export * from "./layout";

const BUFFER_BYTES: i32 = MAX_CHANNELS * MAX_FRAMES * 4;
const MAX_INTEGER_BITS: i32 = 32;
const input = memory.data(BUFFER_BYTES, 16);
const output = memory.data(BUFFER_BYTES, 16);
/** The alternate input A/B listen switches to (A: what entered PRE), same layout as the input. */
const alternate = memory.data(BUFFER_BYTES, 16);
const readout = memory.data(READOUT_SLOTS * 8, 16);
/** Each tap's clip rule (setClipRule), i32 per tap; kept across setup() like the parameters. */
const clipRules = memory.data(2 * 4, 4);

let ready = false;

/** Planar f32 input: channel c at inputBuffer() + c · MAX_FRAMES · 4. */
export function inputBuffer(): usize {
  return input;
}
/** Planar f32 output, same layout. */
export function outputBuffer(): usize {
  return output;
}
/** Planar f32 alternate input for A/B listen (A), same layout. */
export function alternateBuffer(): usize {
  return alternate;
}
/** f64 readout: tap t's block at readoutBuffer() + t · TAP_FIELDS · 8 (layout.ts). */
export function readoutBuffer(): usize {
  return readout;
}
/**
 * Frames between evaluations of the windowed meters at `sampleRate` (≤ 1 ms; quantum.ts). A
 * reading taken at a multiple of it is the window ending exactly there.
 */
export function evaluationFrames(sampleRate: f64): i32 {
  return quantumFrames(sampleRate);
}
/** Bytes the meters' state takes for the current setup. */
export function arenaUsedBytes(): usize {
  return usedBytes();
}
/** Lowest auto-trim target detector `detector` accepts (its own units). */
export function detectorTargetMin(detector: i32): f64 {
  return targetMin(detector);
}
/** Highest auto-trim target detector `detector` accepts. */
export function detectorTargetMax(detector: i32): f64 {
  return targetMax(detector);
}

/**
 * Moves the kernel made itself during the last processRange() (Ride) or learnFinish() (Learn):
 * outputEventCount() events at outputEventBuffer(), OUTPUT_EVENT_BYTES each: parameter id (i32),
 * frame offset in that call (i32), plain value (f64). Cleared at the start of the next call.
 */
export function outputEventBuffer(): usize {
  return outputEventsAddress();
}
export function outputEventCount(): i32 {
  return outputEventsCount();
}
export function outputEventBytes(): i32 {
  return OUTPUT_EVENT_BYTES;
}

/**
 * Prepares the kernel for `sampleRate` Hz (8 000 … 384 000) and `channels` (1 … 8). Parameter
 * values and clip rules are kept; meters start from silence. On an error status nothing has changed.
 */
export function setup(sampleRate: f64, channels: i32): i32 {
  if (!(sampleRate >= MIN_SAMPLE_RATE && sampleRate <= MAX_SAMPLE_RATE)) return STATUS_BAD_SAMPLE_RATE;
  if (channels < 1 || channels > MAX_CHANNELS) return STATUS_BAD_CHANNELS;
  ready = false;
  arenaReset();
  if (!createPoint(sampleRate, channels)) return STATUS_OUT_OF_MEMORY;
  tapOf(TAP_IN).setClipRule(load<i32>(clipRules));
  tapOf(TAP_OUT).setClipRule(load<i32>(clipRules, 4));
  ready = true;
  for (let id = 0; id < PARAM_ID_END; id++) if (isKnownParam(id)) applyParam(id, true);
  resetPoint();
  return STATUS_OK;
}

/** Clears every meter and lands every gain ramp on its target (CLAP reset). */
export function reset(): void {
  if (ready) resetPoint();
}

/** Clears every meter (peaks, windows, integrated loudness, LRA, counts); audio is untouched. */
export function resetMeters(): void {
  if (ready) resetTaps();
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
  const plain = storeValue(id, value);
  if (ready) applyParam(id, beforeFirstFrame());
  return plain == value ? STATUS_OK : STATUS_CLAMPED;
}

/** The plain value of parameter `id`; NaN for an unknown id. */
export function getParam(id: i32): f64 {
  return isKnownParam(id) ? valueOf(id) : NaN;
}

/**
 * Meters IN, trims, meters OUT for frames [start, start + count) of the buffers
 * (0 <= start, 1 <= count, start + count <= MAX_FRAMES). Returns a status; on error nothing ran.
 */
export function processRange(start: i32, count: i32): i32 {
  if (!ready) return STATUS_NOT_READY;
  if (start < 0 || count < 1 || start > MAX_FRAMES - count) return STATUS_BAD_FRAMES;
  clearOutputEvents();
  processPoint(input, output, alternate, start, count);
  return STATUS_OK;
}

/**
 * Starts learning the level of what enters (before the trim), for `seconds` (> 0) or until
 * learnFinish() (0). When it ends with a decision, the kernel sets the input trim itself and
 * reports the move (outputEvent*()).
 */
export function learnStart(seconds: f64): i32 {
  if (!ready) return STATUS_NOT_READY;
  if (!isFinite(seconds) || seconds < 0) return STATUS_NOT_FINITE;
  startLearning(seconds);
  return STATUS_OK;
}

/** Ends Learn now (outside processRange) and decides (readout A_* fields). */
export function learnFinish(): i32 {
  if (!ready) return STATUS_NOT_READY;
  clearOutputEvents();
  finishLearning(0);
  return STATUS_OK;
}

/** Abandons a Learn in progress (the trim is untouched). */
export function learnCancel(): i32 {
  if (!ready) return STATUS_NOT_READY;
  cancelLearning();
  return STATUS_OK;
}

/**
 * Chooses the meters tap `tap` runs (METER_* bits; 0 = tap off, METER_DEFAULT until told). Cheaper
 * when some are not needed (true peak is the costliest); meters switched on start from silence.
 */
export function setMeterMask(tap: i32, mask: i32): i32 {
  if (!ready) return STATUS_NOT_READY;
  if (tap != TAP_IN && tap != TAP_OUT) return STATUS_BAD_TAP;
  if ((mask & ~METER_ALL) != 0) return STATUS_BAD_MASK;
  tapOf(tap).setMeters(mask);
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
  store<i32>(clipRules + ((<usize>tap) << 2), integerBits);
  tapOf(tap).setClipRule(integerBits);
  return STATUS_OK;
}

/**
 * Starts tap `tap`'s window `mark` (MARK_*, since-mark.ts) over now, its readout echoing `serial`
 * (0 … MARK_SERIALS − 1): from here on it reads the levels since this moment.
 */
export function markWindow(tap: i32, mark: i32, serial: i32): i32 {
  if (!ready) return STATUS_NOT_READY;
  if (tap != TAP_IN && tap != TAP_OUT) return STATUS_BAD_TAP;
  if (mark < 0 || mark >= MARK_COUNT || serial < 0 || serial >= MARK_SERIALS) return STATUS_BAD_VALUE;
  tapOf(tap).markWindow(mark, serial);
  return STATUS_OK;
}

/** Writes both taps' readouts and starts the next "since read" interval of every max. */
export function readMeters(): i32 {
  if (!ready) return STATUS_NOT_READY;
  readPoint(readout);
  return STATUS_OK;
}
