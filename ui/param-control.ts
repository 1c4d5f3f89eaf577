/**
 * A control for one parameter, built from its entry in the parameter table (host/model/params.ts):
 * range, default, step, unit, text ↔ value and choices all come from there, so the UI cannot
 * drift from the kernel, the saved state or automation.
 *
 * Continuous values are faders: drag (Shift for fine), wheel, double-click for the default,
 * arrows / PageUp / PageDown / Home / End, and typed entry (Enter or click the value) through
 * textToValue, so "-18", "−18,0 dB" all work and garbage is refused with a message. Two-way
 * choices are toggle buttons; longer choices are selects. ARIA slider semantics throughout.
 * Thread: main thread.
 */
import { ParamError, textToValue, valueToText, type ParamSpec } from "../host/model/params.js";
import type { ParamStore } from "../host/model/param-store.js";

/** Pixels of drag for the whole range; Shift divides the speed by FINE_FACTOR. */
const DRAG_PIXELS_FOR_RANGE = 240;
const FINE_FACTOR = 10;
const PAGE_STEPS = 10;

export interface ParamControl {
  readonly element: HTMLElement;
  /** Shows a suggested value (e.g. the trim Learn would set) as a marker; null hides it. */
  setMarker(value: number | null): void;
}

let controlCounter = 0;

export function createParamControl(
  spec: ParamSpec,
  store: ParamStore,
  onError: (message: string) => void,
): ParamControl {
  if (spec.choices && spec.choices.length === 2) return toggle(spec, store);
  if (spec.choices) return choice(spec, store);
  return fader(spec, store, onError);
}

function toggle(spec: ParamSpec, store: ParamStore): ParamControl {
  const button = document.createElement("button");
  button.className = "param-toggle";
  button.type = "button";
  button.dataset.param = spec.key;
  const render = () => {
    const on = store.get(spec.key) >= 0.5;
    button.setAttribute("aria-pressed", String(on));
    button.innerHTML = `<span class="param-name">${spec.name}</span><span class="param-value">${valueToText(spec, store.get(spec.key))}</span>`;
  };
  button.addEventListener("click", () => store.set(spec.key, store.get(spec.key) >= 0.5 ? 0 : 1));
  store.subscribe((key) => {
    if (key === spec.key) render();
  });
  render();
  return { element: button, setMarker: () => {} };
}

function choice(spec: ParamSpec, store: ParamStore): ParamControl {
  const id = `param-${spec.key}-${++controlCounter}`;
  const wrapper = document.createElement("div");
  wrapper.className = "param-choice";
  wrapper.innerHTML = `<label class="param-name" for="${id}">${spec.name}</label>`;
  const select = document.createElement("select");
  select.id = id;
  select.dataset.param = spec.key;
  spec.choices!.forEach((label, index) => select.add(new Option(label, String(index))));
  select.addEventListener("change", () => store.set(spec.key, Number(select.value)));
  store.subscribe((key, value) => {
    if (key === spec.key) select.value = String(value);
  });
  select.value = String(store.get(spec.key));
  wrapper.append(select);
  return { element: wrapper, setMarker: () => {} };
}

