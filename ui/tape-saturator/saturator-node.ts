/**
 * The tape saturator's WAM 2 node: drive → the saturation curve (saturator.ts, a WaveShaperNode
 * oversampled 4×) → output level. It is a composite node: the host connects into this GainNode
 * (the drive) and connect() hands on what leaves the output gain, as WAM 2 composite plugins do.
 * Its two parameters are AudioParams, so `wam-automation` lands at its time. No processor: it
 * needs nothing on the audio thread that Web Audio does not already do. The oversampling shaper
 * delays the signal (Chromium: 192 samples at 4×); the node measures that once per sample rate
 * with an impulse and reports it as its compensation delay, so a host can align A with B.
 * Thread: main thread.
 */
import type { WamEvent, WamNode, WamParameterDataMap, WamParameterInfoMap, WebAudioModule } from "@webaudiomodules/api";
import { formatDb } from "../../host/model/format.js";
import { ParameterInfo, parameterInfo } from "../../host/formats/wam/parameter-info.js";
import { SATURATOR_RANGE, saturatorCurve } from "../saturator.js";

export const STATE_FORMAT = "gainstage-tape-saturator";

const PARAMETERS: Readonly<WamParameterInfoMap> = {
  driveDb: new ParameterInfo("driveDb", "Drive", "float", 0, -12, 24, "dB", [], (v) => formatDb(v, "dB")),
  outputDb: new ParameterInfo("outputDb", "Output", "float", 0, -24, 12, "dB", [], (v) => formatDb(v, "dB")),
};

type Values = { driveDb: number; outputDb: number };

/** Validates a saved state; throws an Error naming what is wrong. */
export function readSaturatorState(state: unknown): Values {
  const data = typeof state === "string" ? JSON.parse(state) : state;
  if (typeof data !== "object" || data === null || data.format !== STATE_FORMAT)
    throw new Error(`not a tape saturator state (format must be "${STATE_FORMAT}")`);
  const values = {} as Values;
  for (const [id, info] of Object.entries(PARAMETERS)) {
    const value = data.params?.[id] ?? info.defaultValue;
    if (typeof value !== "number" || !(value >= info.minValue && value <= info.maxValue))
      throw new Error(`${id}: ${JSON.stringify(value)} is outside ${info.minValue} … ${info.maxValue} ${info.units}`);
    values[id as keyof Values] = value;
  }
  return values;
}

const gainOf = (db: number) => 10 ** (db / 20);
const LATENCY_PROBE_FRAMES = 2048;
const IMPULSE_AT = 64;
const latencies = new Map<number, Promise<number>>();

/** The shaper's delay in frames at `sampleRate`: where an impulse through it comes out (measured once per rate). */
export function shaperLatency(sampleRate: number): Promise<number> {
  let latency = latencies.get(sampleRate);
  if (!latency) {
    latency = (async () => {
      const context = new OfflineAudioContext(1, LATENCY_PROBE_FRAMES, sampleRate);
      const impulse = new AudioBuffer({ length: LATENCY_PROBE_FRAMES, sampleRate, numberOfChannels: 1 });
      impulse.getChannelData(0)[IMPULSE_AT] = 0.25;
      const source = new AudioBufferSourceNode(context, { buffer: impulse });
      source
        .connect(new WaveShaperNode(context, { curve: saturatorCurve(), oversample: "4x" }))
        .connect(context.destination);
      source.start();
      const out = (await context.startRendering()).getChannelData(0);
      let peakAt = IMPULSE_AT;
      for (let n = 0; n < out.length; n++) if (Math.abs(out[n]!) > Math.abs(out[peakAt]!)) peakAt = n;
      return peakAt - IMPULSE_AT;
    })();
    latencies.set(sampleRate, latency);
  }
  return latency;
}
const dbOf = (gain: number) => 20 * Math.log10(gain);

/** A WamNode in all but the typing of addEventListener (the WAM API types it as an AudioWorkletNode's). */
export class TapeSaturatorNode extends GainNode implements Omit<WamNode, "addEventListener" | "removeEventListener"> {
  readonly module: WebAudioModule;
  private readonly shaper: WaveShaperNode;
  private readonly output: GainNode;

