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
import { descriptor } from "../declaration/descriptor.js";
import {
  COMMANDS,
  LEARN_STATES,
  LIMITS,
  MARKS,
  LOUDNESS_WINDOWS_MS,
  METER_PUBLISH_MS,
  OFF_ON,
  PARAMETERS,
  READOUT,
  STATUS,
  TAPS,
} from "../declaration/declaration.js";
import {
  AUTO_TRIM_BLOCK,
  LOUDNESS_FIELDS,
  MARK_BLOCK,
  READOUT_SLOTS,
  SINCE_READ_SLOTS,
  TAP_FIELDS,
} from "../declaration/layout.js";
import {
  LV2_LAYOUTS,
  lv2Ports,
  METER_FLOOR_DB,
  METER_OUTPUTS,
  METER_SPANS,
  meterSpan,
  NATIVE_PARAMETERS,
  VST3,
} from "../declaration/native-facts.js";

export { LV2_LAYOUTS, lv2Ports, METER_FLOOR_DB, METER_OUTPUTS, NATIVE_PARAMETERS };
import { screaming } from "./names.js";
import { faceHeaderLines } from "./generate-face.js";
import { stateHeaderLines } from "./generate-state.js";

const c = (text: string) => JSON.stringify(text); // a C string literal (JSON escapes are C escapes for this text)
const num = (value: number) => (Number.isInteger(value) ? `${value}.0` : String(value));
const fieldIndex = (block: "loudness" | "channel", key: string) =>
  (READOUT[block].fields as readonly { key: string }[]).findIndex((f) => f.key === key);

