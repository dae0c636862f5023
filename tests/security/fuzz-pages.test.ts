import type { Server } from "node:http";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, SYSTEM } from "../../src/services/auth/users.server.ts";
import { seedDemoWithPracticePoints } from "../support/practicePoints.ts";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../support/database.ts";
import { importDemo } from "../support/fixtures.ts";
import { startTestServer } from "../support/server.ts";
import { crawl, pageRoutes, type PageRoute, type SiteMap } from "./fuzz-site.ts";
import { encodeBytes, hostileText, rawValue, spliced } from "./fuzz-values.ts";
import {
  baseOf,
  describeOutcome,
  fingerprinter,
  type FuzzCase,
  identity,
  type Identity,
  report,
  runCases,
  sample,
  shuffled,
} from "./fuzzSupport.ts";

/**
 * Issue 11: every page route of app/routes.ts asked with random and hostile query strings (the
 * parameters each page reads, as its module and its links and forms name them, with hostile
 * values: NUL, newlines, %5C, invalid UTF-8 escapes, huge and repeated values) and hostile path
 * segments, anonymously and signed in, as a document and as React Router's data request
 * (path.data). Never a server error, never a changed row. Needs the built app (npm run build).
 */
const CASES = 2_000;
const PASSWORD = "ett-langt-losenord";
/** Names every page may be asked with: React Router's own, and ones no page reads. */
const COMMON_NAMES = ["_routes", "index", "_data", "tillbaka", "return", "lang", "sida", "page", "q", "x", "__proto__", ""];

