import { Button, Heading, Input, Link as DsLink, List, Paragraph } from "@digdir/designsystemet-react";
import { Form, Link } from "react-router";
import { ResultTable, resultRowsHtml } from "../components/ResultTable.tsx";
import { htmlOnce } from "../components/tableHtml.ts";
import type { Route } from "./+types/home";
import { LabelledField } from "../components/LabelledField.tsx";
import { TableDownloads } from "../components/TableDownloads.tsx";
import { languageFromRequest, pageTitle, toolsFor, useT } from "../i18n.ts";
import { rankingTopColumns } from "../../src/domain/tables/rankings.ts";
import { resultLatestColumns } from "../../src/domain/tables/results.ts";
import { getHomePage } from "../../src/services/portal/homePage.server.ts";
import { kompass } from "../context.ts";

const LATEST = 10;
const TOP = 5;

// No interactive part: the page ships no JavaScript (see RouteHandle in app/root.tsx).
export const handle = { hydrate: false };

export async function loader({ context, request }: Route.LoaderArgs) {
  const page = await getHomePage(kompass(context).db, { latest: LATEST, top: TOP });
  // The tables' rows travel as HTML strings, made once per data version and language.
  const language = languageFromRequest(request);
  const tools = toolsFor(language);
  return {
    latest: {
      count: page.latest.length,
      rowsHtml: htmlOnce(page.latest, language, () => resultRowsHtml(page.latest, resultLatestColumns, tools)),
    },
    tops: page.tops.map(({ rows, ...top }) => ({
      ...top,
      rowsHtml: htmlOnce(rows, language, () => resultRowsHtml(rows, rankingTopColumns, tools)),
    })),
    derived: [...page.latest, ...page.tops.flatMap((top) => top.rows)].some((r) => !r.totalPublished),
  };
}

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "app.tagline") }];
}

/** The start page: what is new, who scored highest, and a way into the good examples. */
export default function Home({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const { latest, tops, derived } = loaderData;
  return (
    <>
      <Heading level={1} data-size="xl">
        {t("portal.start.title")}
      </Heading>
      <Paragraph>{t("portal.start.intro")}</Paragraph>
      {/* Finding a municipality is what most visitors come for: the same search as /kommuner (q). */}
      {/* Two search landmarks on one page: each has a name of its own (axe landmark-unique), unlike its field's label. */}
      <Form method="get" action="/kommuner" role="search" aria-label={t("portal.start.municipalityLandmark")} className="start-search">
        <LabelledField id="start-municipality" label={t("finder.directory.search")} hint={t("finder.directory.searchHint")}>
          {(describedBy) => <Input id="start-municipality" name="q" type="search" aria-describedby={describedBy} />}
        </LabelledField>
        <div>
          <Button type="submit">{t("finder.directory.submit")}</Button>
        </div>
      </Form>
      <Form method="get" action="/sok" role="search" aria-label={t("portal.start.searchLandmark")} className="start-search">
        <LabelledField id="start-q" label={t("portal.start.searchLabel")} hint={t("portal.start.searchHint")}>
          {(describedBy) => <Input id="start-q" name="q" type="search" aria-describedby={describedBy} />}
        </LabelledField>
        <div>
          <Button type="submit">{t("portal.start.search")}</Button>
        </div>
      </Form>
      <section aria-labelledby="senaste" className="stack">
        <Heading level={2} data-size="md" id="senaste">
          {t("portal.start.latestTitle")}
        </Heading>
        {latest.count === 0 ? (
          <Paragraph>{t("portal.start.empty")}</Paragraph>
        ) : (
          <>
            <ResultTable
              rowsHtml={latest.rowsHtml}
              caption={t("portal.start.latestCaption", { count: latest.count })}
              columns={resultLatestColumns}
            />
            <TableDownloads api="results" query={{ sort: "latest", limit: String(LATEST) }} label={t("portal.start.latestTable")} />
          </>
        )}
      </section>
      {tops.length > 0 && (
        <section aria-labelledby="hogsta" className="stack">
          <Heading level={2} data-size="md" id="hogsta">
            {t("portal.start.topTitle")}
          </Heading>
          <Paragraph>{t("portal.start.topIntro")}</Paragraph>
          <div className="top-lists">
            {tops.map((top) => (
              <div key={top.key} className="stack">
                <ResultTable
                  rowsHtml={top.rowsHtml}
                  caption={t("portal.start.topCaption", { instrument: top.name })}
                  columns={rankingTopColumns}
                />
                <TableDownloads
                  api="rankings"
                  query={{ instrument: top.key, all: "true", limit: String(TOP) }}
                  label={t("portal.start.topTable", { instrument: top.name })}
                />
              </div>
            ))}
          </div>
        </section>
      )}
      {derived && <Paragraph data-size="sm">{t("portal.rankings.derivedNote")}</Paragraph>}
      <nav aria-labelledby="mer">
        <Heading level={2} data-size="sm" id="mer">
          {t("portal.start.more")}
        </Heading>
        <List.Unordered>
          <List.Item>
            <DsLink asChild>
              <Link to="/rankning">{t("portal.start.rankingsLink")}</Link>
            </DsLink>
          </List.Item>
          <List.Item>
            <DsLink asChild>
              <Link to="/kommuner">{t("portal.start.municipalitiesLink")}</Link>
            </DsLink>
          </List.Item>
          <List.Item>
            <DsLink asChild>
              <Link to="/resultat">{t("portal.start.resultsLink")}</Link>
            </DsLink>
          </List.Item>
        </List.Unordered>
      </nav>
    </>
  );
}
