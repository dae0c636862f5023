import { Alert, Button, Heading, Link, Paragraph, Select } from "@digdir/designsystemet-react";
import { useState } from "react";
import { data, Form, redirect } from "react-router";
import type { Route } from "./+types/compare";
import { ChartFigure } from "../components/ChartFigure.tsx";
import { DeclaredTable } from "../components/DeclaredTable.tsx";
import { LabelledField } from "../components/LabelledField.tsx";
import { EvaluatedFilter, MunicipalityPicker, pickMunicipality } from "../components/MunicipalityPicker.tsx";
import { TableDownloads } from "../components/TableDownloads.tsx";
import { languageFromRequest, pageTitle, useT } from "../i18n.ts";
import { chartFigure } from "../../src/reports/charts.server.ts";
import { ValidationError } from "../../src/services/errors.ts";
import { translator } from "../../src/i18n/index.ts";
import { getComparison, slotsFromQuery } from "../../src/services/portal/compare.server.ts";
import { MAX_COMPARED } from "../../src/domain/portal.ts";
import { trendPath } from "../../src/domain/trend.ts";
import { pick } from "../../src/domain/tables/table.ts";
import {
  comparisonColumns,
  comparisonJson,
  comparisonRows,
  type ComparisonJson,
  type ComparisonRow,
} from "../../src/domain/tables/compare.ts";
import { municipalityChoices } from "../../src/services/portal/municipalityDirectory.server.ts";
import { kompass } from "../context.ts";

/**
 * /jamfor?k1=1880&k2=0180&u2=2014:2010 … — a GET form, so it works without JavaScript. A slot
 * may hold a name as typed (k2=karlskrona): the page then moves to the address with codes, or
 * offers the choices when the name is not one municipality's.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const db = kompass(context).db;
  try {
    const options = await municipalityChoices(db);
    const picked = SLOTS.map((n) => ({ n, values: url.searchParams.getAll(`k${n}`), u: url.searchParams.get(`u${n}`) ?? "" })).map(
      (slot) => ({ ...slot, ...pickMunicipality(slot.values, options, { onlyEvaluated: true }) }),
    );
    // The slots that name a municipality, by code: what the comparison and its downloads are made of.
    const codes = new URLSearchParams(picked.flatMap(({ n, code, u }) => (code ? [[`k${n}`, code], ...(u ? [[`u${n}`, u]] : [])] : [])));
    const typed = picked.some(({ code, values }) => code && !(values.length === 1 && values[0] === code));
    if (typed && picked.every((slot) => !slot.problem)) throw redirect(`/jamfor?${codes}`);
    const comparison = await getComparison(db, slotsFromQuery(codes), languageFromRequest(request));
    const { table, slots, ...rest } = comparison;
    let next = 0;
    return {
      ...rest,
      // By slot number: the comparison's slots are those that named a municipality, in order.
      slots: picked.map(({ code, text, problem }) => ({ code, text, problem, ...(code ? { chosen: slots[next++] } : {}) })),
      // As the API answers it, so that the page's table and the download share their columns.
      comparison: comparisonJson(comparison.compared, table),
      chart: comparison.chart ? chartFigure(comparison.chart) : null,
      municipalities: options,
      query: codes.toString(),
    };
  } catch (error) {
    // A hand-edited address: the page names the municipality slot (k2, u2 → Kommun 2) in the visitor's language.
    if (error instanceof ValidationError) {
      const t = translator(languageFromRequest(request));
      const slots = [...new Set(error.problems.map((p) => /\d+$/.exec(p.field ?? "")?.[0] ?? "1"))];
      throw data(slots.map((n) => t("pages.compare.badSlot", { slot: t("pages.compare.slot", { n }) })).join(" "), { status: 400 });
    }
    throw error;
  }
}

const SLOTS = Array.from({ length: MAX_COMPARED }, (_, i) => i + 1);

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "pages.compare.title") }];
}

export default function Compare({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const { slots, compared, comparison, chart, municipalities, query } = loaderData;
  const list = compared.map((c) => c.label).join(", ");
  // Only municipalities with results can be compared: the type-ahead offers those unless asked for all.
  const [onlyEvaluated, setOnlyEvaluated] = useState(true);
  return (
    <>
      <Heading level={1} data-size="xl">
        {t("pages.compare.title")}
      </Heading>
      <Paragraph>{t("pages.compare.intro")}</Paragraph>
      <Form method="get" className="compare-form">
        <div className="compare-filter">
          <EvaluatedFilter id="bara-utvarderade" checked={onlyEvaluated} onChange={setOnlyEvaluated} />
        </div>
        {slots.map(({ code, text, problem, chosen: slot }, i) => {
          const n = i + 1;
          return (
            <fieldset key={n} className="compare-slot">
              <legend className="ds-sr-only">{t("pages.compare.slot", { n })}</legend>
              <MunicipalityPicker
                name={`k${n}`}
                label={t("pages.compare.slot", { n })}
                defaultValue={code ?? text}
                options={municipalities}
                onlyEvaluated={onlyEvaluated}
                showFilter={false}
                problem={problem}
              />
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
              {slot && slot.options.length === 0 && (
                <Paragraph data-size="sm">{t("pages.compare.noResults", { name: slot.name })}</Paragraph>
              )}
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
          {comparison.mixedVersions && <Alert data-color="warning">{t("pages.compare.mixed")}</Alert>}
          <ComparisonTable comparison={comparison} caption={t("pages.compare.caption", { list })} />
          <TableDownloads api="compare" query={new URLSearchParams(query)} label={t("pages.compare.tableLabel")} />
          {chart && <ChartFigure {...chart} />}
          <Paragraph>
            <Link href={trendPath(compared.map((c) => c.code))}>{t("trend.links.compare")}</Link>
          </Paragraph>
        </section>
      )}
    </>
  );
}

/**
 * The comparison's declared table (the API's CSV and Excel have the same columns): the area's
 * number and name make the row header, each compared evaluation a column headed by a link to
 * its page, and the totals are the foot. A missing figure is a dash.
 */
function ComparisonTable({ comparison, caption }: { comparison: ComparisonJson; caption: string }) {
  const { t, formatNumber } = useT();
  const declared = comparisonColumns(comparison.evaluations);
  // The name goes into the row header with the number; the points columns follow the fixed ones.
  const evaluations = declared.slice(comparisonColumns.fixed.length);
  const rows = comparisonRows(comparison);
  const points = (column: (typeof evaluations)[number]) => (row: ComparisonRow) => {
    const value = column.value(row);
    return typeof value === "number" ? formatNumber(value) : "–";
  };
  return (
    <DeclaredTable
      border
      rows={rows.filter((r) => r.area !== "total")}
      foot={rows.filter((r) => r.area === "total")}
      rowKey={(row) => row.area}
      rowHeader="area"
      caption={caption}
      columns={[...pick(declared, ["area"]), ...evaluations]}
      cells={{
        area: (row) =>
          row.area === "total" ? t("pages.totalRow") : row.name ? `${row.area}. ${row.name}` : `${t("pages.area")} ${row.area}`,
        ...Object.fromEntries(evaluations.map((column) => [column.key, points(column)])),
      }}
      headers={Object.fromEntries(
        evaluations.map((column, i) => {
          const evaluation = comparison.evaluations[i]!;
          const header = (text: string) => (
            <>
              <Link href={evaluation.page}>{text}</Link>
              {comparison.mixedVersions && (
                <>
                  <br />
                  <span className="hint">{t("pages.compare.versionNote", { version: evaluation.instrument })}</span>
                </>
              )}
            </>
          );
          return [column.key, header];
        }),
      )}
    />
  );
}
