import { Button, Field, Heading, Label, Link as DsLink, Paragraph, Select, Table } from "@digdir/designsystemet-react";
import { Form, Link } from "react-router";
import type { Route } from "./+types/results";
import { ResultLevel } from "../components/ResultLevel.tsx";
import { TableDownloads } from "../components/TableDownloads.tsx";
import { pageTitle, useT } from "../i18n.ts";
import { getInstruments, sortInstrumentKeys } from "../../src/services/instruments/catalog.ts";
import { municipalityPath } from "../../src/domain/paths.ts";
import { listResultsOrdered } from "../../src/services/results/portal.ts";

export async function loader({ request, context }: Route.LoaderArgs) {
  const instruments = await getInstruments(context.db);
  const requested = new URL(request.url).searchParams.get("instrument") ?? "";
  const instrument = instruments.has(requested) ? requested : "";
  // Latest first: that is what a visitor looks for.
  const results = await listResultsOrdered(context.db, { instrument: instrument || undefined, sort: "latest" });
  return {
    instrument,
    instruments: sortInstrumentKeys(instruments.keys()).map((key) => ({ key, name: instruments.get(key)!.name })),
    results: results.map((r) => ({
      municipality: r.municipality,
      name: r.name,
      year: r.year,
      instrument: r.instrument,
      total: r.total,
      totalPublished: r.totalPublished,
      level: r.level,
    })),
  };
}

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "home.title") }];
}

/** /resultat: every published result, latest first, filterable by instrument version. */
export default function Results({ loaderData }: Route.ComponentProps) {
  const { t, formatNumber } = useT();
  const { results, instruments, instrument } = loaderData;
  return (
    <>
      <Heading level={1} data-size="xl">
        {t("home.title")}
      </Heading>
      <Paragraph>{t("home.intro")}</Paragraph>
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
      <Paragraph role="status">{t("home.count", { count: results.length })}</Paragraph>
      {results.length === 0 ? (
        <Paragraph>{t("home.empty")}</Paragraph>
      ) : (
        <div className="table-scroll">
          <Table zebra>
            <caption>{t("home.caption")}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t("table.municipality")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("table.year")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("table.instrument")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("table.level")}</Table.HeaderCell>
                <Table.HeaderCell scope="col" className="numeric">
                  {t("table.total")}
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {results.map((r) => (
                <Table.Row key={`${r.municipality}-${r.instrument}-${r.year}`}>
                  <Table.Cell>
                    <DsLink asChild>
                      <Link to={municipalityPath(r.municipality, r.name)}>{r.name}</Link>
                    </DsLink>
                  </Table.Cell>
                  <Table.Cell>{r.year}</Table.Cell>
                  <Table.Cell>{r.instrument}</Table.Cell>
                  <Table.Cell>
                    <ResultLevel level={r.level} />
                  </Table.Cell>
                  <Table.Cell className={r.totalPublished ? "numeric" : "numeric derived"}>{formatNumber(r.total)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      <TableDownloads api="results" query={{ instrument, sort: "latest" }} label={t("portal.results.table")} />
    </>
  );
}
