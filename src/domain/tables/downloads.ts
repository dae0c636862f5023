/**
 * People's downloads of a table: /ladda-ned/<API path><variant>?<the API's query>, such as
 * /ladda-ned/rankings.xlsx?instrument=2010. Any table of the open data API can be downloaded
 * so, with the page's filters, and the rows are the API's (one source of rows); only the form
 * differs: headers in the visitor's language, Ja/Nej, a title and the licence. Three files:
 *
 * - `.xlsx`: Excel, with title, source and licence above the table;
 * - `.csv`: UTF-8 with BOM, comma separated, decimal point (what most programs read);
 * - `-semikolon.csv`: UTF-8 with BOM, semicolon separated, decimal comma (Excel set to Swedish,
 *   whose list separator is the semicolon, opens it into columns with a double-click).
 *
 * Pure: the download links (in the browser) and the download route both read it.
 */
export const DOWNLOAD_FORMATS = ["xlsx", "csv", "csv-semicolon"] as const;
export type DownloadFormat = (typeof DOWNLOAD_FORMATS)[number];

export const DOWNLOAD_PREFIX = "/ladda-ned/";

/** Longest first: "-semikolon.csv" ends with ".csv" too. */
const SUFFIXES: readonly (readonly [DownloadFormat, string])[] = [
  ["csv-semicolon", "-semikolon.csv"],
  ["csv", ".csv"],
  ["xlsx", ".xlsx"],
];

const suffixOf = (format: DownloadFormat) => SUFFIXES.find(([f]) => f === format)![1];

/** "/ladda-ned/rankings.xlsx" for the API table "rankings" (also "/api/v1/rankings" or with slashes around). */
export function downloadPath(api: string, format: DownloadFormat): string {
  return `${DOWNLOAD_PREFIX}${api.replace(/^\/+|\/+$/g, "").replace(/^api\/v1\//, "")}${suffixOf(format)}`;
}

/** The API path and the file asked for, or null for an address that names no download. */
export function parseDownloadPath(pathname: string): { api: string; format: DownloadFormat } | null {
  if (!pathname.startsWith(DOWNLOAD_PREFIX)) return null;
  const rest = pathname.slice(DOWNLOAD_PREFIX.length);
  for (const [format, suffix] of SUFFIXES) {
    if (rest.endsWith(suffix) && rest.length > suffix.length) return { api: rest.slice(0, -suffix.length), format };
  }
  return null;
}
