/**
 * The speaker guard on the app's monitor path (worklet/speaker-guard-processor.ts): mutes the
 * speakers, with a light, when a sample passes SPEAKER_GUARD_DBFS — never touching what the
 * meters read or a plugin host records. Thread: main thread.
 */
import guardUrl from "./worklet/speaker-guard-processor.ts?worker&url";
import { canShareMemory, isShared, memoryFor } from "../host/formats/web/shared-memory.js";

/** Anything above this at the speakers is a staging mistake, not music (0 dBFS is already full scale). */
export const SPEAKER_GUARD_DBFS = 6;
const TRIPPED = 1;
/** Int32 state and padding, then the f64 peak that tripped it (as the processor lays it out). */
const GUARD_BYTES = 16;

export class SpeakerGuard {
  private readonly state: Int32Array;
  private readonly peak: Float64Array;
  private readonly shared: boolean;
  private messagePeak = 0;

  private constructor(
    readonly node: AudioWorkletNode,
    storage: SharedArrayBuffer | ArrayBuffer,
  ) {
    this.state = new Int32Array(storage, 0, 2);
    this.peak = new Float64Array(storage, 8, 1);
    this.shared = isShared(storage);
    node.port.onmessage = (event: MessageEvent<{ tripped: number }>) => {
      this.messagePeak = event.data.tripped;
    };
  }

  static async create(context: AudioContext): Promise<SpeakerGuard> {
    await context.audioWorklet.addModule(guardUrl);
    const shared = canShareMemory();
    const storage = memoryFor(GUARD_BYTES, shared);
    const node = new AudioWorkletNode(context, "gainstage-speaker-guard", {
      numberOfInputs: 1,
      numberOfOutputs: 1,
      outputChannelCount: [2],
      processorOptions: { storage: shared ? storage : null, limit: 10 ** (SPEAKER_GUARD_DBFS / 20) },
    });
    return new SpeakerGuard(node, storage);
  }

  /** The peak (dBFS) that muted the speakers, or null while they play. */
  tripped(): number | null {
    const peak = this.shared ? (Atomics.load(this.state, 0) === TRIPPED ? this.peak[0]! : 0) : this.messagePeak;
    return peak > 0 ? 20 * Math.log10(peak) : null;
  }

  /** Unmutes (fading in); it trips again at once if the signal is still over. */
  reset(): void {
    if (this.shared) Atomics.store(this.state, 0, 0);
    else {
      this.messagePeak = 0;
      this.node.port.postMessage("reset");
    }
  }
}
