/** Reading a PRE/POST pair's meters together. Thread: main thread. */
import type { GainstageNode } from "./node.js";

/** The four taps of a pair: IN and SEND at PRE, RETURN and OUT at POST. */
export function pairMeters(pre: GainstageNode, post: GainstageNode) {
  const a = pre.meters(),
    b = post.meters();
  return a && b ? { in: a.before, send: a.after, return: b.before, out: b.after, linked: b.linked } : null;
}
