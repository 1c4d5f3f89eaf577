/**
 * The speaker guard: the last stage before the speakers, in the app only (never in the plugin,
 * never before a meter or an export). Audio passes untouched until a sample passes the guard
 * level; from that sample on the output is silent, until the user says so (a fade back in over
 * FADE_MS, so unmuting never clicks). Trims at +48/+48 dB put +94 dBFS into the graph: this is
 * what keeps it from the speakers. State is shared with the page through a SharedArrayBuffer
 * (Int32 state, then the f64 peak that tripped it); without one, a message goes out on a trip
 * only (an event, not per block). Thread: the audio rendering thread; nothing allocates here.
 */

const FADE_MS = 10;
const OPEN = 0,
  TRIPPED = 1;

interface GuardOptions {
  storage: SharedArrayBuffer | null;
  limit: number;
}

class SpeakerGuard extends AudioWorkletProcessor {
  private readonly state: Int32Array;
  private readonly peak: Float64Array;
  private readonly limit: number;
  private readonly shared: boolean;
  private readonly fadeStep: number;
  private gain = 1;

  constructor(options: AudioWorkletNodeOptions & { processorOptions: GuardOptions }) {
    super();
    const { storage, limit } = options.processorOptions;
    const buffer = storage ?? new ArrayBuffer(16);
    this.state = new Int32Array(buffer, 0, 2);
    this.peak = new Float64Array(buffer, 8, 1);
    this.shared = storage !== null;
    this.limit = limit;
    this.fadeStep = 1 / Math.max(1, (FADE_MS / 1000) * sampleRate);
    if (!this.shared)
      this.port.onmessage = () => {
        Atomics.store(this.state, 0, OPEN);
      };
  }

  process(inputs: Float32Array[][], outputs: Float32Array[][]): boolean {
    const input = inputs[0] ?? [],
      output = outputs[0] ?? [];
    let tripped = Atomics.load(this.state, 0) === TRIPPED;
    for (let c = 0; c < output.length; c++) {
      const source = input[c] ?? input[0],
        target = output[c]!;
      if (!source || tripped) {
        target.fill(0);
        continue;
      }
      let gain = this.gain;
      for (let n = 0; n < target.length; n++) {
        const x = source[n]!;
        if (!(Math.abs(x) <= this.limit)) {
          tripped = true;
          this.trip(Math.abs(x));
          target.fill(0, n);
          break;
        }
        if (gain < 1) gain = Math.min(1, gain + this.fadeStep);
        target[n] = x * gain;
      }
      if (c === output.length - 1 || tripped) this.gain = tripped ? 0 : gain;
    }
    return true;
  }

  private trip(peak: number): void {
    this.gain = 0;
    this.peak[0] = peak;
    Atomics.store(this.state, 0, TRIPPED);
    if (!this.shared) this.port.postMessage({ tripped: peak });
  }
}

registerProcessor("gainstage-speaker-guard", SpeakerGuard);
