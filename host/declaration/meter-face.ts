/**
 * How a meter looks, wherever it is drawn (the web's strips, ui/meter-bars.ts and meter-scales.ts;
 * the native editor, host/formats/native/editor, through the generated C header): the bar's dBFS
 * axis, the dBFS scale's marks and the producer's zones, and the colours. Plain data.
 */

/** The bar axis, dBFS: wide enough for every scale's working range. */
export const BAR_FLOOR_DBFS = -60;
export const BAR_TOP_DBFS = 3;

/** The dBFS scale's marks and zones (the producer's targets). */
export const DBFS_MARKS = [0, -3, -6, -12, -18, -24, -30, -40, -50, -60] as const;
/** About −18 dBFS into analog-modeled plugins: the zone around it. */
export const ANALOG_ZONE_DBFS = [-21, -15] as const;
/** Mix and master peaks at or below −6 dBFS. */
export const HEADROOM_LINE_DBFS = -6;
/** Above this a peak is over: the last dB before full scale. */
export const OVER_DBFS = -1;

export const COLOURS = {
  safe: "#3fb37f",
  analog: "#8fd14f",
  hot: "#f2b33d",
  over: "#e5533d",
  inner: "rgba(255,255,255,0.55)",
  hold: "#ffffff",
  grid: "#3a4048",
  text: "#aab3bd",
  strong: "#dfe6ee",
  zone: "rgba(143,209,79,0.12)",
} as const;

/** The panel's own colours (ui/styles/base.css says the same in CSS). */
export const PANEL_COLOURS = {
  bg: "#14171b",
  panel: "#1c2026",
  edge: "#2b3138",
  text: "#dfe6ee",
  dim: "#aab3bd",
  accent: "#f2b33d",
  bad: "#e5533d",
  focus: "#7fc8f8",
} as const;
