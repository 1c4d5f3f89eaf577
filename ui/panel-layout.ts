/**
 * How the plugin's own panel (plugin-gui.ts) lays itself out in whatever width a host gives it,
 * 360 px and up: the IN and OUT strips with the trims, Learn and A/B between them when there is
 * room, the strips side by side above them when there is less, all in one column on a phone; the
 * pairing row always folds below. A ResizeObserver follows the container, so a host that resizes
 * its plugin window gets a new layout at once. Thread: main thread.
 */

/** The meter strip's width in the panel (its bars, readouts and VU dial: strip-readouts.ts, vu-needle.ts). */
export const STRIP_PX = 290;
/** The panel's gap between blocks and its padding (panel.css). */
export const GAP_PX = 8;
/** The narrowest the centre column may be beside both strips (the A/B table, a fader row). */
const CENTRE_MIN_PX = 360;
/** Below this centre width a fader's name goes above it, so the fader keeps ≥ 80 px. */
const FADER_ROW_MIN_PX = 480;

/** The size the panel would like (its wide layout with room to spare), for hosts that ask. */
export const PREFERRED_SIZE = { width: 1000, height: 620 } as const;

export type PanelLayout = "wide" | "two-row" | "stacked";

/** The layout for a content width (the panel's width less its padding), and whether fader names go above. */
export function layoutFor(contentPx: number): { layout: PanelLayout; namesAbove: boolean } {
  const besideStrips = contentPx - 2 * (STRIP_PX + GAP_PX);
  if (besideStrips >= CENTRE_MIN_PX) return { layout: "wide", namesAbove: besideStrips < FADER_ROW_MIN_PX };
  const layout = contentPx >= 2 * STRIP_PX + GAP_PX ? "two-row" : "stacked";
  return { layout, namesAbove: contentPx < FADER_ROW_MIN_PX };
}

/**
 * Lays `panel` out for `host`'s width now and whenever it changes; returns the function that
 * stops following it.
 */
export function followWidth(host: HTMLElement, panel: HTMLElement): () => void {
  const apply = (contentPx: number) => {
    const { layout, namesAbove } = layoutFor(contentPx);
    panel.dataset.layout = layout;
    panel.toggleAttribute("data-names-above", namesAbove);
  };
  const observer = new ResizeObserver((entries) => {
    for (const entry of entries) apply(entry.contentBoxSize[0]?.inlineSize ?? entry.contentRect.width);
  });
  observer.observe(host);
  return () => observer.disconnect();
}

/**
 * Says the size the panel would like as WAM hosts read it: `properties.dataWidth/dataHeight` and
 * width/height attributes, the two habits webaudiomodules/wam-examples#98 records.
 */
export function sayPreferredSize(element: HTMLElement & { properties?: unknown }): void {
  element.properties = {
    dataWidth: { value: PREFERRED_SIZE.width },
    dataHeight: { value: PREFERRED_SIZE.height },
  };
  element.setAttribute("width", String(PREFERRED_SIZE.width));
  element.setAttribute("height", String(PREFERRED_SIZE.height));
}
