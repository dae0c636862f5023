import { redirect } from "react-router";
import type { Route } from "./+types/language";
import { LANGUAGE_COOKIE } from "../i18n.ts";
import { parseLanguage } from "../../src/i18n/index.ts";

// Switching language is a plain link, so it works without JavaScript: set a cookie, go back.
export async function loader({ request }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const language = parseLanguage(url.searchParams.get("lang"));
  const back = url.searchParams.get("return") ?? "/";
  const target = back.startsWith("/") && !back.startsWith("//") ? back : "/";
  return redirect(target, { headers: { "Set-Cookie": `${LANGUAGE_COOKIE}=${language}; Path=/; Max-Age=31536000; SameSite=Lax` } });
}
