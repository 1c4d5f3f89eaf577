/**
 * Reference for auto-trim: a detector's level gated like BS.1770 (400 ms blocks every 100 ms,
 * −70 LUFS absolute and −10 LU relative gates on the blocks' K-weighted loudness), written from
 * the definition in assembly/learn.ts's header with whole-signal arrays — no histogram, no bins.
 */
import { weightedEnergyPrefix } from "./reference-meter.js";

export type Detector = "rms" | "vu" | "peak" | "loudness";
const lufs = (e: number) => -0.691 + 10 * Math.log10(e);

export function gatedLevel(channels: Float32Array[], rate: number, detector: Detector): number {
  if (detector === "peak")
    return 20 * Math.log10(Math.max(...channels.map((c) => c.reduce((m, x) => Math.max(m, Math.abs(x)), 0))));
  const prefix = weightedEnergyPrefix(channels, rate);
  const gate = Math.round(0.4 * rate),
    hop = Math.round(0.1 * rate),
    frames = channels[0]!.length;
  const blocks: number[] = [];
  for (let start = 0; start + gate <= frames; start += hop) blocks.push(start);
  const energy = (start: number) => (prefix[start + gate]! - prefix[start]!) / gate;
  const absolute = blocks.filter((b) => lufs(energy(b)) > -70);
  const relative = lufs(absolute.reduce((s, b) => s + energy(b), 0) / absolute.length) - 10;
  const kept = absolute.filter((b) => lufs(energy(b)) > relative);
  if (detector === "loudness") return lufs(kept.reduce((s, b) => s + energy(b), 0) / kept.length);
  let loudest = 0;
  for (const data of channels) {
    let sum = 0;
    for (const start of kept) {
      let block = 0;
      for (let n = start; n < start + gate; n++) block += detector === "rms" ? data[n]! ** 2 : Math.abs(data[n]!);
      sum += block / gate;
    }
    loudest = Math.max(loudest, sum / kept.length);
  }
  return detector === "rms" ? 10 * Math.log10(loudest) + 10 * Math.log10(2) : 20 * Math.log10((loudest * Math.PI) / 2);
}
