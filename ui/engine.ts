/**
 * The app's audio graph: source → PRE → effect (saturator or none) → POST → speaker guard →
 * monitor → speakers. Sources are the built-in demo loop, a 997 Hz calibration tone, a file the
 * browser decodes, or the microphone. A file plays at its own sample rate: the context is built
 * anew at that rate (decodeAudioData would otherwise resample it, changing its samples and
 * peaks), and the meters are told whether it stores integer samples, so clips are counted as the
 * command line counts them. Play / pause / loop for buffers. Thread: main thread.
 */
import { GainstageNode } from "../host/formats/web/node.js";
import type { ParamStore } from "../host/model/param-store.js";
import { TAP_IN } from "../host/declaration/layout.js";
import { readFileHeader } from "./file-header.js";
import { InsertSlot } from "./insert-slot.js";
import { SATURATOR_DESCRIPTOR } from "./tape-saturator/descriptor.js";
import { demoBuffer, EngineError, openMicrophone, TONE_DBFS, TONE_HZ, toneBuffer } from "./sources.js";
import { SpeakerGuard } from "./speaker-guard.js";

export type SourceKind = "demo" | "tone" | "file" | "mic";

/** Rates an AudioContext accepts (Web Audio: at least 8 000 … 96 000; Chromium 3 000 … 768 000). */
const MIN_CONTEXT_RATE = 8000;
const MAX_CONTEXT_RATE = 384000;
/** The header of any of our containers fits in this many bytes. */
const HEADER_BYTES = 1 << 16;

/** The nodes of one AudioContext; rebuilt whole when the rate changes. */
interface Graph {
  context: AudioContext;
  pre: GainstageNode;
  post: GainstageNode;
  scope: AnalyserNode;
  guard: SpeakerGuard;
  monitor: GainNode;
}

async function buildGraph(store: ParamStore, sampleRate?: number): Promise<Graph> {
  const context = new AudioContext({ latencyHint: "interactive", sampleRate });
  const { pre, post } = await GainstageNode.createPair(context, { store });
  const guard = await SpeakerGuard.create(context);
  const monitor = new GainNode(context);
  post.connect(guard.node).connect(monitor).connect(context.destination);
  return { context, pre, post, scope: new AnalyserNode(context, { fftSize: 2048 }), guard, monitor };
}

export class Engine {
  private graph: Graph;
  /** The effect between PRE and POST: any WAM 2 plugin, or none. */
  readonly insert: InsertSlot;
  private buffer: AudioBuffer | null = null;
  private player: AudioBufferSourceNode | null = null;
  private live: { node: AudioNode; stop(): void } | null = null;
  private startedAt = 0;
  private offsetSeconds = 0;
  private monitorOn = true;
  /** The source's integer depth (0: float), for the clip rule of IN. */
  private sourceBits = 0;
  kind: SourceKind = "demo";
  sourceName = "";
  /** Said plainly when the file's rate is unknown and the browser may have resampled it. */
  resampledNote = "";
  /** Said plainly when a context rebuild left the effect out of the chain. */
  insertNote = "";
  loop = true;
  playing = false;

  static async create(store: ParamStore): Promise<Engine> {
    if (typeof AudioWorkletNode === "undefined")
      throw new EngineError(
        "This browser has no AudioWorklet, which Gainstage needs to run its meters. Use a current Chromium or Firefox over https or localhost.",
      );
    return new Engine(store, await buildGraph(store));
  }

  private constructor(
    readonly store: ParamStore,
    graph: Graph,
  ) {
    this.graph = graph;
    this.insert = new InsertSlot(graph.context, graph.pre, graph.post, graph.scope);
    this.useDemo();
  }

  get context(): AudioContext {
    return this.graph.context;
  }
  get pre(): GainstageNode {
    return this.graph.pre;
  }
  get post(): GainstageNode {
    return this.graph.post;
  }
  /** What leaves the effect, for the scope. */
  get scope(): AnalyserNode {
    return this.graph.scope;
  }
  get guard(): SpeakerGuard {
    return this.graph.guard;
  }

  /** Builds the graph anew at `sampleRate` (the parameters live in the store, so nothing jumps). */
  private async rebuild(sampleRate: number): Promise<void> {
    const old = this.graph;
    this.stop();
    this.live?.stop();
    this.live = null;
    this.graph = await buildGraph(this.store, sampleRate);
    old.pre.dispose();
    old.post.dispose();
    this.insertNote = "";
    await this.insert.moveTo(this.context, this.pre, this.post, this.scope).catch((error: Error) => {
      this.insertNote = `the effect could not follow to ${sampleRate} Hz and is out of the chain: ${error.message}`;
    });
    await old.context.close();
    this.setMonitor(this.monitorOn);
    this.pre.setClipRule(TAP_IN, this.sourceBits);
  }

  /** Puts the WAM 2 effect at `url` between PRE and POST (null: PRE straight into POST). Throws InsertError; the chain keeps what it had. */
  async setInsert(url: string | null): Promise<void> {
    await this.insert.load(url);
  }

  /** The effect's name ("none" when there is none). */
  get insertName(): string {
    return this.insert.name;
  }

