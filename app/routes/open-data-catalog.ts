import type { Route } from "./+types/open-data-catalog";
import { catalogSettingsFromEnv, dcatCatalog } from "../../src/api/dcat.server.ts";
import { translator } from "../../src/i18n/index.ts";
import { getCatalogFacts } from "../../src/services/portal/aboutFacts.server.ts";
import { kompass } from "../context.ts";

// /oppna-data/katalog.jsonld: the open data described in DCAT-AP-SE for Sweden's data portal to harvest.
export async function loader({ request, context }: Route.LoaderArgs) {
  const facts = await getCatalogFacts(kompass(context).db);
  const catalog = dcatCatalog({
    ...facts,
    origin: new URL(request.url).origin,
    settings: catalogSettingsFromEnv(),
    translators: { sv: translator("sv"), en: translator("en") },
  });
  return new Response(JSON.stringify(catalog, null, 2), {
    headers: {
      "Content-Type": "application/ld+json; charset=utf-8",
      "Cache-Control": "public, no-cache",
      "Access-Control-Allow-Origin": "*",
    },
  });
}
