/**
 * Writes the native plugins' view of the declaration (declaration.ts): a C header of the
 * parameters, readout slots, state format, meter outputs and LV2 port table, and the LV2 bundle's
 * Turtle (manifest.ttl, gainstage.ttl), one plugin per channel layout, all into
 * build/native-work/gen (the Makefile copies the Turtle into the bundle). Run by
 * `npm run build:native`; nothing native restates a range, a default or a slot by hand.
 * Thread: build time (Node).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { descriptor } from "./descriptor.js";
import {
  LIMITS,
  LOUDNESS_WINDOWS_MS,
  METER_PUBLISH_MS,
  OFF_ON,
  PARAMETERS,
  READOUT,
  STATUS,
  TAPS,
} from "./declaration.js";
import { SINCE_READ_SLOTS } from "./layout.js";
import { screaming } from "./names.js";
import { MAX_STATE_BYTES, STATE_FORMAT, STATE_VERSION } from "./state.js";

/** The parameters a native plugin has: those the kernel applies outside a pair. */
export const NATIVE_PARAMETERS = PARAMETERS.filter((p) => p.kernel && !("pairOnly" in p && p.pairOnly));

/**
 * The meter outputs (LV2 control output ports), per tap, from the overall (loudest channel) block
 * or the loudness block. `window`: the loudness window a reading needs filled since the last reset
 * before it means anything (until then the port reads "no reading"); `count`: a number of samples,
 * not a level.
 */
export const METER_OUTPUTS = [
  { key: "SamplePeakDbfs", field: "samplePeakDbfs", block: "channel", unit: "dBFS", name: "sample peak" },
  { key: "TruePeakDbtp", field: "truePeakDbtp", block: "channel", unit: "dBTP", name: "true peak" },
  {
    key: "ShortTermLufs",
    field: "shortTermLufs",
    block: "loudness",
    unit: "LUFS",
    name: "short-term loudness",
    window: "shortTerm",
  },
  { key: "IntegratedLufs", field: "integratedLufs", block: "loudness", unit: "LUFS", name: "integrated loudness" },
  { key: "RmsAes17Db", field: "rmsAes17Db", block: "channel", unit: "dB", name: "RMS (AES17)" },
  { key: "Vu", field: "vu", block: "channel", unit: "VU", name: "VU" },
  { key: "PpmDbfs", field: "ppmMaxDbfs", block: "channel", unit: "dBFS", name: "PPM quasi-peak (ppmStandard)" },
  {
    key: "MomentaryLufs",
    field: "momentaryLufs",
    block: "loudness",
    unit: "LUFS",
    name: "momentary loudness",
    window: "momentary",
  },
  {
    key: "MomentaryMaxLufs",
    field: "momentaryMaxSinceResetLufs",
    block: "loudness",
    unit: "LUFS",
    name: "max momentary since reset",
    window: "momentary",
  },
  {
    key: "ShortTermMaxLufs",
    field: "shortTermMaxSinceResetLufs",
    block: "loudness",
    unit: "LUFS",
    name: "max short-term since reset",
    window: "shortTerm",
  },
  { key: "LoudnessRangeLu", field: "loudnessRangeLu", block: "loudness", unit: "LU", name: "loudness range" },
  { key: "RmsTotalAes17Db", field: "rmsTotalAes17Db", block: "channel", unit: "dB", name: "RMS since reset (AES17)" },
  { key: "SamplePeakMaxDbfs", field: "samplePeakMaxDbfs", block: "channel", unit: "dBFS", name: "max sample peak" },
  { key: "TruePeakMaxDbtp", field: "truePeakMaxDbtp", block: "channel", unit: "dBTP", name: "max true peak" },
  { key: "ClipCount", field: "clipCount", block: "channel", unit: "", name: "clipped samples", count: true },
] as const;

/** "No reading" (silence, −∞, or a window not yet filled) on a meter output port: ports carry finite numbers. */
export const METER_FLOOR_DB = -200;

/**
 * The LV2 plugins of the bundle: one per channel layout the kernel meters, channels in BS.1770's
 * order (L R C LFE Ls Rs Lb Rb: the kernel weighs surrounds 1.41 and leaves LFE out for 5, 6 and 8
 * channels, assembly/loudness.ts); port symbols in_NAME / out_NAME.
 */
