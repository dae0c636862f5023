import { useT } from "../i18n.ts";

export interface TableDownloadsProps {
  /** The API path below /api/v1, e.g. "rankings" or "municipalities/1880/results". */
  api: string;
  /** The page's current filters; sent unchanged so that the files hold the rows on the page. */
  query?: URLSearchParams | Record<string, string>;
  /** The table in a phrase such as "rankningen" ("Ladda ned rankningen som CSV"). */
  label: string;
}

/** The URL of one representation of an API table: "" (JSON), ".csv" or ".xlsx". */
export function apiTableHref(api: string, suffix: "" | ".csv" | ".xlsx", query?: TableDownloadsProps["query"]): string {
  const path = `/api/v1/${api.replace(/^\/+|\/+$/g, "").replace(/^api\/v1\//, "")}${suffix}`;
  const params = query instanceof URLSearchParams ? query : new URLSearchParams(query ?? {});
  // Empty values are filters left open; leaving them out keeps the links short and clean.
  const kept = new URLSearchParams([...params].filter(([, value]) => value !== ""));
  const search = kept.toString();
  return search ? `${path}?${search}` : path;
}

/** "Ladda ned: CSV · Excel · API (JSON)" for one table: open data with the page's filters. */
export function TableDownloads({ api, query, label }: TableDownloadsProps) {
  const { t } = useT();
  const formats = [
    { key: "csv", suffix: ".csv", download: true },
    { key: "xlsx", suffix: ".xlsx", download: true },
    { key: "json", suffix: "", download: false },
  ] as const;
  return (
    <p className="table-downloads">
      <span>{t("portal.downloads.prefix")}</span>{" "}
      {formats.map((format, index) => (
        <span key={format.key}>
          {index > 0 && <span aria-hidden="true"> · </span>}
          <a
            href={apiTableHref(api, format.suffix, query)}
            aria-label={t(`portal.downloads.${format.key}Label`, { table: label })}
            {...(format.download ? { download: "" } : {})}
          >
            {t(`portal.downloads.${format.key}`)}
          </a>
        </span>
      ))}
    </p>
  );
}
