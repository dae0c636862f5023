import { redirect } from "react-router";
import type { Route } from "./+types/language";
import { languageCookie } from "../i18n.ts";
import { parseLanguage } from "../../src/i18n/index.ts";
import { safeReturnPath } from "../../src/domain/safeRedirect.ts";

// The older way to switch language (the switch now links to the page itself with ?lang=), kept
// for links made before: set the cookie, go back.
export async function loader({ request }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const language = parseLanguage(url.searchParams.get("lang"));
  const target = safeReturnPath(url.searchParams.get("return"), "/");
  const https = (process.env.KOMPASS_URL ?? "").startsWith("https://");
  return redirect(target, { headers: { "Set-Cookie": languageCookie(language, https) } });
}
