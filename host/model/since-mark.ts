/**
 * A window since a mark, as the main thread reads it: the kernel keeps the levels of everything
 * since the host asked (assembly/since-mark.ts, one window per MARKS entry per tap); this starts
 * one over on the taps it spans (IN at PRE and OUT at POST for A/B) with a fresh serial, and reads
 * it from a snapshot only once the kernel shows that serial, so a reading from before the mark is
 * never taken for one after it. Thread: main thread.
 */
import { MARKS, nextMarkSerial } from "../declaration/declaration.js";
import type { Mark, MarkReadings, TapReadings } from "./readings.js";

/** A point that takes marks (the web node's markWindow; a plugin's markWindow command). */
export interface MarkTarget {
  markWindow(tap: number, mark: number, serial: number): void;
}

/** One tap of one point: where a window's mark is sent. */
export interface MarkedTap {
  point: MarkTarget;
  tap: number;
}

export class MarkedWindow<Tap extends string> {
  private serial = 0;

  /** `taps` says where each of the window's taps lives; a getter, since pairs can change. */
  constructor(
    private readonly mark: Mark,
    private readonly taps: () => Record<Tap, MarkedTap>,
  ) {}

  /** Starts the window over on every tap (each at its point's next render quantum). */
  restart(): void {
    this.serial = nextMarkSerial(this.serial);
    const mark = MARKS.indexOf(this.mark);
    for (const { point, tap } of Object.values<MarkedTap>(this.taps())) point.markWindow(tap, mark, this.serial);
  }

  /** The window in `readings` (one tap's snapshot), or null while that tap has not started it yet. */
  read(readings: TapReadings): MarkReadings | null {
    const window = readings.marks[this.mark];
    return window.serial === this.serial ? window : null;
  }
}
