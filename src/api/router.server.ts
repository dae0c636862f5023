import type { Db } from "../db/client.server.ts";
import { NotFoundError, ValidationError } from "../services/errors.ts";
import { xlsxResponse } from "./xlsx.server.ts";
import { tableCsv } from "./csv.server.ts";
import { badRequest, notFound } from "./problem.server.ts";
import { openApiDocument } from "./openapi.server.ts";
import { apiRoutes, BadParameters, type ApiRoute } from "./routes.server.ts";

const JSON_HEADERS = { "Content-Type": "application/json; charset=utf-8", "Access-Control-Allow-Origin": "*" };

/** Serves /api/v1/…: read-only open data, JSON by default, CSV for tables. */
export async function handleApiRequest(db: Db, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const instance = url.pathname + url.search;
  if (request.method !== "GET" && request.method !== "HEAD") {
    return new Response(
      JSON.stringify({
        type: "about:blank",
        title: "Method Not Allowed",
        status: 405,
        detail: "The open data API is read-only: use GET.",
        instance,
      }),
      {
        status: 405,
        headers: { "Content-Type": "application/problem+json; charset=utf-8", Allow: "GET, HEAD" },
      },
    );
  }
  let path = url.pathname.replace(/^\/api\/v1\/?/, "").replace(/\/$/, "");
  if (path === "openapi.json") return new Response(JSON.stringify(openApiDocument(url.origin), null, 2), { headers: JSON_HEADERS });
  const xlsxSuffix = path.endsWith(".xlsx");
  if (xlsxSuffix) path = path.slice(0, -".xlsx".length);
  const csvSuffix = path.endsWith(".csv");
  if (csvSuffix) path = path.slice(0, -".csv".length);
  const wantsCsv = csvSuffix || preferredType(request.headers.get("accept")) === "csv";

  const found = matchApiRoute(path);
  if (found) {
    const { route, params } = found;
    try {
      const reply = await route.run(db, params, url.searchParams);
      if (wantsCsv || xlsxSuffix) {
        if (!reply.table) {
          return new Response(
            JSON.stringify({
              type: "about:blank",
              title: "Not Acceptable",
              status: 406,
              detail: "This resource is not a table: it is available as JSON only.",
              instance,
            }),
            {
              status: 406,
              headers: { "Content-Type": "application/problem+json; charset=utf-8" },
            },
          );
        }
        if (xlsxSuffix) return await xlsxResponse(reply.table, reply.name ?? "data");
        return new Response(tableCsv(reply.table), {
          headers: {
            "Content-Type": "text/csv; charset=utf-8",
            "Content-Disposition": `inline; filename="${reply.name ?? "data"}.csv"`,
            "Access-Control-Allow-Origin": "*",
            Vary: "Accept",
          },
        });
      }
      return new Response(JSON.stringify(reply.json), { headers: { ...JSON_HEADERS, Vary: "Accept" } });
    } catch (error) {
      if (error instanceof BadParameters) return badRequest(instance, error.errors);
      if (error instanceof NotFoundError) return notFound(instance, `No ${error.what} "${error.key}" exists.`);
      if (error instanceof ValidationError)
        return badRequest(
          instance,
          error.problems.map((p) => ({ parameter: p.field ?? p.location ?? "query", message: p.message })),
        );
      throw error;
    }
  }
  return notFound(instance, `No API resource at ${url.pathname}. See /api/v1/openapi.json.`);
}

/** The resource at a path below /api/v1/ (no suffix), with its path parameters; people's downloads find theirs here too. */
export function matchApiRoute(path: string): { route: ApiRoute; params: Record<string, string> } | null {
  for (const route of apiRoutes) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    return { route, params: Object.fromEntries(route.pathKeys.map((key, i) => [key, decodeURIComponent(match[i + 1]!)])) };
  }
  return null;
}

/** CSV only when the client asks for it more than for JSON. */
function preferredType(accept: string | null): "json" | "csv" {
  if (!accept) return "json";
  const weights = accept.split(",").map((part) => {
    const [type, ...params] = part.trim().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return { type: type!.trim().toLowerCase(), q: q ? Number(q.slice(2)) : 1 };
  });
  const weight = (type: string) => Math.max(0, ...weights.filter((w) => w.type === type).map((w) => w.q));
  return weight("text/csv") > Math.max(weight("application/json"), weight("*/*") * 0.999) ? "csv" : "json";
}
