import type { TFunction } from "i18next";
import { OPEN_DATA_CATALOG_PATH, OPEN_DATA_LICENCE } from "../domain/openData.ts";
import type { Language } from "../i18n/index.ts";
import { API_BASE, OPENAPI_PATH, resourceAddress, TABLE_FORMATS, type TableFormat } from "./resources.server.ts";
import type { JsonLdDocument, JsonNode } from "./rdfXml.server.ts";
import { apiRoutes } from "./routes.server.ts";

/**
 * The open data described for Sweden's data portal (dataportal.se) in DCAT-AP-SE 2.2 as JSON-LD:
 * one dcat:Catalog, a dcat:Dataset per open table with a distribution per format (JSON, CSV,
 * Excel), the API as a dcat:DataService. Mandatory in the profile: the catalogue's title,
 * description, publisher, licence (CC0 for the metadata itself) and datasets; a dataset's title,
 * description and publisher; a distribution's access URL and format (a media type as text); a
 * contact point's name and e-mail; a data service's title and endpoint. Every node the portal
 * harvests has an absolute IRI of its own (blank nodes are not accepted for them).
 */

/** The catalogue's own licence: DCAT-AP-SE requires CC0 for the metadata. */
const METADATA_LICENCE = "http://creativecommons.org/publicdomain/zero/1.0/";
/**
 * The data's licence as the portal identifies it: the same CC BY 4.0 as OPEN_DATA_LICENCE, written
 * with http and the closing slash (the portal counts any other spelling as another licence).
 */
const DATA_LICENCE = OPEN_DATA_LICENCE.url.replace(/^https:/, "http:").replace(/\/?$/, "/");
const EU = "http://publications.europa.eu/resource/authority";
const PUBLIC_ACCESS = `${EU}/access-right/PUBLIC`;
const SWEDEN = `${EU}/country/SWE`;
/** Government and public sector; regions and cities. */
const THEMES = [`${EU}/data-theme/GOVE`, `${EU}/data-theme/REGI`];

const CONTEXT = {
  dcat: "http://www.w3.org/ns/dcat#",
  dcterms: "http://purl.org/dc/terms/",
  foaf: "http://xmlns.com/foaf/0.1/",
  vcard: "http://www.w3.org/2006/vcard/ns#",
  xsd: "http://www.w3.org/2001/XMLSchema#",
};

/** The open tables, each a dataset: its resource in the API and the page that shows it. */
const DATASETS = [
  { id: "resultat", operationId: "listResults", page: "/resultat", period: true, perInstrument: false },
  { id: "rankning", operationId: "getRankings", page: "/rankning", period: true, perInstrument: true },
  { id: "kommuner", operationId: "listMunicipalities", page: "/kommuner", period: false, perInstrument: false },
  { id: "instrument", operationId: "listInstruments", page: "/om", period: false, perInstrument: false },
] as const;

export interface CatalogSettings {
  /** The organisation that publishes the data (KOMPASS_PUBLISHER). */
  publisher: string;
  /** Its Swedish organisation number, ten digits (KOMPASS_PUBLISHER_ID): the portal's identifier for it. */
  organisationNumber: string | null;
  /** Where to write about the data (KOMPASS_CONTACT_EMAIL); the profile asks for one. */
  contactEmail: string | null;
}

export function catalogSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): CatalogSettings {
  const number = env.KOMPASS_PUBLISHER_ID?.replace(/\D/g, "") ?? "";
  const email = env.KOMPASS_CONTACT_EMAIL?.trim() ?? "";
  return {
    publisher: env.KOMPASS_PUBLISHER?.trim() || "Kommunkompassen",
    organisationNumber: /^\d{10}$/.test(number) ? number : null,
    contactEmail: /^[^\s@]+@[^\s@]+$/.test(email) ? email : null,
  };
}

export interface CatalogInput {
  /** The site's public origin (KOMPASS_URL): every IRI is absolute. */
  origin: string;
  settings: CatalogSettings;
  /** The instrument versions, each ranked on its own. */
  instruments: readonly { key: string; name: string }[];
  /** The years the published results span. */
  years: { first: number; last: number } | null;
  /** When the published data last changed (YYYY-MM-DD). */
  modified: string | null;
  translators: Record<Language, TFunction>;
}

type Node = JsonNode;
const iri = (id: string) => ({ "@id": id });
const date = (value: string) => ({ "@value": value, "@type": "xsd:date" });

