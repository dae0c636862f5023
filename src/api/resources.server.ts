import { z } from "zod";
import { apiRoutes, type ApiRoute } from "./routes.server.ts";

/**
 * The open data API's resources as the open-data page and the DCAT-AP-SE catalogue describe them
 * in words: made from the route list (routes.server.ts), so that a page never names a resource,
 * a parameter or a format the API does not have.
 */

export const API_BASE = "/api/v1";
export const OPENAPI_PATH = `${API_BASE}/openapi.json`;

/** The forms a table can be had in: JSON always, CSV and Excel by the path's suffix. */
export const TABLE_FORMATS = {
  json: { suffix: "", mediaType: "application/json", label: "JSON" },
  csv: { suffix: ".csv", mediaType: "text/csv", label: "CSV" },
  xlsx: { suffix: ".xlsx", mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", label: "Excel" },
} as const;
export type TableFormat = keyof typeof TABLE_FORMATS;

export interface ResourceParameter {
  name: string;
  in: "path" | "query";
  required: boolean;
  /** The example the schema gives, as it would be written in an address. */
  example: string | null;
}

export interface ResourceDescription {
  operationId: string;
  /** In English, as in the OpenAPI document. */
  summary: string;
  /** Below the base, with `{name}` for path parameters: /instruments/{key}. */
  path: string;
  parameters: ResourceParameter[];
  formats: TableFormat[];
  /** An address that answers (below the site): path parameters and those asked for filled with their examples. */
  example: string;
}

/** The schema's example, given on it or on the schema it makes optional. */
function exampleOf(schema: z.ZodType): string | null {
  const example = (schema.meta() as { example?: unknown } | undefined)?.example;
  if (example !== undefined) return String(example);
  return schema instanceof z.ZodOptional ? exampleOf(schema.unwrap() as z.ZodType) : null;
}

function parametersOf(route: ApiRoute): ResourceParameter[] {
  const described = (shape: Record<string, z.ZodType>, where: "path" | "query") =>
    Object.entries(shape).map(([name, schema]) => ({
      name,
      in: where,
      required: where === "path" || !schema.safeParse(undefined).success,
      example: exampleOf(schema),
    }));
  return [...described(route.params.shape, "path"), ...described(route.query.shape, "query")];
}

function routeOf(operationId: string): ApiRoute {
  const route = apiRoutes.find((r) => r.operationId === operationId);
  if (!route) throw new Error(`The open data API has no resource ${operationId} (src/api/routes.server.ts)`);
  return route;
}

/**
 * The address of a resource below the site: `/api/v1/rankings.csv?instrument=2010`. Path
 * parameters come from `values` (or the schema's example); other values become the query.
 */
export function resourceAddress(operationId: string, values: Record<string, string> = {}, format: TableFormat = "json"): string {
  const route = routeOf(operationId);
  if (format !== "json" && !route.table) throw new Error(`${operationId} is JSON only`);
  const parameters = parametersOf(route);
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name] ?? parameters.find((p) => p.name === name)?.example;
    if (!value) throw new Error(`${operationId} needs ${name}`);
    return encodeURIComponent(value);
  });
  const query = new URLSearchParams(Object.entries(values).filter(([name]) => !route.pathKeys.includes(name)));
  const search = query.toString();
  return `${API_BASE}${path}${TABLE_FORMATS[format].suffix}${search ? `?${search}` : ""}`;
}

/**
 * Every resource, in the route list's order. `withExamples` names, per resource, optional
 * parameters that its example address should carry too (a comparison needs two municipalities).
 */
export function describeResources(withExamples: Record<string, readonly string[]> = {}): ResourceDescription[] {
  return apiRoutes.map((route) => {
    const parameters = parametersOf(route);
    const asked = withExamples[route.operationId] ?? [];
    const exampleValues = Object.fromEntries(
      parameters
        .filter((p) => p.in === "query" && (p.required || asked.includes(p.name)) && p.example !== null)
        .map((p) => [p.name, p.example!]),
    );
    return {
      operationId: route.operationId,
      summary: route.summary,
      path: route.path,
      parameters,
      formats: route.table ? ["json", "csv", "xlsx"] : ["json"],
      example: resourceAddress(route.operationId, exampleValues),
    };
  });
}
