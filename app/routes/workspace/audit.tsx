import { Heading, Link as DsLink, Paragraph, Table } from "@digdir/designsystemet-react";
import type { TFunction } from "i18next";
import { Link } from "react-router";
import type { Route } from "./+types/audit";
import { failureOf } from "../../forms.tsx";
import { languageFromRequest, pageTitle, useT } from "../../i18n.ts";
import { isStatus } from "../../../src/domain/workflow.ts";
import { translator } from "../../../src/i18n/index.ts";
import { auditPage } from "../../../src/services/evaluations/auditCsv.server.ts";
import { workspaceContext } from "../../workspace.server.ts";

const PAGE_SIZE = 100;
/** Actions whose bare values are statuses ("published" → "Publicerad"). */
const STATUS_ACTIONS = new Set(["status", "correction"]);

/** A logged value in words: texts as they are, statuses by name, objects as "key: value; …". */
function readable(value: unknown, t: TFunction, key = ""): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return key === "status" && isStatus(value) ? t(`status.${value}`) : value;
  if (Array.isArray(value)) return value.map((v) => readable(v, t, key)).join(", ");
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== null && v !== undefined && v !== "")
      .map(([k, v]) => `${k}: ${readable(v, t, k)}`)
      .join("; ");
  }
  return String(value);
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const { db, actor, evaluationId: id } = context.get(workspaceContext);
  // A page past the end is an empty page; one past any log there could be is that too, not a
  // number the database cannot take as an offset.
  const asked = Number.parseInt(new URL(request.url).searchParams.get("sida") ?? "1", 10) || 1;
  const page = Math.min(Math.max(1, asked), 1_000_000);
  try {
    const { evaluation, entries, total } = await auditPage(db, actor, id, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
    const t = translator(languageFromRequest(request));
    // Swedish date and time (2025-03-14 09:05:12), in Swedish time, in both languages: unambiguous.
    const when = new Intl.DateTimeFormat("sv-SE", { dateStyle: "short", timeStyle: "medium", timeZone: "Europe/Stockholm" });
    return {
      id: evaluation.id,
      name: evaluation.municipalityName,
      year: evaluation.year,
      page,
      total,
      from: entries.length ? (page - 1) * PAGE_SIZE + 1 : 0,
      to: (page - 1) * PAGE_SIZE + entries.length,
      rows: entries.map((e) => ({
        id: e.id,
        at: e.at.toISOString(),
        when: when.format(e.at),
        who: e.actorName,
        what: t(`admin.audit.action.${e.action}`, { defaultValue: e.action }),
        target: e.target,
        before: readable(e.before, t, STATUS_ACTIONS.has(e.action) ? "status" : ""),
        after: readable(e.after, t, STATUS_ACTIONS.has(e.action) ? "status" : ""),
      })),
    };
  } catch (error) {
    throw failureOf(error, request);
  }
}

export function meta({ data, matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "admin.audit.pageTitle", { name: data?.name ?? "", year: data?.year ?? "" }) }];
}

/** A long text is cut, with the whole of it one click away. */
function Value({ text }: { text: string }) {
  const { t } = useT();
  if (text === "") return <span>{t("admin.audit.empty")}</span>;
  if (text.length <= 160) return <span style={{ whiteSpace: "pre-wrap" }}>{text}</span>;
  return (
    <span>
      {text.slice(0, 120)}…
      <details>
        <summary>{t("admin.audit.showAll")}</summary>
        <span style={{ whiteSpace: "pre-wrap" }}>{text}</span>
      </details>
    </span>
  );
}

export default function AuditPage({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const { id, rows, total, page, from, to } = loaderData;
  const base = `/arbetsyta/${id}/logg`;
  return (
    <section aria-labelledby="audit-title" className="stack">
      <Heading level={2} data-size="md" id="audit-title">
        {t("admin.audit.title")}
      </Heading>
      <Paragraph>{t("admin.audit.intro")}</Paragraph>
      <Paragraph>
        {/* A plain link: the CSV is a file to download, not a page of the app. */}
        <DsLink href={`${base}.csv`} download>
          {t("admin.audit.download")}
        </DsLink>
      </Paragraph>
      {total === 0 ? (
        <Paragraph>{t("admin.audit.none")}</Paragraph>
      ) : (
        <>
          <div className="table-scroll">
            <Table zebra data-size="sm">
              <caption>
                {t("admin.audit.caption")} ({t("admin.audit.range", { from, to, total })})
              </caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t("admin.audit.when")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("admin.audit.who")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("admin.audit.what")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("admin.audit.target")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("admin.audit.change")}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {rows.map((r) => (
                  <Table.Row key={r.id}>
                    <Table.Cell>
                      <time dateTime={r.at}>{r.when}</time>
                    </Table.Cell>
                    <Table.Cell>{r.who}</Table.Cell>
                    <Table.Cell>{r.what}</Table.Cell>
                    <Table.Cell>{r.target}</Table.Cell>
                    <Table.Cell>
                      {r.before !== "" && (
                        <>
                          <span className="ds-sr-only">{t("admin.audit.before")}: </span>
                          <Value text={r.before} />
                          <span aria-hidden="true"> → </span>
                        </>
                      )}
                      <span className="ds-sr-only">{t("admin.audit.after")}: </span>
                      <Value text={r.after} />
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
          {total > PAGE_SIZE && (
            <nav aria-label={t("admin.audit.pages")}>
              <Paragraph>
                {page > 1 && (
                  <DsLink asChild>
                    <Link to={page === 2 ? base : `${base}?sida=${page - 1}`}>{t("admin.audit.newer")}</Link>
                  </DsLink>
                )}
                {page > 1 && to < total && " · "}
                {to < total && (
                  <DsLink asChild>
                    <Link to={`${base}?sida=${page + 1}`}>{t("admin.audit.older")}</Link>
                  </DsLink>
                )}
              </Paragraph>
            </nav>
          )}
        </>
      )}
    </section>
  );
}
