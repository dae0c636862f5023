import "../i18n/catalogs.server.ts";
import type { TFunction } from "i18next";
import type { Db } from "../db/client.server.ts";
import { OPEN_DATA_LICENCE } from "../domain/openData.ts";
import { slug } from "../domain/paths.ts";
import { parseDownloadPath, type DownloadFormat } from "../domain/tables/downloads.ts";
import { translator, type Language } from "../i18n/index.ts";
import { NotFoundError, ValidationError } from "../services/errors.ts";
import { readableCsv } from "./csv.server.ts";
import { fallbackNaming } from "./downloadNames.server.ts";
import { readableTable } from "./readable.server.ts";
import { matchApiRoute } from "./router.server.ts";
import { BadParameters, type Reply } from "./routes.server.ts";
import { readableXlsx } from "./xlsx.server.ts";

/**
 * People's downloads of the API's tables (/ladda-ned/…, see src/domain/tables/downloads.ts): the
 * API route's own handler parses the filters and gives the rows, so a download holds what the
 * API and the page hold; this module only writes them for people (readable.server.ts) and names
 * the file. What cannot be downloaded is told in words for the page the route shows.
 */
export type DownloadAnswer = { response: Response } | { status: 400 | 404; message: string };

const CONTENT_TYPES: Record<DownloadFormat, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
  "csv-semicolon": "text/csv; charset=utf-8",
};

/** Query parameters of the pages, not of the table: the language a link may carry (?lang=en). */
const PAGE_PARAMETERS = ["lang"];

export async function downloadTable(db: Db, url: URL, language: Language, options: { now?: Date } = {}): Promise<DownloadAnswer> {
  const t = translator(language);
  const asked = parseDownloadPath(url.pathname);
  const found = asked && matchApiRoute(asked.api);
  if (!asked || !found) return { status: 404, message: t("downloads.problem.noTable") };
  const query = new URLSearchParams([...url.searchParams].filter(([key]) => !PAGE_PARAMETERS.includes(key)));
  let reply: Reply;
  try {
    reply = await found.route.run(db, found.params, query);
  } catch (error) {
    return refusalOf(error, t);
  }
  if (!reply.table) return { status: 404, message: t("downloads.problem.noTable") };

  const now = options.now ?? new Date();
  const naming = reply.download ? await reply.download() : fallbackNaming(reply.name ?? "data");
  const sourceColumn = reply.table.columns.find((c) => c.key === "source");
  const source = [
    t("downloads.source", {
      page: new URL(naming.page ?? url.pathname + url.search, url.origin).href,
      date: stockholmDay(now),
      licence: OPEN_DATA_LICENCE.name,
      licenceUrl: OPEN_DATA_LICENCE.url,
      attribution: OPEN_DATA_LICENCE.attribution,
    }),
    ...(sourceColumn ? [t("downloads.sourceColumn", { column: sourceColumn.header[language] })] : []),
  ].join(" ");
  const table = readableTable(reply.table, language, { title: naming.title[language], source, sheet: naming.sheet[language] });
  const body =
    asked.format === "xlsx"
      ? await readableXlsx(table, { created: now })
      : readableCsv(table, asked.format === "csv" ? "comma" : "semicolon");
  return {
    response: new Response(body, {
      headers: {
        "Content-Type": CONTENT_TYPES[asked.format],
        "Content-Disposition": attachment(naming.file[language], asked.format === "xlsx" ? "xlsx" : "csv"),
        // The title row holds the day of the download, and the headers the visitor's language.
        "Cache-Control": "private, no-cache",
        Vary: "Cookie",
      },
    }),
  };
}

/** A bad filter (400, naming it) or something that does not exist (404), in words; anything else is a failure. */
function refusalOf(error: unknown, t: TFunction): Extract<DownloadAnswer, { status: number }> {
  const parameters =
    error instanceof BadParameters
      ? error.errors.map((e) => e.parameter)
      : error instanceof ValidationError
        ? error.problems.map((p) => p.field ?? p.location ?? "")
        : null;
  if (parameters) {
    const named = [...new Set(parameters.filter(Boolean))];
    return {
      status: 400,
      message:
        named.length > 0
          ? t("downloads.problem.badFilter", { count: named.length, parameters: named.join(", ") })
          : t("downloads.problem.badQuery"),
    };
  }
  if (error instanceof NotFoundError)
    return { status: 404, message: t(`downloads.problem.${error.what}`, { key: error.key, defaultValue: t("error.notFound") }) };
  throw error;
}

/** The day in Sweden, as ISO 8601 (the site's day, whatever the server's time zone). */
function stockholmDay(now: Date): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/**
 * An attachment named "kommunkompassen-<words>.<extension>": in plain ASCII (`filename`, å ä ö
 * as a a o) for old clients, and with the letters as they are in RFC 5987's `filename*`, which
 * browsers prefer ("kommunkompassen-örebro-resultat.csv").
 */
export function attachment(words: string, extension: string): string {
  const unicode = words
    .normalize("NFC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
  const stem = (text: string) => `kommunkompassen${text ? `-${text}` : ""}.${extension}`;
  return `attachment; filename="${stem(slug(unicode))}"; filename*=UTF-8''${encodeURIComponent(stem(unicode))}`;
}
