import type { Server } from "node:http";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { apiRoutes, type ApiRoute } from "../../src/api/routes.server.ts";
import { seedDemoWithPracticePoints } from "../support/practicePoints.ts";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../support/database.ts";
import { importDemo } from "../support/fixtures.ts";
import { startTestServer } from "../support/server.ts";
import { encodeBytes, hostileText, rawValue, shapedValue, spliced } from "./fuzz-values.ts";
import { baseOf, describeOutcome, fingerprinter, report, runCases, sample, shuffled, type FuzzCase } from "./fuzzSupport.ts";

/**
 * Issue 11: every resource of the open data API, as src/api/routes.server.ts describes it, asked
 * with random and hostile path and query values (of the right shape and not: NUL, newlines,
 * backslashes, invalid UTF-8 escapes, huge and repeated values, unknown names), as JSON, CSV and
 * Excel where it is a table, and with other methods. Never a server error, never a changed row.
 * Needs the built app (npm run build). FUZZ_SEED replays a run; FUZZ_SCALE sets its size.
 */
const CASES = 5_000;

/** A path parameter's value as it goes on the request line. */
const pathValue = (schema: z.ZodType) =>
  fc.oneof(
    { weight: 3, arbitrary: shapedValue(schema).map((v) => encodeBytes(Array.isArray(v) ? v.join(",") : v)) },
    { weight: 2, arbitrary: shapedValue(schema).chain((v) => spliced(Array.isArray(v) ? v.join(",") : v)) },
    { weight: 2, arbitrary: rawValue },
    { weight: 1, arbitrary: fc.constantFrom("..", ".", "%2E%2E", "%2F", "a%2Fb", "1880.csv", "2010.xlsx") },
  );

/** One name=value of a query: a known parameter with a fitting or hostile value, or something unknown. */
function queryPair(shape: Record<string, z.ZodType>): fc.Arbitrary<string> {
  const names = Object.keys(shape);
  const known =
    names.length === 0
      ? fc.constant(null)
      : fc
          .constantFrom(...names)
          .chain((name) =>
            fc
              .oneof(
                { weight: 4, arbitrary: shapedValue(shape[name]!).map((v) => encodeBytes(Array.isArray(v) ? v.join(",") : v)) },
                { weight: 2, arbitrary: shapedValue(shape[name]!).chain((v) => spliced(Array.isArray(v) ? v.join(",") : v)) },
                { weight: 2, arbitrary: rawValue },
                { weight: 1, arbitrary: fc.constant("") },
              )
              .map((value) => `${name}=${value}`),
          );
  const unknown = fc.oneof(
    fc.tuple(rawValue, rawValue).map(([n, v]) => `${n}=${v}`),
    fc.constantFrom(
      "",
      "=",
      "&",
      "==",
      "a",
      "a=1=2",
      "__proto__=1",
      "constructor=x",
      "q",
      "instrument",
      "%00=%00",
      "k1[]=1880",
      "limit[0]=1",
    ),
    hostileText.filter((t) => t.length < 200).map((t) => `${encodeBytes(t)}=1`),
  );
  return fc.oneof({ weight: 4, arbitrary: known.map((p) => p ?? "") }, { weight: 1, arbitrary: unknown });
}

/**
 * Every required parameter and some optional ones with fitting values, then one of them made
 * hostile (or one hostile parameter added): the others pass, so the bad one reaches furthest.
 */
function oneBad(shape: Record<string, z.ZodType>): fc.Arbitrary<string[]> {
  const names = Object.keys(shape);
  if (names.length === 0) return fc.array(queryPair(shape), { minLength: 1, maxLength: 2 });
  const fitting = (name: string) => shapedValue(shape[name]!).map((v) => (Array.isArray(v) ? v.join(",") : v));
  return fc
    .record({
      values: fc.tuple(...names.map((name) => fc.option(fitting(name), { freq: shape[name]!.safeParse(undefined).success ? 2 : 1000 }))),
      which: fc.nat(),
      bad: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 2, arbitrary: rawValue }),
      extra: queryPair(shape),
      add: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
    })
    .chain(({ values, which, bad, extra, add }) => {
      const present = names.map((name, i) => [name, values[i]] as const).filter((pair): pair is [string, string] => pair[1] !== null);
      if (add || present.length === 0) return fc.constant([...present.map(([n, v]) => `${n}=${encodeBytes(v)}`), extra]);
      const at = which % present.length;
      return (bad === null ? spliced(present[at]![1]) : fc.constant(bad)).map((hostile) =>
        present.map(([n, v], i) => `${n}=${i === at ? hostile : encodeBytes(v)}`),
      );
    });
}

