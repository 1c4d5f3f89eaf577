/**
 * Shared memory between the main thread and the audio thread, where the page allows it. Only a
 * cross-origin isolated page (COOP/COEP headers) has the `SharedArrayBuffer` global: elsewhere
 * (most static hosting, many web DAWs, and Firefox and Chromium worklet scopes of such pages) the
 * name does not exist, and naming it throws. Every other file asks here instead of naming it.
 * Thread: any (main thread and audio rendering thread).
 */

/**
 * Whether this scope can share memory with another thread: the global is present and, in a
 * browser, the page is cross-origin isolated (Node has no such flag: it always shares).
 */
export function canShareMemory(): boolean {
  const scope = globalThis as { crossOriginIsolated?: boolean };
  return typeof globalThis.SharedArrayBuffer === "function" && scope.crossOriginIsolated !== false;
}

/** Whether `buffer` is shared memory; false where shared memory does not exist at all. */
export function isShared(buffer: ArrayBufferLike): boolean {
  const Shared = globalThis.SharedArrayBuffer;
  return typeof Shared === "function" && buffer instanceof Shared;
}

/** `bytes` of shared memory. Only where canShareMemory() said yes; throws a clear error elsewhere. */
export function sharedMemory(bytes: number): SharedArrayBuffer {
  if (!canShareMemory()) throw new Error("shared memory needs a cross-origin isolated page (COOP/COEP headers)");
  return new globalThis.SharedArrayBuffer(bytes);
}

/** Shared memory where the page allows it, otherwise plain memory of the same size (one side only). */
export function memoryFor(bytes: number, shared: boolean): SharedArrayBuffer | ArrayBuffer {
  return shared ? sharedMemory(bytes) : new ArrayBuffer(bytes);
}