export function nativeHeaderSource(): string {
  const params = PARAMETERS.map((p) => {
    const choices = p.choices ?? [];
    const flags = [
      ...((NATIVE_PARAMETERS as readonly { key: string }[]).some((n) => n.key === p.key) ? ["GS_PARAM_NATIVE"] : []),
      "GS_PARAM_AUTOMATABLE",
      ...(p.flags.stepped ? ["GS_PARAM_STEPPED"] : []),
      ...(p.choices === OFF_ON ? ["GS_PARAM_SWITCH"] : []),
      ...(p.flags.bypass ? ["GS_PARAM_BYPASS"] : []),
    ].join(" | ");
    const list = choices.length > 0 ? `GS_CHOICES_${screaming(p.key)}` : "0";
    return { p, choices, flags, list };
  });
  const lines = [
    "/* GENERATED from host/declaration/declaration.ts by host/tools/generate-native.ts: do not edit,",
    "   run `npm run build:native`. Units in names; ids are the kernel's (one id space). */",
    "#ifndef GAINSTAGE_CONTRACT_H",
    "#define GAINSTAGE_CONTRACT_H",
    "#include <stdint.h>",
    "#include <stdio.h>",
    "",
    `#define GS_PLUGIN_ID ${c(descriptor.id)}`,
    `#define GS_PLUGIN_NAME ${c(descriptor.name)}`,
    `#define GS_PLUGIN_VENDOR ${c(descriptor.vendor)}`,
    `#define GS_PLUGIN_VERSION ${c(descriptor.version)}`,
    `#define GS_PLUGIN_DESCRIPTION ${c(descriptor.description)}`,
    `#define GS_PLUGIN_URL ${c(descriptor.url)}`,
    `#define GS_PLUGIN_FEATURES ${[...descriptor.features, descriptor.layout].map(c).join(", ")}`,
    `#define GS_LATENCY_FRAMES ${descriptor.latencyFrames}`,
    "",
    ...stateHeaderLines(),
    "",
    `#define GS_MAX_CHANNELS ${LIMITS.maxChannels}`,
    `#define GS_MAX_FRAMES ${LIMITS.maxFrames}`,
    `#define GS_MIN_SAMPLE_RATE ${num(LIMITS.minSampleRate)}`,
    `#define GS_MAX_SAMPLE_RATE ${num(LIMITS.maxSampleRate)}`,
    `#define GS_PARAM_ID_END ${LIMITS.paramIdEnd}`,
    `#define GS_METER_PUBLISH_MS ${num(METER_PUBLISH_MS)}`,
    ...STATUS.map((s) => `#define GS_STATUS_${screaming(s.key)} (${s.code})`),
    "",
    "/* Readout (f64 slots): per tap the loudness block, the overall channel block, then per channel,",
    " * then the marks' windows; after both taps, auto-trim (host/declaration/layout.ts). */",
    ...TAPS.map((tap, i) => `#define GS_TAP_${screaming(tap)} ${i}`),
    `#define GS_TAP_COUNT ${TAPS.length}`,
    `#define GS_LOUDNESS_FIELDS ${READOUT.loudness.slots}`,
    `#define GS_CHANNEL_FIELDS ${READOUT.channel.slots}`,
    `#define GS_AUTO_TRIM_FIELDS ${READOUT.autoTrim.slots}`,
    `#define GS_MARK_FIELDS ${READOUT.mark.slots}`,
    `#define GS_TAP_FIELDS ${TAP_FIELDS}`,
    `#define GS_READOUT_SLOTS ${READOUT_SLOTS}`,
    "/* Where tap t's block, a channel's fields in it (-1: overall), a mark's window and the auto-trim block start. */",
    "#define GS_TAP_BLOCK(tap) ((tap) * GS_TAP_FIELDS)",
    `#define GS_CHANNEL_FIELDS_AT(channel) (${LOUDNESS_FIELDS} + GS_CHANNEL_FIELDS * ((channel) + 1))`,
    `#define GS_MARK_FIELDS_AT(mark) (${MARK_BLOCK} + GS_MARK_FIELDS * (mark))`,
    `#define GS_AUTO_TRIM_BLOCK ${AUTO_TRIM_BLOCK}`,
    ...MARKS.map((mark, i) => `#define GS_MARK_${screaming(mark)} ${i}`),
    ...READOUT.mark.fields.map((f, i) => `#define GS_M_${screaming(f.key)} ${i}`),
    ...READOUT.loudness.fields.map((f, i) => `#define GS_L_${screaming(f.key)} ${i}`),
    ...READOUT.channel.fields.map((f, i) => `#define GS_C_${screaming(f.key)} ${i}`),
    ...READOUT.autoTrim.fields.map((f, i) => `#define GS_A_${screaming(f.key)} ${i}`),
    ...LEARN_STATES.map((state, i) => `#define GS_LEARN_${screaming(state)} ${i}`),
    "/* Kernel commands (set as parameters with these ids; host/declaration/kernel-interface.ts). */",
    ...COMMANDS.map((command) => `#define GS_COMMAND_${screaming(command.key)} ${command.id}`),
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
    ...params.map(({ p }) => `#define GS_ID_${screaming(p.key)} ${p.id}`),
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
    "/* The span a format that carries a meter as 0…1 maps it over (VST3's read-only parameters). */",
    "typedef struct gs_meter_output {",
    "  uint32_t tap, channel_block, slot;",
    "  double window_ms;",
    "  uint32_t count;",
    "  const char *symbol, *name, *unit;",
    "  double span_min, span_max;",
    "} gs_meter_output;",
    `#define GS_METER_OUTPUT_COUNT ${TAPS.length * METER_OUTPUTS.length}`,
    "static const gs_meter_output GS_METER_OUTPUTS[GS_METER_OUTPUT_COUNT] = {",
    ...TAPS.flatMap((tap, t) =>
      METER_OUTPUTS.map((m) => {
        const window = "window" in m ? LOUDNESS_WINDOWS_MS[m.window] : 0;
        const count = "count" in m && m.count ? 1 : 0;
        const span = METER_SPANS[meterSpan(m)];
        const name = `${tap.toUpperCase()} ${m.name}`;
        return `  {${t}, ${m.block === "channel" ? 1 : 0}, ${fieldIndex(m.block, m.field)}, ${num(window)}, ${count}, ${c(`${tap}${m.key}`)}, ${c(name)}, ${c(m.unit)}, ${num(span.min)}, ${num(span.max)}},`;
      }),
    ),
    "};",
    "",
    ...faceHeaderLines(),
    "",
    "/* VST3: the class id (16 bytes, in order), its category and sub-categories, the meters' first parameter id. */",
    `#define GS_VST3_CLASS_ID {${VST3.classId
      .match(/../g)!
      .map((b) => `0x${b}`)
      .join(", ")}}`,
    `#define GS_VST3_CATEGORY ${c(VST3.category)}`,
    `#define GS_VST3_SUB_CATEGORIES ${c(VST3.subCategories.join("|"))}`,
    `#define GS_VST3_SDK_VERSION ${c(VST3.sdkVersion)}`,
    `#define GS_VST3_METER_PARAM_ID_BASE ${VST3.meterParamIdBase}`,
    `#define GS_VST3_EMAIL ${c(VST3.email)}`,
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

import { lv2ManifestTtl, lv2PluginTtl } from "./generate-lv2.js";
import { vst3ModuleInfo } from "./generate-vst3.js";

// `npm run build:native` bundles this file and runs it from the package's folder.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // Everything generated goes to the work folder; the Makefile puts each format's files in its bundle.
  const gen = join(process.cwd(), "build/native-work/gen");
  mkdirSync(gen, { recursive: true });
  writeFileSync(join(gen, "gainstage-contract.h"), nativeHeaderSource());
  writeFileSync(join(gen, "manifest.ttl"), lv2ManifestTtl("gainstage.so"));
  writeFileSync(join(gen, "gainstage.ttl"), lv2PluginTtl());
  writeFileSync(join(gen, "moduleinfo.json"), vst3ModuleInfo());
}
