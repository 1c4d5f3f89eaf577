// Auto-trim: Learn (one-shot) and Ride (continuous) on the signal entering PRE, and the
// decision both share: input trim = target − detector level, lowered when the sample peak or
// the true peak after the trim would pass its ceiling, kept inside the trim range; the reason is
// reported (Learn says what it decided and why, docs/metering.md §8).
// Ride moves the trim at bounded rates with a dead-band and holds in silence, so it neither pumps
// nor rises on silence, and steps down at once when the ceiling is threatened.

import { arenaAlloc } from "./arena";
import { Learner } from "./learn";
import {
  DETECTOR_TRUE_PEAK,
  INPUT_TRIM_DB_MIN as TRIM_MIN_DB,
  INPUT_TRIM_DB_MAX as TRIM_MAX_DB,
  STATE_IDLE,
  STATE_LEARNING,
  STATE_DONE,
  STATE_RIDING,
  LEARN_OK,
  LEARN_SILENT,
  LEARN_TOO_LITTLE_SIGNAL,
  LEARN_LOUDNESS_METER_OFF,
  LEARN_TRUE_PEAK_METER_OFF,
  LIMITED_BY_TARGET,
  LIMITED_BY_PEAK_CEILING,
  LIMITED_BY_TRIM_RANGE,
  LIMITED_BY_TRUE_PEAK_CEILING,
  detectorTargetMin,
  detectorTargetMax,
} from "./layout";
import { amplitudeToDb } from "./units";

// States, statuses, limits and each detector's target range are declared in the contract
// (host/declaration/declaration.ts): LEARN_SILENT = no block above the absolute gate;
// LEARN_TOO_LITTLE_SIGNAL = fewer than MIN_LEARN_BLOCKS blocks passed the gates;
// LEARN_LOUDNESS_METER_OFF = the IN tap's loudness meter (the gate) is off; LEARN_TRUE_PEAK_METER_OFF
// = true peak is asked for (detector or ceiling) but its meter is off.

/** 10 gated 400 ms blocks ≈ 1.3 s of programme: less is too little to trust. */
const MIN_LEARN_BLOCKS: f64 = 10;
/** Ride: the window's time constant (its dead-band, speeds and range are parameters). */
export const RIDE_WINDOW_SECONDS: f64 = 3.0;

// @ts-ignore: decorator
@unmanaged
export class AutoTrim {
  learner: Learner;
  state: i32;
  status: i32;
  framesLeft: f64; // one-shot: frames until Learn finishes; −1 = until told
  framesLearned: f64;
  hopSeconds: f64;
  rideDecay: f64;
  // settings (index.ts keeps them in step with the parameters)
  detector: i32;
  targetDb: f64;
  ceilingDbfs: f64;
  ceilingOn: bool;
  truePeakCeilingDbtp: f64;
  truePeakCeilingOn: bool;
  rideDeadbandDb: f64;
  rideUpDbPerSecond: f64;
  rideDownDbPerSecond: f64;
  rideMinTrimDb: f64;
  rideMaxTrimDb: f64;
  // decision (valid when state is DONE, or live while LEARNING/RIDING)
  levelDb: f64;
  trimDb: f64;
  limitedBy: i32;
  peakBeforeDbfs: f64;
  truePeakBeforeDbtp: f64;

  static create(hopFrames: i32, sampleRate: f64, channels: i32): AutoTrim {
    const trim = changetype<AutoTrim>(arenaAlloc(offsetof<AutoTrim>()));
    trim.learner = Learner.create(hopFrames, channels);
    trim.hopSeconds = <f64>hopFrames / sampleRate;
    trim.rideDecay = Math.exp(-trim.hopSeconds / RIDE_WINDOW_SECONDS);
    trim.levelDb = -Infinity;
    trim.peakBeforeDbfs = -Infinity;
    trim.truePeakBeforeDbtp = -Infinity;
    return trim;
  }

  active(): bool {
    return this.state == STATE_LEARNING || this.state == STATE_RIDING;
  }

  start(seconds: f64, sampleRate: f64): void {
    this.learner.reset();
    this.state = STATE_LEARNING;
    this.framesLeft = seconds > 0 ? Math.round(seconds * sampleRate) : -1;
    this.framesLearned = 0;
  }

  startRiding(): void {
    if (this.state != STATE_RIDING) this.learner.reset();
    this.state = STATE_RIDING;
  }

  cancel(): void {
    this.state = STATE_IDLE;
  }

  /** Frames until a one-shot Learn ends by itself (processRange splits there); −1 = none. */
  framesUntilFinish(): f64 {
    return this.state == STATE_LEARNING ? this.framesLeft : -1;
  }

