import { Button, Heading, Input, Link, Paragraph, Select } from "@digdir/designsystemet-react";
import { data, Form } from "react-router";
import type { Route } from "./+types/search";
import { FilterDisclosure } from "../components/FilterDisclosure.tsx";
import { LabelledField } from "../components/LabelledField.tsx";
import { PageLinks } from "../components/PageLinks.tsx";
import { TableDownloads } from "../components/TableDownloads.tsx";
import { languageFromRequest, pageTitle, useT } from "../i18n.ts";
import { municipalityPath } from "../../src/domain/paths.ts";
import { ValidationError } from "../../src/services/errors.ts";
import { translator } from "../../src/i18n/index.ts";
import { DEFAULT_LIMIT, searchMunicipalities, searchPassages } from "../../src/services/search/index.server.ts";
import { searchFilterChoices } from "../../src/services/portal/searchChoices.server.ts";
import { kompass } from "../context.ts";

/** The page's query words: the same as the API's, so that the page links to its own query there. */
const FIELDS = ["q", "area", "instrument", "county", "group", "yearFrom", "yearTo"] as const;

/** The search service's fields, by the keys of their labels on this page. */
const SEARCH_FIELD_LABELS: Record<string, string> = {
  text: "query",
  area: "area",
  instrument: "instrument",
  county: "county",
  group: "group",
  yearFrom: "yearFrom",
  yearTo: "yearTo",
  limit: "page",
  offset: "page",
};

// No interactive part: the page ships no JavaScript (see RouteHandle in app/root.tsx).
export const handle = { hydrate: false };

export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const given = Object.fromEntries(FIELDS.map((k) => [k, url.searchParams.get(k) ?? ""])) as Record<(typeof FIELDS)[number], string>;
  // Past the hits is an empty page, whatever the number: never an offset the database refuses.
  const page = Math.min(Math.max(1, Number.parseInt(url.searchParams.get("sida") ?? "1", 10) || 1), 1_000_000);
  try {
    const { q, ...filters } = given;
    const [result, municipalities, choices] = await Promise.all([
      searchPassages(kompass(context).db, { text: q, ...filters, limit: DEFAULT_LIMIT, offset: (page - 1) * DEFAULT_LIMIT }),
      q.trim() ? searchMunicipalities(kompass(context).db, q) : [],
      searchFilterChoices(kompass(context).db),
    ]);
    return {
      given,
      page,
      from: (page - 1) * DEFAULT_LIMIT + 1,
      pages: Math.max(1, Math.ceil(result.total / DEFAULT_LIMIT)),
      total: result.total,
      // Only the 1,000 most recent matches are ranked: say that there are more.
      more: result.more,
      hits: result.hits,
      municipalities: municipalities.map((m) => ({ ...m, path: municipalityPath(m.code, m.name) })),
      choices,
      // The API answers the same query (q is "q" there too), from the same hit on as this page.
      apiQuery: new URLSearchParams([
        ...Object.entries(given).filter(([, v]) => v !== ""),
        ...(page > 1 ? [["offset", String((page - 1) * DEFAULT_LIMIT)]] : []),
      ]).toString(),
    };
  } catch (error) {
    // A hand-edited address: the page names the field in the visitor's language (the API, for developers, says more).
    if (error instanceof ValidationError) {
      const t = translator(languageFromRequest(request));
      const label = (field: string | undefined) => t(`pages.search.${SEARCH_FIELD_LABELS[field ?? ""] ?? "query"}`);
      throw data(error.problems.map((p) => t("pages.search.badField", { field: label(p.field) })).join(" "), { status: 400 });
    }
    throw error;
  }
}

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "pages.search.title") }];
}

