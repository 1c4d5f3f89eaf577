/**
 * Reference readings of the app's demo loop, computed from its samples by the double-precision
 * reference meter (never the kernel): what the app's meters must show while the demo plays.
 */
import { demoProgramme } from "../../ui/demo-programme.js";
import { gatedLevel } from "./gated-level.js";
import { meanSquare, weightedEnergyPrefix, windowLoudness } from "./reference-meter.js";

/** AES17 RMS reads a sine at its peak level: plain RMS + 10·log10(2) dB. */
const AES17_DB = 10 * Math.log10(2);

/** The demo loop twice (so every window of one loop's length fits) and its reference readings. */
export function demoReference(rate: number) {
  const loop = demoProgramme(rate);
  const twice = loop.map((data) => {
    const out = new Float32Array(data.length * 2);
    out.set(data);
    out.set(data, data.length);
    return out;
  });
  const frames = loop[0].length;
  const prefix = weightedEnergyPrefix(twice, rate);
  const hop = Math.round(0.1 * rate);
  const shortTerm: number[] = [],
    rmsAes17: number[] = [];
  for (let end = frames; end <= 2 * frames; end += hop) {
    shortTerm.push(windowLoudness(prefix, end, 3 * rate));
    rmsAes17.push(
      10 * Math.log10(Math.max(...twice.map((c) => meanSquare(c, end, Math.round(0.3 * rate))))) + AES17_DB,
    );
  }
  const range = (values: number[]) => [Math.min(...values), Math.max(...values)] as const;
  return { shortTerm: range(shortTerm), rmsAes17: range(rmsAes17), gatedAes17Db: gatedLevel(twice, rate, "rms") };
}
