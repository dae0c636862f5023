import { DATE_STYLE } from "./i18n.ts";
import { localeOf, type Language } from "../src/i18n/index.ts";

/**
 * The one script a page without scripts carries (inline, with the page's nonce): the printed
 * line's date (PrintFooter) is the reader's today, not the day the server rendered the page,
 * which the public page cache may have kept for days. PrintFooter does this after hydration;
 * here the server's day in the line is replaced before every print, as the page formats it. Only
 * then: the line is hidden on screen, and a first Intl formatter costs a phone ~0.2 s (Lighthouse).
 */
export function printDateScript(language: Language, shown: string): string {
  const args = JSON.stringify([localeOf(language), shown, DATE_STYLE]).replace(/</g, "\\u003c");
  return `(function(a){var p=document.querySelector(".print-footer"),s=a[1];if(!p)return;function u(){var d=new Date(),t=new Intl.DateTimeFormat(a[0],a[2]).format(Date.UTC(d.getFullYear(),d.getMonth(),d.getDate()));p.textContent=p.textContent.replace(s,t);s=t}addEventListener("beforeprint",u)})(${args})`;
}
