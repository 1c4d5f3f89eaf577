/**
 * The insert's latency: one button measures it (POST captures A and RETURN while the audio plays;
 * host/app/latency.ts finds the lag by cross-correlation) and sets insertLatencyFrames, so A/B
 * listen, the delta and auto-match compare sample-aligned signals. Says the result in samples
 * and milliseconds, or plainly why it could not tell. Thread: main thread.
 */
import { estimateLatency } from "../host/app/latency.js";
import type { ParamStore } from "../host/model/param-store.js";
import { paramByKey } from "../host/model/params.js";
import { CAPTURE_FRAMES } from "../host/formats/web/capture.js";
import type { GainstageNode } from "../host/formats/web/node.js";

export class LatencyPanel {
  readonly element: HTMLElement;
  private readonly status: HTMLElement;
  private readonly button: HTMLButtonElement;

  /** `post` gives the point after the effect now; `playing` whether audio flows through the chain. */
  constructor(
    private readonly post: () => GainstageNode,
    private readonly store: ParamStore,
    private readonly playing: () => boolean,
  ) {
    this.element = document.createElement("div");
    this.element.className = "latency";
    this.element.innerHTML = `<button type="button" class="measure-latency">Measure the effect's latency</button>
      <span class="latency-status" role="status" aria-live="polite"></span>`;
    this.button = this.element.querySelector("button")!;
    this.status = this.element.querySelector(".latency-status")!;
    this.button.addEventListener("click", () => void this.measure());
    this.show();
    store.subscribe((key) => {
      if (key === "insertLatencyFrames") this.show();
    });
  }

  private show(): void {
    const frames = this.store.get("insertLatencyFrames");
    const ms = (1000 * frames) / this.post().context.sampleRate;
    this.status.textContent =
      frames === 0 ? "Aligned for an effect with no latency." : `Aligned for ${frames} samples (${ms.toFixed(2)} ms).`;
  }

  async measure(): Promise<number | null> {
    if (!this.playing()) {
      this.status.textContent = "Play something through the chain first: the latency is measured on the audio.";
      return null;
    }
    this.button.disabled = true;
    this.status.textContent = "Measuring…";
    try {
      const { a, back } = await this.post().captureForLatency();
      const maxLag = Math.min(paramByKey("insertLatencyFrames").max, CAPTURE_FRAMES / 2);
      const estimate = estimateLatency(a, back, maxLag);
      if (estimate.frames === null) {
        this.status.textContent = `Could not tell: what comes back is too unlike what goes in (correlation ${estimate.correlation.toFixed(2)}). The alignment is unchanged.`;
        return null;
      }
      this.store.set("insertLatencyFrames", estimate.frames);
      this.show();
      return estimate.frames;
    } catch (error) {
      this.status.textContent = (error as Error).message;
      return null;
    } finally {
      this.button.disabled = false;
    }
  }
}