  constructor(
    module: WebAudioModule,
    values: Values | undefined,
    private readonly latencyFrames: number,
  ) {
    const context = module.audioContext;
    super(context, { gain: gainOf(values?.driveDb ?? 0) / SATURATOR_RANGE });
    this.module = module;
    this.shaper = new WaveShaperNode(context, { curve: saturatorCurve(), oversample: "4x" });
    this.output = new GainNode(context, { gain: gainOf(values?.outputDb ?? 0) });
    (GainNode.prototype.connect as (destination: AudioNode) => AudioNode).call(this, this.shaper);
    this.shaper.connect(this.output);
  }

  get groupId(): string {
    return this.module.groupId;
  }
  get moduleId(): string {
    return this.module.moduleId;
  }
  get instanceId(): string {
    return this.module.instanceId;
  }

  // biome-ignore lint/suspicious/noExplicitAny: AudioNode.connect's overloads, handed on as they are.
  override connect(destination: any, output?: number, input?: number): any {
    return destination instanceof AudioParam
      ? this.output.connect(destination, output)
      : this.output.connect(destination, output, input);
  }

  // biome-ignore lint/suspicious/noExplicitAny: AudioNode.disconnect's overloads, handed on as they are.
  override disconnect(...args: any[]): void {
    (this.output.disconnect as (...a: unknown[]) => void)(...args);
  }

  async getParameterInfo(...ids: string[]): Promise<WamParameterInfoMap> {
    return parameterInfo(ids, PARAMETERS);
  }

  async getParameterValues(normalized = false, ...ids: string[]): Promise<WamParameterDataMap> {
    const values = this.values();
    return Object.fromEntries(
      Object.keys(parameterInfo(ids, PARAMETERS)).map((id) => {
        const value = values[id as keyof Values]!;
        return [id, { id, value: normalized ? PARAMETERS[id]!.normalize(value) : value, normalized }];
      }),
    );
  }

  async setParameterValues(values: WamParameterDataMap): Promise<void> {
    for (const [id, data] of Object.entries(values)) {
      const info = PARAMETERS[id];
      if (!info || !Number.isFinite(data.value)) continue;
      this.set(id, data.normalized ? info.denormalize(data.value) : data.value, this.context.currentTime);
    }
  }

  async getState(): Promise<unknown> {
    return { format: STATE_FORMAT, version: 1, params: this.values() };
  }

  async setState(state: unknown): Promise<void> {
    const values = readSaturatorState(state);
    for (const [id, value] of Object.entries(values)) this.set(id, value, this.context.currentTime);
  }

  /** The shaper's delay in frames (measured at creation). */
  async getCompensationDelay(): Promise<number> {
    return this.latencyFrames;
  }

  scheduleEvents(...events: WamEvent[]): void {
    for (const event of events) {
      if (event.type !== "wam-automation") continue;
      const info = PARAMETERS[event.data.id];
      if (!info || !Number.isFinite(event.data.value)) continue;
      const value = event.data.normalized ? info.denormalize(event.data.value) : event.data.value;
      this.set(event.data.id, value, Math.max(event.time ?? 0, this.context.currentTime));
    }
  }

  clearEvents(): void {
    this.gain.cancelScheduledValues(this.context.currentTime);
    this.output.gain.cancelScheduledValues(this.context.currentTime);
  }

  connectEvents(): void {}
  disconnectEvents(): void {}

  destroy(): void {
    this.disconnect();
    this.shaper.disconnect();
    (GainNode.prototype.disconnect as () => void).call(this);
  }

  private values(): Values {
    return { driveDb: dbOf(this.gain.value * SATURATOR_RANGE), outputDb: dbOf(this.output.gain.value) };
  }

  private set(id: string, value: number, when: number): void {
    const info = PARAMETERS[id]!;
    const db = Math.min(info.maxValue, Math.max(info.minValue, value));
    if (id === "driveDb") this.gain.setValueAtTime(gainOf(db) / SATURATOR_RANGE, when);
    else this.output.gain.setValueAtTime(gainOf(db), when);
  }
}
