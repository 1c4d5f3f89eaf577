/**
 * Pairs of Gainstage WAM instances on one page. Two instances in one host group become PRE and
 * POST: an instance created after another, unpaired one pairs with it (the earlier is PRE), and
 * a restored instance pairs with the one whose saved link has the same id and the other role.
 * The two halves keep one set of parameter values (each change on either is mirrored, at its
 * frame), so either instance's controls and automation act on the pair.
 * Thread: main thread.
 */
import type { ParamStore } from "../../model/param-store.js";
import type { PairLink } from "../../model/state.js";
import type { Role } from "../web/protocol.js";

/** What pairing needs of a WAM instance's node. */
export interface Pairable {
  readonly groupId: string;
  /** A pair lives in one AudioContext (its two processors share one worklet scope). */
  readonly context: BaseAudioContext;
  readonly store: ParamStore;
  pair(linkId: string | null, role: Role): Promise<void>;
}

interface Entry {
  /** Where this instance stands now (null: alone). */
  link: PairLink | null;
  /** A saved link waiting for its other half (after a restore). */
  wanted: PairLink | null;
  partner: Pairable | null;
  unmirror: (() => void) | null;
}

function newLinkId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `link-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** Keeps two stores equal: a change on one is made on the other at the same frame. */
function mirror(a: ParamStore, b: ParamStore): () => void {
  const echo = {};
  const offA = a.subscribe((key, value, frame, origin) => {
    if (origin !== echo) b.set(key, value, frame, echo);
  });
  const offB = b.subscribe((key, value, frame, origin) => {
    if (origin !== echo) a.set(key, value, frame, echo);
  });
  return () => {
    offA();
    offB();
  };
}

/** Whether two instances can be one pair: one host group, one audio context. */
function together(a: Pairable, b: Pairable): boolean {
  return a.groupId === b.groupId && a.context === b.context;
}

export class PairRegistry {
  private readonly entries = new Map<Pairable, Entry>();

  /**
   * Registers a new instance. With a saved link it waits for (or joins) its other half; without
   * one it pairs with the latest unpaired instance of its group that waits for no one.
   */
  async add(node: Pairable, saved: PairLink | null): Promise<void> {
    this.entries.set(node, { link: null, wanted: saved, partner: null, unmirror: null });
    if (saved) return this.restore(node, saved);
    const alone = [...this.entries]
      .filter(([other, entry]) => other !== node && together(other, node) && !entry.partner && !entry.wanted)
      .map(([other]) => other);
    const earlier = alone.at(-1);
    if (earlier) await this.pair(earlier, node);
  }

  /** Forgets an instance; its partner goes on alone. */
  async remove(node: Pairable): Promise<void> {
    await this.unpair(node);
    this.entries.delete(node);
  }

  link(node: Pairable): PairLink | null {
    return this.entries.get(node)?.link ?? null;
  }

  partner(node: Pairable): Pairable | null {
    return this.entries.get(node)?.partner ?? null;
  }

  /** The instances of `node`'s group that it could pair with (for a GUI's "pair with" list). */
  candidates(node: Pairable): Pairable[] {
    return [...this.entries.keys()].filter((other) => other !== node && together(other, node));
  }

  /**
   * Makes `pre` and `post` one pair (each leaves any pair it was in); `post` takes `pre`'s
   * parameter values. Both must be in one host group.
   */
  async pair(pre: Pairable, post: Pairable, id = newLinkId()): Promise<void> {
    if (pre === post) throw new Error("an instance cannot pair with itself");
    if (!together(pre, post)) throw new Error("only instances of one host group and one audio context can pair");
    await this.unpair(pre);
    await this.unpair(post);
    const a = this.entry(pre),
      b = this.entry(post);
    const values = pre.store.all();
    for (const key of Object.keys(values)) if (post.store.get(key) !== values[key]) post.store.set(key, values[key]!);
    const unmirror = mirror(pre.store, post.store);
    Object.assign(a, { link: { id, role: "pre" }, wanted: null, partner: post, unmirror });
    Object.assign(b, { link: { id, role: "post" }, wanted: null, partner: pre, unmirror });
    await Promise.all([pre.pair(id, "pre"), post.pair(id, "post")]);
  }

  /** Undoes `node`'s pair: both halves work alone (trim and meters each). */
  async unpair(node: Pairable): Promise<void> {
    const entry = this.entries.get(node);
    const partner = entry?.partner;
    if (!entry || !partner) return;
    const other = this.entry(partner);
    entry.unmirror?.();
    for (const e of [entry, other]) Object.assign(e, { link: null, partner: null, unmirror: null });
    await Promise.all([node.pair(null, "single"), partner.pair(null, "single")]);
  }

  /**
   * After a state with a link was loaded: joins the instance that saved the same link id in the
   * other role, or waits for it. Already in that pair: nothing changes.
   */
  async restore(node: Pairable, saved: PairLink): Promise<void> {
    const entry = this.entry(node);
    if (entry.link?.id === saved.id && entry.link.role === saved.role) return;
    entry.wanted = saved;
    const other = [...this.entries].find(
      ([candidate, e]) =>
        candidate !== node &&
        together(candidate, node) &&
        (e.wanted ?? e.link)?.id === saved.id &&
        (e.wanted ?? e.link)?.role !== saved.role,
    );
    if (!other) return;
    const [partner] = other;
    if (saved.role === "pre") await this.pair(node, partner, saved.id);
    else await this.pair(partner, node, saved.id);
  }

  private entry(node: Pairable): Entry {
    const entry = this.entries.get(node);
    if (!entry) throw new Error("this instance is not registered for pairing");
    return entry;
  }
}

/** The page's pairs (every Gainstage WAM instance this module creates). */
export const pairs = new PairRegistry();
