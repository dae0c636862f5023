import { Alert, Button, Heading, Link, Paragraph, Select, Table } from "@digdir/designsystemet-react";
import { data, Form } from "react-router";
import type { Route } from "./+types/compare";
import { ChartFigure } from "../components/ChartFigure.tsx";
import { LabelledField } from "../components/LabelledField.tsx";
import { TableDownloads } from "../components/TableDownloads.tsx";
import { languageFromRequest, pageTitle, useT } from "../i18n.ts";
import { renderChartSvg } from "../../src/reports/charts.server.ts";
import { describeProblem, ValidationError } from "../../src/services/errors.ts";
import { getComparison, slotsFromQuery } from "../../src/services/portal/compare.server.ts";
import { MAX_COMPARED } from "../../src/domain/portal.ts";
import { municipalityList } from "../../src/services/results/queries.server.ts";
import { kompass } from "../context.ts";

/** /jamfor?k1=1880&k2=0180&u2=2014:2010 … — a GET form, so it works without JavaScript. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  try {
    const slots = slotsFromQuery(url.searchParams);
    const [comparison, municipalities] = await Promise.all([getComparison(kompass(context).db, slots, languageFromRequest(request)), municipalityList(kompass(context).db)]);
    return {
      ...comparison,
      chart: comparison.chart ? { svg: renderChartSvg(comparison.chart), title: comparison.chart.title, table: comparison.chart.table } : null,
      municipalities: municipalities.map((m) => ({ code: m.code, name: m.name })),
      query: url.searchParams.toString(),
    };
  } catch (error) {
    if (error instanceof ValidationError) throw data(error.problems.map(describeProblem).join("; "), { status: 400 });
    throw error;
  }
}

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "pages.compare.title") }];
}

export default function Compare({ loaderData }: Route.ComponentProps) {
  const { t, formatNumber } = useT();
  const { slots, compared, table, chart, municipalities, query } = loaderData;
  const list = compared.map((c) => c.label).join(", ");
  return (
    <>
      <Heading level={1} data-size="xl">
        {t("pages.compare.title")}
      </Heading>
      <Paragraph>{t("pages.compare.intro")}</Paragraph>
      <Form method="get" className="compare-form">
        {Array.from({ length: MAX_COMPARED }, (_, i) => {
          const slot = slots[i];
          const n = i + 1;
          return (
            <fieldset key={n} className="compare-slot">
              <legend className="ds-sr-only">{t("pages.compare.slot", { n })}</legend>
              <LabelledField id={`k${n}`} label={t("pages.compare.slot", { n })}>
                {() => (
                  <Select id={`k${n}`} name={`k${n}`} defaultValue={slot?.code ?? ""}>
                    <Select.Option value="">{t("pages.compare.none")}</Select.Option>
                    {municipalities.map((m) => (
                      <Select.Option key={m.code} value={m.code}>
                        {m.name}
                      </Select.Option>
                    ))}
                  </Select>
                )}
              </LabelledField>
              {slot && slot.options.length > 1 && (
                <LabelledField id={`u${n}`} label={t("pages.compare.evaluationFor", { name: slot.name })}>
                  {() => (
                    <Select id={`u${n}`} name={`u${n}`} defaultValue={slot.chosen ?? ""}>
                      {slot.options.map((o) => (
                        <Select.Option key={o.value} value={o.value}>
                          {o.label}
                        </Select.Option>
                      ))}
                    </Select>
                  )}
                </LabelledField>
              )}
              {slot && slot.options.length === 0 && <Paragraph data-size="sm">{t("pages.compare.noResults", { name: slot.name })}</Paragraph>}
            </fieldset>
          );
        })}
        <Button type="submit">{t("pages.compare.submit")}</Button>
      </Form>

      {compared.length < 2 ? (
        <Paragraph role="status">{t("pages.compare.tooFew")}</Paragraph>
      ) : (
        <section aria-labelledby="jamforelse">
          <Heading level={2} data-size="md" id="jamforelse">
            {t("pages.compare.resultHeading")}
          </Heading>
          {table.mixed && <Alert data-color="warning">{t("pages.compare.mixed")}</Alert>}
          <div className="table-scroll">
            <Table border>
              <caption>{t("pages.compare.caption", { list })}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t("pages.area")}</Table.HeaderCell>
                  {compared.map((c) => (
                    <Table.HeaderCell scope="col" key={c.label} className="numeric">
                      <Link href={c.path}>{c.label}</Link>
                      {table.mixed && (
                        <>
                          <br />
                          <span className="hint">{t("pages.compare.versionNote", { version: c.instrument })}</span>
                        </>
                      )}
                    </Table.HeaderCell>
                  ))}
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {table.rows.map((row) => (
                  <Table.Row key={row.number}>
                    <Table.HeaderCell scope="row">{row.name ? `${row.number}. ${row.name}` : `${t("pages.area")} ${row.number}`}</Table.HeaderCell>
                    {row.values.map((v, i) => (
                      <Table.Cell key={i} className="numeric">
                        {v === null ? "–" : formatNumber(v)}
                      </Table.Cell>
                    ))}
                  </Table.Row>
                ))}
              </Table.Body>
              <Table.Foot>
                <Table.Row>
                  <Table.HeaderCell scope="row">{t("pages.totalRow")}</Table.HeaderCell>
                  {table.totals.map((v, i) => (
                    <Table.Cell key={i} className="numeric">
                      <strong>{v === null ? "–" : formatNumber(v)}</strong>
                    </Table.Cell>
                  ))}
                </Table.Row>
              </Table.Foot>
            </Table>
          </div>
          <TableDownloads api="compare" query={new URLSearchParams(query)} label={t("pages.compare.tableLabel")} />
          {chart && <ChartFigure svg={chart.svg} title={chart.title} table={chart.table} />}
        </section>
      )}
    </>
  );
}
