/** The event queue: seeded fuzz against a plain model (events come out sorted by frame, stable, none lost). */
import { expect, test } from "vitest";
import {
  ParamEventReader,
  ParamEventWriter,
  createEventStorage,
  EVENT_CAPACITY,
} from "../../host/formats/web/event-ring.js";
import { rng } from "../helpers/signals.js";

test("seeded fuzz: interleaved pushes and quanta deliver every event in frame order, stably", () => {
  for (let seed = 1; seed <= 20; seed++) {
    const random = rng(seed);
    const storage = createEventStorage();
    const writer = new ParamEventWriter(storage);
    const reader = new ParamEventReader(storage);
    const sent: { id: number; value: number; frame: number; order: number }[] = [];
    const received: typeof sent = [];
    let order = 0,
      now = 0;
    for (let step = 0; step < 400; step++) {
      const pushes = Math.floor(random() * 8);
      for (let i = 0; i < pushes; i++) {
        const event = {
          id: Math.floor(random() * 20),
          value: order,
          frame: now + Math.floor(random() * 1000) - 200,
          order: order++,
        };
        if (writer.push(event.id, event.value, event.frame)) sent.push(event);
      }
      reader.collect();
      // One quantum: take everything due before now + 128.
      while (reader.size() > 0 && reader.nextFrame() < now + 128) {
        received.push({
          id: reader.nextId(),
          value: reader.nextValue(),
          frame: reader.nextFrame(),
          order: reader.nextValue(),
        });
        reader.shift();
      }
      now += 128;
    }
    reader.collect();
    while (reader.size() > 0) {
      received.push({
        id: reader.nextId(),
        value: reader.nextValue(),
        frame: reader.nextFrame(),
        order: reader.nextValue(),
      });
      reader.shift();
    }
    expect(received.map((e) => e.order).sort((a, b) => a - b)).toEqual(sent.map((e) => e.order));
    // Within what one quantum took, frames never go backwards except for events that were late on arrival.
    for (let i = 1; i < received.length; i++) {
      if (received[i]!.frame === received[i - 1]!.frame)
        expect(received[i]!.order).toBeGreaterThan(received[i - 1]!.order);
    }
  }
});

test("a full queue refuses the push whole (nothing half-sent) and recovers when drained", () => {
  const storage = createEventStorage();
  const writer = new ParamEventWriter(storage);
  const reader = new ParamEventReader(storage);
  let accepted = 0;
  while (writer.push(1, accepted, 0)) accepted++;
  expect(accepted).toBeGreaterThanOrEqual(EVENT_CAPACITY - 1);
  reader.collect();
  expect(reader.size()).toBe(Math.min(accepted, EVENT_CAPACITY));
  let expected = 0;
  while (reader.size() > 0) {
    expect(reader.nextValue()).toBe(expected++);
    reader.shift();
  }
  reader.collect();
  while (reader.size() > 0) {
    expect(reader.nextValue()).toBe(expected++);
    reader.shift();
  }
  expect(expected).toBe(accepted);
  expect(writer.push(2, 0, 0)).toBe(true);
});

test("clearFrom withdraws the events due at or after a frame and keeps the earlier ones, in order", () => {
  const reader = new ParamEventReader(null);
  for (const frame of [10, 500, 20, 1000, 499]) reader.insert(1, frame, frame);
  reader.clearFrom(499);
  const left: number[] = [];
  while (reader.size() > 0) {
    left.push(reader.nextFrame());
    reader.shift();
  }
  expect(left).toEqual([10, 20]);
  reader.clearFrom(0);
  expect(reader.size()).toBe(0);
});
