// True peak — ITU-R BS.1770-5 Annex 2: oversample, take |·|, max, report in dBTP.
//
// Interpolator: a Hann-windowed sinc, the design libebur128 uses (docs/metering.md §3: max error
// 0.033 dB on EBU 3341 #15–#19 against 0.295 dB for the Annex 2 example table):
//   h[j] = sinc((j − 6F)/F) · ½(1 − cos(2πj/12F)),  j = 0 … 12F  (12 input samples of support)
// Phase 0 reproduces the input samples exactly (sinc is 0 at non-zero integers), so only phases
// 1 … F−1 are computed, 12 taps each, and the samples' own peak stands for phase 0: a true peak is
// never below the sample peak.
// Each phase is scaled to unity gain at DC so a constant never reads above its sample value.
//
// Factor F = 4 at every sample rate. BS.1770 Annex 2 allows less at high rates for programme
// band-limited to 20 kHz, but the under-read bound is a function of f/fs, and EBU 3341 #15–#23 are
// fs-relative (fs/4, fs/6, fs/8): with 2× from 88.2 kHz up, #21 and #23 read −0.55 dBTP at 96 kHz.
// libebur128, its Rust port and ffmpeg do not oversample at 176.4/192 kHz and fail #16–#19 there
// (docs/metering.md §3).
// The interpolator runs in f32 on the input scaled by 2^-2 (exact: a power of two) and the peak
// is scaled back in f64, so a float signal near the largest finite f32 (+770 dBFS) cannot
// overflow the sums to ∞: every finite level has a true peak (docs/metering.md §3).

import { arenaAlloc } from "./arena";
import { MAX_CHANNELS, MAX_FRAMES, C_TRUE_PEAK_DBTP, C_TRUE_PEAK_MAX_DBTP } from "./layout";
import { writeLevel } from "./readout";
import { amplitudeToDb } from "./units";

const TAPS_PER_PHASE: i32 = 12;
const HISTORY: i32 = TAPS_PER_PHASE - 1;
/** Oversampling factor at every rate (see the header): phases 1 … 3 are interpolated. */
const FACTOR: i32 = 4;
/** Bytes of one phase's taps (12 v128 splats). */
const PHASE_BYTES: usize = (<usize>TAPS_PER_PHASE) << 4;
const CHANNEL_STRIDE_BYTES: usize = (<usize>MAX_FRAMES) << 2;
const WORK_STRIDE_BYTES: usize = (<usize>(MAX_FRAMES + TAPS_PER_PHASE + 4)) << 2;
/** Headroom of the f32 sums: the taps' absolute sum is below 2, so 2^-2 keeps them finite. */
const SUM_SCALE: f32 = 0.25;
const PEAK_UNSCALE: f64 = 4.0;

function sinc(x: f64): f64 {
  if (x == 0) return 1.0;
  const a = Math.PI * x;
  return Math.sin(a) / a;
}

// @ts-ignore: decorator
@unmanaged
export class TruePeak {
  channels: i32;
  taps: usize; // (FACTOR − 1) × 12 v128 splats: phase k, tap i at ((k − 1) · 12 + i) · 16
  work: usize; // per channel: 11 history samples, then the block
  peakSinceRead: usize; // f64 per channel, linear (every phase, the samples' own included)
  peakSinceReset: usize;
  peakSinceHop: usize; // f64 per channel: since the last takeSinceHop() (auto-trim hops)
  /** Largest over channels since the last takeSinceEvent(), linear (windows since a mark: since-mark.ts). */
  sinceEvent: f64;

  static create(channels: i32): TruePeak {
    const meter = changetype<TruePeak>(arenaAlloc(offsetof<TruePeak>()));
    const factor = FACTOR;
    meter.channels = channels;
    meter.taps = arenaAlloc((<usize>((factor - 1) * TAPS_PER_PHASE)) << 4);
    meter.work = arenaAlloc(<usize>MAX_CHANNELS * WORK_STRIDE_BYTES);
    meter.peakSinceRead = arenaAlloc((<usize>MAX_CHANNELS) << 3);
    meter.peakSinceReset = arenaAlloc((<usize>MAX_CHANNELS) << 3);
    meter.peakSinceHop = arenaAlloc((<usize>MAX_CHANNELS) << 3);
    const length = TAPS_PER_PHASE * factor; // window spans j = 0 … length
    const center = <f64>(length / 2);
    for (let phase = 1; phase < factor; phase++) {
      let dcGain: f64 = 0;
      for (let i = 0; i < TAPS_PER_PHASE; i++) {
        const j = phase + i * factor;
        dcGain +=
          sinc((<f64>j - center) / <f64>factor) * 0.5 * (1.0 - Math.cos((2.0 * Math.PI * <f64>j) / <f64>length));
      }
      for (let i = 0; i < TAPS_PER_PHASE; i++) {
        const j = phase + i * factor;
        const h =
          (sinc((<f64>j - center) / <f64>factor) * 0.5 * (1.0 - Math.cos((2.0 * Math.PI * <f64>j) / <f64>length))) /
          dcGain;
        // Four copies (one per v128 lane), so the vector body multiplies 4 frames by one load.
        const tap = meter.taps + ((<usize>((phase - 1) * TAPS_PER_PHASE + i)) << 4);
        for (let lane: usize = 0; lane < 4; lane++) store<f32>(tap + (lane << 2), <f32>h);
      }
    }
    return meter;
  }

