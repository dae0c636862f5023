import { useEffect, useRef, type ReactNode } from "react";
import { useT } from "../i18n.ts";

/**
 * A table too wide for a phone scrolls sideways inside this frame, and says so: while it
 * overflows, CSS alone fades the cut edge and shows a short hint under it (scroll-driven
 * animations, app/styles/phone.css), so the cue works without JavaScript and disappears when
 * the table fits or is scrolled to its end. With a `label` the region is focusable and named,
 * for a table with nothing else to focus: keyboard users can reach and scroll it (WCAG 2.1.1),
 * and screen readers hear its name. `controls` go under the table.
 */
export function ScrollRegion({ label, controls, children }: { label?: string; controls?: ReactNode; children: ReactNode }) {
  const { t } = useT();
  const scroller = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const reveal = (event: FocusEvent) => revealBesidePinned(element, event.target);
    element.addEventListener("focusin", reveal);
    return () => element.removeEventListener("focusin", reveal);
  }, []);
  return (
    <div className="table-frame">
      {label === undefined ? (
        <div className="table-scroll" ref={scroller}>
          {children}
        </div>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (axe: scrollable-region-focusable).
        <section className="table-scroll" tabIndex={0} aria-label={label} ref={scroller}>
          {children}
        </section>
      )}
      <div className="table-frame__foot">
        {/* Seen, not heard: a screen reader reads every column anyway. */}
        <p className="scroll-hint" aria-hidden="true">
          {t("layout.scrollHint")}
        </p>
        {controls}
      </div>
    </div>
  );
}

/**
 * The browser scrolls a focused link into view, but not out from under the row's pinned cell
 * (Chromium ignores scroll-padding there): moving back through a row, the focus would hide
 * under it. An enhancement; without JavaScript the reader scrolls by hand.
 */
function revealBesidePinned(scroller: HTMLElement, target: EventTarget | null) {
  if (!(target instanceof HTMLElement) || target === scroller) return;
  const cell = target.closest("th, td");
  const pinned = [...(cell?.parentElement?.children ?? [])].find((c) => getComputedStyle(c).position === "sticky");
  if (!pinned || pinned === cell) return;
  const hidden = pinned.getBoundingClientRect().right - target.getBoundingClientRect().left;
  if (hidden > 0) scroller.scrollBy({ left: -hidden - 8 });
}
