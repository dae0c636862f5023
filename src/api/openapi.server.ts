import { OPEN_DATA_LICENCE } from "../domain/openData.ts";
import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import { averagesSchema } from "../domain/tables/averages.ts";
import { comparisonSchema } from "../domain/tables/compare.ts";
import { municipalitySchema } from "../domain/tables/municipalities.ts";
import { rankingEntrySchema } from "../domain/tables/rankings.ts";
import { resultSchema, warningSchema } from "../domain/tables/results.ts";
import { searchHitSchema, searchResultSchema } from "../domain/tables/search.ts";
import { instrumentSchema, instrumentSummarySchema } from "./instruments.server.ts";
import { apiRoutes, type ApiRoute } from "./routes.server.ts";

/**
 * The OpenAPI 3.1 description of the open data API, served at /api/v1/openapi.json: made from the
 * route list (routes.server.ts), whose schemas also parse the requests and describe the answers.
 */

const problemSchema = z.strictObject({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z
    .array(z.strictObject({ parameter: z.string(), message: z.string() }))
    .optional()
    .meta({ description: "Each bad parameter, named" }),
});

const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: problemSchema } } });

/** The table form's columns, from the table's declaration: `rank` (integer), `municipality` (code), … */
function csvDescription(table: NonNullable<ApiRoute["table"]>): string {
  const columns = table.columns.map((c) => `\`${c.key}\` (${c.type})`).join(", ");
  return `Columns: ${columns}${table.more ? `, ${table.more}` : ""}.`;
}

function operation(route: ApiRoute): ZodOpenApiOperationObject {
  const json = { schema: route.response };
  const content = route.table
    ? {
        "application/json": json,
        "text/csv": { schema: z.string().meta({ description: csvDescription(route.table) }) },
        // Only by the .xlsx suffix: one sheet with the CSV's columns, numbers as numbers.
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
          schema: z.string().meta({ format: "binary", description: csvDescription(route.table) }),
        },
      }
    : { "application/json": json };
  return {
    operationId: route.operationId,
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    requestParams: { path: route.params, query: route.query },
    responses: {
      "200": { description: route.table ? "The answer; also as CSV (.csv or Accept: text/csv) and Excel (.xlsx)" : "The answer", content },
      "400": problem("A parameter is unknown or has a bad value: `errors` names each"),
      ...(route.notFound ? { "404": problem("No such thing") } : {}),
      ...(route.table ? {} : { "406": problem("Asked for CSV or Excel: this resource is JSON only") }),
    },
  };
}

let made: ReturnType<typeof createDocument> | undefined;

function document() {
  made ??= createDocument({
    openapi: "3.1.0",
    info: {
      title: "Kommunkompassen open data API",
      version: "1.0.0",
      description:
        "Published results of Kommunkompassen evaluations of Swedish municipalities. Read-only, no login. " +
        "Tables are also available as CSV (send `Accept: text/csv` or add `.csv` to the path) and as Excel (add `.xlsx` to the path). " +
        "Figures are exact as published; derived figures (rounded half up) are marked. Errors are RFC 9457 problem documents; " +
        "unknown query parameters are refused. Anything but GET is 405.",
      license: { name: OPEN_DATA_LICENCE.name, url: OPEN_DATA_LICENCE.url },
    },
    paths: Object.fromEntries(apiRoutes.map((route) => [route.path, { get: operation(route) }])) as ZodOpenApiPathsObject,
    components: {
      schemas: {
        Problem: problemSchema,
        InstrumentSummary: instrumentSummarySchema,
        Instrument: instrumentSchema,
        Municipality: municipalitySchema,
        Result: resultSchema,
        Warning: warningSchema,
        RankingEntry: rankingEntrySchema,
        Averages: averagesSchema,
        Comparison: comparisonSchema,
        SearchResult: searchResultSchema,
        SearchHit: searchHitSchema,
      },
    },
  });
  return made;
}

export function openApiDocument(origin: string) {
  return { ...document(), servers: [{ url: `${origin}/api/v1` }] };
}