function fader(spec: ParamSpec, store: ParamStore, onError: (message: string) => void): ParamControl {
  const wrapper = document.createElement("div");
  wrapper.className = "param-fader";
  const labelId = `param-${spec.key}-${++controlCounter}`;
  wrapper.innerHTML = `
    <span class="param-name" id="${labelId}">${spec.name}</span>
    <div class="fader" role="slider" tabindex="0" aria-labelledby="${labelId}" data-param="${spec.key}"
      aria-valuemin="${spec.min}" aria-valuemax="${spec.max}" title="Drag (Shift: fine), wheel, double-click: default, Enter: type a value">
      <div class="fader-fill"></div><div class="fader-zero"></div><div class="fader-marker" hidden></div><div class="fader-thumb"></div>
    </div>
    <input class="param-value" type="text" inputmode="decimal" spellcheck="false" aria-label="${spec.name} value">`;
  const slider = wrapper.querySelector<HTMLElement>(".fader")!;
  const fill = wrapper.querySelector<HTMLElement>(".fader-fill")!;
  const thumb = wrapper.querySelector<HTMLElement>(".fader-thumb")!;
  const zero = wrapper.querySelector<HTMLElement>(".fader-zero")!;
  const marker = wrapper.querySelector<HTMLElement>(".fader-marker")!;
  const text = wrapper.querySelector<HTMLInputElement>(".param-value")!;
  const span = spec.max - spec.min;
  const fraction = (value: number) => (value - spec.min) / span;
  const origin = spec.min < 0 && spec.max > 0 ? 0 : spec.min;
  zero.style.left = `${fraction(origin) * 100}%`;

  const render = () => {
    const value = store.get(spec.key);
    const from = Math.min(fraction(origin), fraction(value)),
      to = Math.max(fraction(origin), fraction(value));
    fill.style.left = `${from * 100}%`;
    fill.style.width = `${(to - from) * 100}%`;
    thumb.style.left = `${fraction(value) * 100}%`;
    slider.setAttribute("aria-valuenow", String(value));
    slider.setAttribute("aria-valuetext", valueToText(spec, value));
    if (document.activeElement !== text) text.value = valueToText(spec, value);
  };
  const set = (value: number) => store.set(spec.key, value);
  const nudge = (steps: number) => set(store.get(spec.key) + steps * spec.step);

  wirePointer(slider, spec, store, set, nudge);
  wireKeys(slider, text, spec, set, nudge);

  const commitText = () => {
    try {
      set(textToValue(spec, text.value));
      text.removeAttribute("aria-invalid");
    } catch (error) {
      if (!(error instanceof ParamError)) throw error;
      text.setAttribute("aria-invalid", "true");
      onError(error.message);
    }
    render();
  };
  text.addEventListener("focus", () => text.select());
  text.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      commitText();
      slider.focus();
    }
    if (event.key === "Escape") {
      text.removeAttribute("aria-invalid");
      render();
      slider.focus();
    }
  });
  text.addEventListener("blur", () => {
    if (text.value !== valueToText(spec, store.get(spec.key))) commitText();
  });

  store.subscribe((key) => {
    if (key === spec.key) render();
  });
  render();
  return {
    element: wrapper,
    setMarker(value) {
      marker.hidden = value === null || !Number.isFinite(value);
      if (value !== null) {
        marker.style.left = `${fraction(Math.min(spec.max, Math.max(spec.min, value))) * 100}%`;
        marker.title = `Suggested: ${valueToText(spec, value)}`;
      }
    },
  };
}

/** Drag (Shift: fine), double-click for the default, wheel. */
function wirePointer(
  slider: HTMLElement,
  spec: ParamSpec,
  store: ParamStore,
  set: (value: number) => void,
  nudge: (steps: number) => void,
): void {
  const span = spec.max - spec.min;
  let drag: { x: number; y: number; value: number } | null = null;
  slider.addEventListener("pointerdown", (event) => {
    slider.setPointerCapture(event.pointerId);
    drag = { x: event.clientX, y: event.clientY, value: store.get(spec.key) };
    slider.focus();
    event.preventDefault();
  });
  slider.addEventListener("pointermove", (event) => {
    if (!drag) return;
    // Fine drag: Shift re-anchors at the current point so switching speed never jumps.
    const speed = (event.shiftKey ? 1 / FINE_FACTOR : 1) * (span / DRAG_PIXELS_FOR_RANGE);
    const moved = event.clientX - drag.x - (event.clientY - drag.y);
    const value = drag.value + moved * speed;
    set(value);
    drag = { x: event.clientX, y: event.clientY, value: store.get(spec.key) };
  });
  const endDrag = () => {
    drag = null;
  };
  slider.addEventListener("pointerup", endDrag);
  slider.addEventListener("pointercancel", endDrag);
  slider.addEventListener("dblclick", () => set(spec.default));
  slider.addEventListener(
    "wheel",
    (event) => {
      event.preventDefault();
      nudge((event.deltaY < 0 ? 1 : -1) * (event.shiftKey ? 1 / FINE_FACTOR : 1));
    },
    { passive: false },
  );
}

/** Arrows (Shift: fine), Page Up/Down, Home/End, Delete for the default, Enter to type a value. */
function wireKeys(
  slider: HTMLElement,
  text: HTMLInputElement,
  spec: ParamSpec,
  set: (value: number) => void,
  nudge: (steps: number) => void,
): void {
  slider.addEventListener("keydown", (event) => {
    const fine = event.shiftKey ? 1 / FINE_FACTOR : 1;
    const actions: Record<string, () => void> = {
      ArrowUp: () => nudge(fine),
      ArrowRight: () => nudge(fine),
      ArrowDown: () => nudge(-fine),
      ArrowLeft: () => nudge(-fine),
      PageUp: () => nudge(PAGE_STEPS),
      PageDown: () => nudge(-PAGE_STEPS),
      Home: () => set(spec.min),
      End: () => set(spec.max),
      Enter: () => {
        text.focus();
        text.select();
      },
      Delete: () => set(spec.default),
      Backspace: () => set(spec.default),
    };
    const action = actions[event.key];
    if (action) {
      action();
      event.preventDefault();
    }
  });
}
