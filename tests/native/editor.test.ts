/**
 * The native editor (host/formats/native/editor) in its hosts, under Xvfb: a CLAP host of ours on
 * the official CLAP headers (clap-gui-host.c) embeds it in an X11 window on the host's event loop
 * (timer-support, posix-fd-support), and its pixels show the meters moving with the signal; a drag
 * on the input trim fader reaches the host as a gesture it can record (begin, value, end); opening
 * and closing it a hundred times while audio plays leaves nothing allocated and the audio as it
 * was; a host without timer-support gets false, not a crash. The same for the VST 3 view in a host
 * of ours (vst3-host.c) with its IPlugFrame's IRunLoop and IComponentHandler. Screenshots:
 * test-results/clap-editor-*.png, vst3-editor-*.png.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ROOT } from "../browser/servers.js";
import { CLAP, expectBuilt, LV2_BUNDLE, SKIP_NATIVE, VST3_BUNDLE, WORK } from "../helpers/native.js";
import { startXvfb, type VirtualDisplay, xvfbHere } from "../helpers/xvfb.js";

const skip = SKIP_NATIVE || (!xvfbHere() && process.env.GAINSTAGE_REQUIRE_NATIVE !== "1");
const ARTIFACTS = join(ROOT, "test-results");
/** CLAP's event types (events.h): the host records a gesture from these. */
const GESTURE_BEGIN = 7;
const PARAM_VALUE = 5;
const GESTURE_END = 8;
/** The input trim fader is 170 px long over 96 dB (±48): a 40 px drag is 40 · 96 / 170 dB. */
const DRAG_DB = (40 * 96) / 170;

