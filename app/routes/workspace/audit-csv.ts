import type { Route } from "./+types/audit-csv";
import { auditCsv } from "../../../src/services/evaluations/auditCsv.server.ts";
import { forEvaluation } from "../../workspace.server.ts";

/** The evaluation's whole audit log as CSV (RFC 4180), for the team and administrators. */
export function loader({ request, context }: Route.LoaderArgs) {
  return forEvaluation({ request, context }, async ({ db, actor, evaluationId: id }) => {
    const { filename, csv } = await auditCsv(db, actor, id);
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Cache-Control": "private, no-store",
      },
    });
  });
}
