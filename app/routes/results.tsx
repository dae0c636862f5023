import { Button, Field, Heading, Label, Paragraph, Select } from "@digdir/designsystemet-react";
import { Form } from "react-router";
import type { Route } from "./+types/results";
import { FilterDisclosure } from "../components/FilterDisclosure.tsx";
import { PageLinks } from "../components/PageLinks.tsx";
import { ResultTable, resultRowsHtml } from "../components/ResultTable.tsx";
import { htmlOnce } from "../components/tableHtml.ts";
import { TableDownloads } from "../components/TableDownloads.tsx";
import { languageFromRequest, pageTitle, toolsFor, useT } from "../i18n.ts";
import { resultPageColumns } from "../../src/domain/tables/results.ts";
import { getResultsPage } from "../../src/services/portal/resultsPage.server.ts";
import { kompass } from "../context.ts";

/** Enough to scroll and scan; the table download holds every result. */
const PAGE_SIZE = 100;

// No interactive part: the page ships no JavaScript (see RouteHandle in app/root.tsx).
export const handle = { hydrate: false };

export async function loader({ request, context }: Route.LoaderArgs) {
  const params = new URL(request.url).searchParams;
  // A page number that is not one shows the first page, one past the end the last.
  const page = Math.floor(Number(params.get("page") ?? "1")) || 1;
  const found = await getResultsPage(kompass(context).db, { instrument: params.get("instrument") ?? "", page, size: PAGE_SIZE });
  const { results, ...rest } = found;
  // The rows travel as one string of HTML, made once per data version, page and language.
  const language = languageFromRequest(request);
  const rowsHtml = htmlOnce(found, language, () => {
    const tools = toolsFor(language);
    return resultRowsHtml(results, resultPageColumns, tools, { level: (r) => tools.t(`level.${r.level}`) });
  });
  return { ...rest, count: results.length, rowsHtml };
}

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "home.title") }];
}

/** /resultat: every published result, latest first, filterable by instrument version. */
export default function Results({ loaderData }: Route.ComponentProps) {
  const { t, formatNumber } = useT();
  const { count, rowsHtml, instruments, instrument, total, page, pages, from } = loaderData;
  return (
    <>
      <Heading level={1} data-size="xl">
        {t("home.title")}
      </Heading>
      <Paragraph>{t("home.intro")}</Paragraph>
      <FilterDisclosure active={instrument ? 1 : 0}>
        <Form method="get" className="filter-form">
          <Field>
            <Label htmlFor="instrument">{t("home.filterInstrument")}</Label>
            <Select id="instrument" name="instrument" defaultValue={instrument}>
              <Select.Option value="">{t("home.allInstruments")}</Select.Option>
              {instruments.map((i) => (
                <Select.Option key={i.key} value={i.key}>
                  {i.name}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Button type="submit" variant="secondary">
            {t("home.filter")}
          </Button>
        </Form>
      </FilterDisclosure>
      <Paragraph role="status">{t("home.count", { count: total })}</Paragraph>
      {count === 0 ? (
        <Paragraph>{t("home.empty")}</Paragraph>
      ) : (
        <ResultTable rowsHtml={rowsHtml} caption={t("home.caption")} columns={resultPageColumns} />
      )}
      {pages > 1 && (
        <PageLinks
          page={page}
          pages={pages}
          href={(to) => `?${new URLSearchParams({ ...(instrument ? { instrument } : {}), page: String(to) })}`}
          label={t("home.pages")}
          status={t("home.pageStatus", {
            page: formatNumber(page),
            pages: formatNumber(pages),
            from: formatNumber(from),
            to: formatNumber(from + count - 1),
          })}
        />
      )}
      <TableDownloads api="results" query={{ instrument, sort: "latest" }} label={t("portal.results.table")} />
    </>
  );
}
