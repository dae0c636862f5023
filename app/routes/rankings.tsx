import { Button, ErrorSummary, Field, Fieldset, Heading, Input, Label, Paragraph, Select } from "@digdir/designsystemet-react";
import { data, Form } from "react-router";
import { ResultTable, resultRowsHtml } from "../components/ResultTable.tsx";
import { htmlOnce, tag, type Content } from "../components/tableHtml.ts";
import type { Route } from "./+types/rankings";
import { FilterDisclosure } from "../components/FilterDisclosure.tsx";
import { LabelledField } from "../components/LabelledField.tsx";
import { TableDownloads } from "../components/TableDownloads.tsx";
import { languageFromRequest, pageTitle, toolsFor, useT, type Tools } from "../i18n.ts";
import { rankingPageColumns } from "../../src/domain/tables/rankings.ts";
import { getRankingPage, type RankingRow as Row } from "../../src/services/portal/rankingPage.server.ts";
import { kompass } from "../context.ts";

/** /rankning?instrument=2010&county=18&group=3&yearFrom=2010&yearTo=2015&all=true — a GET form. */
// No interactive part: the page ships no JavaScript (see RouteHandle in app/root.tsx).
export const handle = { hydrate: false };

export async function loader({ request, context }: Route.LoaderArgs) {
  const page = await getRankingPage(kompass(context).db, new URL(request.url).searchParams);
  const { entries, ...payload } = page;
  // The rows travel as one string of HTML, made once per data version, query and language.
  const language = languageFromRequest(request);
  const table = entries && {
    count: entries.length,
    derived: entries.some((e) => !e.totalPublished),
    rowsHtml: htmlOnce(page, language, () => {
      const tools = toolsFor(language);
      return resultRowsHtml(entries, rankingPageColumns, tools, { change: (row) => changeCell(row, tools.t) });
    }),
  };
  return data({ ...payload, table }, { status: payload.problems.length > 0 ? 400 : 200 });
}

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "portal.rankings.title") }];
}

/** "+35 sedan 2012", "annan version" or "–": numbers only within one version. */
function changeCell(row: Row, t: Tools["t"]): Content {
  if (row.previousYear === null)
    return [tag("span", { "aria-hidden": "true" }, "–"), tag("span", { class: "ds-sr-only" }, t("portal.rankings.noPrevious"))];
  if (row.changeText === null)
    return [
      t("portal.rankings.otherVersion"),
      tag(
        "span",
        { class: "ds-sr-only" },
        ` (${t("portal.rankings.otherVersionDetail", { year: row.previousYear, instrument: row.previousInstrument })})`,
      ),
    ];
  return [row.changeText, tag("span", { class: "ds-sr-only" }, ` ${t("portal.rankings.changeDetail", { year: row.previousYear })}`)];
}

