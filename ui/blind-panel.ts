/**
 * Blind A/B in the console (logic: host/app/blind-test.ts). Preference: X and Y are A and B in a
 * hidden order, the listener picks the better one. ABX: X is A or B, the listener says which.
 * Listening switches abListen (click-free in the kernel); the chain should be level-matched first
 * (Match or auto-match), so "louder" cannot decide. After the last trial: the tally and the
 * probability of that result by chance. Keys: 1, 2, 3 listen; Z and M answer (left, right).
 * Thread: main thread.
 */
import { BlindTest, type BlindChoice, type BlindMode } from "../host/app/blind-test.js";
import type { ParamStore } from "../host/model/param-store.js";

const LISTEN_A = 1,
  LISTEN_B = 0;
const DEFAULT_TRIALS = 10;

export class BlindPanel {
  readonly element: HTMLElement;
  private test: BlindTest | null = null;
  private listenButtons: HTMLElement;
  private answerButtons: HTMLElement;
  private status: HTMLElement;
  private heard: BlindChoice | null = null;

  constructor(private readonly store: ParamStore) {
    this.element = document.createElement("div");
    this.element.className = "blind";
    this.element.innerHTML = `
      <div class="blind-setup">
        <label>Mode <select class="blind-mode"><option value="preference">Preference (X or Y)</option><option value="abx">ABX (is X A or B?)</option></select></label>
        <label>Trials <select class="blind-trials">${[5, 10, 16, 20].map((n) => `<option ${n === DEFAULT_TRIALS ? "selected" : ""}>${n}</option>`).join("")}</select></label>
        <button type="button" class="blind-start">Start blind test</button>
      </div>
      <div class="blind-listen" role="group" aria-label="Listen"></div>
      <div class="blind-answer" role="group" aria-label="Answer"></div>
      <p class="blind-status" role="status" aria-live="polite">Match the levels first (Match or auto-match), so the louder one cannot win.</p>`;
    this.listenButtons = this.element.querySelector(".blind-listen")!;
    this.answerButtons = this.element.querySelector(".blind-answer")!;
    this.status = this.element.querySelector(".blind-status")!;
    this.element.querySelector(".blind-start")!.addEventListener("click", () => {
      const mode = this.element.querySelector<HTMLSelectElement>(".blind-mode")!.value as BlindMode;
      const trials = Number(this.element.querySelector<HTMLSelectElement>(".blind-trials")!.value);
      this.start(mode, trials);
    });
  }

  get running(): boolean {
    return this.test !== null && !this.test.done;
  }

  start(mode: BlindMode, trials: number, random?: () => number): void {
    this.test = new BlindTest(mode, trials, random);
    const listen: BlindChoice[] = mode === "abx" ? ["A", "B", "X"] : ["X", "Y"];
    const answers: [BlindChoice, string][] =
      mode === "abx"
        ? [
            ["A", "X is A"],
            ["B", "X is B"],
          ]
        : [
            ["X", "Prefer X"],
            ["Y", "Prefer Y"],
          ];
    this.listenButtons.replaceChildren(
      ...listen.map((choice, i) => this.button(`Hear ${choice}`, String(i + 1), () => this.hear(choice))),
    );
    this.answerButtons.replaceChildren(
      ...answers.map(([choice, label], i) => this.button(label, i === 0 ? "Z" : "M", () => this.answer(choice))),
    );
    this.hear("X");
    this.say();
  }

  /** Keyboard: 1–3 listen, Z/M answer; false when the key is not the blind test's (or no test runs). */
  key(key: string): boolean {
    if (!this.running) return false;
    const index = ["1", "2", "3"].indexOf(key);
    if (index >= 0) {
      (this.listenButtons.children[index] as HTMLButtonElement | undefined)?.click();
      return index < this.listenButtons.children.length;
    }
    const answer = ["z", "m"].indexOf(key);
    if (answer >= 0) (this.answerButtons.children[answer] as HTMLButtonElement).click();
    return answer >= 0;
  }

  private button(label: string, key: string, action: () => void): HTMLButtonElement {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = label;
    button.setAttribute("aria-keyshortcuts", key);
    button.title = `Key ${key}`;
    button.addEventListener("click", action);
    return button;
  }

  private hear(choice: BlindChoice): void {
    if (!this.test || this.test.done) return;
    this.heard = choice;
    this.store.set("abListen", this.test.listen(choice) === "A" ? LISTEN_A : LISTEN_B);
    this.listenButtons.querySelectorAll("button").forEach((b) => {
      b.setAttribute("aria-pressed", String(b.textContent === `Hear ${choice}`));
    });
  }

  private answer(choice: BlindChoice): void {
    if (!this.test || this.test.done) return;
    this.test.answer(choice);
    if (this.test.done) {
      this.store.set("abListen", LISTEN_B);
      this.listenButtons.replaceChildren();
      this.answerButtons.replaceChildren();
    } else {
      this.hear(this.heard === "A" || this.heard === "B" ? this.heard : "X");
    }
    this.say();
  }

  private say(): void {
    const test = this.test!;
    if (!test.done) {
      this.status.textContent = `Trial ${test.trial + 1} of ${test.trials}: listen (1–${this.listenButtons.children.length}), then answer (Z or M).`;
      return;
    }
    const r = test.result();
    const chance = `${(100 * r.probability).toFixed(1)} %`;
    this.status.textContent =
      r.mode === "abx"
        ? `${r.score} of ${r.answered} right. Guessing gets at least that many ${chance} of the time${r.probability < 0.05 ? ": you hear the difference." : ": not enough to say you hear it."}`
        : `You preferred B (the processed chain) ${r.score} of ${r.answered} times. A split at least this uneven happens by chance ${chance} of the time.`;
  }
}
