/**
 * The insert slot between PRE and POST: any WAM 2 effect, loaded by URL (the app is a WAM 2 host:
 * initializeWamHost, import, createInstance), or nothing. The tape saturator and wam-community's
 * Simple Distortion ship with the app at ./wam/NAME/. While a plugin loads, the one before keeps
 * playing; if it fails, the chain keeps running without it and the error says why in plain
 * words. A plugin instance belongs to one AudioContext: when the engine rebuilds its context,
 * the slot loads the same plugin again there, with its state. Thread: main thread.
 */
import type { WebAudioModule } from "@webaudiomodules/api";
import { initializeWamHost } from "@webaudiomodules/sdk";

export interface InsertChoice {
  id: string;
  name: string;
  url: string;
}

/** The effects that ship with the app (served at ./wam/NAME/ by host/tools/wam-bundles.ts). */
export const INSERT_CHOICES: readonly InsertChoice[] = [
  { id: "tape-saturator", name: "Tape saturator (analog-modeled)", url: "./wam/tape-saturator/index.js" },
  { id: "simple-distortion", name: "Simple Distortion (Sequencer Party)", url: "./wam/simple-distortion/index.js" },
];

/** How long a plugin may take to load before the slot gives up on it. */
const LOAD_TIMEOUT_MS = 20_000;

export class InsertError extends Error {}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new InsertError(`${what} did not finish loading in ${LOAD_TIMEOUT_MS / 1000} s`)),
      LOAD_TIMEOUT_MS,
    );
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** Loads the WAM 2 plugin at `url` into `context` (group `groupId`); throws InsertError in plain words. */
async function loadWam(url: string, groupId: string, context: BaseAudioContext, state?: unknown) {
  const address = new URL(url, location.href).href;
  let exports: { default?: unknown };
  try {
    exports = await withTimeout(import(/* @vite-ignore */ address), `"${url}"`);
  } catch (error) {
    throw new InsertError(
      error instanceof InsertError
        ? error.message
        : `"${url}" could not be loaded: ${(error as Error).message}. Check the address (it must serve a WAM 2 plugin's index.js).`,
    );
  }
  const Plugin = exports.default as
    | {
        isWebAudioModuleConstructor?: boolean;
        createInstance(g: string, c: BaseAudioContext, s?: unknown): Promise<WebAudioModule>;
      }
    | undefined;
  if (!Plugin?.isWebAudioModuleConstructor)
    throw new InsertError(`"${url}" is not a WAM 2 plugin: its default export is not a WebAudioModule class.`);
  let wam: WebAudioModule;
  try {
    wam = await withTimeout(Plugin.createInstance(groupId, context, state), `"${url}"`);
  } catch (error) {
    throw new InsertError(`"${url}" failed to start: ${(error as Error)?.message ?? String(error)}`);
  }
  if (wam.descriptor?.isInstrument || wam.descriptor?.hasAudioInput === false) {
    wam.audioNode?.destroy?.();
    throw new InsertError(
      `"${wam.descriptor.name}" is an instrument: the insert slot takes effects (audio in, audio out).`,
    );
  }
  return wam;
}

export class InsertSlot {
  private wam: WebAudioModule | null = null;
  private url: string | null = null;
  private groupId: Promise<string> | null = null;

  /** `pre` feeds the slot; what leaves it goes to `post` and `scope`. */
  constructor(
    private context: BaseAudioContext,
    private pre: AudioNode,
    private post: AudioNode,
    private scope: AudioNode,
  ) {
    this.connect();
  }

  /** The plugin's name ("none" when the slot is empty). */
  get name(): string {
    return this.wam?.descriptor.name ?? "none";
  }

  get currentUrl(): string | null {
    return this.url;
  }

  get plugin(): WebAudioModule | null {
    return this.wam;
  }

  /** Puts the plugin at `url` in the slot (null: empty). On failure the slot keeps what it had and throws InsertError. */
  async load(url: string | null, state?: unknown): Promise<void> {
    if (url === null) return this.swap(null, null);
    this.groupId ??= initializeWamHost(this.context).then(([id]) => id);
    const wam = await loadWam(url, await this.groupId, this.context, state);
    this.swap(wam, url);
  }

  /** Moves the slot into a new context (the engine rebuilt it): the same plugin with its state, or empty if it cannot load. */
  async moveTo(context: BaseAudioContext, pre: AudioNode, post: AudioNode, scope: AudioNode): Promise<void> {
    const url = this.url;
    const state = await this.wam?.audioNode.getState().catch(() => undefined);
    this.swap(null, null);
    Object.assign(this, { context, pre, post, scope, groupId: null });
    this.connect();
    if (url) await this.load(url, state);
  }

  private swap(wam: WebAudioModule | null, url: string | null): void {
    this.pre.disconnect();
    this.wam?.audioNode.disconnect();
    this.wam?.audioNode.destroy?.();
    this.wam = wam;
    this.url = url;
    this.connect();
  }

  private connect(): void {
    const returnNode: AudioNode = this.wam ? this.wam.audioNode : this.pre;
    if (this.wam) this.pre.connect(this.wam.audioNode);
    returnNode.connect(this.post);
    returnNode.connect(this.scope);
  }
}
