import type { Route } from "./+types/audit-csv";
import { failureOf } from "../../forms.tsx";
import { auditCsv } from "../../../src/services/evaluations/auditCsv.server.ts";
import { workspaceContext } from "../../workspace.server.ts";

/** The evaluation's whole audit log as CSV (RFC 4180), for the team and administrators. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { db, actor, evaluationId: id } = context.get(workspaceContext);
  try {
    const { filename, csv } = await auditCsv(db, actor, id);
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    throw failureOf(error, request);
  }
}
