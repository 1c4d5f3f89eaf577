/**
 * Where each parameter's control sits in the app. Every parameter of the table appears exactly
 * once (a test checks it), so a parameter added to host/model/params.ts cannot go missing from the UI.
 */
export const CONTROL_GROUPS = {
  /** The console between the IN and OUT meters. */
  console: ["inputTrimDb", "outputTrimDb", "bypass", "polarityL", "polarityR", "vuReferenceDbfs", "ppmStandard"],
  /** Learn's settings. */
  learn: [
    "autoTrimTargetDb",
    "autoTrimDetector",
    "peakCeilingDbfs",
    "peakCeilingOn",
    "peakCeilingTpDbtp",
    "peakCeilingTpOn",
    "autoRide",
    "rideDeadbandDb",
    "rideUpDbPerSecond",
    "rideDownDbPerSecond",
    "rideMinTrimDb",
    "rideMaxTrimDb",
  ],
  /** Level-matched A/B: listen, Match and auto-match, the insert's latency. */
  ab: ["matchDetector", "abListen", "autoMatch", "matchToleranceDb", "matchRateDbPerSecond", "insertLatencyFrames"],
  /** The stereo input stage (before the input trim). */
  stereo: ["leftTrimDb", "rightTrimDb", "midTrimDb", "sideTrimDb", "widthPercent", "monoSum", "swapChannels"],
} as const;

/**
 * Calibration presets: the level (dBFS sine peak) that reads 0 VU and that Learn aims at.
 * Vendors calibrate differently (docs/metering.md §8); −18 is the EBU R68 alignment.
 */
export const CALIBRATIONS_DBFS = [-14, -16, -18, -20] as const;
