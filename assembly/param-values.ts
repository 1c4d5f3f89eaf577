// The kernel's parameter values (plain units, by the contract's ids: the id a host sends is the
// id the kernel applies) and the queue of moves the kernel makes itself (Ride, Learn), which the
// host drains after each processRange() and turns into output parameter events — automation a
// host can record. Values live in static memory, outside the arena, so they survive setup().

import { PARAM_ID_END, isKnownParam, paramDefault, paramIsStepped, paramMax, paramMin } from "./layout";

/** Moves one processRange() call may report; more are merged into the last (the latest value wins). */
export const OUTPUT_EVENT_CAPACITY: i32 = 64;
/** Bytes per output event: id (i32), frame offset in the call (i32), value (f64). */
export const OUTPUT_EVENT_BYTES: i32 = 16;

const values = memory.data(PARAM_ID_END * 8, 8);
const outputEvents = memory.data(OUTPUT_EVENT_CAPACITY * OUTPUT_EVENT_BYTES, 8);
let outputEventCount: i32 = 0;

for (let id = 0; id < PARAM_ID_END; id++)
  store<f64>(values + ((<usize>id) << 3), isKnownParam(id) ? paramDefault(id) : 0.0);

/** The plain value of parameter `id` (the caller checks the id). */
export function valueOf(id: i32): f64 {
  return load<f64>(values + ((<usize>id) << 3));
}

/** Stores `value` clamped to the range (stepped values rounded); returns what was stored. */
export function storeValue(id: i32, value: f64): f64 {
  let plain = min(max(value, paramMin(id)), paramMax(id));
  if (paramIsStepped(id)) plain = Math.round(plain);
  store<f64>(values + ((<usize>id) << 3), plain);
  return plain;
}

/** Records a move the kernel made to parameter `id` at `frame` (offset in the current call). */
export function reportMove(id: i32, value: f64, frame: i32): void {
  const at = outputEvents + <usize>(min(outputEventCount, OUTPUT_EVENT_CAPACITY - 1) * OUTPUT_EVENT_BYTES);
  store<i32>(at, id);
  store<i32>(at, frame, 4);
  store<f64>(at, value, 8);
  if (outputEventCount < OUTPUT_EVENT_CAPACITY) outputEventCount++;
}

export function outputEventsAddress(): usize {
  return outputEvents;
}
export function outputEventsCount(): i32 {
  return outputEventCount;
}
export function clearOutputEvents(): void {
  outputEventCount = 0;
}
