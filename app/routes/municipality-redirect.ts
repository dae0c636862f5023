import { redirect } from "react-router";
import type { Route } from "./+types/municipality-redirect";
import { municipalityPath } from "../../src/domain/paths.ts";
import { lookUpMunicipalityAddress } from "../municipalityAddress.server.ts";
import { kompass } from "../context.ts";

/**
 * The first address of a municipality page (/kommuner/1880) leads straight to its lasting one
 * (/kommun/1880-orebro), and so do a name's words (/kommuner/orebro); anything else to
 * /kommun/<it>, whose 404 page suggests municipalities.
 */
export async function loader({ params, context }: Route.LoaderArgs) {
  const found = await lookUpMunicipalityAddress(kompass(context).db, params.code);
  // Escaped: the part is whatever the address held, and a header cannot carry every character.
  return redirect(
    "municipality" in found
      ? municipalityPath(found.municipality.code, found.municipality.name)
      : `/kommun/${encodeURIComponent(params.code)}`,
    301,
  );
}
