/**
 * The transport and the sources: play / pause, loop, the demo, the tone, a file (picked or
 * dropped), the microphone and the speakers (the effect: insert-picker.ts). Thread: main thread.
 */
import type { Engine } from "./engine.js";
import { notify } from "./notices.js";

const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;

/** Wires the transport row; returns play/pause for the keyboard shortcut. */
export function wireTransport(engine: Engine, onSourceChange: () => void): { togglePlay: () => Promise<void> } {
  const togglePlay = async () => {
    if (engine.playing) engine.pause();
    else await engine.play();
  };
  $("#play").addEventListener("click", () => void togglePlay());
  $<HTMLInputElement>("#loop").addEventListener("change", (event) =>
    engine.setLoop((event.target as HTMLInputElement).checked),
  );
  const monitor = $<HTMLInputElement>("#monitor");
  monitor.addEventListener("change", () => engine.setMonitor(monitor.checked));
  const fileInput = $<HTMLInputElement>("#file-input");
  const useFile = async (file: File) => {
    try {
      await engine.useFile(file);
      notify(
        engine.resampledNote
          ? `Loaded "${file.name}": ${engine.resampledNote}.`
          : `Loaded "${file.name}" (played at its own ${engine.context.sampleRate} Hz).`,
        engine.resampledNote ? "warn" : "info",
      );
      if (engine.insertNote) notify(`Note: ${engine.insertNote}.`, "warn");
      onSourceChange();
      await engine.play();
    } catch (error) {
      notify((error as Error).message, "error");
    }
  };
  const sourceActions: Record<string, () => Promise<void> | void> = {
    demo: () => engine.useDemo(),
    tone: () => engine.useTone(),
    file: () => fileInput.click(),
    mic: async () => {
      try {
        await engine.useMic();
      } catch (error) {
        notify((error as Error).message, "error");
      }
    },
  };
  document.querySelectorAll<HTMLButtonElement>("[data-source]").forEach((button) =>
    button.addEventListener("click", async () => {
      await sourceActions[button.dataset.source!]!();
      onSourceChange();
    }),
  );
  fileInput.addEventListener("change", () => {
    const file = fileInput.files?.[0];
    if (file) void useFile(file);
    fileInput.value = "";
  });
  document.addEventListener("dragover", (event) => {
    event.preventDefault();
    document.body.classList.add("dropping");
  });
  document.addEventListener("dragleave", () => document.body.classList.remove("dropping"));
  document.addEventListener("drop", (event) => {
    event.preventDefault();
    document.body.classList.remove("dropping");
    const file = event.dataTransfer?.files[0];
    if (file) void useFile(file);
  });
  return { togglePlay };
}