/** The catalogue as a JSON-LD document. */
export function dcatCatalog(input: CatalogInput): JsonLdDocument {
  const { origin, settings, translators } = input;
  const catalog = `${origin}${OPEN_DATA_CATALOG_PATH}`;
  const ids = {
    publisher: settings.organisationNumber ? `http://dataportal.se/organisation/SE${settings.organisationNumber}` : `${catalog}#utgivare`,
    contact: `${catalog}#kontakt`,
    service: `${catalog}#api`,
    dataset: (id: string) => `${catalog}#${id}`,
  };
  const languages = Object.keys(translators) as Language[];
  /** A text in every language, as language-tagged literals. */
  const inEach = (write: (t: TFunction) => string) =>
    languages.map((language) => ({ "@value": write(translators[language]), "@language": language }));
  const text = (key: string) => inEach((t) => t(key));
  const distributions: Node[] = [];

  const datasets = DATASETS.map((dataset) => {
    const route = apiRoutes.find((r) => r.operationId === dataset.operationId);
    const formats: TableFormat[] = route?.table ? ["json", "csv", "xlsx"] : ["json"];
    const variants = dataset.perInstrument
      ? input.instruments.map((i) => ({ values: { instrument: i.key }, version: i.name }))
      : [{ values: {}, version: null }];
    const title = `about.catalog.datasets.${dataset.id}.title`;
    const own = variants.flatMap(({ values, version }) =>
      formats.map((format): Node => {
        const address = `${origin}${resourceAddress(dataset.operationId, values, format)}`;
        const { mediaType, label } = TABLE_FORMATS[format];
        return {
          "@id": `${catalog}#${[dataset.id, ...Object.values(values), format].join("-")}`,
          "@type": "dcat:Distribution",
          "dcterms:title": inEach((t) =>
            t(version ? "about.catalog.distributionOfVersion" : "about.catalog.distribution", {
              dataset: t(title),
              version,
              format: label,
            }),
          ),
          "dcat:accessURL": iri(address),
          "dcat:downloadURL": iri(address),
          "dcterms:format": mediaType,
          "dcat:mediaType": iri(`http://www.iana.org/assignments/media-types/${mediaType}`),
          "dcterms:license": iri(DATA_LICENCE),
          "dcat:accessService": iri(ids.service),
        };
      }),
    );
    distributions.push(...own);
    const node: Node = {
      "@id": ids.dataset(dataset.id),
      "@type": "dcat:Dataset",
      "dcterms:title": text(title),
      "dcterms:description": text(`about.catalog.datasets.${dataset.id}.description`),
      "dcterms:publisher": iri(ids.publisher),
      "dcat:contactPoint": iri(ids.contact),
      "dcat:theme": THEMES.map(iri),
      "dcat:keyword": languages.flatMap((language) =>
        translators[language]("about.catalog.keywords")
          .split(",")
          .map((word) => ({ "@value": word.trim(), "@language": language })),
      ),
      "dcat:landingPage": iri(`${origin}${dataset.page}`),
      "dcterms:accessRights": iri(PUBLIC_ACCESS),
      "dcterms:spatial": iri(SWEDEN),
      "dcat:distribution": own.map((d) => iri(d["@id"]!)),
    };
    if (dataset.period && input.years) {
      node["dcterms:temporal"] = {
        "@type": "dcterms:PeriodOfTime",
        "dcat:startDate": date(`${input.years.first}-01-01`),
        "dcat:endDate": date(`${input.years.last}-12-31`),
      };
    }
    if (input.modified && dataset.period) node["dcterms:modified"] = date(input.modified);
    return node;
  });

  const contact: Node = {
    "@id": ids.contact,
    "@type": "vcard:Organization",
    "vcard:fn": settings.publisher,
    "vcard:hasURL": iri(`${origin}/oppna-data`),
  };
  if (settings.contactEmail) contact["vcard:hasEmail"] = iri(`mailto:${settings.contactEmail}`);

  const catalogNode: Node = {
    "@id": catalog,
    "@type": "dcat:Catalog",
    "dcterms:title": text("about.catalog.title"),
    "dcterms:description": text("about.catalog.description"),
    "dcterms:publisher": iri(ids.publisher),
    "dcterms:license": iri(METADATA_LICENCE),
    "dcterms:language": [iri(`${EU}/language/SWE`), iri(`${EU}/language/ENG`)],
    "dcterms:spatial": iri(SWEDEN),
    "foaf:homepage": iri(`${origin}/oppna-data`),
    "dcat:themeTaxonomy": iri(`${EU}/data-theme`),
    "dcat:dataset": datasets.map((d) => iri(d["@id"]!)),
    "dcat:service": iri(ids.service),
  };
  if (input.modified) catalogNode["dcterms:modified"] = date(input.modified);

  return {
    "@context": CONTEXT,
    "@graph": [
      catalogNode,
      { "@id": ids.publisher, "@type": "foaf:Organization", "foaf:name": settings.publisher },
      contact,
      {
        "@id": ids.service,
        "@type": "dcat:DataService",
        "dcterms:title": text("about.catalog.service.title"),
        "dcterms:description": text("about.catalog.service.description"),
        "dcat:endpointURL": iri(`${origin}${API_BASE}`),
        "dcat:endpointDescription": iri(`${origin}${OPENAPI_PATH}`),
        "dcterms:license": iri(DATA_LICENCE),
        "dcterms:accessRights": iri(PUBLIC_ACCESS),
        "dcterms:publisher": iri(ids.publisher),
        "dcat:contactPoint": iri(ids.contact),
        "dcat:servesDataset": datasets.map((d) => iri(d["@id"]!)),
      },
      ...datasets,
      ...distributions,
    ],
  };
}