export const LV2_LAYOUTS = [
  { uri: "urn:gainstage:stereo", name: "Gainstage (stereo)", channels: ["l", "r"] },
  { uri: "urn:gainstage:mono", name: "Gainstage (mono)", channels: [""] },
  { uri: "urn:gainstage:3ch", name: "Gainstage (3 channels)", channels: ["1", "2", "3"] },
  { uri: "urn:gainstage:4ch", name: "Gainstage (4 channels)", channels: ["1", "2", "3", "4"] },
  { uri: "urn:gainstage:5.0", name: "Gainstage (5.0)", channels: ["l", "r", "c", "ls", "rs"] },
  { uri: "urn:gainstage:5.1", name: "Gainstage (5.1)", channels: ["l", "r", "c", "lfe", "ls", "rs"] },
  { uri: "urn:gainstage:7ch", name: "Gainstage (7 channels)", channels: ["1", "2", "3", "4", "5", "6", "7"] },
  { uri: "urn:gainstage:7.1", name: "Gainstage (7.1)", channels: ["l", "r", "c", "lfe", "ls", "rs", "lb", "rb"] },
] as const;

/** Where each group of an LV2 plugin's ports starts, for `channels` channels: the one port table. */
export function lv2Ports(channels: number) {
  const controls = 2 * channels;
  const reset = controls + NATIVE_PARAMETERS.length;
  const meters = reset + 1;
  const latency = meters + TAPS.length * METER_OUTPUTS.length;
  return { audioIn: 0, audioOut: channels, controls, reset, meters, latency, count: latency + 1 };
}

/** The control input that clears the meters when it goes from 0 to 1 (a trigger). */
export const LV2_RESET_SYMBOL = "resetMeters";

const c = (text: string) => JSON.stringify(text); // a C string literal (JSON escapes are C escapes for this text)
const num = (value: number) => (Number.isInteger(value) ? `${value}.0` : String(value));
const fieldIndex = (block: "loudness" | "channel", key: string) =>
  (READOUT[block].fields as readonly { key: string }[]).findIndex((f) => f.key === key);

