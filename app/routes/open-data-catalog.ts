import type { Route } from "./+types/open-data-catalog";
import { catalogSettingsFromEnv, dcatCatalog } from "../../src/api/dcat.server.ts";
import { rdfXml } from "../../src/api/rdfXml.server.ts";
import { translator } from "../../src/i18n/index.ts";
import { getCatalogFacts } from "../../src/services/portal/aboutFacts.server.ts";
import { kompass } from "../context.ts";

/** How much an Accept header wants a media type (its q, 0 when it is not named). */
function quality(accept: string, type: string): number {
  for (const part of accept.split(",")) {
    const [name, ...parameters] = part.split(";").map((piece) => piece.trim().toLowerCase());
    if (name !== type) continue;
    const q = parameters.find((p) => p.startsWith("q="));
    return q === undefined ? 1 : Number(q.slice(2)) || 0;
  }
  return 0;
}

// /oppna-data/katalog.jsonld: the open data described in DCAT-AP-SE for Sweden's data portal to
// harvest. JSON-LD; RDF/XML (the syntax the portal reads) to a client that asks for it by Accept,
// or at an address of this route that ends in .rdf.
export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const facts = await getCatalogFacts(kompass(context).db);
  const catalog = dcatCatalog({
    ...facts,
    origin: url.origin,
    settings: catalogSettingsFromEnv(),
    translators: { sv: translator("sv"), en: translator("en") },
  });
  const accept = request.headers.get("accept") ?? "";
  const asXml = url.pathname.endsWith(".rdf") || quality(accept, "application/rdf+xml") > quality(accept, "application/ld+json");
  return new Response(asXml ? rdfXml(catalog) : JSON.stringify(catalog, null, 2), {
    headers: {
      "Content-Type": asXml ? "application/rdf+xml; charset=utf-8" : "application/ld+json; charset=utf-8",
      "Cache-Control": "public, no-cache",
      Vary: "Accept",
      "Access-Control-Allow-Origin": "*",
    },
  });
}
