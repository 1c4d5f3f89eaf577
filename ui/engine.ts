/**
 * The app's audio graph: source → PRE → insert (saturator or none) → POST → monitor → speakers.
 * Sources are the built-in demo loop, a 997 Hz calibration tone, a file the browser decodes, or
 * the microphone. Play / pause / loop for buffers. Thread: main thread.
 */
import { GainstageNode } from "../host/node.js";
import type { ParamStore } from "../host/param-store.js";
import { demoProgramme } from "./demo-programme.js";
import { createSaturator, type Insert } from "./saturator.js";

export type SourceKind = "demo" | "tone" | "file" | "mic";
export type InsertKind = "saturator" | "none";

/** Calibration tone: 997 Hz (BS.1770's test frequency, not a sub-multiple of common rates), −18 dBFS peak = 0 VU. */
export const TONE_HZ = 997;
export const TONE_DBFS = -18;

export class EngineError extends Error {}

export class Engine {
  readonly context: AudioContext;
  readonly pre: GainstageNode;
  readonly post: GainstageNode;
  /** What leaves the insert (RETURN), for the scope. */
  readonly scope: AnalyserNode;
  private readonly monitor: GainNode;
  private insert: Insert | null = null;
  private insertKind: InsertKind = "saturator";
  private buffer: AudioBuffer | null = null;
  private player: AudioBufferSourceNode | null = null;
  private live: { node: AudioNode; stop(): void } | null = null;
  private startedAt = 0;
  private offsetSeconds = 0;
  kind: SourceKind = "demo";
  sourceName = "";
  loop = true;
  playing = false;

  static async create(store: ParamStore): Promise<Engine> {
    if (typeof AudioWorkletNode === "undefined") throw new EngineError("This browser has no AudioWorklet, which Gainstage needs to run its meters. Use a current Chromium or Firefox over https or localhost.");
    const context = new AudioContext({ latencyHint: "interactive" });
    const { pre, post } = await GainstageNode.createPair(context, { store });
    return new Engine(context, pre, post);
  }

  private constructor(context: AudioContext, pre: GainstageNode, post: GainstageNode) {
    this.context = context;
    this.pre = pre;
    this.post = post;
    this.scope = new AnalyserNode(context, { fftSize: 2048 });
    this.monitor = new GainNode(context);
    post.connect(this.monitor).connect(context.destination);
    this.setInsert("saturator");
    this.useDemo();
  }

  /** Puts `kind` between PRE and POST (none = PRE straight into POST). */
  setInsert(kind: InsertKind): void {
    this.pre.disconnect();
    this.insert?.dispose();
    this.insert = kind === "saturator" ? createSaturator(this.context) : null;
    this.insertKind = kind;
    const returnNode = this.insert ? this.insert.output : this.pre;
    if (this.insert) this.pre.connect(this.insert.input);
    returnNode.connect(this.post);
    returnNode.connect(this.scope);
  }

  get insertName(): InsertKind { return this.insertKind; }

  useDemo(): void {
    const [left, right] = demoProgramme(this.context.sampleRate);
    const buffer = new AudioBuffer({ length: left.length, numberOfChannels: 2, sampleRate: this.context.sampleRate });
    buffer.copyToChannel(left, 0);
    buffer.copyToChannel(right, 1);
    this.useBuffer(buffer, "demo", "Demo loop (drums, bass, pad; quiet verse, loud chorus)");
  }

  useTone(): void {
    const frames = this.context.sampleRate; // one second, looped: 997 cycles fit exactly in 1 s
    const buffer = new AudioBuffer({ length: frames, numberOfChannels: 2, sampleRate: this.context.sampleRate });
    const amplitude = 10 ** (TONE_DBFS / 20);
    const data = Float32Array.from({ length: frames }, (_, n) => amplitude * Math.sin((2 * Math.PI * TONE_HZ * n) / frames));
    buffer.copyToChannel(data, 0);
    buffer.copyToChannel(data, 1);
    this.useBuffer(buffer, "tone", `Tone ${TONE_HZ} Hz at ${TONE_DBFS} dBFS peak (0 VU)`);
  }

  /** Decodes a file; throws EngineError with a plain message if the browser cannot. */
  async useFile(file: File): Promise<void> {
    let buffer: AudioBuffer;
    try {
      buffer = await this.context.decodeAudioData(await file.arrayBuffer());
    } catch {
      throw new EngineError(`"${file.name}" could not be decoded: this browser does not read that format (try WAV, FLAC, MP3, AAC or Ogg).`);
    }
    if (buffer.numberOfChannels > 2) throw new EngineError(`"${file.name}" has ${buffer.numberOfChannels} channels; the app plays mono or stereo (the CLI analyses up to 5.1).`);
    this.useBuffer(buffer, "file", file.name);
  }

  /** Opens the microphone (asks permission); monitoring is off to avoid feedback. */
  async useMic(): Promise<void> {
    if (!navigator.mediaDevices?.getUserMedia) throw new EngineError("This browser gives no microphone access here (it needs https or localhost).");
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false } });
    } catch (error) {
      const name = (error as DOMException).name;
      throw new EngineError(name === "NotAllowedError"
        ? "Microphone permission was refused. Allow it in the browser's site settings, then choose Microphone again."
        : name === "NotFoundError" ? "No microphone was found." : `The microphone could not be opened (${name}).`);
    }
    this.stop();
    this.live?.stop();
    this.buffer = null;
    const node = new MediaStreamAudioSourceNode(this.context, { mediaStream: stream });
    this.live = { node, stop: () => { node.disconnect(); stream.getTracks().forEach((track) => track.stop()); } };
    this.kind = "mic";
    this.sourceName = stream.getAudioTracks()[0]?.label || "Microphone";
    this.setMonitor(false);
    void this.play();
  }

  setMonitor(on: boolean): void {
    this.monitor.gain.setTargetAtTime(on ? 1 : 0, this.context.currentTime, 0.01);
  }

  get monitoring(): boolean { return this.monitor.gain.value > 0.5; }

  private useBuffer(buffer: AudioBuffer, kind: SourceKind, name: string): void {
    const wasPlaying = this.playing;
    this.stop();
    this.live?.stop();
    this.live = null;
    this.buffer = buffer;
    this.kind = kind;
    this.sourceName = name;
    this.offsetSeconds = 0;
    this.setMonitor(true);
    if (wasPlaying) void this.play();
  }

  get durationSeconds(): number { return this.buffer?.duration ?? 0; }

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
      player.onended = () => { if (this.player === player) { this.playing = false; this.player = null; this.offsetSeconds = 0; } };
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