export function nativeHeaderSource(): string {
  const params = PARAMETERS.map((p) => {
    const choices = "choices" in p ? (p.choices as readonly string[]) : [];
    const flags = [
      ...((NATIVE_PARAMETERS as readonly { key: string }[]).some((n) => n.key === p.key) ? ["GS_PARAM_NATIVE"] : []),
      "GS_PARAM_AUTOMATABLE",
      ...(choices.length > 0 || ("stepped" in p && p.stepped) ? ["GS_PARAM_STEPPED"] : []),
      ...("choices" in p && p.choices === OFF_ON ? ["GS_PARAM_SWITCH"] : []),
      ...("bypass" in p && p.bypass ? ["GS_PARAM_BYPASS"] : []),
    ].join(" | ");
    const list = choices.length > 0 ? `GS_CHOICES_${screaming(p.key)}` : "0";
    return { p, choices, flags, list };
  });
  const lines = [
    "/* GENERATED from host/contract/declaration.ts by host/contract/generate-native.ts: do not edit,",
    "   run `npm run build:native`. Units in names; ids are the kernel's (one id space). */",
    "#ifndef GAINSTAGE_CONTRACT_H",
    "#define GAINSTAGE_CONTRACT_H",
    "#include <stdint.h>",
    "",
    `#define GS_PLUGIN_ID ${c(descriptor.id)}`,
    `#define GS_PLUGIN_NAME ${c(descriptor.name)}`,
    `#define GS_PLUGIN_VENDOR ${c(descriptor.vendor)}`,
    `#define GS_PLUGIN_VERSION ${c(descriptor.version)}`,
    `#define GS_PLUGIN_DESCRIPTION ${c(descriptor.description)}`,
    `#define GS_STATE_FORMAT ${c(STATE_FORMAT)}`,
    `#define GS_STATE_VERSION ${STATE_VERSION}`,
    `#define GS_MAX_STATE_BYTES ${MAX_STATE_BYTES}`,
    "",
    `#define GS_MAX_CHANNELS ${LIMITS.maxChannels}`,
    `#define GS_MAX_FRAMES ${LIMITS.maxFrames}`,
    `#define GS_MIN_SAMPLE_RATE ${num(LIMITS.minSampleRate)}`,
    `#define GS_MAX_SAMPLE_RATE ${num(LIMITS.maxSampleRate)}`,
    `#define GS_PARAM_ID_END ${LIMITS.paramIdEnd}`,
    `#define GS_METER_PUBLISH_MS ${num(METER_PUBLISH_MS)}`,
    ...STATUS.map((s) => `#define GS_STATUS_${screaming(s.key)} (${s.code})`),
    "",
    "/* Readout (f64 slots): per tap the loudness block, the overall channel block, then per channel. */",
    ...TAPS.map((tap, i) => `#define GS_TAP_${screaming(tap)} ${i}`),
    `#define GS_TAP_COUNT ${TAPS.length}`,
    `#define GS_LOUDNESS_FIELDS ${READOUT.loudness.slots}`,
    `#define GS_CHANNEL_FIELDS ${READOUT.channel.slots}`,
    `#define GS_AUTO_TRIM_FIELDS ${READOUT.autoTrim.slots}`,
    `#define GS_TAP_FIELDS (GS_LOUDNESS_FIELDS + GS_CHANNEL_FIELDS * (1 + GS_MAX_CHANNELS))`,
    `#define GS_READOUT_SLOTS (GS_TAP_COUNT * GS_TAP_FIELDS + GS_AUTO_TRIM_FIELDS)`,
    ...READOUT.loudness.fields.map((f, i) => `#define GS_L_${screaming(f.key)} ${i}`),
    ...READOUT.channel.fields.map((f, i) => `#define GS_C_${screaming(f.key)} ${i}`),
    "/* Slots holding a maximum since the last read (a snapshot merges them with max until read). */",
    `#define GS_SINCE_READ_SLOT_COUNT ${SINCE_READ_SLOTS.length}`,
    `static const uint16_t GS_SINCE_READ_SLOTS[GS_SINCE_READ_SLOT_COUNT] = {${SINCE_READ_SLOTS.join(", ")}};`,
    "",
    "enum gs_param_flags {",
    "  GS_PARAM_AUTOMATABLE = 1 << 0,",
    "  GS_PARAM_STEPPED = 1 << 1, /* whole values only: a switch or a choice */",
    "  GS_PARAM_SWITCH = 1 << 2,  /* Off / On */",
    "  GS_PARAM_BYPASS = 1 << 3,",
    "  GS_PARAM_NATIVE = 1 << 4, /* a native plugin's parameter (the kernel applies it outside a pair) */",
    "};",
    "",
    "typedef struct gs_param_decl {",
    "  uint32_t id;          /* the id a host sends and the kernel applies */",
    "  const char *key;      /* stable key: state files, LV2 port symbols */",
    "  const char *name;",
    "  const char *unit;     /* empty for switches and choices */",
    "  double min, max, default_value, step;",
    "  uint32_t decimals;    /* digits after the point in text */",
    "  uint32_t flags;       /* gs_param_flags */",
    "  uint32_t choice_count;",
    "  const char *const *choices; /* labels, index = plain value */",
    "} gs_param_decl;",
    "",
    ...params
      .filter(({ choices }) => choices.length > 0)
      .map(
        ({ p, choices }) =>
          `static const char *const GS_CHOICES_${screaming(p.key)}[] = {${choices.map(c).join(", ")}};`,
      ),
    "",
    "/* Every declared parameter (state files carry them all); GS_NATIVE_PARAMS indexes the plugins' own. */",
    `#define GS_PARAM_COUNT ${params.length}`,
    "static const gs_param_decl GS_PARAMS[GS_PARAM_COUNT] = {",
    ...params.map(
      ({ p, choices, flags, list }) =>
        `  {${p.id}, ${c(p.key)}, ${c(p.name)}, ${c(p.unit)}, ${num(p.min)}, ${num(p.max)}, ${num(p.default)}, ${num(p.step)}, ${p.decimals}, ${flags}, ${choices.length}, ${list}},`,
    ),
    "};",
    `#define GS_NATIVE_PARAM_COUNT ${NATIVE_PARAMETERS.length}`,
    `static const uint32_t GS_NATIVE_PARAMS[GS_NATIVE_PARAM_COUNT] = {${NATIVE_PARAMETERS.map((n) => PARAMETERS.findIndex((p) => p.key === n.key)).join(", ")}};`,
    "",
    "/* Meter outputs: tap, block (0 loudness, 1 overall channel), slot in that block, the loudness",
    "   window (ms) the reading needs filled since reset (0: none), whether it counts samples. */",
    `#define GS_METER_FLOOR_DB ${num(METER_FLOOR_DB)}`,
    "typedef struct gs_meter_output { uint32_t tap, channel_block, slot; double window_ms; uint32_t count; const char *symbol; } gs_meter_output;",
    `#define GS_METER_OUTPUT_COUNT ${TAPS.length * METER_OUTPUTS.length}`,
    "static const gs_meter_output GS_METER_OUTPUTS[GS_METER_OUTPUT_COUNT] = {",
    ...TAPS.flatMap((tap, t) =>
      METER_OUTPUTS.map((m) => {
        const window = "window" in m ? LOUDNESS_WINDOWS_MS[m.window] : 0;
        const count = "count" in m && m.count ? 1 : 0;
        return `  {${t}, ${m.block === "channel" ? 1 : 0}, ${fieldIndex(m.block, m.field)}, ${num(window)}, ${count}, ${c(`${tap}${m.key}`)}},`;
      }),
    ),
    "};",
    "",
    "/* The LV2 plugins (one per channel layout) and where each group of their ports starts. */",
    "typedef struct gs_lv2_layout { const char *uri; uint32_t channels, controls, reset, meters, latency; } gs_lv2_layout;",
    `#define GS_LV2_URIS(X) ${LV2_LAYOUTS.map((layout) => `X(${c(layout.uri)})`).join(" ")}`,
    `#define GS_LV2_LAYOUT_COUNT ${LV2_LAYOUTS.length}`,
    "static const gs_lv2_layout GS_LV2_LAYOUTS[GS_LV2_LAYOUT_COUNT] = {",
    ...LV2_LAYOUTS.map((layout) => {
      const ports = lv2Ports(layout.channels.length);
      return `  {${c(layout.uri)}, ${layout.channels.length}, ${ports.controls}, ${ports.reset}, ${ports.meters}, ${ports.latency}},`;
    }),
    "};",
    "",
    "#endif",
  ];
  return `${lines.join("\n").replace(/\n\n\n+/g, "\n\n")}\n`;
}

