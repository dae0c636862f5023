import { useEffect, useState } from "react";
import { useLocation } from "react-router";
import { useT } from "../i18n.ts";

/** Today as YYYY-MM-DD in the local time of whoever runs this (the server, then the reader's browser). */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The line a printed page ends with: the page's address and the day it was printed, so paper can
 * be traced back to the page. Hidden on screen (print.css); on paper the navigation, forms and
 * download links are gone and this says where the rest is.
 *
 * Placed once in the layout (app/root.tsx). `origin` is the site's own (the root loader's
 * `new URL(request.url).origin`, i.e. KOMPASS_URL in production). The date is rendered on the
 * server, but a public page may be served from the page cache days later, so the browser puts in
 * its own today after hydration and again just before printing.
 */
export function PrintFooter({ origin }: { origin: string }) {
  const { t, formatDate } = useT();
  const location = useLocation();
  // Null until the browser has set it: the first render in the browser then shows the server's
  // text as it is (suppressHydrationWarning), and the browser's day replaces it at once.
  const [today, setToday] = useState<string | null>(null);
  useEffect(() => {
    const update = () => setToday(todayIso());
    update();
    window.addEventListener("beforeprint", update);
    return () => window.removeEventListener("beforeprint", update);
  }, []);
  const url = `${origin}${location.pathname}${location.search}`;
  return (
    <p className="print-footer" suppressHydrationWarning>
      {t("presentation.print.footer", { url, date: formatDate(today ?? todayIso()) })}
    </p>
  );
}
