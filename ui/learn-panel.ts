/**
 * Learn (auto-trim) in the app: choose how long to listen, watch the progress and the trim it
 * would set (a marker on the input trim fader before anything changes), then the decision in
 * words and Undo. The kernel decides (assembly/learn.ts); host/app/learn-apply.ts applies and host/model/learn-words.ts explains.
 * Thread: main thread.
 */
import { applyLearned, describeDecision, undoLearned, type LearnOutcome } from "../host/app/learn-apply.js";
import type { AutoTrimReadings } from "../host/model/readings.js";
import type { GainstageNode } from "../host/formats/web/node.js";
import { formatDb } from "../host/model/format.js";

/** Listening times offered (seconds; 0 = until the user presses Stop). */
export const LEARN_SECONDS = [5, 10, 30, 0] as const;
const DEFAULT_LEARN_SECONDS = 10;

export class LearnPanel {
  readonly element: HTMLElement;
  private readonly button: HTMLButtonElement;
  private readonly cancel: HTMLButtonElement;
  private readonly undo: HTMLButtonElement;
  private readonly progress: HTMLProgressElement;
  private readonly status: HTMLElement;
  private readonly length: HTMLSelectElement;
  private readonly undoStack: number[] = [];
  /** True from a Learn's start until its decision has been applied (or refused). */
  private waiting = false;
  /** The kernel has been seen learning since the start (so a "done" is this Learn's, not the last one's). */
  private sawLearning = false;
  private learningSeconds = DEFAULT_LEARN_SECONDS;
  /** The input trim when Learn started: what Undo returns to (the kernel moves the trim itself at the end). */
  private trimBeforeDb = 0;
  lastOutcome: LearnOutcome | null = null;
  private readonly decided: ((outcome: LearnOutcome) => void)[] = [];

  /**
   * `pre` gives the PRE point now (it is rebuilt when the context changes rate). `beforeLearn` runs first (the app starts playback: Learn listens to what plays, and a
   * suspended AudioContext would never finish); `showSuggestion` marks the trim Learn would set.
   */
  constructor(
    private readonly pre: () => GainstageNode,
    private readonly showSuggestion: (trimDb: number | null) => void,
    settings: HTMLElement[],
    private readonly beforeLearn: () => Promise<void> = async () => {},
  ) {
    this.element = document.createElement("div");
    this.element.className = "learn";
    this.element.innerHTML = `
      <div class="learn-row">
        <button type="button" class="primary learn-button" aria-keyshortcuts="L">Learn</button>
        <label>for <select class="learn-length">${LEARN_SECONDS.map((s) => `<option value="${s}" ${s === DEFAULT_LEARN_SECONDS ? "selected" : ""}>${s ? `${s} s` : "until stopped"}</option>`).join("")}</select></label>
        <button type="button" class="learn-cancel" hidden>Cancel</button>
        <button type="button" class="learn-undo" disabled>Undo</button>
        <progress class="learn-progress" max="1" value="0" hidden></progress>
      </div>
      <p class="learn-result" hidden></p>
      <p class="learn-status" role="status" aria-live="polite">Learn listens to what comes in and sets the input trim so the effect is fed the target level.</p>
      <details class="learn-settings"><summary>Target, detector, ceilings, ride</summary><div class="learn-controls"></div></details>`;
    this.button = this.element.querySelector(".learn-button")!;
    this.cancel = this.element.querySelector(".learn-cancel")!;
    this.undo = this.element.querySelector(".learn-undo")!;
    this.progress = this.element.querySelector(".learn-progress")!;
    this.status = this.element.querySelector(".learn-status")!;
    this.length = this.element.querySelector(".learn-length")!;
    this.element.querySelector(".learn-controls")!.append(...settings);
    this.button.addEventListener("click", () => void this.toggle());
    this.cancel.addEventListener("click", () => {
      this.pre().cancelLearn();
      this.waiting = false;
      this.showSuggestion(null);
      this.setStatus("Learn cancelled; the trim is unchanged.");
    });
    this.undo.addEventListener("click", () => {
      if (undoLearned(this.pre().store, this.undoStack))
        this.setStatus(`Undone: input trim back to ${formatDb(this.pre().store.get("inputTrimDb"), "dB")}.`);
      this.undo.disabled = this.undoStack.length === 0;
    });
  }

  /** Calls `listener` with each Learn's outcome, once the panel holds it (lastOutcome). */
  onDecided(listener: (outcome: LearnOutcome) => void): void {
    this.decided.push(listener);
  }

  /** Starts Learn, or (when listening until stopped) stops it and applies. */
  async toggle(): Promise<void> {
    if (this.waiting) {
      this.pre().finishLearn();
      return;
    }
    await this.beforeLearn();
    this.learningSeconds = Number(this.length.value);
    this.trimBeforeDb = this.pre().store.get("inputTrimDb");
    this.pre().learn(this.learningSeconds);
    this.waiting = true;
    this.sawLearning = false;
    this.setStatus("Listening… play the loudest typical part of the source.");
  }

  /** Feeds each frame's auto-trim readings from PRE. */
  update(readings: AutoTrimReadings): void {
    const learning = this.waiting && readings.state === "learning";
    if (learning) this.sawLearning = true;
    this.button.textContent = learning ? "Stop & apply" : "Learn";
    this.button.setAttribute("aria-pressed", String(learning));
    this.cancel.hidden = !learning;
    this.progress.hidden = !learning;
    if (learning) {
      this.progress.max = this.learningSeconds || Math.max(10, Math.ceil(readings.seconds / 10) * 10);
      this.progress.value = readings.seconds;
      const suggestion = readings.status === "ok" ? readings.trimDb : null;
      this.showSuggestion(suggestion);
      this.setStatus(
        suggestion === null
          ? `Listening… ${readings.seconds.toFixed(1)} s, no usable signal yet.`
          : `Listening… ${readings.seconds.toFixed(1)} s: so far ${describeDecision(readings)}`,
      );
    } else if (this.waiting && this.sawLearning && readings.state === "done") {
      this.waiting = false;
      this.showSuggestion(null);
      this.lastOutcome = applyLearned(this.pre().store, readings, this.undoStack, this.trimBeforeDb);
      this.undo.disabled = this.undoStack.length === 0;
      this.setStatus(this.lastOutcome.applied ? `Applied. ${this.lastOutcome.message}` : this.lastOutcome.message);
      for (const listener of this.decided) listener(this.lastOutcome);
    }
  }

  /** The outcome as TO EFFECT measures it since Learn (learn-measure.ts), beside Learn; null hides it. */
  showResult(text: string | null): void {
    const result = this.element.querySelector<HTMLElement>(".learn-result")!;
    result.hidden = text === null;
    if (text !== null && result.textContent !== text) result.textContent = text;
  }

  private setStatus(text: string): void {
    if (this.status.textContent !== text) this.status.textContent = text;
  }
}
