/**
 * The plugin panel's pairing row (plugin-gui.ts): where this instance stands (alone, before or
 * after the effect), the other Gainstage instances of the host group by their names for people,
 * and Pair / Unpair. Thread: main thread.
 */
import type { GainstageWamNode } from "../host/formats/wam/wam-node.js";

/** Wires the row inside `gui`; returns the function that shows the pairing as it is now. */
export function wirePairing(
  gui: HTMLElement,
  node: GainstageWamNode,
  showError: (message: string) => void,
): () => void {
  const status = gui.querySelector<HTMLElement>(".pair-status")!;
  const pairWith = gui.querySelector<HTMLSelectElement>(".pair-with")!;
  const showPairing = () => {
    const partner = node.partner;
    status.textContent = partner
      ? node.role === "pre"
        ? "Before the effect, paired with the Gainstage after it: IN is here, OUT there; A/B and Match compare them."
        : "After the effect, paired with the Gainstage before it: IN is there, OUT here; A/B and Match compare them."
      : "Alone: input and output trim, IN and OUT meters. Pair it with a second Gainstage after the effect to compare.";
    const candidates = node.candidates();
    pairWith.replaceChildren(
      ...candidates.map(
        (other) => new Option(`${other.displayName} (${other.partner ? "in a pair" : "alone"})`, other.instanceId),
      ),
    );
    pairWith.disabled = candidates.length === 0;
  };
  const act = (action: () => Promise<void>) =>
    void action()
      .then(showPairing)
      .catch((error: Error) => showError(error.message));
  gui.querySelector(".pair-button")!.addEventListener("click", () => {
    const other = node.candidates().find((candidate) => candidate.instanceId === pairWith.value);
    if (other) act(() => node.pairWith(other));
  });
  gui.querySelector(".unpair-button")!.addEventListener("click", () => act(() => node.unpair()));
  showPairing();
  return showPairing;
}
