import { redirect } from "react-router";
import type { Route } from "./+types/language";
import { LANGUAGE_COOKIE } from "../i18n.ts";
import { parseLanguage } from "../../src/i18n/index.ts";
import { safeReturnPath } from "../../src/domain/safeRedirect.ts";

// Switching language is a plain link, so it works without JavaScript: set a cookie, go back.
export async function loader({ request }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const language = parseLanguage(url.searchParams.get("lang"));
  const target = safeReturnPath(url.searchParams.get("return"), "/");
  // Only the server reads it (pages get the language from the root loader): HttpOnly, and Secure over https.
  const secure = (process.env.KOMPASS_URL ?? "").startsWith("https://") ? "; Secure" : "";
  return redirect(target, {
    headers: { "Set-Cookie": `${LANGUAGE_COOKIE}=${language}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly${secure}` },
  });
}