  /** Whether the effect is the built-in tape saturator (whose curve the app draws). */
  get insertIsTapeSaturator(): boolean {
    return this.insert.plugin?.descriptor.identifier === SATURATOR_DESCRIPTOR.identifier;
  }

  useDemo(): void {
    this.useBuffer(demoBuffer(this.context), "demo", "Demo loop (drums, bass, pad; quiet verse, loud chorus)", 0);
  }

  useTone(): void {
    this.useBuffer(toneBuffer(this.context), "tone", `Tone ${TONE_HZ} Hz at ${TONE_DBFS} dBFS peak (0 VU)`, 0);
  }

  /** Decodes a file at its own rate; throws EngineError with a plain message if the browser cannot. */
  async useFile(file: File): Promise<void> {
    const bytes = await file.arrayBuffer();
    const header = readFileHeader(bytes.slice(0, HEADER_BYTES));
    const rate = header.sampleRate;
    if (rate !== null && rate !== this.context.sampleRate && rate >= MIN_CONTEXT_RATE && rate <= MAX_CONTEXT_RATE)
      await this.rebuild(rate);
    let buffer: AudioBuffer;
    try {
      buffer = await this.context.decodeAudioData(bytes);
    } catch {
      throw new EngineError(
        `"${file.name}" could not be decoded: this browser does not read that format (try WAV, FLAC, MP3, AAC or Ogg).`,
      );
    }
    if (buffer.numberOfChannels > 2)
      throw new EngineError(
        `"${file.name}" has ${buffer.numberOfChannels} channels; the app plays mono or stereo (the command line analyses up to 7.1).`,
      );
    this.resampledNote =
      rate === this.context.sampleRate
        ? ""
        : rate === null
          ? `the file's own sample rate could not be read, so the browser resampled it to ${this.context.sampleRate} Hz: peaks may differ slightly from the file's`
          : `the file's ${rate} Hz is outside what this browser plays, so it was resampled to ${this.context.sampleRate} Hz`;
    this.useBuffer(buffer, "file", file.name, header.integerBits);
  }

  /** Opens the microphone (asks permission); the speakers are off to avoid feedback. */
  async useMic(): Promise<void> {
    const stream = await openMicrophone();
    this.stop();
    this.live?.stop();
    this.buffer = null;
    const node = new MediaStreamAudioSourceNode(this.context, { mediaStream: stream });
    this.live = {
      node,
      stop: () => {
        node.disconnect();
        stream.getTracks().forEach((track) => track.stop());
      },
    };
    this.kind = "mic";
    this.sourceName = stream.getAudioTracks()[0]?.label || "Microphone";
    this.setSourceBits(0);
    this.setMonitor(false);
    void this.play();
  }

  setMonitor(on: boolean): void {
    this.monitorOn = on;
    this.graph.monitor.gain.setTargetAtTime(on ? 1 : 0, this.context.currentTime, 0.01);
  }

  get monitoring(): boolean {
    return this.monitorOn;
  }

  private setSourceBits(bits: number): void {
    this.sourceBits = bits;
    this.pre.setClipRule(TAP_IN, bits);
  }

  private useBuffer(buffer: AudioBuffer, kind: SourceKind, name: string, integerBits: number): void {
    const wasPlaying = this.playing;
    this.stop();
    this.live?.stop();
    this.live = null;
    this.buffer = buffer;
    this.kind = kind;
    this.sourceName = name;
    if (kind !== "file") this.resampledNote = "";
    this.offsetSeconds = 0;
    this.setSourceBits(integerBits);
    this.setMonitor(true);
    if (wasPlaying) void this.play();
  }

  get durationSeconds(): number {
    return this.buffer?.duration ?? 0;
  }

  /** Seconds into the buffer now. */
  get positionSeconds(): number {
    if (!this.buffer) return 0;
    if (!this.playing) return this.offsetSeconds;
    const elapsed = this.offsetSeconds + this.context.currentTime - this.startedAt;
    return this.loop ? elapsed % this.buffer.duration : Math.min(elapsed, this.buffer.duration);
  }

  async play(): Promise<void> {
    await this.context.resume();
    if (this.playing) return;
    if (this.live) {
      this.live.node.connect(this.pre);
    } else if (this.buffer) {
      const player = new AudioBufferSourceNode(this.context, { buffer: this.buffer, loop: this.loop });
      player.connect(this.pre);
      if (this.offsetSeconds >= this.buffer.duration) this.offsetSeconds = 0;
      player.start(0, this.offsetSeconds);
      player.onended = () => {
        if (this.player === player) {
          this.playing = false;
          this.player = null;
          this.offsetSeconds = 0;
        }
      };
      this.player = player;
      this.startedAt = this.context.currentTime;
    }
    this.playing = true;
  }

  pause(): void {
    if (!this.playing) return;
    this.offsetSeconds = this.positionSeconds;
    this.stop();
  }

  setLoop(loop: boolean): void {
    this.loop = loop;
    if (this.player) this.player.loop = loop;
  }

  private stop(): void {
    if (this.player) {
      const player = this.player;
      this.player = null;
      player.stop();
      player.disconnect();
    }
    if (this.live) this.live.node.disconnect();
    this.playing = false;
  }
}
