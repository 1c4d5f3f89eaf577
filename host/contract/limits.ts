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

/** Ramp time of every gain change (trim, polarity, bypass, A/B listen): inaudible as a step, immediate to the hand. */
export const GAIN_SMOOTHING_MS = 20;
