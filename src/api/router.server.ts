import { z } from "zod";
import type { Db } from "../db/client.server.ts";
import { NotFoundError, ValidationError } from "../services/errors.ts";
import { getInstruments, sortInstrumentKeys } from "../services/instruments/catalog.server.ts";
import { getAverages, getMunicipalityResults, municipalityList } from "../services/results/queries.server.ts";
import { getRankings } from "../services/results/rankings.server.ts";
import { listResultsOrdered } from "../services/results/portal.server.ts";
import { compareReply } from "./compare.server.ts";
import { searchParameters, searchReply } from "./search.server.ts";
import { xlsxResponse } from "./xlsx.server.ts";
import { toCsv } from "../reports/csv.server.ts";
import { badRequest, notFound } from "./problem.server.ts";
import { openApiDocument } from "./openapi.server.ts";
import { instrumentJson, municipalitiesTable, rankingsTable, resultsTable, averagesTable, type Table } from "./representations.server.ts";

/** What a handler returns: a JSON body, optionally with a table form for CSV. */
interface Reply {
  json: unknown;
  table?: Table;
  /** File name stem for CSV and Excel downloads. */
  name?: string;
}

type Handler = (db: Db, params: Record<string, string>, query: URLSearchParams) => Promise<Reply>;

class BadParameters extends Error {
  constructor(readonly errors: { parameter: string; message: string }[]) {
    super("bad parameters");
  }
}

function parseQuery<T extends z.ZodRawShape>(shape: T, query: URLSearchParams): z.output<z.ZodObject<T>> {
  const known = new Set(Object.keys(shape));
  const unknown = [...new Set(query.keys())].filter((key) => !known.has(key));
  const parsed = z.object(shape).safeParse(Object.fromEntries(query));
  const errors = unknown.map((key) => ({ parameter: key, message: `unknown parameter; expected ${[...known].join(", ") || "none"}` }));
  if (!parsed.success)
    errors.push(...parsed.error.issues.map((issue) => ({ parameter: String(issue.path[0] ?? "query"), message: issue.message })));
  if (errors.length > 0) throw new BadParameters(errors);
  return parsed.data!;
}

const instrumentKey = z
  .string({ error: "required: an instrument version key, such as 2010" })
  .min(1, "required: an instrument version key, such as 2010");
const year = z
  .string()
  .regex(/^\d{4}$/, "expected a four-digit year, such as 2012")
  .transform(Number);
const booleanFlag = z.enum(["true", "false"], { error: "expected true or false" }).transform((v) => v === "true");
const limit = z
  .string()
  .regex(/^[1-9]\d{0,3}$/, "expected a whole number from 1 to 9999")
  .transform(Number);

const routes: { pattern: RegExp; keys: string[]; handler: Handler }[] = [
  {
    pattern: /^instruments$/,
    keys: [],
    handler: async (db, _p, query) => {
      parseQuery({}, query);
      const instruments = await getInstruments(db);
      return { json: sortInstrumentKeys(instruments.keys()).map((key) => instrumentJson(instruments.get(key)!, false)) };
    },
  },
  {
    pattern: /^instruments\/([^/]+)$/,
    keys: ["key"],
    handler: async (db, params, query) => {
      parseQuery({}, query);
      const instrument = (await getInstruments(db)).get(params.key!);
      if (!instrument) throw new NotFoundError("instrument", params.key!);
      return { json: instrumentJson(instrument, true) };
    },
  },
  {
    pattern: /^municipalities$/,
    keys: [],
    handler: async (db, _p, query) => {
      parseQuery({}, query);
      const list = await municipalityList(db);
      return { json: list, table: municipalitiesTable(list), name: "municipalities" };
    },
  },
  {
    pattern: /^municipalities\/([^/]+)\/results$/,
    keys: ["code"],
    handler: async (db, params, query) => {
      // The evaluation page's table is one of these: its download asks for that year (and version).
      const q = parseQuery({ instrument: instrumentKey.optional(), year: year.optional() }, query);
      if (!/^\d{4}$/.test(params.code!))
        throw new BadParameters([{ parameter: "code", message: "expected a four-digit municipality code, such as 1880" }]);
      const results = (await getMunicipalityResults(db, params.code!)).results.filter(
        (r) => (q.instrument === undefined || r.instrument === q.instrument) && (q.year === undefined || r.year === q.year),
      );
      return { json: results, table: resultsTable(results), name: `results-${params.code}` };
    },
  },
  {
    pattern: /^results$/,
    keys: [],
    handler: async (db, _p, query) => {
      const q = parseQuery(
        {
          instrument: instrumentKey.optional(),
          year: year.optional(),
          group: z.string().min(1, "expected a group code, such as 3 or skl-2011:3").optional(),
          sort: z.enum(["oldest", "latest"], { error: "expected oldest (the default) or latest" }).optional(),
          limit: limit.optional(),
        },
        query,
      );
      const results = await listResultsOrdered(db, q);
      return { json: results, table: resultsTable(results), name: "results" };
    },
  },
  {
    pattern: /^rankings$/,
    keys: [],
    handler: async (db, _p, query) => {
      const q = parseQuery(
        {
          instrument: instrumentKey,
          all: booleanFlag.optional(),
          county: z
            .string()
            .regex(/^\d{2}$/, "expected a two-digit county code, such as 18")
            .optional(),
          group: z
            .string()
            .regex(/^\d{1,2}$/, "expected a group number of SKL's 2011 grouping, such as 3")
            .optional(),
          yearFrom: year.optional(),
          yearTo: year.optional(),
          limit: limit.optional(),
        },
        query,
      );
      const entries = await getRankings(db, q);
      return { json: entries, table: rankingsTable(entries), name: `rankings-${q.instrument}` };
    },
  },
  {
    pattern: /^averages$/,
    keys: [],
    handler: async (db, _p, query) => {
      const q = parseQuery(
        {
          instrument: instrumentKey,
          latest: z
            .string({ error: "required: how many recent results to average, such as 27" })
            .regex(/^[1-9]\d{0,3}$/, "expected a whole number from 1 to 9999")
            .transform(Number),
          before: z.iso.date({ error: "expected a date as YYYY-MM-DD" }).optional(),
          exclude: z
            .string()
            .regex(/^\d{4}$/, "expected a four-digit municipality code")
            .optional(),
        },
        query,
      );
      const averages = await getAverages(db, q);
      return { json: averages, table: averagesTable(averages), name: `averages-${q.instrument}` };
    },
  },
  {
    pattern: /^compare$/,
    keys: [],
    handler: (db, _p, query) => compareReply(db, query),
  },
  {
    pattern: /^search$/,
    keys: [],
    handler: (db, _p, query) => searchReply(db, parseQuery(searchParameters, query)),
  },
];

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

  for (const route of routes) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    const params = Object.fromEntries(route.keys.map((key, i) => [key, decodeURIComponent(match[i + 1]!)]));
    try {
      const reply = await route.handler(db, params, url.searchParams);
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
        return new Response(toCsv(reply.table.columns, reply.table.rows), {
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
