/**
 * Entry point: checks what the browser offers and says plainly what is missing instead of
 * showing a blank page, then starts the console. Thread: main thread.
 */
import "./styles/base.css";
import "./styles/console.css";
import "./styles/controls.css";
import { startApp } from "./app.js";

function missing(): string[] {
  const lacks: string[] = [];
  if (typeof WebAssembly !== "object") lacks.push("WebAssembly (runs the DSP kernel)");
  if (typeof AudioContext === "undefined") lacks.push("Web Audio");
  if (typeof AudioWorkletNode === "undefined") lacks.push("AudioWorklet (needs a secure context: https or localhost)");
  return lacks;
}

function fatal(text: string): void {
  const box = document.querySelector<HTMLElement>("#fatal")!;
  box.textContent = text;
  box.hidden = false;
  document.querySelector<HTMLElement>("#app")!.hidden = true;
}

const lacks = missing();
if (lacks.length > 0) {
  fatal(`Gainstage cannot run in this browser: it lacks ${lacks.join(", ")}. Use a current Chromium or Firefox.`);
} else {
  // Which transport the meters use is said once, quietly, in the status line (app.ts).
  startApp().catch((error: unknown) =>
    fatal(`Gainstage could not start: ${(error as Error).message ?? String(error)}`),
  );
}
