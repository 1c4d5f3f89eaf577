/**
 * The plugin's own panel measured as a host shows it: mounted in a container of a given width,
 * after a render through PRE → Simple Distortion → POST, with Learn's settings open so its faders
 * count too. What comes back is geometry for the test to judge (panel.test.ts), and the panel
 * stays mounted (#panel-WIDTH) until panelRemove, for a screenshot.
 */
import type { WebAudioModule } from "@webaudiomodules/api";
import { initializeWamHost } from "@webaudiomodules/sdk";
import { ParamStore } from "../../../host/model/param-store.js";
import { renderEnded } from "../harness/transport-scenarios.js";
import { rate, sineBuffer } from "../harness/signals.js";
import { DISTORTION_URL, GAINSTAGE_URL, gainstage, load } from "./host-helpers.js";

/** Room Chromium's select leaves for its arrow (px), beyond the option's text and the padding. */
const SELECT_ARROW_PX = 16;
/** The pair the panels show, made once per page. */
let made: Promise<{ pre: WebAudioModule; post: WebAudioModule }> | null = null;

function pair() {
  made ??= (async () => {
    const length = rate;
    const context = new OfflineAudioContext(2, length, rate);
    const [groupId] = await initializeWamHost(context);
    const store = new ParamStore();
    store.set("inputTrimDb", -6);
    const pre = await load(GAINSTAGE_URL, groupId, context, store.save());
    const effect = await load(DISTORTION_URL, groupId, context);
    const post = await load(GAINSTAGE_URL, groupId, context);
    const source = new AudioBufferSourceNode(context, { buffer: sineBuffer(context, 1, 997, -20, 2) });
    source.connect(pre.audioNode).connect(effect.audioNode).connect(post.audioNode).connect(context.destination);
    source.start();
    const ended = Promise.all([renderEnded(gainstage(pre), length), renderEnded(gainstage(post), length)]);
    await context.startRendering();
    await ended;
    return { pre, post };
  })();
  return made;
}

const frames = (n: number) =>
  new Promise<void>((resolve) => {
    const step = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
    step(n);
  });

const visible = (element: Element) => {
  const rect = element.getBoundingClientRect();
  return rect.width > 0 && rect.height > 0 && getComputedStyle(element).visibility !== "hidden";
};
const describe = (element: Element) =>
  `${element.tagName.toLowerCase()}.${[...element.classList].join(".")} "${(element.textContent ?? "").trim().slice(0, 24)}"`;

function textWidth(text: string, style: CSSStyleDeclaration): number {
  const context = document.createElement("canvas").getContext("2d")!;
  context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  return context.measureText(text).width;
}

/** What the test judges: edges, fader lengths, cut selects, small text, overlaps, order, layout. */
function measure(container: HTMLElement, gui: HTMLElement) {
  const root = gui.shadowRoot!;
  const box = container.getBoundingClientRect();
  const shown = [...root.querySelectorAll("*")].filter(visible);
  const outside = shown
    .filter((element) => {
      const rect = element.getBoundingClientRect();
      return rect.right > box.right + 0.5 || rect.left < box.left - 0.5;
    })
    .map(describe);
  const faders = [...root.querySelectorAll(".fader")].filter(visible).map((fader) => ({
    name: fader.closest(".param-fader")?.querySelector(".param-name")?.textContent ?? "",
    px: fader.getBoundingClientRect().width,
  }));
  const cutSelects = [...root.querySelectorAll("select")].filter(visible).flatMap((select) => {
    const style = getComputedStyle(select);
    const widest = Math.max(0, ...[...select.options].map((option) => textWidth(option.text, style)));
    const needed =
      widest + Number.parseFloat(style.paddingLeft) + Number.parseFloat(style.paddingRight) + SELECT_ARROW_PX;
    return select.clientWidth + 0.5 < needed
      ? [`${describe(select)} ${select.clientWidth} < ${Math.ceil(needed)}`]
      : [];
  });
  const smallText = shown
    .filter((element) => [...element.childNodes].some((node) => node.nodeType === 3 && node.textContent!.trim()))
    .filter((element) => Number.parseFloat(getComputedStyle(element).fontSize) < 11)
    .map(describe);
  const blocks = [".strip-in", ".controls", ".learn-slot", ".ab-slot", ".strip-out"].map((selector) =>
    root.querySelector(selector)!.getBoundingClientRect(),
  );
  let overlaps = 0;
  for (let i = 0; i < blocks.length; i++)
    for (let j = i + 1; j < blocks.length; j++) {
      const [a, b] = [blocks[i]!, blocks[j]!];
      if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5)
        overlaps++;
    }
  const pairing = root.querySelector(".pairing")!.getBoundingClientRect();
  return {
    layout: root.querySelector<HTMLElement>(".gui")!.dataset.layout,
    outside,
    faders,
    cutSelects,
    smallText,
    overlaps,
    pairingBelow: pairing.top >= Math.max(...blocks.map((rect) => rect.bottom)) - 0.5,
    panelPx: gui.getBoundingClientRect().width,
    preferred: (gui as unknown as { properties: { dataWidth: { value: number }; dataHeight: { value: number } } })
      .properties,
  };
}

async function mount(widthPx: number, which: "pre" | "post") {
  const wams = await pair();
  const container = document.createElement("div");
  container.id = `panel-${widthPx}`;
  container.style.width = `${widthPx}px`;
  document.body.append(container);
  const gui = (await wams[which].createGui()) as HTMLElement;
  container.append(gui);
  for (const details of gui.shadowRoot!.querySelectorAll("details")) details.open = true;
  await frames(4);
  return { container, gui, wam: wams[which] };
}

export const panelScenarios = {
  async panelGeometry(widthPx: number) {
    const { container, gui } = await mount(widthPx, "pre");
    return measure(container, gui);
  },

  /** Mounted at 1600 px, then its container narrowed to 480 px: the panel follows. */
  async panelResize() {
    const { container, gui, wam } = await mount(1600, "pre");
    const wide = measure(container, gui);
    container.style.width = "480px";
    await frames(4);
    const narrow = measure(container, gui);
    wam.destroyGui(gui);
    container.remove();
    return { wide, narrow };
  },

  /** The panel of POST (the second instance): its IN strip shows PRE's IN, its OUT strip POST's OUT. */
  async postPanel() {
    const { container, gui, wam } = await mount(1000, "post");
    const { pre, post } = await pair();
    const readout = (tap: string) =>
      gui.shadowRoot!.querySelector(`[data-tap=${tap}] [data-readout="peak-max"]`)?.textContent ?? "";
    const result = {
      status: gui.shadowRoot!.querySelector(".pair-status")?.textContent ?? "",
      inText: readout("in"),
      outText: readout("out"),
      preIn: gainstage(pre).meters()?.before.overall.samplePeakMaxDbfs,
      postOut: gainstage(post).meters()?.after.overall.samplePeakMaxDbfs,
    };
    wam.destroyGui(gui);
    container.remove();
    return result;
  },

  panelRemove(widthPx: number) {
    document.querySelector(`#panel-${widthPx}`)?.remove();
  },
};
