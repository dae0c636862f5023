import type { ReactNode } from "react";

/**
 * A table too wide for a phone scrolls sideways inside this region: keyboard users can reach and
 * scroll it (WCAG 2.1.1), and screen readers hear its name.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (axe: scrollable-region-focusable).
    <section className="table-scroll" tabIndex={0} aria-label={label}>
      {children}
    </section>
  );
}
