import type { Route } from "./+types/audit-csv";
import { failureOf, requireActor } from "../../forms.tsx";
import { auditCsv } from "../../../src/services/evaluations/auditCsv.server.ts";

/** The evaluation's whole audit log as CSV (RFC 4180), for the team and administrators. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireActor(context, request);
  try {
    const { filename, csv } = await auditCsv(context.db, actor, Number(params.id));
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
