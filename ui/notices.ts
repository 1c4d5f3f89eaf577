/**
 * Plain messages to the user (errors, results) in one live region, so a screen reader speaks
 * them and nothing fails silently. Thread: main thread.
 */
const NOTICE_MS = { info: 6000, warn: 12000, error: 12000 } as const;

export function notify(text: string, kind: keyof typeof NOTICE_MS = "info"): void {
  const box = document.querySelector("#notices");
  if (!box) return;
  const item = document.createElement("p");
  item.className = `notice ${kind}`;
  item.textContent = text;
  const close = document.createElement("button");
  close.type = "button";
  close.textContent = "×";
  close.setAttribute("aria-label", "Dismiss");
  close.addEventListener("click", () => item.remove());
  item.append(close);
  box.append(item);
  setTimeout(() => item.remove(), NOTICE_MS[kind]);
}
