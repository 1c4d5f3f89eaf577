// Loudness — ITU-R BS.1770-5 Annex 1 and EBU Tech 3341/3342: momentary (400 ms), short-term
// (3 s), integrated (gated) and loudness range, from K-weighted channels summed with the BS.1770
// channel weights (Table 3), evaluated once per quantum (see quantum.ts; the windows and gates
// are loudness-gate.ts). With channel loudness on, each channel's own K-weighted energy also
// feeds a gate of its own — the loudness of that channel alone, from the same filtering pass.

import { arenaAlloc } from "./arena";
import {
  MAX_CHANNELS,
  L_MOMENTARY_LUFS,
  L_MOMENTARY_MAX_LUFS,
  L_MOMENTARY_MAX_SINCE_RESET_LUFS,
  L_SHORT_TERM_LUFS,
  L_SHORT_TERM_MAX_LUFS,
  L_SHORT_TERM_MAX_SINCE_RESET_LUFS,
  L_INTEGRATED_LUFS,
  L_LOUDNESS_RANGE_LU,
  L_FRAMES_SINCE_RESET,
  L_GATING_BLOCKS,
  L_LRA_VALUES,
  L_UNGATED_LUFS,
  L_UNGATED_FRAMES,
  C_CHANNEL_INTEGRATED_LUFS,
  C_CHANNEL_LOUDNESS_RANGE_LU,
  C_CHANNEL_MOMENTARY_MAX_LUFS,
  C_CHANNEL_SHORT_TERM_MAX_LUFS,
} from "./layout";
import { writeLevel, writeSlot } from "./readout";
import { KWeighting } from "./k-weighting";
import { GATE_HOP_MS } from "./quantum";
import { msToFrames } from "./units";
import { LoudnessGate } from "./loudness-gate";

/** BS.1770-5 Table 3: surround channels weigh 1.41 (≈ +1.5 dB); LFE is excluded. */
const SURROUND_WEIGHT: f64 = 1.41;

/**
 * BS.1770 channel weight by layout. 5 channels: L R C Ls Rs; 6: 5.1 (L R C LFE Ls Rs); 8: 7.1
 * (L R C LFE Ls Rs Lb Rb, back pair weighted as surrounds); every other count weighs 1.0 each.
 * Mono is one channel of weight 1 (not dual mono, docs/metering.md §9.3).
 */
export function channelWeight(channels: i32, channel: i32): f64 {
  if (channels == 5) return channel >= 3 ? SURROUND_WEIGHT : 1.0;
  if (channels == 6 || channels == 8) {
    if (channel == 3) return 0.0;
    return channel >= 4 ? SURROUND_WEIGHT : 1.0;
  }
  return 1.0;
}

// @ts-ignore: decorator
@unmanaged
export class Loudness {
  filter: KWeighting;
  gate: LoudnessGate; // the programme: the channels' weighted sum
  channelGates: usize; // LoudnessGate per channel (channel loudness), allocated at create
  channelLoudness: bool;
  weights: usize; // f64 per channel
  quantumSums: usize; // f64 per channel (in lane pairs): Σy² of the open quantum (sample-pass.ts)
  quantumFrames: i32;
  hopFrames: i32;
  channels: i32;
  framesSinceReset: i64;
  /** K-weighted mean energy of the 400 ms ending at the last closed quantum. */
  blockEnergy: f64;

  static create(sampleRate: f64, quantumFrames: i32, channels: i32): Loudness {
    const meter = changetype<Loudness>(arenaAlloc(offsetof<Loudness>()));
    meter.channels = channels;
    meter.filter = KWeighting.create(sampleRate, channels);
    meter.gate = LoudnessGate.create(sampleRate, quantumFrames);
    meter.channelGates = arenaAlloc(<usize>channels * sizeof<usize>());
    for (let channel = 0; channel < channels; channel++)
      store<usize>(
        meter.channelGates + <usize>channel * sizeof<usize>(),
        changetype<usize>(LoudnessGate.create(sampleRate, quantumFrames)),
      );
    meter.weights = arenaAlloc((<usize>MAX_CHANNELS) << 3);
    for (let channel = 0; channel < channels; channel++) {
      store<f64>(meter.weights + ((<usize>channel) << 3), channelWeight(channels, channel));
    }
    meter.quantumSums = arenaAlloc((<usize>MAX_CHANNELS) << 3);
    meter.quantumFrames = quantumFrames;
    meter.hopFrames = msToFrames(GATE_HOP_MS, sampleRate);
    meter.reset();
    return meter;
  }

  /** The per-sample step after K-weighting: y² added to a channel's Σy² (BS.1770-5 eq. 1, the mean square's sum). */
  // @ts-ignore: decorator
  @inline static accumulate(sum: f64, y: f64): f64 {
    return sum + y * y;
  }

