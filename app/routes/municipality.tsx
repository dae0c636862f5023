import { Alert, Heading, Link, Paragraph, Table } from "@digdir/designsystemet-react";
import { data, redirect } from "react-router";
import type { Route } from "./+types/municipality";
import { ChartFigure } from "../components/ChartFigure.tsx";
import { DeclaredTable } from "../components/DeclaredTable.tsx";
import { ResultLevel } from "../components/ResultLevel.tsx";
import { TableDownloads } from "../components/TableDownloads.tsx";
import { languageFromRequest, pageTitle, toolsFor, useT, type Tools } from "../i18n.ts";
import { html, htmlOnce, tag } from "../components/tableHtml.ts";
import { NotFoundError } from "../../src/services/errors.ts";
import { codeOfSlug, municipalityPath, municipalitySlug, reportPath } from "../../src/domain/paths.ts";
import { trendPath } from "../../src/domain/trend.ts";
import { resultColumns } from "../../src/domain/tables/results.ts";
import { pick } from "../../src/domain/tables/table.ts";
import { getMunicipalityPage } from "../../src/services/portal/municipalityPage.server.ts";
import type { Db } from "../../src/db/client.server.ts";
import { MunicipalityNotFoundPage } from "../components/MunicipalityNotFound.tsx";
import { lookUpMunicipalityAddress } from "../municipalityAddress.server.ts";
import { kompass } from "../context.ts";

/**
 * An address that names no municipality's page: a redirect to the page of the municipality its
 * words name (/kommun/orebro), otherwise a 404 page with the likely ones and a search.
 */
async function notFound(db: Db, slug: string) {
  const found = await lookUpMunicipalityAddress(db, slug);
  if ("municipality" in found) throw redirect(municipalityPath(found.municipality.code, found.municipality.name), 301);
  return data({ notFound: found.notFound }, { status: 404 });
}

// No interactive part: the page ships no JavaScript (see RouteHandle in app/root.tsx).
export const handle = { hydrate: false };

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const code = codeOfSlug(params.slug);
  if (!code) return notFound(kompass(context).db, params.slug);
  try {
    const language = languageFromRequest(request);
    const page = await getMunicipalityPage(kompass(context).db, code, language);
    const canonical = municipalitySlug(code, page.municipality.name);
    if (params.slug !== canonical) throw redirect(municipalityPath(code, page.municipality.name), 301);
    // The area tables' rows travel as HTML strings, made once per data version and language
    // (the page data is per language); the areas' points themselves stay out of the loader data.
    const tools = toolsFor(language);
    return {
      ...page,
      versions: page.versions.map(({ areas, ...version }) => ({
        ...version,
        areaRowsHtml: htmlOnce(page, version.key, () => areaRowsHtml({ areas, results: version.results }, tools)),
        results: version.results.map(({ areas: _, ...result }) => result),
      })),
    };
  } catch (error) {
    if (error instanceof NotFoundError) return notFound(kompass(context).db, params.slug);
    throw error;
  }
}

export function meta({ data: profile, matches }: Route.MetaArgs) {
  return [
    {
      title:
        profile && !("notFound" in profile)
          ? pageTitle(matches, "municipality.title", { name: profile.municipality.name })
          : pageTitle(matches, "error.notFoundTitle"),
    },
  ];
}

/** The sources table: columns of the results table the section downloads, then the report (only the page links it). */
const sourceColumns = pick(resultColumns, ["year", "date", "level", "source"]);

/** A missing figure as HTML (NotKnown's markup). */
const notKnownHtml = (t: Tools["t"]) => [
  tag("span", { "aria-hidden": "true" }, "–"),
  tag("span", { class: "ds-sr-only" }, t("municipality.notKnown")),
];

/** An instrument version's rows of areas × years: derived points marked by their class, missing ones by NotKnown. */
function areaRowsHtml(
  version: {
    areas: readonly { number: number; name: string }[];
    results: readonly { areas?: Record<string, number> | null; derivedAreas: readonly string[] }[];
  },
  { t, formatNumber }: Tools,
) {
  return html(
    version.areas.map((area) =>
      tag(
        "tr",
        {},
        tag("th", { scope: "row" }, `${area.number}. ${area.name}`),
        version.results.map((r) => {
          const value = r.areas?.[String(area.number)];
          const derived = r.derivedAreas.includes(String(area.number));
          return tag("td", { class: derived ? "numeric derived" : "numeric" }, value === undefined ? notKnownHtml(t) : formatNumber(value));
        }),
      ),
    ),
  );
}

/** A missing figure: a dash to see, words to hear. */
function NotKnown() {
  const { t } = useT();
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className="ds-sr-only">{t("municipality.notKnown")}</span>
    </>
  );
}

export default function MunicipalityPage({ loaderData }: Route.ComponentProps) {
  if ("notFound" in loaderData) return <MunicipalityNotFoundPage {...loaderData.notFound} />;
  return <Profile profile={loaderData} />;
}