describe.skipIf(skip)(`the native editor in a CLAP host ${skip ? "(skipped: no Xvfb or toolchain)" : ""}`, () => {
  let x: VirtualDisplay;
  let r: any;
  const host = (...args: string[]) => {
    const run = spawnSync(join(WORK, "clap-gui-host"), [CLAP, ARTIFACTS, ...args], {
      env: { ...process.env, DISPLAY: x.display },
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(run.status, run.stderr).toBe(0);
    return JSON.parse(run.stdout);
  };
  beforeAll(async () => {
    expectBuilt();
    mkdirSync(ARTIFACTS, { recursive: true });
    x = await startXvfb();
    r = host();
  }, 180_000);
  afterAll(() => x?.stop());

  test("the host's X11 API is supported, the editor opens at its size", () => {
    expect([r.supported, r.opened, r.width, r.height]).toEqual([true, true, 760, 380]);
  });

  test("its pixels follow the signal: a loud sine after a quiet one changes the meters' drawing", () => {
    expect(r.changedPixels).toBeGreaterThan(2000);
  });

  test("dragging the input trim is a gesture the host sees: begin, the value, end", () => {
    expect(r.events.map((e: any) => [e.type, e.id])).toEqual([
      [GESTURE_BEGIN, 0],
      [PARAM_VALUE, 0],
      [GESTURE_END, 0],
    ]);
    expect(r.events[1].value).toBeCloseTo(DRAG_DB, 9);
    expect(r.flushRequests).toBeGreaterThan(0);
  });

  test("Learn from the editor: the kernel learns a −30 dBFS sine and moves the input trim to +12 dB (the −18 dB target)", () => {
    expect(r.learnedTrimDb).toBeCloseTo(12, 1);
  });

  test("opened and closed a hundred times: nothing left allocated, timers and fd returned, audio undisturbed", () => {
    // Caches warm up in the first cycles (glyphs drawn once); after that, not one allocation more.
    expect(r.allocationGrowth).toBeLessThan(50);
    expect(r.lateGrowth).toBe(0);
    expect([r.timersLeft, r.fdLeft]).toEqual([0, false]);
    expect(r.peakSpreadDb).toBeLessThan(0.001);
  });

  test("a host without timer-support: the gui is refused (false), nothing crashes", () => {
    expect(host("no-timer")).toEqual({ supported: false, created: false });
  });
});

describe.skipIf(skip)(`the native editor as a VST 3 view ${skip ? "(skipped: no Xvfb or toolchain)" : ""}`, () => {
  let x: VirtualDisplay;
  let r: any;
  const host = (...args: string[]) => {
    const run = spawnSync(join(WORK, "vst3-host"), [VST3_BUNDLE, "editor", ARTIFACTS, ...args], {
      env: { ...process.env, DISPLAY: x.display },
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(run.status, run.stderr).toBe(0);
    return JSON.parse(run.stdout);
  };
  beforeAll(async () => {
    expectBuilt();
    mkdirSync(ARTIFACTS, { recursive: true });
    x = await startXvfb();
    r = host();
  }, 180_000);
  afterAll(() => x?.stop());

  test("attached to the host's X11 window (kPlatformTypeX11EmbedWindowID) on its run loop", () => {
    expect(r.attached).toBe(0);
  });

  test("its pixels follow the signal", () => expect(r.changedPixels).toBeGreaterThan(2000));

  test("a drag on the input trim reaches the host's IComponentHandler: beginEdit, performEdit, endEdit", () => {
    expect(r.edits.map((e: any) => [e.kind, e.id])).toEqual([
      ["b", 0],
      ["p", 0],
      ["e", 0],
    ]);
    expect(r.edits[1].value).toBeCloseTo((DRAG_DB + 48) / 96, 9); // normalized over ±48 dB
  });

  test("opened and closed a hundred times: nothing left allocated, the run loop's handlers returned, audio on", () => {
    expect(r.allocationGrowth).toBeLessThan(100);
    expect(r.lateGrowth).toBe(0);
    expect(r.handlersLeft).toBe(false);
    expect(r.peakSpreadDb).toBeLessThan(0.05); // a 512-frame block's sampled peak of a steady sine
  });

  test("a host whose frame offers no run loop: attached() says false, nothing crashes", () => {
    expect(host("no-run-loop")).toEqual({ attached: 1 });
  });
});

/** jalv's GTK host shows the LV2 UI; JACK's dummy driver gives it an audio engine without a sound card. */
const JALV = "/usr/bin/jalv.gtk3";
const JACKD = "/usr/bin/jackd";
const lv2Skip = skip || ((!existsSync(JALV) || !existsSync(JACKD)) && process.env.GAINSTAGE_REQUIRE_NATIVE !== "1");

describe.skipIf(lv2Skip)(
  `the native editor as the LV2 UI, in jalv.gtk3 ${lv2Skip ? "(skipped: no jalv or jackd)" : ""}`,
  () => {
    let x: VirtualDisplay;
    const children: ChildProcess[] = [];
    let shown: any;
    beforeAll(async () => {
      expectBuilt();
      mkdirSync(ARTIFACTS, { recursive: true });
      x = await startXvfb();
      const server = `gainstage-${process.pid}`;
      const env = { ...process.env, DISPLAY: x.display, JACK_DEFAULT_SERVER: server, LV2_PATH: join(LV2_BUNDLE, "..") };
      children.push(
        spawn(JACKD, ["-n", server, "--no-realtime", "-d", "dummy", "-r", "48000", "-p", "256"], {
          env,
          stdio: "ignore",
        }),
      );
      children.push(spawn(JALV, ["urn:gainstage:stereo"], { env, stdio: "ignore" }));
      // jalv opens its window when JACK and the plugin are up: look for it, a bounded number of times.
      for (let attempt = 0; attempt < 240 && !shown?.found; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        const run = spawnSync(join(WORK, "x-capture"), ["Gainstage", join(ARTIFACTS, "lv2-editor-jalv.png")], {
          env,
          encoding: "utf8",
        });
        shown = JSON.parse(run.stdout || "{}");
      }
    }, 180_000);
    afterAll(() => {
      for (const child of children.reverse()) child.kill();
      x?.stop();
    });

    test("jalv finds the UI and embeds it: its window is Gainstage's own editor (the panel's colours fill it)", () => {
      expect(shown.found).toBe(true);
      expect(shown.width).toBeGreaterThanOrEqual(760);
      expect(shown.facePixels).toBeGreaterThan(0.5 * 760 * 380);
    });
  },
);
