/** Exact points text as the page's language writes it: "12,5" in Swedish (the service reads both). */
export function pointsForInput(text: string | null | undefined, language: string): string {
  if (!text) return "";
  return language === "sv" ? text.replace(".", ",") : text;
}
