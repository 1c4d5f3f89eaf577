/**
 * Limits of the kernel's buffers and set-up, and the ramp time every gain change shares.
 * Part of the plugin's declaration (declaration.ts); the kernel's constants are generated from it.
 */

/** Limits of the kernel's buffers and set-up. */
export const LIMITS = {
  /** Channels the kernel processes (7.1). */
  maxChannels: 8,
  /** Frames per processRange() call; Web Audio's quantum is 128, the spec allows others. */
  maxFrames: 4096,
  minSampleRate: 8000,
  maxSampleRate: 384000,
  /** Parameter ids are below this; command ids start here. */
  paramIdEnd: 32,
} as const;

/**
 * How often a native plugin publishes its meters for other threads (editor, host), in ms of audio,
 * on the sample clock: above any display's frame rate, and at the same frames whatever the host's
 * block size, so what a reader sees does not depend on how the audio was split.
 */
export const METER_PUBLISH_MS = 10;

/** Ramp time of every gain change (trim, polarity, bypass, A/B listen): inaudible as a step, immediate to the hand. */
export const GAIN_SMOOTHING_MS = 20;

/**
 * Loudness windows, ms: the 400 ms gating block (BS.1770-5 Annex 1 eq. 3, also the momentary
 * window, EBU Tech 3341 §2.2.1), its 100 ms hop (75 % overlap), the 3 s short-term window (EBU
 * Tech 3341 §2.2.2). A reading is full once its window has been filled since the last reset.
 */
export const LOUDNESS_WINDOWS_MS = { momentary: 400, gateHop: 100, shortTerm: 3000 } as const;
