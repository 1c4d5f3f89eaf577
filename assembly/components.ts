// The parts of one metering point, built at set-up in the arena (createPoint) and shared by the
// signal path (point.ts), the parameters (point-params.ts) and the readout (point-readout.ts):
// PRE's stereo stage and trim, the IN and OUT taps, POST's delay line, A/B listen and
// auto-match, and auto-trim (Learn, Ride).

import { AutoMatch } from "./auto-match";
import { AutoTrim } from "./auto-trim";
import { DelayLine } from "./delay-line";
import { Listen } from "./listen";
import { StereoStage } from "./stereo-stage";
import { Tap } from "./tap";
import { Trim } from "./trim";

export let stereo: StereoStage = changetype<StereoStage>(0);
export let trim: Trim = changetype<Trim>(0);
export let tapIn: Tap = changetype<Tap>(0);
export let tapOut: Tap = changetype<Tap>(0);
export let delay: DelayLine = changetype<DelayLine>(0);
export let listen: Listen = changetype<Listen>(0);
export let autoMatch: AutoMatch = changetype<AutoMatch>(0);
export let autoTrim: AutoTrim = changetype<AutoTrim>(0);
export let sampleRate: f64 = 0;

/** Builds the parts for `rate` and `channels` (arena allocation); false when memory could not grow. */
export function createComponents(rate: f64, channels: i32): bool {
  stereo = StereoStage.create(rate, channels);
  trim = Trim.create(rate, channels);
  tapIn = Tap.create(rate, channels);
  tapOut = Tap.create(rate, channels);
  delay = DelayLine.create(channels);
  listen = Listen.create(rate, channels);
  autoTrim = AutoTrim.create(tapIn.loudness.hopFrames, rate, channels);
  autoMatch = AutoMatch.create(rate, channels, tapIn.loudness.hopFrames);
  sampleRate = rate;
  return changetype<usize>(autoMatch.sumsReturn) != 0;
}
