/**
 * Blind A/B: the listener hears A and B (level-matched and aligned by POST)
 * without being told which is which, and the tally says whether the choices beat chance.
 *
 * - Preference: each trial hides A and B behind X and Y in a random order; the listener picks the
 *   one they prefer. The result is how often they chose B (the processed chain) and the two-sided
 *   probability of a split at least that uneven by chance.
 * - ABX: each trial hides A or B behind X at random; the listener hears A, B and X and says which
 *   X is. The result is the number right and the one-sided probability of at least that many by
 *   guessing (the binomial tail, p = ½).
 *
 * The order is drawn from `random` (crypto by default; the tests pass a seeded one). Pure logic,
 * no audio: the UI plays what listen() says through abListen. Thread: main thread.
 */

export type BlindMode = "preference" | "abx";
/** What the listener can ask to hear. */
export type BlindChoice = "A" | "B" | "X" | "Y";
export type Source = "A" | "B";

export interface BlindResult {
  mode: BlindMode;
  trials: number;
  answered: number;
  /** Preference: times B was chosen. ABX: times X was named rightly. */
  score: number;
  /** The probability of a result at least this far from chance, by chance alone. */
  probability: number;
}

/** P(K ≥ k) for K ~ Binomial(n, ½): the chance of k or more heads in n fair tosses. */
export function binomialTail(k: number, n: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  let term = 0.5 ** n; // C(n, 0) / 2^n
  let below = 0;
  for (let i = 0; i < k; i++) {
    below += term;
    term = (term * (n - i)) / (i + 1);
  }
  return Math.max(0, 1 - below);
}

export function cryptoRandom(): number {
  const word = new Uint32Array(1);
  globalThis.crypto.getRandomValues(word);
  return word[0]! / 2 ** 32;
}

export class BlindTest {
  /** What X stands for, trial by trial (Y is the other in preference mode). */
  private readonly hidden: Source[];
  private readonly answers: Source[] = [];

  constructor(
    readonly mode: BlindMode,
    readonly trials: number,
    random: () => number = cryptoRandom,
  ) {
    if (!Number.isInteger(trials) || trials < 1)
      throw new RangeError(`trials must be a whole number >= 1, not ${trials}`);
    this.hidden = Array.from({ length: trials }, () => (random() < 0.5 ? "A" : "B"));
  }

  /** The trial being answered (0-based); equals `trials` when done. */
  get trial(): number {
    return this.answers.length;
  }

  get done(): boolean {
    return this.answers.length >= this.trials;
  }

  /** The source to play for `choice` in the current trial. */
  listen(choice: BlindChoice): Source {
    if (choice === "A" || choice === "B") return choice;
    const x = this.hidden[Math.min(this.trial, this.trials - 1)]!;
    if (choice === "X") return x;
    if (this.mode === "abx") throw new RangeError("ABX has no Y: listen to A, B or X");
    return x === "A" ? "B" : "A";
  }

  /**
   * Answers the current trial. Preference: the one preferred, "X" or "Y". ABX: what X is, "A" or "B".
   * Returns whether the answer was right (ABX) or picked B (preference).
   */
  answer(choice: BlindChoice): boolean {
    if (this.done) throw new RangeError("every trial is answered");
    let source: Source;
    if (this.mode === "abx") {
      if (choice !== "A" && choice !== "B") throw new RangeError("in ABX, answer what X is: A or B");
      source = choice;
    } else {
      if (choice !== "X" && choice !== "Y") throw new RangeError("pick the one you prefer: X or Y");
      source = this.listen(choice);
    }
    this.answers.push(source);
    return this.mode === "abx" ? source === this.hidden[this.answers.length - 1] : source === "B";
  }

  result(): BlindResult {
    const answered = this.answers.length;
    if (this.mode === "abx") {
      const score = this.answers.filter((a, i) => a === this.hidden[i]).length;
      return { mode: this.mode, trials: this.trials, answered, score, probability: binomialTail(score, answered) };
    }
    const score = this.answers.filter((a) => a === "B").length;
    const uneven = Math.max(score, answered - score);
    const probability = answered === 0 ? 1 : Math.min(1, 2 * binomialTail(uneven, answered));
    return { mode: this.mode, trials: this.trials, answered, score, probability };
  }
}