describe.each(testDatabaseKinds())("fuzz of every page's query string on %s", (kind) => {
  let database: TestDatabase;
  let server: Server;
  let base: string;
  let people: { anonymous: Identity; admin: Identity };
  let site: SiteMap;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    // Published results, a published evaluation with its report, and one in progress.
    await importDemo(database.db);
    await seedDemoWithPracticePoints(database.db);
    await createUser(database.db, SYSTEM, {
      email: "admin.fuzz@test.example",
      name: "Admin Fuzz",
      role: "administrator",
      password: PASSWORD,
    });
    // Thousands of requests from one address: the limits would answer most of them (they have tests of their own).
    server = await startTestServer({ database, port: 0, host: "127.0.0.1", rateLimits: false });
    base = baseOf(server);
    people = { anonymous: await identity(base, "anonymous"), admin: await identity(base, "admin", "admin.fuzz@test.example", PASSWORD) };
    site = await crawl(base, [people.anonymous], ["/", "/sok?q=kommun", "/jamfor", "/rankning", "/resultat", "/sprak?lang=en&return=/"], {
      limit: 90,
      follow: true,
    });
    const signedIn = await crawl(base, [people.admin], ["/arbetsyta", "/admin/anvandare", "/arbetsyta/1", "/arbetsyta/2"], {
      limit: 40,
      follow: true,
    });
    for (const [pattern, paths] of signedIn.paths)
      for (const path of paths) site.paths.set(pattern, (site.paths.get(pattern) ?? new Set()).add(path));
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await database?.dispose();
  });

  function pageCases(route: PageRoute): fc.Arbitrary<FuzzCase> {
    // Printing a PDF takes Chromium a second; its own tests cover it, and a hostile name gets no PDF.
    const seen = [...(site.paths.get(route.pattern) ?? [])].filter((path) => !/\.pdf(\?|$)/.test(path));
    const bare = [...new Set(seen.map((path) => path.split("?")[0]!))];
    const fill = route.pattern.replace(/:\w+/g, "1").replace("*", "finns-inte");
    const paths = bare.length > 0 ? bare : [fill];
    // Values seen in the site's links, per name: they get a request past the first check.
    const seenValues = new Map<string, string[]>();
    for (const path of seen)
      for (const [name, value] of new URLSearchParams(path.split("?")[1] ?? ""))
        seenValues.set(name, [...(seenValues.get(name) ?? []), value]);
    const own = [...new Set([...route.queryNames, ...(site.queryNames.get(route.pattern) ?? [])])];
    const name = fc.oneof(...(own.length > 0 ? [{ weight: 4, arbitrary: fc.constantFrom(...own) }] : []), {
      weight: 1,
      arbitrary: fc.constantFrom(...COMMON_NAMES),
    });
    const pair = name.chain((name) =>
      fc
        .oneof(
          { weight: 3, arbitrary: fc.constantFrom(...(seenValues.get(name) ?? ["2010"])).map(encodeBytes) },
          { weight: 3, arbitrary: fc.constantFrom(...(seenValues.get(name) ?? ["2010", "/"])).chain(spliced) },
          { weight: 3, arbitrary: rawValue },
          { weight: 1, arbitrary: hostileText.filter((t) => t.length < 3_000).map(encodeBytes) },
          { weight: 1, arbitrary: fc.constant("") },
        )
        .map((value) => `${encodeBytes(name)}=${value}`),
    );
    const path = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...paths) },
      {
        weight: 1,
        // One segment of a known path replaced by something hostile.
        arbitrary: fc.tuple(fc.constantFrom(...paths), rawValue, fc.nat()).map(([p, value, n]) => {
          const segments = p.split("/");
          segments[1 + (n % Math.max(1, segments.length - 1))] = value;
          return segments.join("/");
        }),
      },
    );
    /** Random parameters, fitting or not, on a known path. */
    const random = fc.tuple(path, fc.array(pair, { maxLength: 6 })).map(([p, pairs]) => (pairs.length > 0 ? `${p}?${pairs.join("&")}` : p));
    /**
     * A query the site itself made (a link, a search form as sent) with one value made hostile or
     * one hostile parameter added: every other parameter fits, so the bad one reaches furthest.
     */
    const withQuery = seen.filter((p) => p.includes("?"));
    const oneBad = fc
      .tuple(fc.constantFrom(...(withQuery.length > 0 ? withQuery : paths)), fc.nat(), fc.boolean(), pair)
      .chain(([seenPath, n, add, extra]) => {
        const [bare, query = ""] = seenPath.split("?") as [string, string?];
        const pairs = query ? query.split("&") : [];
        if (add || pairs.length === 0) return fc.constant(`${bare}?${[...pairs, extra].join("&")}`);
        const at = n % pairs.length;
        const [name, value = ""] = pairs[at]!.split("=") as [string, string?];
        const decoded = new URLSearchParams(`v=${value}`).get("v") ?? "";
        return fc
          .oneof({ weight: 3, arbitrary: spliced(decoded) }, rawValue, hostileText.filter((t) => t.length < 3_000).map(encodeBytes))
          .map((bad) => `${bare}?${pairs.map((p, i) => (i === at ? `${name}=${bad}` : p)).join("&")}`);
      });
    return fc
      .record({
        address: fc.oneof({ weight: 5, arbitrary: oneBad }, { weight: 3, arbitrary: random }),
        who: fc.constantFrom("anonymous", "anonymous", "admin"),
        method: fc.constantFrom("GET", "GET", "GET", "GET", "GET", "GET", "GET", "GET", "HEAD", "PUT", "TRACE"),
        data: fc.integer({ min: 0, max: 6 }).map((n) => n === 0),
        language: fc.option(fc.constantFrom("kompass_lang=en", "kompass_lang=%00", "kompass_lang=xx", `kompass_lang=${"e".repeat(300)}`), {
          freq: 4,
        }),
        acceptLanguage: fc.option(fc.constantFrom("en", "sv-SE,sv;q=0.9", "*", "x;q=NaN", "en;q=1e309", ",,,"), { freq: 4 }),
      })
      .map(({ address, who, method, data, language, acceptLanguage }): FuzzCase => {
        const me = people[who as keyof typeof people];
        const [path, query] = address.split("?") as [string, string?];
        const sent = `${data ? `${path === "/" ? "/_root" : path}.data` : path}${query === undefined ? "" : `?${query}`}`;
        const headers: Record<string, string> = { cookie: [me.cookie, language].filter(Boolean).join("; ") };
        if (acceptLanguage !== null) headers["accept-language"] = acceptLanguage;
        return {
          target: `${route.pattern} ${method}${data ? " .data" : ""}`,
          request: { method, path: sent, headers },
          mustNotChange: true,
        };
      });
  }

  it(`answers ${CASES} random and hostile query strings on every page without a server error or a change`, async () => {
    expect(pageRoutes.map((r) => r.pattern)).toEqual(expect.arrayContaining(["/sok", "/rankning", "/jamfor", "/sprak", "/logga-in"]));
    const perRoute = Math.ceil(CASES / pageRoutes.length);
    const cases = shuffled(pageRoutes.flatMap((route, i) => sample(pageCases(route), perRoute, 3_000 + i)));
    const outcome = await runCases(base, cases, await fingerprinter(database.db), { window: 8 });
    if (process.env.FUZZ_VERBOSE) console.log(describeOutcome(outcome));
    expect(outcome.cases).toBe(cases.length);
    expect(outcome.failures.length, report(`Page fuzz on ${kind}`, outcome)).toBe(0);
  }, 600_000);
});
