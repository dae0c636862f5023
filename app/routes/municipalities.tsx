import { municipalityPath } from "../../src/domain/paths.ts";
import { Heading, Link as DsLink, Paragraph, Table } from "@digdir/designsystemet-react";
import { Link } from "react-router";
import type { Route } from "./+types/municipalities";
import { pageTitle, useT } from "../i18n.ts";
import { listResults, municipalityList } from "../../src/services/results/queries.server.ts";
import { kompass } from "../context.ts";

export async function loader({ context }: Route.LoaderArgs) {
  const [list, results] = await Promise.all([municipalityList(kompass(context).db), listResults(kompass(context).db)]);
  const counts = new Map<string, number>();
  for (const r of results) counts.set(r.municipality, (counts.get(r.municipality) ?? 0) + 1);
  return {
    municipalities: list.map((m) => ({
      code: m.code,
      name: m.name,
      county: m.county.name,
      group: m.groups.find((g) => g.grouping === "skl-2011")?.name ?? "",
      results: counts.get(m.code) ?? 0,
    })),
  };
}

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "municipalities.title") }];
}

export default function Municipalities({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  return (
    <>
      <Heading level={1} data-size="xl">
        {t("municipalities.title")}
      </Heading>
      <Paragraph>{t("municipalities.intro")}</Paragraph>
      <div className="table-scroll">
        <Table zebra data-size="sm">
          <caption>{t("municipalities.caption")}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t("table.municipality")}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t("table.county")}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t("table.group")}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t("table.results")}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {loaderData.municipalities.map((m) => (
              <Table.Row key={m.code}>
                <Table.Cell>
                  <DsLink asChild>
                    <Link to={municipalityPath(m.code, m.name)}>{m.name}</Link>
                  </DsLink>
                </Table.Cell>
                <Table.Cell>{m.county}</Table.Cell>
                <Table.Cell>{m.group}</Table.Cell>
                <Table.Cell>
                  {m.results > 0 ? t("municipalities.evaluated", { count: m.results }) : t("municipalities.notEvaluated")}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </>
  );
}
