/**
 * The LV2 bundle's Turtle (manifest.ttl, gainstage.ttl), one plugin per channel layout, from the
 * declaration and the native port table (generate-native.ts lv2Ports): parameters by key, the
 * bypass parameter as lv2:enabled, a reset trigger, the meters with "no reading" labelled, the
 * latency port designated. Thread: build time (Node).
 */
import { descriptor } from "../declaration/descriptor.js";
import { OFF_ON, TAPS } from "../declaration/declaration.js";
import {
  LV2_LAYOUTS,
  LV2_RESET_SYMBOL,
  METER_FLOOR_DB,
  METER_OUTPUTS,
  NATIVE_PARAMETERS,
  lv2Ports,
} from "../declaration/native-facts.js";

const num = (value: number) => (Number.isInteger(value) ? `${value}.0` : String(value));

const TTL_PREFIXES = `@prefix doap: <http://usefulinc.com/ns/doap#> .
@prefix lv2: <http://lv2plug.in/ns/lv2core#> .
@prefix pprops: <http://lv2plug.in/ns/ext/port-props#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix units: <http://lv2plug.in/ns/extensions/units#> .
@prefix ui: <http://lv2plug.in/ns/extensions/ui#> .
`;

/** The editor as an X11 UI for every plugin of the bundle (host/formats/native/lv2/lv2-ui.c). */
export const LV2_UI_URI = "urn:gainstage:ui";
export const LV2_UI_BINARY = "gainstage_ui.so";

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
  if (p.flags.bypass) {
    return `  [ a lv2:InputPort , lv2:ControlPort ;
    lv2:index ${index} ; lv2:symbol "enabled" ; lv2:name "Enabled" ; lv2:designation lv2:enabled ;
    lv2:default ${num(1 - p.default)} ; lv2:minimum 0.0 ; lv2:maximum 1.0 ;
    lv2:portProperty lv2:toggled , lv2:integer ;
  ]`;
  }
  const choices = p.choices ?? [];
  const properties =
    p.choices === OFF_ON
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
    lv2:minimum 0 ; lv2:maximum ${descriptor.latencyFrames}
  ]`;
    return `<${layout.uri}>
  a lv2:Plugin , lv2:UtilityPlugin , lv2:AnalyserPlugin ;
  doap:name "${layout.name}" ;
  doap:license <https://opensource.org/licenses/MIT> ;
  doap:maintainer [ a doap:Person ; doap:name "${descriptor.vendor}" ] ;
  rdfs:comment "${descriptor.description}" ;
  ${lv2Version()}
  lv2:optionalFeature lv2:hardRTCapable , <http://harrisonconsoles.com/lv2/inlinedisplay#queue_draw> ;
  lv2:extensionData <http://harrisonconsoles.com/lv2/inlinedisplay#interface> ;
  ui:ui <${LV2_UI_URI}> ;
  lv2:port
${[...audio, ...inputs, reset, ...outputs, latency].join(" ,\n")} .`;
  });
  const editor = `<${LV2_UI_URI}>
  a ui:X11UI ;
  lv2:requiredFeature ui:idleInterface , ui:parent ;
  lv2:optionalFeature ui:touch , ui:resize ;
  lv2:extensionData ui:idleInterface .`;
  return `${TTL_PREFIXES}\n${plugins.join("\n\n")}\n\n${editor}\n`;
}

export function lv2ManifestTtl(binary: string): string {
  return `${TTL_PREFIXES}
${LV2_LAYOUTS.map(
  (layout) => `<${layout.uri}> a lv2:Plugin ; lv2:binary <${binary}> ; rdfs:seeAlso <gainstage.ttl> .`,
).join("\n")}
<${LV2_UI_URI}> a ui:X11UI ; ui:binary <${LV2_UI_BINARY}> ; rdfs:seeAlso <gainstage.ttl> .
`;
}
