/**
 * Public addresses: /kommun/1880-orebro and /kommun/1880-orebro/2012. The code decides; the
 * name part is for people and search engines, and a page with a wrong or missing name part
 * redirects to the proper address.
 */

/** Lower-case ASCII words joined by "-": å/ä → a, ö → o, other characters dropped. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

export const municipalitySlug = (code: string, name: string) => `${code}-${slug(name)}`;

/** "1880-orebro" or "1880" → "1880"; anything else → null. */
export function codeOfSlug(value: string): string | null {
  const match = /^(\d{4})(?:-[a-z0-9-]*)?$/.exec(value);
  return match ? match[1]! : null;
}

export const municipalityPath = (code: string, name: string) => `/kommun/${municipalitySlug(code, name)}`;

/**
 * An evaluation's page. A municipality is evaluated at most once a year per instrument version;
 * the rare year with two versions is told apart by `?version=`.
 */
export function evaluationPath(code: string, name: string, year: number, instrument?: string): string {
  return `${municipalityPath(code, name)}/${year}${instrument ? `?version=${encodeURIComponent(instrument)}` : ""}`;
}

/** "1880/2012": one municipality's year, the key of the sets below. */
export const municipalityYear = (code: string, year: number) => `${code}/${year}`;

/** The municipality years that hold results under more than one instrument version. */
export function yearsWithTwoVersions(results: Iterable<{ municipality: string; year: number }>): Set<string> {
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const r of results) {
    const key = municipalityYear(r.municipality, r.year);
    if (seen.has(key)) shared.add(key);
    seen.add(key);
  }
  return shared;
}

/**
 * The address of an evaluation among others: `?version=` only where its municipality has two
 * versions that year, since without it the page shows the newest version.
 */
export function evaluationHref(shared: ReadonlySet<string>, code: string, name: string, year: number, instrument: string): string {
  return evaluationPath(code, name, year, shared.has(municipalityYear(code, year)) ? instrument : undefined);
}

/**
 * Paragraph anchors on the evaluation page, shared by the page and the search index so that a
 * search hit links to the paragraph it came from. `index` counts from 1.
 */
export const anchors = {
  summary: (index: number) => `sammanfattning-${index}`,
  areaGeneral: (area: number, index: number) => `omrade-${area}-allmant-${index}`,
  subarea: (subareaId: string, index: number) => `delomrade-${subareaId.replace(/\./g, "-")}-${index}`,
  strength: (area: number, index: number) => `omrade-${area}-styrka-${index}`,
  improvement: (area: number, index: number) => `omrade-${area}-forbattring-${index}`,
  goodExample: (area: number, index: number) => `omrade-${area}-gott-exempel-${index}`,
};

/** A report's page and files: /rapport/1 and /rapport/1/kommunkompassen-orebro-2012.pdf (query: edition, comparison). */
export const REPORT_FILE_FORMATS = ["pdf", "docx", "xlsx"] as const;
export const reportPath = (evaluationId: number) => `/rapport/${evaluationId}`;
export const reportFilePath = (evaluationId: number, fileName: string, query = "") => `${reportPath(evaluationId)}/${fileName}${query}`;

/** Report downloads are named kommunkompassen-<kommun>-<år>.<ext>. */
export const reportFileStem = (municipalityName: string, year: number) => `kommunkompassen-${slug(municipalityName)}-${year}`;