export default function Rankings({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const { choices, values, problems, query, table, instrumentName } = loaderData;
  const problemOf = (field: string) => {
    const found = problems.find((p) => p.field === field);
    return found ? t(`portal.rankings.problem.${found.problem}`) : undefined;
  };
  // What narrows or changes the ranking from the newest version's latest results.
  const activeFilters = [
    values.instrument !== choices.instruments.at(-1)?.key,
    values.all,
    values.county,
    values.group,
    values.yearFrom,
    values.yearTo,
  ].filter(Boolean).length;
  return (
    <>
      <Heading level={1} data-size="xl">
        {t("portal.rankings.title")}
      </Heading>
      <Paragraph>{t("portal.rankings.intro")}</Paragraph>
      {choices.instruments.length === 0 ? (
        <Paragraph>{t("portal.rankings.noInstruments")}</Paragraph>
      ) : (
        <>
          {problems.length > 0 && (
            <ErrorSummary>
              <ErrorSummary.Heading>{t("portal.rankings.errorsTitle")}</ErrorSummary.Heading>
              <ErrorSummary.List>
                {problems.map((p) => (
                  <ErrorSummary.Item key={p.field}>
                    <ErrorSummary.Link href={`#${p.field}`}>{t(`portal.rankings.problem.${p.problem}`)}</ErrorSummary.Link>
                  </ErrorSummary.Item>
                ))}
              </ErrorSummary.List>
            </ErrorSummary>
          )}
          <FilterDisclosure active={activeFilters} open={problems.length > 0}>
            <Form method="get" className="ranking-filters" aria-label={t("portal.rankings.filters")}>
              <LabelledField id="instrument" label={t("portal.rankings.instrument")} error={problemOf("instrument")}>
                {(describedBy) => (
                  <Select id="instrument" name="instrument" defaultValue={values.instrument} aria-describedby={describedBy}>
                    {choices.instruments.map((i) => (
                      <Select.Option key={i.key} value={i.key}>
                        {i.name}
                      </Select.Option>
                    ))}
                  </Select>
                )}
              </LabelledField>
              <Fieldset>
                <Fieldset.Legend>{t("portal.rankings.scope")}</Fieldset.Legend>
                {/* Explicit label/for pairs: Designsystemet ties them in the browser, which fails without JavaScript. */}
                {[
                  { id: "all-latest", value: "", checked: !values.all, label: t("portal.rankings.latest") },
                  { id: "all-true", value: "true", checked: values.all, label: t("portal.rankings.all") },
                ].map((choice) => (
                  <Field key={choice.id}>
                    <Input type="radio" id={choice.id} name="all" value={choice.value} defaultChecked={choice.checked} />
                    <Label htmlFor={choice.id} weight="regular">
                      {choice.label}
                    </Label>
                  </Field>
                ))}
              </Fieldset>
              <LabelledField id="county" label={t("portal.rankings.county")} error={problemOf("county")}>
                {(describedBy) => (
                  <Select id="county" name="county" defaultValue={values.county} aria-describedby={describedBy}>
                    <Select.Option value="">{t("portal.rankings.allCounties")}</Select.Option>
                    {choices.counties.map((c) => (
                      <Select.Option key={c.code} value={c.code}>
                        {c.name}
                      </Select.Option>
                    ))}
                  </Select>
                )}
              </LabelledField>
              <LabelledField id="group" label={t("portal.rankings.group")} error={problemOf("group")}>
                {(describedBy) => (
                  <Select id="group" name="group" defaultValue={values.group} aria-describedby={describedBy}>
                    <Select.Option value="">{t("portal.rankings.allGroups")}</Select.Option>
                    {choices.groups.map((g) => (
                      <Select.Option key={g.code} value={g.code}>
                        {`${g.code}. ${g.name}`}
                      </Select.Option>
                    ))}
                  </Select>
                )}
              </LabelledField>
              {(["yearFrom", "yearTo"] as const).map((field) => (
                <LabelledField
                  key={field}
                  id={field}
                  label={t(`portal.rankings.${field}`)}
                  hint={t("portal.rankings.yearHint", {
                    year: field === "yearFrom" ? (choices.years?.first ?? 2010) : (choices.years?.last ?? 2020),
                  })}
                  error={problemOf(field)}
                >
                  {(describedBy) => (
                    <Input
                      id={field}
                      name={field}
                      inputMode="numeric"
                      autoComplete="off"
                      size={6}
                      defaultValue={values[field]}
                      aria-describedby={describedBy}
                      aria-invalid={problemOf(field) ? true : undefined}
                    />
                  )}
                </LabelledField>
              ))}
              <div>
                <Button type="submit">{t("portal.rankings.show")}</Button>
              </div>
            </Form>
          </FilterDisclosure>
          {table && (
            <>
              <Paragraph role="status">
                {t(values.all ? "portal.rankings.countAll" : "portal.rankings.count", { count: table.count })}
              </Paragraph>
              {table.count === 0 ? (
                <Paragraph>{t("portal.rankings.empty")}</Paragraph>
              ) : (
                <>
                  <ResultTable
                    rowsHtml={table.rowsHtml}
                    caption={t("portal.rankings.caption", { instrument: instrumentName })}
                    columns={rankingPageColumns}
                  />
                  {table.derived && <Paragraph data-size="sm">{t("portal.rankings.derivedNote")}</Paragraph>}
                </>
              )}
              <TableDownloads api="rankings" query={query} label={t("portal.rankings.table")} />
            </>
          )}
        </>
      )}
    </>
  );
}
