/**
 * Display ballistics of a peak bar (the kernel's readings are exact; this is only how they are
 * drawn): the bar jumps up at once, holds its peak line for PEAK_HOLD_MS, then falls at the
 * return rate of an IEC 60268-10 peak programme meter (20 dB in 1.7 s), so peaks are readable
 * without being slow. Thread: main thread (requestAnimationFrame).
 */
export const PEAK_HOLD_MS = 1500;
/** IEC 60268-10 (Type I PPM) return time: 20 dB in 1.7 s. */
export const PEAK_FALL_DB_PER_S = 20 / 1.7;

export class PeakHold {
  /** Level the bar shows now (dB). */
  barDb = -Infinity;
  /** The held peak line (dB). */
  holdDb = -Infinity;
  private holdSinceMs = 0;
  private lastMs = 0;

  /** Feeds the max since the previous frame (dB) at time `nowMs`. */
  update(peakDb: number, nowMs: number): void {
    const elapsedS = this.lastMs > 0 ? Math.max(0, nowMs - this.lastMs) / 1000 : 0;
    this.lastMs = nowMs;
    const fallen = this.barDb - PEAK_FALL_DB_PER_S * elapsedS;
    this.barDb = peakDb >= fallen || !Number.isFinite(fallen) ? peakDb : fallen;
    if (peakDb >= this.holdDb || nowMs - this.holdSinceMs > PEAK_HOLD_MS) {
      this.holdDb = peakDb;
      this.holdSinceMs = nowMs;
    }
  }

  reset(): void {
    this.barDb = -Infinity;
    this.holdDb = -Infinity;
  }
}
