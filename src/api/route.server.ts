import { z } from "zod";
import type { Db } from "../db/client.server.ts";
import type { ColumnType, TableCells } from "../domain/tables/table.ts";
import type { DownloadNaming } from "./downloadNames.server.ts";

/**
 * How one resource of the open data API is described (routes.server.ts lists them): the schemas
 * that parse its path and query, what its handler answers, and how a request is matched and run.
 */

/** What a handler answers: the JSON body and, for tables, the table form for CSV and Excel. */
export interface Reply<Json = unknown> {
  json: Json;
  table?: TableCells;
  /** File name stem for the API's CSV and Excel forms. */
  name?: string;
  /**
   * What people's downloads (/ladda-ned/…) call the table: title, file name and page per
   * language (src/api/downloadNames.server.ts). Asked for only by a download, so the API does not
   * make it; without it a download is named from `name`.
   */
  download?: () => DownloadNaming | Promise<DownloadNaming>;
}

/** A query or path parameter that is not accepted; `parameter` names it in the problem document. */
export class BadParameters extends Error {
  constructor(readonly errors: { parameter: string; message: string }[]) {
    super("bad parameters");
  }
}

type Shape = z.ZodObject;
/** A route without path or query parameters. */
export const none = z.object({});

interface RouteSpec<P extends Shape, Q extends Shape, R extends z.ZodType> {
  /** OpenAPI path below /api/v1, with `{name}` for path parameters. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  params?: P;
  query: Q;
  response: R;
  /** The table form's columns for the document: the declared fixed ones, and what follows them. */
  table?: { columns: readonly { key: string; type: ColumnType }[]; more?: string };
  /** Whether a key in the path or a query value can name something that does not exist. */
  notFound?: boolean;
  handle(db: Db, input: { params: z.output<P>; query: z.output<Q> }): Promise<Reply<z.output<R>>>;
}

export interface ApiRoute extends Omit<RouteSpec<Shape, Shape, z.ZodType>, "handle"> {
  params: Shape;
  /** Matches the path below /api/v1/ (no leading slash); its groups are the path parameters, named in `pathKeys`. */
  pattern: RegExp;
  pathKeys: string[];
  run(db: Db, params: Record<string, string>, query: URLSearchParams): Promise<Reply>;
}

function issues(error: z.ZodError, fallback: string) {
  return error.issues.map((issue) => ({ parameter: String(issue.path[0] ?? fallback), message: issue.message }));
}

/** The query as the schema reads it; an unknown parameter is refused, so that a typo is not silently ignored. */
export function parseQuery<Q extends Shape>(schema: Q, query: URLSearchParams): z.output<Q> {
  const known = Object.keys(schema.shape);
  const unknown = [...new Set(query.keys())].filter((key) => !known.includes(key));
  const errors = unknown.map((key) => ({ parameter: key, message: `unknown parameter; expected ${known.join(", ") || "none"}` }));
  const parsed = schema.safeParse(Object.fromEntries(query));
  if (!parsed.success) errors.push(...issues(parsed.error, "query"));
  if (errors.length > 0) throw new BadParameters(errors);
  return parsed.data!;
}

export function route<P extends Shape = typeof none, Q extends Shape = typeof none, R extends z.ZodType = z.ZodType>(
  spec: RouteSpec<P, Q, R>,
): ApiRoute {
  const params = (spec.params ?? none) as P;
  const keys = [...spec.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const pattern = new RegExp(`^${spec.path.slice(1).replace(/\{(\w+)\}/g, "([^/]+)")}$`);
  return {
    ...spec,
    params,
    pattern,
    pathKeys: keys,
    run: async (db, raw, query) => {
      const q = parseQuery(spec.query, query);
      const p = params.safeParse(Object.fromEntries(keys.map((key) => [key, raw[key]])));
      if (!p.success) throw new BadParameters(issues(p.error, "path"));
      return spec.handle(db, { params: p.data, query: q });
    },
  };
}
