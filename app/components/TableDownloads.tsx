import { useT } from "../i18n.ts";
import { downloadPath, type DownloadFormat } from "../../src/domain/tables/downloads.ts";

export interface TableDownloadsProps {
  /** The API path below /api/v1, e.g. "rankings" or "municipalities/1880/results". */
  api: string;
  /** The page's current filters; sent unchanged so that the files hold the rows on the page. */
  query?: URLSearchParams | Record<string, string>;
  /** The table in a phrase such as "rankningen" ("Ladda ned rankningen som CSV"). */
  label: string;
}

/** The query as a link carries it: empty values are filters left open, and leaving them out keeps links short. */
function withQuery(path: string, query?: TableDownloadsProps["query"]): string {
  const params = query instanceof URLSearchParams ? query : new URLSearchParams(query ?? {});
  const search = new URLSearchParams([...params].filter(([, value]) => value !== "")).toString();
  return search ? `${path}?${search}` : path;
}

/** The URL of one representation of an API table: "" (JSON), ".csv" or ".xlsx". */
export function apiTableHref(api: string, suffix: "" | ".csv" | ".xlsx", query?: TableDownloadsProps["query"]): string {
  return withQuery(`/api/v1/${api.replace(/^\/+|\/+$/g, "").replace(/^api\/v1\//, "")}${suffix}`, query);
}

/** The URL of a table's file for people (/ladda-ned/…): headers in their language, a title, the licence. */
export function downloadHref(api: string, format: DownloadFormat, query?: TableDownloadsProps["query"]): string {
  return withQuery(downloadPath(api, format), query);
}

/** Excel first (what most people open), the two CSVs, then the API's JSON for developers. */
const LINKS = [
  { key: "xlsx", text: "portal.downloads.xlsx", label: "portal.downloads.xlsxLabel", format: "xlsx" },
  { key: "csv", text: "portal.downloads.csv", label: "portal.downloads.csvLabel", format: "csv" },
  { key: "csv-semicolon", text: "downloads.csvSemicolon", label: "downloads.csvSemicolonLabel", format: "csv-semicolon" },
  { key: "json", text: "portal.downloads.json", label: "portal.downloads.jsonLabel", format: null },
] as const;

/** "Ladda ned: Excel · CSV · CSV för svensk Excel · API (JSON)" for one table, with the page's filters. */
export function TableDownloads({ api, query, label }: TableDownloadsProps) {
  const { t } = useT();
  return (
    <p className="table-downloads">
      <span>{t("portal.downloads.prefix")}</span>{" "}
      {LINKS.map((link, index) => (
        <span key={link.key}>
          {index > 0 && <span aria-hidden="true"> · </span>}
          <a
            href={link.format ? downloadHref(api, link.format, query) : apiTableHref(api, "", query)}
            aria-label={t(link.label, { table: label })}
            {...(link.format ? { download: "" } : {})}
          >
            {t(link.text)}
          </a>
        </span>
      ))}
    </p>
  );
}