function Profile({ profile }: { profile: Exclude<Route.ComponentProps["loaderData"], { notFound: unknown }> }) {
  const { t, formatNumber } = useT();
  const { municipality, versions, resultCount, reports, paths, chart } = profile;
  return (
    <>
      <Heading level={1} data-size="xl">
        {municipality.officialName ?? municipality.name}
      </Heading>
      <section aria-labelledby="fakta">
        <Heading level={2} data-size="sm" id="fakta">
          {t("municipality.facts")}
        </Heading>
        <dl className="facts">
          <dt>{t("municipality.code")}</dt>
          <dd>{municipality.code}</dd>
          <dt>{t("municipality.county")}</dt>
          <dd>{municipality.county.name}</dd>
          {municipality.groups.map((g) => (
            <div key={g.grouping} style={{ display: "contents" }}>
              <dt>{t("municipality.group", { grouping: g.groupingName })}</dt>
              <dd>
                {g.code}. {g.name}
              </dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="resultat">
        <Heading level={2} data-size="md" id="resultat">
          {t("municipality.resultsTitle")}
        </Heading>
        {resultCount === 0 ? (
          <Paragraph>{t("municipality.noResults", { name: municipality.name })}</Paragraph>
        ) : (
          <>
            {chart && <ChartFigure {...chart} />}
            {versions.length > 1 && <Paragraph>{t("municipality.comparabilityNote")}</Paragraph>}
            {versions.map((version) => (
              <div key={version.key} className="table-scroll">
                <Table border>
                  <caption>{t("municipality.instrumentCaption", { instrument: version.name })}</caption>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell scope="col">{t("municipality.areaColumn")}</Table.HeaderCell>
                      {version.results.map((r) => (
                        <Table.HeaderCell scope="col" key={r.year} className="numeric">
                          <Link href={paths[r.id]}>{r.year}</Link>
                        </Table.HeaderCell>
                      ))}
                    </Table.Row>
                  </Table.Head>
                  {/* biome-ignore lint/security/noDangerouslySetInnerHtml: made by areaRowsHtml with tag(), which escapes every text and attribute value. */}
                  <tbody dangerouslySetInnerHTML={{ __html: version.areaRowsHtml }} />
                  <Table.Foot>
                    <Table.Row>
                      <Table.HeaderCell scope="row">{t("municipality.totalRow")}</Table.HeaderCell>
                      {version.results.map((r) => (
                        <Table.Cell key={r.year} className={r.totalPublished ? "numeric" : "numeric derived"}>
                          <strong>{r.total === null ? <NotKnown /> : formatNumber(r.total)}</strong>
                        </Table.Cell>
                      ))}
                    </Table.Row>
                  </Table.Foot>
                </Table>
              </div>
            ))}
            {versions.some((v) => v.results.some((r) => !r.totalPublished || r.derivedAreas.length > 0)) && (
              <Paragraph data-size="sm">{t("municipality.derivedNote")}</Paragraph>
            )}
            <TableDownloads
              api={`municipalities/${municipality.code}/results`}
              label={t("pages.municipality.tableLabel", { name: municipality.name })}
            />
            <Paragraph>
              <Link href={`/jamfor?k1=${municipality.code}`}>{t("pages.municipality.compare", { name: municipality.name })}</Link>
            </Paragraph>
            <Paragraph>
              <Link href={trendPath([municipality.code])}>{t("trend.links.municipality", { name: municipality.name })}</Link>
            </Paragraph>
            <DeclaredTable
              rows={versions.flatMap((v) => v.results)}
              rowKey={(r) => `${r.instrument}-${r.year}`}
              caption={t("municipality.sources")}
              columns={sourceColumns}
              cells={{ year: (r) => <Link href={paths[r.id]}>{r.year}</Link>, level: (r) => <ResultLevel level={r.level} /> }}
              extra={[
                {
                  key: "report",
                  header: t("report.publicLink"),
                  cell: (r) =>
                    reports[r.id] !== undefined ? (
                      <Link href={reportPath(reports[r.id]!)}>{t("municipality.reportLink", { year: r.year })}</Link>
                    ) : (
                      <NotKnown />
                    ),
                },
              ]}
            />
            {versions.flatMap((v) => v.results).some((r) => r.warnings.length > 0) && (
              <Alert data-color="warning">
                <Heading level={3} data-size="xs">
                  {t("municipality.warnings")}
                </Heading>
                <ul>
                  {versions
                    .flatMap((v) => v.results)
                    .flatMap((r) =>
                      r.warnings.map((w) => (
                        <li key={`${r.year}-${w.code}-${w.field}`}>
                          {r.year}:{" "}
                          {t(`warning.${w.code}`, {
                            published: formatNumber(w.published),
                            derived: formatNumber(w.derived),
                            area: w.field.replace("areas.", ""),
                            missing: w.missing?.join(", "),
                          })}
                        </li>
                      )),
                    )}
                </ul>
              </Alert>
            )}
          </>
        )}
      </section>
    </>
  );
}
