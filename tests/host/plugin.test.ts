/** The CLAP-shaped contract: activate / process with sorted events / flush, and PRE/POST routing. */
import { expect, test } from "vitest";
import { GainstagePlugin } from "../../host/core/plugin.js";
import { NO_EVENTS, type EventSource } from "../../host/core/events.js";
import { descriptor } from "../../host/declaration/descriptor.js";
import { paramByKey } from "../../host/model/params.js";
import { kernelModule } from "../helpers/kernel.js";

class ListEvents implements EventSource {
  constructor(private readonly list: [frame: number, id: number, value: number][]) {}
  size() {
    return this.list.length;
  }
  nextFrame() {
    return this.list[0]?.[0] ?? Infinity;
  }
  nextId() {
    return this.list[0]![1];
  }
  nextValue() {
    return this.list[0]![2];
  }
  shift() {
    this.list.shift();
  }
}

const trimId = paramByKey("inputTrimDb").id,
  outId = paramByKey("outputTrimDb").id;

function render(plugin: GainstagePlugin, events: EventSource, blocks: number, frames = 128): number[] {
  const out: number[] = [];
  for (let block = 0; block < blocks; block++) {
    plugin.kernel.input(0).fill(0.5, 0, frames);
    plugin.process(block * frames, frames, events);
    out.push(...plugin.kernel.output(0).subarray(0, frames));
  }
  return out;
}

test("latency and tail are zero", () => {
  expect(descriptor.latencyFrames).toBe(0);
  expect(descriptor.tailFrames).toBe(0);
});

test("events apply at their exact frame across block boundaries; late events at frame 0", () => {
  const plugin = new GainstagePlugin(kernelModule);
  plugin.activate(48000, 1, 128, 1);
  const out = render(plugin, new ListEvents([[300, trimId, -6]]), 4);
  expect(out[299]).toBe(0.5);
  expect(out[300]).toBeLessThan(0.5);
  const late = new ListEvents([[10, trimId, 0]]);
  plugin.process(1000, 128, late);
  expect(late.size()).toBe(0);
});

test("flush applies everything outside processing", () => {
  const plugin = new GainstagePlugin(kernelModule);
  plugin.activate(48000, 1, 128, 1);
  plugin.flush(new ListEvents([[99999, trimId, -12]]));
  expect(plugin.kernel.getParam(0)).toBe(-12);
});

test("a PRE point applies input trim, not output trim; POST the reverse; single both", () => {
  for (const [role, input, output] of [
    ["pre", -6, 0],
    ["post", 0, -3],
    ["single", -6, -3],
  ] as const) {
    const plugin = new GainstagePlugin(kernelModule, role);
    plugin.activate(48000, 128, 128, 2);
    plugin.flush(
      new ListEvents([
        [0, trimId, -6],
        [0, outId, -3],
      ]),
    );
    expect([plugin.kernel.getParam(0), plugin.kernel.getParam(1)], role).toEqual([input, output]);
  }
});

test("activate refuses bad block sizes and bad rates", () => {
  const plugin = new GainstagePlugin(kernelModule);
  expect(() => plugin.activate(48000, 0, 128, 2)).toThrow(RangeError);
  expect(() => plugin.activate(1, 1, 128, 2)).toThrow(/bad sample rate/);
});

test("the kernel's own moves leave as output events at their exact frame", () => {
  const plugin = new GainstagePlugin(kernelModule, "single");
  plugin.activate(48000, 128, 128, 1);
  plugin.apply(paramByKey("autoRide").id, 1);
  const moves: { id: number; value: number; frame: number }[] = [];
  const sink = {
    push: (id: number, value: number, frame: number) => {
      moves.push({ id, value, frame });
      return true;
    },
  };
  const tone = Float32Array.from(
    { length: 48000 * 3 },
    (_, n) => 10 ** (-30 / 20) * Math.sin((2 * Math.PI * 997 * n) / 48000),
  );
  for (let start = 0; start < tone.length; start += 128) {
    plugin.kernel.input(0).set(tone.subarray(start, start + 128));
    plugin.process(start, 128, NO_EVENTS, sink);
  }
  expect(moves.length).toBeGreaterThan(0);
  // Ride steps on the 100 ms hops of the loudness clock (4800 frames), each a move of the input trim.
  for (const move of moves) {
    expect(move.id).toBe(paramByKey("inputTrimDb").id);
    expect(move.frame % 4800).toBe(0);
  }
  expect(moves.at(-1)!.value).toBe(plugin.kernel.getParam(paramByKey("inputTrimDb").id));
});

test("a role change (a pair made or undone while running) returns what the point stops applying to neutral", () => {
  const plugin = new GainstagePlugin(kernelModule, "single");
  plugin.activate(48000, 1, 128, 1);
  plugin.apply(trimId, -6);
  plugin.apply(outId, -3);
  expect([plugin.kernel.getParam(trimId), plugin.kernel.getParam(outId)]).toEqual([-6, -3]);
  plugin.setRole("pre");
  expect(plugin.role).toBe("pre");
  expect([plugin.kernel.getParam(trimId), plugin.kernel.getParam(outId)]).toEqual([-6, 0]);
  plugin.apply(outId, -3); // POST's now: refused here
  expect(plugin.kernel.getParam(outId)).toBe(0);
  plugin.setRole("post");
  expect(plugin.kernel.getParam(trimId)).toBe(0);
  plugin.apply(outId, -3);
  expect(plugin.kernel.getParam(outId)).toBe(-3);
});