  reset(): void {
    memory.fill(this.work, 0, <usize>MAX_CHANNELS * WORK_STRIDE_BYTES);
    memory.fill(this.peakSinceRead, 0, (<usize>MAX_CHANNELS) << 3);
    memory.fill(this.peakSinceReset, 0, (<usize>MAX_CHANNELS) << 3);
    memory.fill(this.peakSinceHop, 0, (<usize>MAX_CHANNELS) << 3);
    this.sinceEvent = 0;
  }

  /** The largest true peak over channels since the last call (linear); starts the next interval. */
  takeSinceEvent(): f64 {
    const peak = this.sinceEvent;
    this.sinceEvent = 0;
    return peak;
  }

  /** Writes its fields of the tap block at `block` (dBTP) and starts the next "since read" interval. */
  read(block: usize): void {
    for (let channel = 0; channel < this.channels; channel++) {
      const at = (<usize>channel) << 3;
      writeLevel(block, channel, C_TRUE_PEAK_DBTP, amplitudeToDb(load<f64>(this.peakSinceRead + at)));
      writeLevel(block, channel, C_TRUE_PEAK_MAX_DBTP, amplitudeToDb(load<f64>(this.peakSinceReset + at)));
      store<f64>(this.peakSinceRead + at, 0);
    }
  }

  /** Largest true peak over channels since the last call (linear); starts the next interval. */
  takeSinceHop(): f64 {
    const peak = this.peekSinceHop();
    memory.fill(this.peakSinceHop, 0, (<usize>MAX_CHANNELS) << 3);
    return peak;
  }

  /** Largest interpolated peak over channels since the last takeSinceHop() (linear). */
  peekSinceHop(): f64 {
    let peak: f64 = 0;
    for (let channel = 0; channel < this.channels; channel++)
      peak = max(peak, load<f64>(this.peakSinceHop + ((<usize>channel) << 3)));
    return peak;
  }

  /** Meters frames [0, count) of the sanitized planar block at `block`. */
  process(block: usize, count: i32): void {
    for (let channel = 0; channel < this.channels; channel++) {
      const work = this.work + <usize>channel * WORK_STRIDE_BYTES;
      const samplePeak = scaledCopy(
        work + ((<usize>HISTORY) << 2),
        block + <usize>channel * CHANNEL_STRIDE_BYTES,
        count,
      );
      const peak = max(<f64>samplePeak, this.peak4(work, count)) * PEAK_UNSCALE;
      memory.copy(work, work + ((<usize>count) << 2), (<usize>HISTORY) << 2); // keep the last 11 samples
      const at = (<usize>channel) << 3;
      store<f64>(this.peakSinceRead + at, max(load<f64>(this.peakSinceRead + at), peak));
      store<f64>(this.peakSinceReset + at, max(load<f64>(this.peakSinceReset + at), peak));
      store<f64>(this.peakSinceHop + at, max(load<f64>(this.peakSinceHop + at), peak));
      this.sinceEvent = max(this.sinceEvent, peak);
    }
  }

