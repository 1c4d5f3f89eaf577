/**
 * The native plugins in the tests: whether this machine has the toolchain (.ci/run installs it
 * and sets GAINSTAGE_REQUIRE_NATIVE=1, so CI fails rather than skips), building them, the test
 * CLAP host, and the WASM kernel's own output for the same input and events (the truth the
 * native plugins must equal bit for bit).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { NO_EVENTS, type EventSource } from "../../host/core/events.js";
import { METER_PUBLISH_MS } from "../../host/declaration/declaration.js";
import { READOUT_SLOTS } from "../../host/declaration/layout.js";
import { GainstagePlugin } from "../../host/core/plugin.js";
import { createSnapshotStorage, SNAPSHOT_SLOTS, SnapshotWriter } from "../../host/formats/web/meter-snapshot.js";
import { ROOT } from "../browser/servers.js";
import { kernelModule } from "./kernel.js";

export const NATIVE = join(ROOT, "build/native");
export const WORK = join(ROOT, "build/native-work");
export const CLAP = join(NATIVE, "clap/gainstage.clap");
export const LV2_BUNDLE = join(NATIVE, "lv2/gainstage.lv2");
export const VST3_BUNDLE = join(NATIVE, "gainstage.vst3");
export const QTRACTOR_SCAN =
  process.env.QTRACTOR_PLUGIN_SCAN ??
  [
    join(ROOT, "build/tools/qtractor/usr/lib/x86_64-linux-gnu/qtractor/qtractor_plugin_scan"),
    "/usr/lib/x86_64-linux-gnu/qtractor/qtractor_plugin_scan",
  ].find((path) => existsSync(path));

const has = (command: string) => spawnSync("sh", ["-c", `command -v ${command}`]).status === 0;

/** Why the native tests cannot run here ("" when they can). */
export function missingToolchain(): string {
  const missing = ["cc", "make", "ffmpeg", "lv2apply"].filter((command) => !has(command));
  if (!existsSync("/usr/include/lv2/core/lv2.h")) missing.push("lv2-dev");
  if (!existsSync("/usr/include/simde/wasm/simd128.h")) missing.push("libsimde-dev");
  if (!existsSync(join(ROOT, "node_modules/wabt/bin/wasm2c"))) missing.push("wabt's wasm2c (npm ci)");
  if (!existsSync("/usr/include/cairo/cairo.h")) missing.push("libcairo2-dev");
  if (!existsSync("/usr/include/X11/Xlib.h")) missing.push("libx11-dev");
  return missing.length > 0 ? `not installed: ${missing.join(", ")} (.ci/run installs them)` : "";
}

export const SKIP_NATIVE = missingToolchain() !== "" && process.env.GAINSTAGE_REQUIRE_NATIVE !== "1";

function run(command: string, args: string[], cwd = ROOT): string {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", maxBuffer: 64 << 20 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")}: ${result.stderr || result.stdout}`);
  return result.stdout;
}

/** Builds the plugins (npm run build:native-plugins) and the test tools: once, in the tests' global set-up. */
export function buildNative(): void {
  const reason = missingToolchain();
  if (reason) throw new Error(`the native toolchain is missing: ${reason}`);
  run("npm", ["run", "--silent", "build:native-plugins"]);
  mkdirSync(WORK, { recursive: true });
  const flags = ["-std=gnu11", "-O1", "-Wall", "-Wno-unused-parameter", "-I", join(ROOT, "host/formats/native")];
  run("cc", [
    ...flags,
    "-I",
    join(WORK, "gen"),
    "-o",
    join(WORK, "clap-host"),
    join(ROOT, "tests/native/clap-host.c"),
    "-rdynamic", // the plugin's malloc calls bind to the host's counting ones
    "-ldl",
    "-lm",
  ]);
  run("cc", [...flags, "-o", join(WORK, "lv2-host"), join(ROOT, "tests/native/lv2-host.c"), "-ldl"]);
  const x = buildGuiHost(flags);
  run("cc", [
    ...flags,
    "-Wno-unused-function",
    "-I",
    join(ROOT, "tests/native"),
    "-o",
    join(WORK, "vst3-host"),
    join(ROOT, "tests/native/vst3-host.c"),
    "-rdynamic", // the plug-in's malloc calls bind to the host's counting ones
    "-ldl",
    "-lm",
    ...x,
  ]);
}

/** Where the official CLAP headers are (../shared), for the test hosts that use them. */
export const OFFICIAL_CLAP = join(ROOT, "../shared/vendor/clap/include");

/** The CLAP host with a window (clap-gui-host.c): on the official CLAP headers where they are here, else on ours. */
function buildGuiHost(flags: string[]): string[] {
  const official = existsSync(join(OFFICIAL_CLAP, "clap/clap.h"));
  const headers = official ? ["-DGS_OFFICIAL_CLAP", "-I", OFFICIAL_CLAP] : [];
  const x = run("pkg-config", ["--cflags", "--libs", "cairo", "x11"]).trim().split(/\s+/);
  run("cc", [
    ...flags,
    "-Wno-unused-function",
    ...headers,
    "-I",
    join(ROOT, "tests/native"),
    "-o",
    join(WORK, "clap-gui-host"),
    join(ROOT, "tests/native/clap-gui-host.c"),
    "-rdynamic",
    "-ldl",
    "-lm",
    ...x,
  ]);
  run("cc", [
    ...flags,
    "-I",
    join(WORK, "gen"),
    "-o",
    join(WORK, "x-capture"),
    join(ROOT, "tests/native/x-capture.c"),
    ...x,
  ]);
  return x;
}

/** Fails a test file early, with the reason, if the global set-up did not build the plugins. */
export function expectBuilt(): void {
  for (const path of [
    CLAP,
    join(LV2_BUNDLE, "gainstage.so"),
    join(VST3_BUNDLE, "Contents/x86_64-linux/gainstage.so"),
    ...["clap-host", "lv2-host", "vst3-host", "clap-gui-host", "x-capture"].map((tool) => join(WORK, tool)),
  ])
    if (!existsSync(path))
      throw new Error(`${path} is missing: the native build failed (see the global set-up's output)`);
}

