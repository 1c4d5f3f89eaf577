/**
 * Events of the plugin contract: what the host sends (parameter changes and commands, with the
 * frame they apply at) and what the plugin sends back (the moves the kernel made itself, as
 * parameter changes a host can record). Parameter ids and command ids share one space: commands
 * sit above every parameter (declaration.ts). Thread: any (no allocation).
 */
import { COMMANDS } from "../declaration/declaration.js";

type CommandKey = (typeof COMMANDS)[number]["key"];

/** Command ids by name (their values: declaration.ts COMMANDS). */
export const Command = Object.fromEntries(COMMANDS.map((c) => [c.key, c.id])) as { readonly [K in CommandKey]: number };

/** Events sorted by frame (absolute frames on the caller's clock), consumed front to back. */
export interface EventSource {
  size(): number;
  nextFrame(): number;
  nextId(): number;
  nextValue(): number;
  shift(): void;
}

/** Where the plugin's output events go: a parameter the kernel moved, at an absolute frame. */
export interface EventSink {
  /** False when there is no room (the event is dropped; the next move carries the latest value). */
  push(id: number, value: number, frame: number): boolean;
}

/** No events. */
export const NO_EVENTS: EventSource = {
  size: () => 0,
  nextFrame: () => Infinity,
  nextId: () => 0,
  nextValue: () => 0,
  shift: () => {},
};
