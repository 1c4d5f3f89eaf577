/**
 * Keyboard shortcuts: Space play, L learn, M match, A A/B listen, R reset meters — never while
 * the user types in a field or adjusts a fader. Thread: main thread.
 */
export function wireShortcuts(actions: Record<string, () => void>): void {
  document.addEventListener("keydown", (event) => {
    const target = event.target as HTMLElement;
    if (event.ctrlKey || event.metaKey || event.altKey || target.closest("input, select, textarea, [role=slider]"))
      return;
    const action = actions[event.key.toLowerCase()];
    if (action && !(event.key === " " && target.closest("button"))) {
      action();
      event.preventDefault();
    }
  });
}