/** Runs the test CLAP host with `args`; its stdout. */
export function clapHost(...args: string[]): string {
  return run(join(WORK, "clap-host"), [CLAP, ...args]);
}

/** Runs the test VST 3 host (tests/native/vst3-host.c) with `args`; its stdout, parsed as JSON. */
export function vst3Host(...args: string[]): any {
  return JSON.parse(run(join(WORK, "vst3-host"), [VST3_BUNDLE, ...args]));
}

export interface ParamEvent {
  frame: number;
  id: number;
  value: number;
}

class EventList implements EventSource {
  private at = 0;
  constructor(private readonly events: ParamEvent[]) {}
  size() {
    return this.events.length - this.at;
  }
  nextFrame() {
    return this.events[this.at]?.frame ?? Infinity;
  }
  nextId() {
    return this.events[this.at]!.id;
  }
  nextValue() {
    return this.events[this.at]!.value;
  }
  shift() {
    this.at++;
  }
}

/**
 * What the WASM kernel (the browser's SIMD build, through the plugin contract) outputs for planar
 * stereo `input` with `events` (NaN values refused, as hosts' bad values are), in 128-frame blocks:
 * output, the moves it made, and the meters as a reader of the native plugin sees them after the
 * audio stopped: read on the publication clock (every METER_PUBLISH_MS of audio) and once at the
 * end, merged by the web's own meter snapshot (host/formats/web/meter-snapshot.ts), never read in between.
 */
export function wasmReference(rate: number, input: Float32Array[], events: ParamEvent[]) {
  const plugin = new GainstagePlugin(kernelModule, "single");
  const block = 128;
  const publishEvery = Math.ceil((rate * METER_PUBLISH_MS) / 1000);
  plugin.activate(rate, 1, block, 2);
  const frames = input[0]!.length;
  const output = [new Float32Array(frames), new Float32Array(frames)];
  const moves: ParamEvent[] = [];
  const sink = { push: (id: number, value: number, frame: number) => moves.push({ frame, id, value }) > 0 };
  const list = new EventList(events.filter((event) => Number.isFinite(event.value)));
  const snapshot = new SnapshotWriter(createSnapshotStorage());
  const publish = () => {
    plugin.kernel.exports.readMeters();
    snapshot.write(plugin.kernel.readoutView(), 0, rate, 2, 0, 0, 0);
  };
  for (let at = 0; at < frames; ) {
    const n = Math.min(block - (at % block), publishEvery - (at % publishEvery), frames - at);
    for (let c = 0; c < 2; c++) plugin.kernel.input(c).set(input[c]!.subarray(at, at + n));
    plugin.process(at, n, list, sink);
    for (let c = 0; c < 2; c++) output[c]!.set(plugin.kernel.output(c).subarray(0, n), at);
    at += n;
    if (at % publishEvery === 0) publish();
  }
  plugin.flush(NO_EVENTS);
  publish();
  return { output, readout: Float64Array.from(snapshot.values.subarray(SNAPSHOT_SLOTS - READOUT_SLOTS)), moves };
}
