/**
 * What a page loads once: the kernel, compiled on the main thread (processors instantiate it
 * synchronously: the worklet scope has no fetch), and a processor script per AudioContext (a
 * scope registers a name once; a second addModule of the same script would throw).
 * Thread: main thread.
 */
import wasmUrl from "../../../build/gainstage.wasm?url";

export class GainstageError extends Error {}

let wasmModule: Promise<WebAssembly.Module> | null = null;

/** Compiles the kernel once per page. */
export function kernelModule(): Promise<WebAssembly.Module> {
  wasmModule ??= fetch(wasmUrl).then((response) => {
    if (!response.ok) throw new GainstageError(`could not load the Gainstage kernel (${response.status} ${wasmUrl})`);
    return WebAssembly.compileStreaming(response);
  });
  return wasmModule;
}

/** A loader of the processor script at `url`: each AudioContext adds it once. */
export function processorLoader(url: string): (context: BaseAudioContext) => Promise<void> {
  const loaded = new WeakMap<BaseAudioContext, Promise<void>>();
  return (context) => {
    let loading = loaded.get(context);
    if (!loading) {
      if (!context.audioWorklet)
        return Promise.reject(
          new GainstageError("this browser has no AudioWorklet (needs a secure context: https or localhost)"),
        );
      loading = context.audioWorklet.addModule(url);
      loaded.set(context, loading);
    }
    return loading;
  };
}