  // Output n of phase k is Σ_i tap_k[i] · x[n − i], x[n − i] at work + (n + 11 − i) · 4. The vector
  // body computes 4 consecutive n per lane group; the scalar tail sums in the same order, so the
  // result does not depend on how the audio was split into blocks.
  private peak4(work: usize, count: i32): f64 {
    let peak: f32 = 0;
    let frame = 0;
    if (ASC_FEATURE_SIMD) {
      const taps = this.taps;
      let peakLanes = f32x4.splat(0);
      for (; frame + 4 <= count; frame += 4) {
        const newest = work + ((<usize>(frame + HISTORY)) << 2);
        // Unrolled (the JIT does not): tap i of each phase times x[n − i], in the order of phaseAt().
        let x = v128.load(newest);
        let a1 = f32x4.mul(v128.load(taps), x);
        let a2 = f32x4.mul(v128.load(taps, PHASE_BYTES), x);
        let a3 = f32x4.mul(v128.load(taps, 2 * PHASE_BYTES), x);
        x = v128.load(newest - 4);
        a1 = mac(a1, taps + 16, x);
        a2 = mac(a2, taps + 16 + PHASE_BYTES, x);
        a3 = mac(a3, taps + 16 + 2 * PHASE_BYTES, x);
        x = v128.load(newest - 8);
        a1 = mac(a1, taps + 32, x);
        a2 = mac(a2, taps + 32 + PHASE_BYTES, x);
        a3 = mac(a3, taps + 32 + 2 * PHASE_BYTES, x);
        x = v128.load(newest - 12);
        a1 = mac(a1, taps + 48, x);
        a2 = mac(a2, taps + 48 + PHASE_BYTES, x);
        a3 = mac(a3, taps + 48 + 2 * PHASE_BYTES, x);
        x = v128.load(newest - 16);
        a1 = mac(a1, taps + 64, x);
        a2 = mac(a2, taps + 64 + PHASE_BYTES, x);
        a3 = mac(a3, taps + 64 + 2 * PHASE_BYTES, x);
        x = v128.load(newest - 20);
        a1 = mac(a1, taps + 80, x);
        a2 = mac(a2, taps + 80 + PHASE_BYTES, x);
        a3 = mac(a3, taps + 80 + 2 * PHASE_BYTES, x);
        x = v128.load(newest - 24);
        a1 = mac(a1, taps + 96, x);
        a2 = mac(a2, taps + 96 + PHASE_BYTES, x);
        a3 = mac(a3, taps + 96 + 2 * PHASE_BYTES, x);
        x = v128.load(newest - 28);
        a1 = mac(a1, taps + 112, x);
        a2 = mac(a2, taps + 112 + PHASE_BYTES, x);
        a3 = mac(a3, taps + 112 + 2 * PHASE_BYTES, x);
        x = v128.load(newest - 32);
        a1 = mac(a1, taps + 128, x);
        a2 = mac(a2, taps + 128 + PHASE_BYTES, x);
        a3 = mac(a3, taps + 128 + 2 * PHASE_BYTES, x);
        x = v128.load(newest - 36);
        a1 = mac(a1, taps + 144, x);
        a2 = mac(a2, taps + 144 + PHASE_BYTES, x);
        a3 = mac(a3, taps + 144 + 2 * PHASE_BYTES, x);
        x = v128.load(newest - 40);
        a1 = mac(a1, taps + 160, x);
        a2 = mac(a2, taps + 160 + PHASE_BYTES, x);
        a3 = mac(a3, taps + 160 + 2 * PHASE_BYTES, x);
        x = v128.load(newest - 44);
        a1 = mac(a1, taps + 176, x);
        a2 = mac(a2, taps + 176 + PHASE_BYTES, x);
        a3 = mac(a3, taps + 176 + 2 * PHASE_BYTES, x);
        // pmax (one maxps) equals max for these magnitudes: finite sums of sanitized input, never NaN or −0.
        peakLanes = f32x4.pmax(peakLanes, f32x4.pmax(f32x4.abs(a1), f32x4.pmax(f32x4.abs(a2), f32x4.abs(a3))));
      }
      peak = lanesMax(peakLanes);
    }
    for (; frame < count; frame++) {
      for (let phase = 0; phase < 3; phase++) peak = max(peak, this.phaseAt(work, frame, phase));
    }
    return <f64>peak;
  }

  /** |output| of interpolated phase (phaseIndex + 1) at frame, summed in the vector body's order. */
  private phaseAt(work: usize, frame: i32, phaseIndex: i32): f32 {
    const newest = work + ((<usize>(frame + HISTORY)) << 2);
    const taps = this.taps + ((<usize>(phaseIndex * TAPS_PER_PHASE)) << 4);
    let acc = load<f32>(taps) * load<f32>(newest);
    for (let i = 1; i < TAPS_PER_PHASE; i++) {
      acc += load<f32>(taps + ((<usize>i) << 4)) * load<f32>(newest - ((<usize>i) << 2));
    }
    return Mathf.abs(acc);
  }
}

/** acc + tap · x, lane by lane (the tap's four copies at `tap`); small enough that the optimizer inlines it. */
function mac(acc: v128, tap: usize, x: v128): v128 {
  return f32x4.add(acc, f32x4.mul(v128.load(tap), x));
}

function lanesMax(lanes: v128): f32 {
  return max(
    max(f32x4.extract_lane(lanes, 0), f32x4.extract_lane(lanes, 1)),
    max(f32x4.extract_lane(lanes, 2), f32x4.extract_lane(lanes, 3)),
  );
}

/** Copies `count` f32 samples from `source` to `target` scaled by SUM_SCALE (exact); returns their largest magnitude, scaled. */
function scaledCopy(target: usize, source: usize, count: i32): f32 {
  let peak: f32 = 0;
  let frame = 0;
  if (ASC_FEATURE_SIMD) {
    const scale = f32x4.splat(SUM_SCALE);
    let peakLanes = f32x4.splat(0);
    for (; frame + 4 <= count; frame += 4) {
      const at = (<usize>frame) << 2;
      const x = f32x4.mul(v128.load(source + at), scale);
      v128.store(target + at, x);
      peakLanes = f32x4.pmax(peakLanes, f32x4.abs(x));
    }
    peak = lanesMax(peakLanes);
  }
  for (; frame < count; frame++) {
    const x = load<f32>(source + ((<usize>frame) << 2)) * SUM_SCALE;
    store<f32>(target + ((<usize>frame) << 2), x);
    peak = max(peak, Mathf.abs(x));
  }
  return peak;
}
