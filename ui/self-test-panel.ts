/**
 * The self-test panel: one button runs the EBU Tech 3341 and 3342 synthetic cases, generated in
 * code, through the live worklet path (an OfflineAudioContext at the app's sample rate:
 * host/formats/web/offline-meter.ts) and lists each case with expected, measured and pass/fail, ending in
 * "N of N passed". Playback is not disturbed (offline contexts render on their own).
 * Thread: main thread.
 */
import { CONFORMANCE_CASES } from "../host/conformance/cases.js";
import { type CaseResult, runSelfTest } from "../host/conformance/self-test.js";
import { workletCaseMeter } from "../host/formats/web/offline-meter.js";

const DOCS_CASES = "docs/metering.html#s10";

export class SelfTestPanel {
  readonly element: HTMLElement;
  private readonly button: HTMLButtonElement;
  private readonly summary: HTMLElement;
  private readonly rows: HTMLElement;

  /** `sampleRate` says the rate the app runs at now (the cases run at it). */
  constructor(private readonly sampleRate: () => number) {
    this.element = document.createElement("div");
    this.element.className = "self-test";
    this.element.innerHTML = `
      <p>Runs the standards' ${CONFORMANCE_CASES.length} synthetic test cases through the same worklet and kernel as the
        meters above, at the app's sample rate, and checks each reading against the standard's tolerance
        (<a href="${DOCS_CASES}" target="_blank" rel="noopener">which cases, and why #7 and #8 are not here</a>).</p>
      <button type="button" class="self-test-run">Run self-test</button>
      <strong class="self-test-summary" role="status" aria-live="polite"></strong>
      <table class="self-test-results" hidden>
        <thead><tr><th scope="col">Case</th><th scope="col">Signal and reading</th><th scope="col">Expected</th><th scope="col">Measured</th><th scope="col">Result</th></tr></thead>
        <tbody></tbody>
      </table>`;
    this.button = this.element.querySelector(".self-test-run")!;
    this.summary = this.element.querySelector(".self-test-summary")!;
    this.rows = this.element.querySelector("tbody")!;
    this.button.addEventListener("click", () => void this.run());
  }

  async run(): Promise<void> {
    const rate = this.sampleRate();
    this.button.disabled = true;
    this.rows.replaceChildren();
    this.element.querySelector("table")!.hidden = false;
    this.summary.dataset.state = "running";
    this.summary.textContent = `Running at ${rate} Hz…`;
    try {
      const report = await runSelfTest(workletCaseMeter, rate, (result, index, total) => {
        this.rows.append(this.row(result));
        this.summary.textContent = `Running at ${rate} Hz: ${index + 1} of ${total} cases done…`;
      });
      this.summary.textContent = `${report.summary} at ${rate} Hz`;
      this.summary.dataset.state = report.passed === report.results.length ? "passed" : "failed";
    } catch (error) {
      this.summary.textContent = `The self-test could not run: ${(error as Error).message}`;
      this.summary.dataset.state = "error";
    } finally {
      this.button.disabled = false;
    }
  }

  private row(result: CaseResult): HTMLTableRowElement {
    const row = document.createElement("tr");
    row.className = result.pass ? "pass" : "fail";
    for (const text of [result.id, result.title, result.expected, result.measured]) {
      const cell = document.createElement("td");
      cell.textContent = text;
      row.append(cell);
    }
    const verdict = document.createElement("td");
    verdict.textContent = result.pass ? "✓ pass" : `✗ fail (${result.detail})`;
    row.append(verdict);
    return row;
  }
}