export default function Search({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const { given, hits, total, more, page, pages, from, municipalities, choices, apiQuery } = loaderData;
  const searched = given.q.trim() !== "";
  const pageLink = (n: number) =>
    `/sok?${new URLSearchParams({ ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== "")), sida: String(n) })}`;
  const select = (name: keyof typeof given, any: string, options: { value: string; label: string }[]) => (
    <LabelledField id={`s-${name}`} label={t(`pages.search.${name}`)}>
      {() => (
        <Select id={`s-${name}`} name={name} defaultValue={given[name]}>
          <Select.Option value="">{any}</Select.Option>
          {options.map((o) => (
            <Select.Option key={o.value} value={o.value}>
              {o.label}
            </Select.Option>
          ))}
        </Select>
      )}
    </LabelledField>
  );
  return (
    <>
      <Heading level={1} data-size="xl">
        {t("pages.search.title")}
      </Heading>
      <Paragraph>{t("pages.search.intro")}</Paragraph>
      <search>
        <Form method="get" className="search-form">
          <LabelledField id="s-q" label={t("pages.search.query")} hint={t("pages.search.queryHint")}>
            {(describedBy) => <Input id="s-q" name="q" type="search" defaultValue={given.q} aria-describedby={describedBy} />}
          </LabelledField>
          <FilterDisclosure active={FIELDS.filter((name) => name !== "q" && given[name] !== "").length}>
            <div className="filter-grid">
              {select(
                "area",
                t("pages.search.anyArea"),
                choices.areas.map((a) => ({ value: String(a.number), label: `${a.number}. ${a.name}` })),
              )}
              {select(
                "instrument",
                t("pages.search.anyInstrument"),
                choices.instruments.map((k) => ({ value: k, label: k })),
              )}
              {select(
                "county",
                t("pages.search.anyCounty"),
                choices.counties.map((c) => ({ value: c.code, label: c.name })),
              )}
              {select(
                "group",
                t("pages.search.anyGroup"),
                choices.groups.map((g) => ({ value: g.code, label: `${g.code}. ${g.name}` })),
              )}
              <LabelledField id="s-yearFrom" label={t("pages.search.yearFrom")}>
                {() => <Input id="s-yearFrom" name="yearFrom" inputMode="numeric" defaultValue={given.yearFrom} size={6} />}
              </LabelledField>
              <LabelledField id="s-yearTo" label={t("pages.search.yearTo")}>
                {() => <Input id="s-yearTo" name="yearTo" inputMode="numeric" defaultValue={given.yearTo} size={6} />}
              </LabelledField>
            </div>
          </FilterDisclosure>
          <Button type="submit">{t("pages.search.submit")}</Button>
        </Form>
      </search>

      {!searched ? (
        <Paragraph>{t("pages.search.prompt")}</Paragraph>
      ) : (
        <section aria-labelledby="traffar">
          {municipalities.length > 0 && (
            <Paragraph>
              {t("pages.search.municipalities")}:{" "}
              {municipalities.map((m, i) => (
                <span key={m.code}>
                  {i > 0 && ", "}
                  <Link href={m.path}>{m.name}</Link>
                </span>
              ))}
            </Paragraph>
          )}
          <Heading level={2} data-size="md" id="traffar">
            {t("pages.search.resultsCaption", { query: given.q })}
          </Heading>
          <Paragraph role="status">
            {total === 0
              ? t("pages.search.empty")
              : more
                ? t("pages.search.countMore", { count: total })
                : t("pages.search.count", { count: total })}
          </Paragraph>
          <ol className="search-hits" start={from}>
            {hits.map((hit) => (
              <li key={`${hit.evaluationId}-${hit.anchor}`}>
                <Link href={hit.link}>
                  {hit.municipality.name} {hit.year}
                </Link>
                <span className="hint">
                  {" "}
                  –{" "}
                  {t("pages.search.hitOf", {
                    kind: t(`pages.search.kind.${hit.kind}`),
                    area: hit.area ? `${hit.area.number}. ${hit.area.name}` : t("pages.search.wholeEvaluation"),
                  })}
                </span>
                <p className="snippet">
                  {hit.snippet.map((part, i) => (part.mark ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
                </p>
              </li>
            ))}
          </ol>
          {pages > 1 && (
            <PageLinks
              page={page}
              pages={pages}
              href={pageLink}
              label={t("pages.search.pager")}
              status={t("pages.search.pages", { page, pages })}
            />
          )}
          {total > 0 && <TableDownloads api="search" query={new URLSearchParams(apiQuery)} label={t("pages.search.tableLabel")} />}
        </section>
      )}
    </>
  );
}
