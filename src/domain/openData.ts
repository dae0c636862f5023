/**
 * The terms the open data is published under, named once: the OpenAPI document, the table
 * downloads, the open-data page and the DCAT-AP-SE catalogue all state the same licence.
 */
export const OPEN_DATA_LICENCE = {
  id: "CC-BY-4.0",
  name: "CC BY 4.0",
  url: "https://creativecommons.org/licenses/by/4.0/",
  /** The attribution the licence asks for. */
  attribution: "Kommunkompassen",
} as const;

/** Where the DCAT-AP-SE description of the open data is (the open-data page links it). */
export const OPEN_DATA_CATALOG_PATH = "/oppna-data/katalog.jsonld";
