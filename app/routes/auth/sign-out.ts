import { redirect } from "react-router";
import type { Route } from "./+types/sign-out";
import { readForm } from "../../forms.tsx";
import { signOut } from "../../../src/services/auth/authentication.server.ts";
import { kompass } from "../../context.ts";

// Signing out is a POST with the CSRF token (a link could be triggered by another site).
export async function action({ request, context }: Route.ActionArgs) {
  await readForm(request, context);
  const headers = new Headers();
  for (const cookie of await signOut(kompass(context).db, request.headers)) headers.append("Set-Cookie", cookie);
  return redirect("/", { headers });
}

export async function loader() {
  return redirect("/");
}
