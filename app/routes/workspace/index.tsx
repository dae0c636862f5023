import { Button, Heading, Link as DsLink, Paragraph, Table } from "@digdir/designsystemet-react";
import { Link } from "react-router";
import type { Route } from "./+types/index";
import { requireActor } from "../../forms.tsx";
import { pageTitle, useT } from "../../i18n.ts";
import { userPolicy } from "../../../src/domain/policies.ts";
import { listEvaluations } from "../../../src/services/evaluations/listEvaluations.server.ts";
import { kompass } from "../../context.ts";

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(context, request);
  return { evaluations: await listEvaluations(kompass(context).db, actor), canCreate: userPolicy.createEvaluation(actor) };
}

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "workspace.title") }];
}

export default function Workspace({ loaderData }: Route.ComponentProps) {
  const { t, formatDate } = useT();
  const { evaluations, canCreate } = loaderData;
  return (
    <>
      <Heading level={1} data-size="xl">
        {t("workspace.title")}
      </Heading>
      <Paragraph>{t("workspace.intro")}</Paragraph>
      {canCreate && (
        <Button asChild variant="secondary">
          <Link to="/arbetsyta/ny">{t("workspace.create")}</Link>
        </Button>
      )}
      {evaluations.length === 0 ? (
        <Paragraph>{t("workspace.none")}</Paragraph>
      ) : (
        <div className="table-scroll">
          <Table zebra>
            <caption>{t("workspace.caption")}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t("workspace.municipality")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("workspace.year")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("workspace.instrument")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("workspace.visit")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("workspace.status")}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {evaluations.map((e) => (
                <Table.Row key={e.id}>
                  <Table.Cell>
                    <DsLink asChild>
                      <Link to={`/arbetsyta/${e.id}`}>{e.municipalityName}</Link>
                    </DsLink>
                  </Table.Cell>
                  <Table.Cell>{e.year}</Table.Cell>
                  <Table.Cell>{e.instrumentKey}</Table.Cell>
                  <Table.Cell>
                    {e.visitStart
                      ? `${formatDate(e.visitStart)}${e.visitEnd && e.visitEnd !== e.visitStart ? ` – ${formatDate(e.visitEnd)}` : ""}`
                      : ""}
                  </Table.Cell>
                  <Table.Cell>{t(`status.${e.status}`)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </>
  );
}