  advance(frames: i32): void {
    if (this.state == STATE_LEARNING) {
      this.framesLearned += frames;
      if (this.framesLeft > 0) this.framesLeft -= frames;
    }
  }

  /** The target in force: the target parameter within the detector's own range. */
  effectiveTargetDb(): f64 {
    return min(detectorTargetMax(this.detector), max(detectorTargetMin(this.detector), this.targetDb));
  }

  /**
   * Decides from the window so far: fills levelDb, trimDb, limitedBy, status. `loudnessOn` and
   * `truePeakOn` say whether the IN tap's loudness (the gate) and true-peak meters run.
   */
  decide(loudnessOn: bool, truePeakOn: bool): void {
    const learner = this.learner;
    const truePeakWanted = this.detector == DETECTOR_TRUE_PEAK || this.truePeakCeilingOn;
    this.peakBeforeDbfs = amplitudeToDb(learner.peakLinear());
    this.truePeakBeforeDbtp = amplitudeToDb(learner.truePeakLinear());
    this.levelDb = learner.levelDb(this.detector);
    if (!loudnessOn) {
      this.status = LEARN_LOUDNESS_METER_OFF;
      return;
    }
    if (truePeakWanted && !truePeakOn) {
      this.status = LEARN_TRUE_PEAK_METER_OFF;
      return;
    }
    if (learner.blocksAboveAbsolute() <= 0) {
      this.status = LEARN_SILENT;
      return;
    }
    if (learner.blocksKept() < MIN_LEARN_BLOCKS * (this.state == STATE_RIDING ? 0.3 : 1.0)) {
      this.status = LEARN_TOO_LITTLE_SIGNAL;
      return;
    }
    this.status = LEARN_OK;
    let trim = this.effectiveTargetDb() - this.levelDb;
    let limitedBy = LIMITED_BY_TARGET;
    if (this.ceilingOn && this.peakBeforeDbfs + trim > this.ceilingDbfs) {
      trim = this.ceilingDbfs - this.peakBeforeDbfs;
      limitedBy = LIMITED_BY_PEAK_CEILING;
    }
    if (this.truePeakCeilingOn && this.truePeakBeforeDbtp + trim > this.truePeakCeilingDbtp) {
      trim = this.truePeakCeilingDbtp - this.truePeakBeforeDbtp;
      limitedBy = LIMITED_BY_TRUE_PEAK_CEILING;
    }
    if (trim > TRIM_MAX_DB || trim < TRIM_MIN_DB) {
      trim = min(TRIM_MAX_DB, max(TRIM_MIN_DB, trim));
      limitedBy = LIMITED_BY_TRIM_RANGE;
    }
    this.trimDb = trim;
    this.limitedBy = limitedBy;
  }

  /** Ends a one-shot Learn: the decision stays readable until the next start. */
  finish(loudnessOn: bool, truePeakOn: bool): void {
    this.decide(loudnessOn, truePeakOn);
    this.state = STATE_DONE;
  }

  /**
   * One ride step (every 100 ms hop) from `currentDb`: returns the new input trim. Holds when
   * the window has too little signal (silence never raises the gain).
   */
  rideStep(currentDb: f64, loudnessOn: bool, truePeakOn: bool): f64 {
    this.decide(loudnessOn, truePeakOn);
    // Clipping threatens (the hop just closed would pass a ceiling): step straight down, whatever else.
    const hopPeakDbfs = amplitudeToDb(this.learner.lastHopPeak);
    if (this.ceilingOn && hopPeakDbfs + currentDb > this.ceilingDbfs)
      return max(TRIM_MIN_DB, this.ceilingDbfs - hopPeakDbfs);
    const hopTruePeakDbtp = amplitudeToDb(max(this.learner.lastHopTruePeak, this.learner.lastHopPeak));
    if (this.truePeakCeilingOn && truePeakOn && hopTruePeakDbtp + currentDb > this.truePeakCeilingDbtp) {
      return max(TRIM_MIN_DB, this.truePeakCeilingDbtp - hopTruePeakDbtp);
    }
    // Silence or a quiet passage now: hold (a ride never rises on silence).
    if (this.status != LEARN_OK || !this.learner.lastBlockKept) return currentDb;
    // The ride's own range: the decision clamped to it; a trim outside it (set by hand) is brought in.
    const wanted = min(this.rideMaxTrimDb, max(this.rideMinTrimDb, this.trimDb));
    const error = wanted - currentDb;
    // Inside the dead-band nothing moves: no pumping on a level that wanders a little.
    if (Math.abs(error) < this.rideDeadbandDb) return currentDb;
    const step = min(this.rideUpDbPerSecond * this.hopSeconds, max(-this.rideDownDbPerSecond * this.hopSeconds, error));
    return currentDb + step;
  }
}