const TTL_PREFIXES = `@prefix doap: <http://usefulinc.com/ns/doap#> .
@prefix lv2: <http://lv2plug.in/ns/lv2core#> .
@prefix pprops: <http://lv2plug.in/ns/ext/port-props#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix units: <http://lv2plug.in/ns/extensions/units#> .
`;

function ttlUnit(unit: string): string {
  if (unit === "dB") return "units:unit units:db ;";
  if (!unit) return "";
  return `units:unit [ a units:Unit ; rdfs:label "${unit}" ; units:symbol "${unit}" ; units:render "%f ${unit}" ] ;`;
}

/**
 * A parameter's control input. The bypass parameter is LV2's enable port (lv2:designation
 * lv2:enabled, 1 = processing), so a host's own bypass drives it: its value is 1 − bypass.
 */
function controlInput(p: (typeof NATIVE_PARAMETERS)[number], index: number): string {
  if ("bypass" in p && p.bypass) {
    return `  [ a lv2:InputPort , lv2:ControlPort ;
    lv2:index ${index} ; lv2:symbol "enabled" ; lv2:name "Enabled" ; lv2:designation lv2:enabled ;
    lv2:default ${num(1 - p.default)} ; lv2:minimum 0.0 ; lv2:maximum 1.0 ;
    lv2:portProperty lv2:toggled , lv2:integer ;
  ]`;
  }
  const choices = "choices" in p ? (p.choices as readonly string[]) : [];
  const properties =
    "choices" in p && p.choices === OFF_ON
      ? "lv2:portProperty lv2:toggled ;"
      : choices.length > 0
        ? `lv2:portProperty lv2:integer , lv2:enumeration ;\n    lv2:scalePoint ${choices
            .map((label, value) => `[ rdfs:label "${label}" ; rdf:value ${value} ]`)
            .join(" ,\n      ")} ;`
        : ttlUnit(p.unit);
  return `  [ a lv2:InputPort , lv2:ControlPort ;
    lv2:index ${index} ; lv2:symbol "${p.key}" ; lv2:name "${p.name}" ;
    lv2:default ${num(p.default)} ; lv2:minimum ${num(p.min)} ; lv2:maximum ${num(p.max)} ;
    ${properties}
  ]`;
}