function routeCases(route: ApiRoute): fc.Arbitrary<FuzzCase> {
  const params = route.params.shape as Record<string, z.ZodType>;
  const query = route.query.shape as Record<string, z.ZodType>;
  const path = fc.tuple(...route.pathKeys.map((key) => pathValue(params[key]!))).map((values) => {
    let i = 0;
    return route.path.replace(/\{\w+\}/g, () => values[i++]!);
  });
  const suffixes = route.table ? ["", "", ".csv", ".xlsx", "/"] : ["", "", "/", ".csv", ".xlsx"];
  return fc
    .record({
      path,
      suffix: fc.constantFrom(...suffixes),
      pairs: fc.oneof({ weight: 3, arbitrary: oneBad(query) }, { weight: 2, arbitrary: fc.array(queryPair(query), { maxLength: 8 }) }),
      separator: fc.constantFrom("&", "&", "&", ";", "&&"),
      method: fc.constantFrom("GET", "GET", "GET", "GET", "GET", "GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"),
      accept: fc.constantFrom(
        undefined,
        undefined,
        "text/csv",
        "text/csv;q=0.5, application/json;q=0.4",
        "*/*;q=NaN",
        "text/csv;q=1e309",
        "",
      ),
    })
    .map(({ path, suffix, pairs, separator, method, accept }): FuzzCase => {
      const search = pairs.length > 0 ? `?${pairs.join(separator)}` : "";
      return {
        target: `${route.path} (${route.operationId})`,
        request: { method, path: `/api/v1${path}${suffix}${search}`, headers: accept === undefined ? {} : { accept } },
        mustNotChange: true,
      };
    });
}

/** Beside the described resources: the document, and addresses that match none. */
const otherCases: fc.Arbitrary<FuzzCase> = fc
  .tuple(fc.constantFrom("/openapi.json", "", "/", "/nothing", "/results/extra", "/instruments/"), fc.array(rawValue, { maxLength: 3 }))
  .map(
    ([path, values]): FuzzCase => ({
      target: "other API addresses",
      request: { method: "GET", path: `/api/v1${path}${values.map((v) => `/${v}`).join("")}${values.length ? `?x=${values[0]}` : ""}` },
      mustNotChange: true,
    }),
  );

describe.each(testDatabaseKinds())("fuzz of the open data API on %s", (kind) => {
  let database: TestDatabase;
  let server: Server;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    // Published results and a published evaluation's texts, so that searches and tables have rows.
    await importDemo(database.db);
    await seedDemoWithPracticePoints(database.db);
    // Thousands of requests from one address: the limits would answer most of them (they have tests of their own).
    server = await startTestServer({ database, port: 0, host: "127.0.0.1", rateLimits: false });
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await database?.dispose();
  });

  it(`answers ${CASES} random and hostile requests to every API route without a server error or a change`, async () => {
    expect(apiRoutes.length).toBeGreaterThan(5);
    const perRoute = Math.floor(CASES / (apiRoutes.length + 1));
    const cases = shuffled([
      ...apiRoutes.flatMap((route, i) => sample(routeCases(route), perRoute, i)),
      ...sample(otherCases, CASES - perRoute * apiRoutes.length, 1_000),
    ]);
    const outcome = await runCases(baseOf(server), cases, await fingerprinter(database.db), { window: 8 });
    if (process.env.FUZZ_VERBOSE) console.log(describeOutcome(outcome));
    expect(outcome.cases).toBe(cases.length);
    expect(outcome.failures.length, report(`API fuzz on ${kind}`, outcome)).toBe(0);
  }, 600_000);
});
