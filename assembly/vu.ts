// VU meter — IEC 60268-17 / ANSI C16.5 "standard volume indicator" ballistics: full-wave
// average-responding, 99 % of reference deflection in 300 ms with 1–1.5 % overshoot, same return
// time (metering.md §8, VUDYN). Digital model after Fons Adriaensen's vumeterdsp.cc (x42 meters),
// per sample: a rectifier feeding a 2nd-order low-pass
//   z1 += w·(|x| − z2/2 − z1);  z2 += w·(z1 − z2);  w = 11.1/fs
// whose continuous form W²/(s² + 2Ws + 1.5W²) reaches 99 % in 301 ms with 1.18 % overshoot.
// reading = 1.5·(π/2)·z2 is sine-calibrated (a steady sine reads its peak amplitude), and
// VU = 20·log10(reading) − reference, with 0 VU = a −18 dBFS sine by default (EBU R68 alignment).

import { arenaAlloc } from "./arena";
import { MAX_CHANNELS, MAX_FRAMES } from "./layout";

const BALLISTICS_W_PER_SECOND: f64 = 11.1;
/** 1.5 undoes the filter's DC gain of 1/1.5; π/2 turns a rectified sine's mean into its peak. */
const SINE_CALIBRATION: f64 = 1.5 * Math.PI / 2.0;
const STATE_FLUSH: f64 = 1e-30;
const CHANNEL_STRIDE_BYTES: usize = <usize>MAX_FRAMES << 2;

// @ts-ignore: decorator
@unmanaged export class Vu {
  w: f64;
  state: usize;             // z1, z2 (f64) per channel
  maxSinceRead: usize;      // f64 per channel, linear reading
  maxSinceReset: usize;
  channels: i32;

  static create(sampleRate: f64, channels: i32): Vu {
    const meter = changetype<Vu>(arenaAlloc(offsetof<Vu>()));
    meter.w = BALLISTICS_W_PER_SECOND / sampleRate;
    meter.channels = channels;
    meter.state = arenaAlloc(<usize>MAX_CHANNELS << 4);
    meter.maxSinceRead = arenaAlloc(<usize>MAX_CHANNELS << 3);
    meter.maxSinceReset = arenaAlloc(<usize>MAX_CHANNELS << 3);
    return meter;
  }

  reset(): void {
    memory.fill(this.state, 0, <usize>MAX_CHANNELS << 4);
    memory.fill(this.maxSinceRead, 0, <usize>MAX_CHANNELS << 3);
    memory.fill(this.maxSinceReset, 0, <usize>MAX_CHANNELS << 3);
  }

  process(block: usize, start: i32, count: i32): void {
    const w = this.w;
    for (let channel = 0; channel < this.channels; channel++) {
      const state = this.state + (<usize>channel << 4);
      let z1 = load<f64>(state), z2 = load<f64>(state, 8);
      const samples = block + <usize>channel * CHANNEL_STRIDE_BYTES;
      for (let frame = start; frame < start + count; frame++) {
        const x = Math.abs(<f64>load<f32>(samples + (<usize>frame << 2)));
        z1 += w * (x - 0.5 * z2 - z1);
        z2 += w * (z1 - z2);
      }
      store<f64>(state, z1);
      store<f64>(state, z2, 8);
    }
  }

  /** Sample-clock point (every loudness quantum): track maxima, flush decayed states. */
  endQuantum(): void {
    for (let channel = 0; channel < this.channels; channel++) {
      const state = this.state + (<usize>channel << 4);
      const value = this.reading(channel);
      const at = <usize>channel << 3;
      store<f64>(this.maxSinceRead + at, max(load<f64>(this.maxSinceRead + at), value));
      store<f64>(this.maxSinceReset + at, max(load<f64>(this.maxSinceReset + at), value));
      if (Math.abs(load<f64>(state)) < STATE_FLUSH) store<f64>(state, 0.0);
      if (Math.abs(load<f64>(state, 8)) < STATE_FLUSH) store<f64>(state, 0.0, 8);
    }
  }

  /** Sine-calibrated reading (a steady sine reads its peak amplitude), never negative. */
  reading(channel: i32): f64 {
    return max(0.0, SINE_CALIBRATION * load<f64>(this.state + (<usize>channel << 4), 8));
  }

  /** Largest reading since the last call, the current one included; starts the next interval. */
  takeMax(channel: i32): f64 {
    const at = this.maxSinceRead + (<usize>channel << 3);
    const value = max(load<f64>(at), this.reading(channel));
    store<f64>(at, 0);
    return value;
  }

  maxSinceResetOf(channel: i32): f64 {
    return max(load<f64>(this.maxSinceReset + (<usize>channel << 3)), this.reading(channel));
  }
}