function meterOutput(tap: string, m: (typeof METER_OUTPUTS)[number], index: number): string {
  const range =
    "count" in m && m.count
      ? "lv2:minimum 0.0 ; lv2:maximum 1000000.0 ; lv2:portProperty lv2:integer ;"
      : `lv2:minimum ${num(METER_FLOOR_DB)} ; lv2:maximum 100.0 ; ${ttlUnit(m.unit)}
    lv2:scalePoint [ rdfs:label "no reading" ; rdf:value ${num(METER_FLOOR_DB)} ] ;`;
  return `  [ a lv2:OutputPort , lv2:ControlPort ;
    lv2:index ${index} ; lv2:symbol "${tap}${m.key}" ; lv2:name "${tap.toUpperCase()} ${m.name}" ;
    ${range}
  ]`;
}

/** lv2:minorVersion and lv2:microVersion from the plugin's version (major.minor.micro). */
function lv2Version(): string {
  const [, minor = 0, micro = 0] = descriptor.version.split(".").map(Number);
  return `lv2:minorVersion ${minor} ; lv2:microVersion ${micro} ;`;
}

export function lv2PluginTtl(): string {
  const plugins = LV2_LAYOUTS.map((layout) => {
    const ports = lv2Ports(layout.channels.length);
    const audio = (["in", "out"] as const).flatMap((direction) =>
      layout.channels.map((suffix, ch) => {
        const index = (direction === "in" ? ports.audioIn : ports.audioOut) + ch;
        const symbol = suffix ? `${direction}_${suffix}` : direction;
        const kind = direction === "in" ? "lv2:InputPort" : "lv2:OutputPort";
        const label = `${direction === "in" ? "In" : "Out"}${suffix ? ` ${suffix.toUpperCase()}` : ""}`;
        return `  [ a ${kind} , lv2:AudioPort ; lv2:index ${index} ; lv2:symbol "${symbol}" ; lv2:name "${label}" ]`;
      }),
    );
    const inputs = NATIVE_PARAMETERS.map((p, i) => controlInput(p, ports.controls + i));
    const reset = `  [ a lv2:InputPort , lv2:ControlPort ;
    lv2:index ${ports.reset} ; lv2:symbol "${LV2_RESET_SYMBOL}" ; lv2:name "Reset meters" ;
    lv2:default 0.0 ; lv2:minimum 0.0 ; lv2:maximum 1.0 ;
    lv2:portProperty lv2:toggled , pprops:trigger ;
  ]`;
    const outputs = TAPS.flatMap((tap, t) =>
      METER_OUTPUTS.map((m, i) => meterOutput(tap, m, ports.meters + t * METER_OUTPUTS.length + i)),
    );
    const latency = `  [ a lv2:OutputPort , lv2:ControlPort ;
    lv2:index ${ports.latency} ; lv2:symbol "latency" ; lv2:name "Latency" ;
    lv2:designation lv2:latency ;
    lv2:portProperty lv2:reportsLatency , lv2:integer , pprops:notOnGUI ; units:unit units:frame ;
    lv2:minimum 0 ; lv2:maximum 0
  ]`;
    return `<${layout.uri}>
  a lv2:Plugin , lv2:UtilityPlugin , lv2:AnalyserPlugin ;
  doap:name "${layout.name}" ;
  doap:license <https://opensource.org/licenses/MIT> ;
  doap:maintainer [ a doap:Person ; doap:name "${descriptor.vendor}" ] ;
  rdfs:comment "${descriptor.description}" ;
  ${lv2Version()}
  lv2:optionalFeature lv2:hardRTCapable ;
  lv2:port
${[...audio, ...inputs, reset, ...outputs, latency].join(" ,\n")} .`;
  });
  return `${TTL_PREFIXES}\n${plugins.join("\n\n")}\n`;
}

export function lv2ManifestTtl(binary: string): string {
  return `${TTL_PREFIXES}
${LV2_LAYOUTS.map(
  (layout) => `<${layout.uri}> a lv2:Plugin ; lv2:binary <${binary}> ; rdfs:seeAlso <gainstage.ttl> .`,
).join("\n")}
`;
}

// `npm run build:native` bundles this file and runs it from the package's folder.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // Everything generated goes to the work folder; the Makefile puts each format's files in its bundle.
  const gen = join(process.cwd(), "build/native-work/gen");
  mkdirSync(gen, { recursive: true });
  writeFileSync(join(gen, "gainstage-contract.h"), nativeHeaderSource());
  writeFileSync(join(gen, "manifest.ttl"), lv2ManifestTtl("gainstage.so"));
  writeFileSync(join(gen, "gainstage.ttl"), lv2PluginTtl());
}