  /** accumulate() for two channels at once (f64x2 lanes). */
  // @ts-ignore: decorator
  @inline static accumulateLanes(sum: v128, y: v128): v128 {
    return f64x2.add(sum, f64x2.mul(y, y));
  }

  // @ts-ignore: decorator
  @inline channelGate(channel: i32): LoudnessGate {
    return changetype<LoudnessGate>(load<usize>(this.channelGates + <usize>channel * sizeof<usize>()));
  }

  reset(): void {
    this.filter.reset();
    this.gate.reset();
    for (let channel = 0; channel < this.channels; channel++) this.channelGate(channel).reset();
    memory.fill(this.quantumSums, 0, (<usize>MAX_CHANNELS) << 3);
    this.framesSinceReset = 0;
    this.blockEnergy = 0;
  }

  /** Switches each channel's own loudness on or off; switched on, it starts from silence. */
  setChannelLoudness(on: bool): void {
    if (on && !this.channelLoudness)
      for (let channel = 0; channel < this.channels; channel++) this.channelGate(channel).reset();
    this.channelLoudness = on;
  }

  /** Counts `count` frames the sample pass (sample-pass.ts) K-weighted into the open quantum. */
  advance(count: i32): void {
    this.framesSinceReset += count;
  }

  /** Closes the quantum: the programme's gate (and each channel's) takes its energy. */
  endQuantum(): void {
    let energy: f64 = 0;
    for (let channel = 0; channel < this.channels; channel++) {
      const at = (<usize>channel) << 3;
      energy += load<f64>(this.weights + at) * load<f64>(this.quantumSums + at);
    }
    if (this.channelLoudness)
      for (let channel = 0; channel < this.channels; channel++)
        this.channelGate(channel).push(load<f64>(this.quantumSums + ((<usize>channel) << 3)));
    memory.fill(this.quantumSums, 0, (<usize>MAX_CHANNELS) << 3);
    this.gate.push(energy);
    this.blockEnergy = this.gate.blockEnergy;
    this.filter.flushSubnormals();
  }

  /** Loudness of everything since reset, ungated (LUFS). */
  ungatedLufs(): f64 {
    return this.gate.ungatedLufs();
  }

  /** True when the last closed quantum ended a 100 ms hop (gating blocks and auto-trim step there). */
  atHop(): bool {
    return this.framesSinceReset % this.hopFrames == 0;
  }

  /** Frames from now to the next hop boundary (1 … hopFrames). */
  framesToNextHop(): i32 {
    return this.hopFrames - <i32>(this.framesSinceReset % this.hopFrames);
  }

  /** Writes its fields of the tap block at `block` (LUFS/LU, counts) and starts the next "since read" interval. */
  read(block: usize): void {
    const gate = this.gate;
    gate.updateGated();
    writeSlot(block, L_MOMENTARY_LUFS, gate.momentaryLufs);
    writeSlot(block, L_MOMENTARY_MAX_LUFS, gate.momentaryMaxSinceRead);
    writeSlot(block, L_MOMENTARY_MAX_SINCE_RESET_LUFS, gate.momentaryMaxSinceReset);
    writeSlot(block, L_SHORT_TERM_LUFS, gate.shortTermLufs);
    writeSlot(block, L_SHORT_TERM_MAX_LUFS, gate.shortTermMaxSinceRead);
    writeSlot(block, L_SHORT_TERM_MAX_SINCE_RESET_LUFS, gate.shortTermMaxSinceReset);
    writeSlot(block, L_INTEGRATED_LUFS, gate.integratedLufs);
    writeSlot(block, L_LOUDNESS_RANGE_LU, gate.rangeLu);
    writeSlot(block, L_FRAMES_SINCE_RESET, <f64>this.framesSinceReset);
    writeSlot(block, L_GATING_BLOCKS, gate.gating.count);
    writeSlot(block, L_LRA_VALUES, gate.range.count);
    writeSlot(block, L_UNGATED_LUFS, gate.ungatedLufs());
    writeSlot(block, L_UNGATED_FRAMES, <f64>gate.closedFrames);
    gate.startRead();
    for (let channel = 0; channel < this.channels; channel++) {
      const own = this.channelGate(channel);
      const on = this.channelLoudness;
      if (on) own.updateGated();
      // Off: −∞ ("no reading"), never a stale number.
      writeLevel(block, channel, C_CHANNEL_INTEGRATED_LUFS, on ? own.integratedLufs : -Infinity);
      writeLevel(block, channel, C_CHANNEL_LOUDNESS_RANGE_LU, on ? own.rangeLu : -Infinity);
      writeLevel(block, channel, C_CHANNEL_MOMENTARY_MAX_LUFS, on ? own.momentaryMaxSinceReset : -Infinity);
      writeLevel(block, channel, C_CHANNEL_SHORT_TERM_MAX_LUFS, on ? own.shortTermMaxSinceReset : -Infinity);
    }
  }
}
