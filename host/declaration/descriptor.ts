/** The plugin descriptor (CLAP clap_plugin_descriptor shape, so a CLAP/VST3/WAM wrapper stays thin). */
export const descriptor = {
  id: "audio.gainstage.gainstage",
  name: "Gainstage",
  vendor: "Gainstage",
  version: "0.1.0",
  description: "Click-free trim and standards-exact metering for gain staging (BS.1770, EBU R128, VU).",
  /** The project's site: the reverse of the id's domain (audio.gainstage → gainstage.audio). */
  url: "https://gainstage.audio/",
  /** Words a producer searches a plugin list with (WAM keywords; the features come first). */
  keywords: ["gain staging", "trim", "meter", "loudness", "LUFS", "true peak", "VU", "PPM", "A/B"],
  /** What a host files it under (CLAP features, WAM keywords). Each format adds its channel layouts. */
  features: ["audio-effect", "utility", "analyzer"],
  /** The channel layout of the plugin formats that have one fixed layout (CLAP, VST3): stereo. */
  layout: "stereo",
  /** Samples of latency the plugin adds: none (trim and meters only). */
  latencyFrames: 0,
  /** Samples of tail after the input stops: none. */
  tailFrames: 0,
} as const;
