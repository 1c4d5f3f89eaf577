/**
 * The native plugins' view of the state format (declaration/state-format.ts), as C: the format's
 * constants, a test for a link id's characters, and every refusal message as a macro taking its
 * {slots} in order as text (the reader fills them as the web does: numbers as JavaScript writes
 * them, values as their JSON). Included in the generated header by generate-native.ts.
 * Thread: build time (Node).
 */
import {
  LINK_ID_CHARACTERS,
  LINK_ID_MAX_LENGTH,
  MAX_STATE_BYTES,
  MAX_STATE_FIELDS,
  messageSlots,
  QUOTED_LENGTH,
  SNAPSHOT_SLOTS,
  STATE_FORMAT,
  STATE_MESSAGES,
  STATE_VERSION,
  type StateMessage,
} from "../declaration/state-format.js";
import { screaming } from "./names.js";

const c = (text: string) => JSON.stringify(text);

/** A character class "A-Za-z0-9._-" as a C condition on `ch`. */
function characterTest(characters: string): string {
  const tests: string[] = [];
  for (let i = 0; i < characters.length; i++) {
    if (characters[i + 1] === "-" && i + 2 < characters.length) {
      tests.push(`((ch) >= '${characters[i]}' && (ch) <= '${characters[i + 2]}')`);
      i += 2;
    } else tests.push(`(ch) == '${characters[i]}'`);
  }
  return tests.join(" || ");
}

export function stateHeaderLines(): string[] {
  return [
    "/* The saved state's format (host/declaration/state-format.ts). */",
    `#define GS_STATE_FORMAT ${c(STATE_FORMAT)}`,
    `#define GS_STATE_VERSION ${STATE_VERSION}`,
    `#define GS_MAX_STATE_BYTES ${MAX_STATE_BYTES}`,
    `#define GS_MAX_STATE_FIELDS ${MAX_STATE_FIELDS}`,
    `#define GS_QUOTED_LENGTH ${QUOTED_LENGTH}`,
    `#define GS_LINK_ID_MAX_LENGTH ${LINK_ID_MAX_LENGTH}`,
    `#define GS_LINK_ID_CHARACTER(ch) (${characterTest(LINK_ID_CHARACTERS)})`,
    `#define GS_SNAPSHOT_SLOT_COUNT ${SNAPSHOT_SLOTS.length}`,
    `static const char *const GS_SNAPSHOT_SLOTS[GS_SNAPSHOT_SLOT_COUNT] = {${SNAPSHOT_SLOTS.map(c).join(", ")}};`,
    `#define GS_SNAPSHOT_SLOT_LIST ${c(SNAPSHOT_SLOTS.join(", "))}`,
    "/* Refusal messages: GS_MSG_NAME(out, size, slots…), each slot a string. */",
    ...(Object.keys(STATE_MESSAGES) as StateMessage[]).map((name) => {
      const slots = messageSlots(name);
      const format = STATE_MESSAGES[name].replace(/%/g, "%%").replace(/\{\w+\}/g, "%s");
      const args = ["out", "size", ...slots].join(", ");
      return `#define GS_MSG_${screaming(name)}(${args}) snprintf(out, size, ${c(format)}${slots.map((s) => `, ${s}`).join("")})`;
    }),
  ];
}
