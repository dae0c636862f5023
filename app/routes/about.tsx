import { Heading, Link as DsLink, List, Paragraph } from "@digdir/designsystemet-react";
import { Link } from "react-router";
import type { Route } from "./+types/about";
import { PageContents, PagePart } from "../components/PagePart.tsx";
import { pageTitle, useT } from "../i18n.ts";
import { demoEnabled } from "../../src/config.server.ts";
import { getAboutFacts, type AboutFacts } from "../../src/services/portal/aboutFacts.server.ts";
import { kompass } from "../context.ts";

// No interactive part: the page ships no JavaScript (see RouteHandle in app/root.tsx).
export const handle = { hydrate: false };

export async function loader({ context }: Route.LoaderArgs) {
  return { ...(await getAboutFacts(kompass(context).db)), demo: demoEnabled() };
}

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "about.page.title") }];
}

type Version = AboutFacts["versions"][number];

const yearsText = (years: { first: number; last: number }) =>
  years.first === years.last ? String(years.first) : `${years.first}–${years.last}`;

/** An area number whose name differs between the oldest and the newest version: the example of why areas do not compare. */
function renamedArea(versions: readonly Version[]) {
  const [first, last] = [versions[0], versions.at(-1)];
  if (!first || !last || first === last) return null;
  for (const area of first.areas) {
    const later = last.areas.find((a) => a.number === area.number);
    if (later && later.name !== area.name)
      return { number: area.number, first: area.name, last: later.name, firstVersion: first.name, lastVersion: last.name };
  }
  return null;
}

/** /om: what Kommunkompassen is, how an evaluation is made, the versions (from the database), the points and the sources. */
export default function About({ loaderData }: Route.ComponentProps) {
  const { t, language, formatNumber } = useT();
  const { versions, municipalities, levels, results, years, demo } = loaderData;
  // The instrument's names and texts are Swedish: an English page says so, for screen readers.
  const swedish = language === "sv" ? undefined : "sv";
  const newest = versions.at(-1);
  const renamed = renamedArea(versions);
  const what = { id: "vad", title: t("about.page.what.title") };
  const how = { id: "sa-gar-det-till", title: t("about.page.how.title") };
  const versionsPart = { id: "versioner", title: t("about.page.versions.title") };
  const pointsPart = { id: "poang", title: t("about.page.points.title") };
  const comparing = { id: "jamforbarhet", title: t("about.page.comparing.title") };
  const sources = { id: "kallor", title: t("about.page.sources.title") };
  const parts = [what, how, versionsPart, pointsPart, comparing, sources];
  return (
    <>
      <Heading level={1} data-size="lg">
        {t("about.page.title")}
      </Heading>
      <Paragraph data-size="lg">{t("about.page.lead")}</Paragraph>
      <PageContents label={t("about.page.contents")} parts={parts} />
      <PagePart {...what}>
        <Paragraph>{t("about.page.what.origin")}</Paragraph>
        <Paragraph>{t("about.page.what.scope")}</Paragraph>
        <Paragraph>{t("about.page.what.use")}</Paragraph>
      </PagePart>
      <PagePart {...how}>
        <Paragraph>{t("about.page.how.intro")}</Paragraph>
        <List.Ordered>
          {(["documents", "reading", "interviews", "agreement", "report"] as const).map((step) => (
            <List.Item key={step}>{t(`about.page.how.${step}`)}</List.Item>
          ))}
        </List.Ordered>
      </PagePart>
      <PagePart {...versionsPart}>
        <Paragraph>{t("about.page.versions.intro")}</Paragraph>
        <div className="about-versions">
          {versions.map((version) => (
            <section key={version.key} aria-labelledby={`version-${version.key}`} className="about-version stack">
              <Heading level={3} data-size="sm" id={`version-${version.key}`} lang={swedish}>
                {version.name}
              </Heading>
              {version.description && <Paragraph lang={swedish}>{version.description}</Paragraph>}
              <Paragraph data-size="sm">
                {t("about.page.versions.size", { areas: version.areas.length, max: formatNumber(version.maxTotal) })}{" "}
                {version.years
                  ? t("about.page.versions.results", { count: version.results, years: yearsText(version.years) })
                  : t("about.page.versions.noResults")}
              </Paragraph>
              <ol className="about-areas" aria-label={t("about.page.versions.areasLabel", { name: version.name })}>
                {version.areas.map((area) => (
                  <li key={area.number} value={area.number}>
                    <span lang={swedish}>{area.name}</span>
                    {area.subareas > 0 && ` (${t("about.page.versions.subareas", { count: area.subareas })})`}
                    {area.role && (
                      <>
                        {` – ${t("about.page.versions.role")}: `}
                        <span lang={swedish}>{area.role}</span>
                      </>
                    )}
                  </li>
                ))}
              </ol>
            </section>
          ))}
        </div>
      </PagePart>
      <PagePart {...pointsPart}>
        {newest && newest.areas.length > 0 && (
          <>
            <Paragraph>
              {t("about.page.points.areas", {
                perArea: formatNumber(newest.areas[0]!.maxPoints),
                count: newest.areas.length,
                total: formatNumber(newest.maxTotal),
              })}
            </Paragraph>
            <Paragraph>{t("about.page.points.subareas", { perArea: formatNumber(newest.areas[0]!.maxPoints) })}</Paragraph>
          </>
        )}
        <Paragraph>{t("about.page.points.rounding")}</Paragraph>
        <Paragraph>{t("about.page.points.published")}</Paragraph>
      </PagePart>
      <PagePart {...comparing}>
        <Paragraph>{renamed ? t("about.page.comparing.example", renamed) : t("about.page.comparing.general")}</Paragraph>
        <Paragraph>{t("about.page.comparing.totals")}</Paragraph>
      </PagePart>
      <PagePart {...sources}>
        {years ? (
          <>
            <Paragraph>
              {t("about.page.sources.count", { count: results, municipalities: municipalities.length, years: yearsText(years) })}{" "}
              {t("about.page.sources.levels", levels)}
            </Paragraph>
            <Paragraph>{t("about.page.sources.each")}</Paragraph>
          </>
        ) : (
          <Paragraph>{t("about.page.sources.none")}</Paragraph>
        )}
        {demo && <Paragraph>{t("about.page.sources.demo")}</Paragraph>}
        {municipalities.length > 0 && (
          <>
            <Heading level={3} data-size="xs" id="kommuner-med-resultat">
              {t("about.page.sources.listTitle")}
            </Heading>
            <ul className="about-municipalities" aria-labelledby="kommuner-med-resultat">
              {municipalities.map((m) => (
                <li key={m.code}>
                  <DsLink asChild>
                    <Link to={m.path}>{m.name}</Link>
                  </DsLink>{" "}
                  {m.years.join(", ")}
                </li>
              ))}
            </ul>
          </>
        )}
      </PagePart>
      <nav aria-labelledby="vidare" className="stack">
        <Heading level={2} data-size="md" id="vidare">
          {t("about.page.further.title")}
        </Heading>
        <List.Unordered>
          {(
            [
              ["/rankning", "rankings"],
              ["/utveckling", "trend"],
              ["/jamfor", "compare"],
              ["/sok", "search"],
              ["/oppna-data", "openData"],
            ] as const
          ).map(([to, key]) => (
            <List.Item key={to}>
              <DsLink asChild>
                <Link to={to}>{t(`about.page.further.${key}`)}</Link>
              </DsLink>
            </List.Item>
          ))}
        </List.Unordered>
      </nav>
    </>
  );
}
