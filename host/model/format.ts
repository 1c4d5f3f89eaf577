/**
 * Level text for people: one place that turns dB numbers into "−18.0 dBFS", so the app, the
 * auto-trim messages and the CLI print levels alike. Silence (−Infinity) reads "−∞", a missing
 * reading (NaN) reads "—", never "NaN". Uses the true minus sign (U+2212), as meters print it.
 * Thread: main thread / CLI.
 */
export const MINUS = "\u2212";

export interface FormatOptions {
  /** Digits after the point (default 1). */
  decimals?: number;
  /** Print "+" before positive values. Default true: a level above zero always says so ("+2.6 dBTP"). */
  signed?: boolean;
}

/** "−18.0", "+2.5", "−∞", "—". */
export function formatNumberDb(value: number, options: FormatOptions = {}): string {
  if (Number.isNaN(value)) return "—";
  if (value === -Infinity) return `${MINUS}∞`;
  if (value === Infinity) return "+∞";
  const decimals = options.decimals ?? 1;
  const rounded = Number(value.toFixed(decimals));
  const sign = rounded < 0 ? MINUS : rounded > 0 && (options.signed ?? true) ? "+" : "";
  return `${sign}${Math.abs(rounded).toFixed(decimals)}`;
}

/** formatNumberDb followed by its unit: "−18.0 dBFS", "+2.5 dB", "−∞ LUFS". */
export function formatDb(value: number, unit = "dB", options: FormatOptions = {}): string {
  return `${formatNumberDb(value, options)}${unit ? ` ${unit}` : ""}`;
}
