import type { Route } from "./+types/api";
import { handleApiRequest } from "../../src/api/router.ts";

// The open data API: all of /api/v1/* is answered by one dispatcher in src/api.
export async function loader({ request, context }: Route.LoaderArgs) {
  return handleApiRequest(context.db, request);
}

export async function action({ request, context }: Route.ActionArgs) {
  return handleApiRequest(context.db, request);
}
