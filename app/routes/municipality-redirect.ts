import { redirect } from "react-router";
import type { Route } from "./+types/municipality-redirect";
import { municipalityPath } from "../../src/domain/paths.ts";
import { municipalityNames } from "../../src/services/results/queries.server.ts";
import { kompass } from "../context.ts";

/**
 * The first address of a municipality page (/kommuner/1880) leads straight to its lasting one
 * (/kommun/1880-orebro); an unknown code to /kommun/<code>, which answers 404.
 */
export async function loader({ params, context }: Route.LoaderArgs) {
  const name = (await municipalityNames(kompass(context).db)).get(params.code);
  // Escaped: a code is whatever the address held, and a header cannot carry every character.
  return redirect(name ? municipalityPath(params.code, name) : `/kommun/${encodeURIComponent(params.code)}`, 301);
}
