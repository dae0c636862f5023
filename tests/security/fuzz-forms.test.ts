import type { Server } from "node:http";
import { and, eq, inArray, ne } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { evaluationMembers, evaluations } from "../../src/db/schema.server.ts";
import { STATUSES } from "../../src/domain/workflow.ts";
import { createPasswordResetLink, SYSTEM } from "../../src/services/auth/users.server.ts";
import { addLink, addNote } from "../../src/services/evidence/documents.server.ts";
import { addInterview } from "../../src/services/evidence/interviews.server.ts";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../support/database.ts";
import { startTestServer } from "../support/server.ts";
import { createCast, createTestEvaluation, type Cast } from "../support/workspace.ts";
import { type BodyKind, bodyKind, encodeBody, type FieldValue, type Fields, fileValue, rawEscape } from "./fuzz-bodies.ts";
import { crawl, formSchemaOf, pageRoutes, type PageRoute, type SiteMap } from "./fuzz-site.ts";
import { formShapes, hostileText, injected, isLiteral, isFileField, rawValue, shapedValue } from "./fuzz-values.ts";
import {
  baseOf,
  describeOutcome,
  fingerprinter,
  identity,
  type FuzzCase,
  type Identity,
  report,
  runCases,
  sample,
  shuffled,
} from "./fuzzSupport.ts";

/**
 * Issue 11: every form action (each route module under app/routes that exports `action`) posted
 * random and hostile forms: the fields of its schema (app/*-forms.server.ts) with values seen on
 * the pages, values of the right shape and hostile ones (NUL and control characters, text up to
 * beyond the 64 KB bound, numbers that are not, wrong intents and versions, fields twice or
 * missing), bodies of the wrong kind, other methods, with and without the CSRF token, by every
 * kind of user. Never a server error; a refused request, a forged one (no or a wrong token, a
 * foreign origin) or one with another method changes no row. Syntetiska testdata: the users and
 * evaluations are made up here. Needs the built app (npm run build).
 */
const CASES = 3_200;
const PASSWORD = "ett-langt-losenord";

type Who = "anonymous" | "admin" | "eva" | "contact" | "outsider";

/** One drawn case before its body is encoded (encoding multipart is asynchronous). */
interface Draft {
  target: string;
  address: string;
  who: Who;
  method: string;
  kind: BodyKind;
  fields: Fields;
  escape: string;
  origin: string;
  xff: string | null;
  forged: boolean;
}

describe.each(testDatabaseKinds())("fuzz of every form action on %s", (kind) => {
  let database: TestDatabase;
  let server: Server;
  let base: string;
  let cast: Cast;
  const evaluationIds: number[] = [];
  let resetToken: string;
  let people: Record<Who, Identity>;
  let site: SiteMap;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const db = database.db;
    cast = await createCast(db, "fuzz");
    // One evaluation in each step before publication, each with an interview, a link and a note.
    for (const [i, status] of STATUSES.filter((s) => s !== "published").entries()) {
      const id = await createTestEvaluation(db, cast, 2017 + i);
      await db.update(evaluations).set({ status: "visit" }).where(eq(evaluations.id, id));
      await addInterview(db, cast.eva, id, { groupKind: "politicians", title: "Kommunstyrelsen", participants: "", participantCount: 5 });
      await addLink(db, cast.eva, id, { title: "Budget", url: "https://kommun.example/budget" });
      await addNote(db, cast.eva, id, { title: "Anteckning", body: "Syntetiska testdata", url: "" });
      await db.update(evaluations).set({ status }).where(eq(evaluations.id, id));
      evaluationIds.push(id);
    }
    resetToken = (await createPasswordResetLink(db, SYSTEM, cast.otherContact.id)).path.split("/").pop()!;
    // Thousands of requests from one address: the limits would answer most of them (they have tests of their own).
    server = await startTestServer({ database, port: 0, host: "127.0.0.1", rateLimits: false });
    base = baseOf(server);
    const email = (key: string) => `${key}.fuzz@test.example`;
    people = {
      anonymous: await identity(base, "anonymous"),
      admin: await identity(base, "admin", email("admin"), PASSWORD),
      eva: await identity(base, "eva", email("eva"), PASSWORD),
      contact: await identity(base, "contact", email("kim"), PASSWORD),
      outsider: await identity(base, "outsider", email("olle"), PASSWORD),
    };
    // The pages of the action routes, as the users who see their forms: where the fields' values come from.
    const pages = pageRoutes
      .filter((route) => route.hasAction)
      .flatMap((route) => evaluationIds.map((id) => route.pattern.replace(":id", String(id)).replace(":token", resetToken)));
    const started = performance.now();
    site = await crawl(base, [people.admin, people.eva], ["/arbetsyta", ...new Set(pages)], { limit: 200, follow: false });
    if (process.env.FUZZ_VERBOSE) {
      console.log(`crawl: ${Math.round(performance.now() - started)} ms`);
      for (const [pattern, form] of site.postForms)
        console.log(pattern, [...form.offered], Object.fromEntries([...form.values].map(([k, v]) => [k, [...v].slice(0, 8)])));
    }
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await database?.dispose();
  });

  /**
   * Puts the teams and steps back as they were set up: accepted requests change them (a new team
   * without Eva, a step forward), and after a while every request would be refused for the same
   * reason. A published evaluation stays published (its result is public data).
   */
  async function restorer(): Promise<() => Promise<void>> {
    const db = database.db;
    const steps = await db.select({ id: evaluations.id, status: evaluations.status }).from(evaluations);
    const members = await db.select().from(evaluationMembers);
    return async () => {
      for (const { id, status } of steps)
        await db
          .update(evaluations)
          .set({ status })
          .where(and(eq(evaluations.id, id), ne(evaluations.status, "published"), ne(evaluations.status, status)));
      await db.delete(evaluationMembers).where(inArray(evaluationMembers.evaluationId, evaluationIds));
      await db.insert(evaluationMembers).values(members);
    };
  }

  /** The addresses a route's forms post to: seen on the pages, and made from known ids. */
  function addressesOf(route: PageRoute): string[] {
    const known = new Set([...(site.postForms.get(route.pattern)?.actions ?? []), ...(site.paths.get(route.pattern) ?? [])]);
    const fill = (values: Record<string, string>) => route.pattern.replace(/:(\w+)/g, (_, name: string) => values[name] ?? "1");
    for (const id of evaluationIds) known.add(fill({ id: String(id), token: resetToken }));
    if (route.pattern.includes(":token")) known.add(fill({ token: "0123456789abcdef" }));
    return [...known]
      .map((path) => (route.index && !path.includes("?") ? `${path}?index` : path))
      .filter((p) => route.matches.test(p.split("?")[0]!));
  }

  function formCases(route: PageRoute, schema: z.ZodType | undefined): fc.Arbitrary<Draft> {
    const shapes = schema ? formShapes(schema) : [{}];
    const seen = site.postForms.get(route.pattern)?.values ?? new Map<string, Set<string>>();
    const ownIds = new Set(Object.values(cast).map((actor) => actor.id));
    // A userId never names the fuzz's own users: disabling one would end its session mid-run.
    const seenValues = (name: string) => [...(seen.get(name) ?? [])].filter((v) => !(name === "userId" && ownIds.has(v)));
    const addresses = addressesOf(route);
    const hostileAddress = fc
      .array(rawValue, { minLength: 4, maxLength: 4 })
      .map((values) => route.pattern.replace(/:(\w+)/g, () => values.pop()!) + (route.index ? "?index" : ""));

    /** A field as the page posts it: a value seen on the page, or one of the right shape. */
    const fitting = (name: string, field: z.ZodType): fc.Arbitrary<FieldValue[]> => {
      if (isFileField(field)) return fileValue.map((f): FieldValue[] => [f]);
      // The page lists every intent it has; the one that fits this shape is its own literal.
      const values = isLiteral(field) ? [] : seenValues(name);
      const shaped = shapedValue(field).map((v): FieldValue[] => (Array.isArray(v) ? v : [v]));
      return values.length > 0
        ? fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...values).map((v): FieldValue[] => [v]) }, shaped)
        : shaped;
    };
    /** A field at its worst: a fitting value with a hostile character in it, hostile text (a file's field too), missing, or twice. */
    const hostile = (name: string, field: z.ZodType): fc.Arbitrary<FieldValue[]> =>
      fc.oneof(
        {
          weight: 5,
          arbitrary: fitting(name, field).chain((values) =>
            typeof values[0] === "string"
              ? injected(values[0]).map((v): FieldValue[] => [v, ...values.slice(1)])
              : hostileText.map((t): FieldValue[] => [t]),
          ),
        },
        { weight: 4, arbitrary: hostileText.map((t): FieldValue[] => [t]) },
        { weight: 1, arbitrary: fc.constant<FieldValue[]>([]) },
        { weight: 1, arbitrary: fc.tuple(fitting(name, field), hostileText).map(([a, b]): FieldValue[] => [...a, b]) },
      );
    const extras = fc.array(
      fc.tuple(
        hostileText.filter((t) => t.length < 100),
        hostileText,
      ),
      { maxLength: 2 },
    );
    /**
     * The fields of one intent: all fitting (to reach the service), all fitting but one (to reach
     * it with one bad value: the likeliest way past the first checks), or each one either way.
     */
    const fieldsOf = (shape: Record<string, z.ZodType>) => {
      const names = Object.keys(shape);
      // The one bad field is never the intent: a wrong intent is a case of its own (intentSwap).
      const open = names.filter((name) => !isLiteral(shape[name]!));
      return fc
        .record({
          good: fc.tuple(...names.map((name) => fitting(name, shape[name]!))),
          bad: fc.tuple(...names.map((name) => hostile(name, shape[name]!))),
          mode: fc.constantFrom("fitting", "fitting", "one bad", "one bad", "one bad", "any"),
          which: fc.nat(),
          coins: fc.array(fc.boolean(), { minLength: names.length, maxLength: names.length }),
          extra: fc.option(extras, { freq: 4 }),
        })
        .map(({ good, bad, mode, which, coins, extra }) => {
          const isBad = (i: number) =>
            mode === "one bad" ? names[i] === open[which % Math.max(1, open.length)] : mode === "any" && coins[i];
          const fields: Fields = names.flatMap((name, i) => (isBad(i) ? bad[i]! : good[i]!).map((v): [string, FieldValue] => [name, v]));
          return [...fields, ...(extra ?? [])];
        });
    };
    const intentSwap = fc.constantFrom(
      "",
      "unknown",
      "TEXT",
      "text ",
      "save\u0000",
      "__proto__",
      "create",
      "delete-evidence",
      "transition",
    );
    const fields = fc.integer({ min: 0, max: shapes.length - 1 }).chain((i) =>
      fc.oneof(
        { weight: 8, arbitrary: fieldsOf(shapes[i]!) },
        {
          weight: 1,
          arbitrary: fc
            .tuple(fieldsOf(shapes[i]!), intentSwap)
            .map(([f, intent]) => f.map(([n, v]): [string, FieldValue] => [n, n === "intent" ? intent : v])),
        },
      ),
    );

    // Who posts where: mostly someone to whom the page offered the form (so that the request gets
    // past the permission checks to the parsing and the service), else anyone anywhere.
    const anyone = fc.constantFrom<Who>("admin", "admin", "eva", "eva", "contact", "outsider", "anonymous");
    const offered = [...(site.postForms.get(route.pattern)?.offered ?? [])].map((entry) => {
      const [who, address] = entry.split(" ") as [Who, string];
      return { who, address };
    });
    const sender = fc.oneof(
      ...(offered.length > 0 ? [{ weight: 6, arbitrary: fc.constantFrom(...offered) }] : []),
      { weight: 3, arbitrary: fc.record({ who: anyone, address: fc.constantFrom(...addresses) }) },
      { weight: 1, arbitrary: fc.record({ who: anyone, address: hostileAddress }) },
    );
    return fc
      .record({
        // Signing out one of the fuzz's users would end its session: that route is posted to anonymously.
        sender: sender.map((s) => (route.pattern === "/logga-ut" ? { ...s, who: "anonymous" as Who } : s)),
        // Mostly as the page's script posts (path.data: the action alone); some as a document (the
        // action, then the loaders and the page: twenty times the work, so fewer).
        dataSuffix: fc.integer({ min: 0, max: 24 }).map((n) => n !== 0),
        fields,
        token: fc.oneof(
          { weight: 12, arbitrary: fc.constant("valid" as const) },
          { weight: 1, arbitrary: fc.constantFrom("missing", "wrong", "other", "valid then wrong", "wrong then valid") },
        ),
        origin: fc.constantFrom("same", "same", "same", "same", "same", "same", "same", "same", "none", "foreign"),
        // Other methods now and then (OPTIONS renders the page: costly, so rarer).
        method: fc.oneof(
          { weight: 40, arbitrary: fc.constant("POST") },
          { weight: 6, arbitrary: fc.constantFrom("PUT", "PATCH", "DELETE") },
          { weight: 1, arbitrary: fc.constantFrom("TRACE", "OPTIONS") },
        ),
        kind: bodyKind,
        escape: rawEscape,
        xff: fc.option(
          fc.constantFrom("203.0.113.7", "10.0.0.1, 203.0.113.7", "::1", "", "unknown", "999.999.999.999", " , ,", "x".repeat(300)),
          {
            freq: 10,
          },
        ),
      })
      .map(({ sender, ...c }): Draft => {
        const { who, address } = sender;
        const me = people[who];
        const token = {
          valid: [me.token],
          missing: [],
          wrong: ["x".repeat(me.token.length)],
          other: [people[who === "admin" ? "eva" : "admin"].token],
          "valid then wrong": [me.token, "wrong"],
          "wrong then valid": ["wrong", me.token],
        }[c.token];
        const [path, query] = address.split("?") as [string, string | undefined];
        return {
          ...c,
          who,
          target: `${route.pattern} ${c.method === "POST" ? c.kind : c.method}`,
          fields: [...c.fields, ...token.map((t): [string, FieldValue] => ["_csrf", t])],
          // React Router's own requests (single fetch) post to the same action at path.data.
          address: c.dataSuffix ? `${path === "/" ? "/_root" : path}.data${query ? `?${query}` : ""}` : address,
          forged: token[0] !== me.token || c.origin === "foreign" || c.method !== "POST",
        };
      });
  }

  /** The request of a draft: its body encoded, with the cookies of its user. */
  async function requestOf(draft: Draft): Promise<FuzzCase> {
    const body = draft.method === "TRACE" || draft.method === "OPTIONS" ? {} : await encodeBody(draft.kind, draft.fields, draft.escape);
    const headers: Record<string, string> = { cookie: people[draft.who].cookie };
    if (body.contentType) headers["content-type"] = body.contentType;
    if (draft.origin === "same") headers.origin = base;
    if (draft.origin === "foreign") headers.origin = "https://evil.example";
    if (draft.xff !== null) headers["x-forwarded-for"] = draft.xff;
    return {
      target: draft.target,
      request: { method: draft.method, path: draft.address, headers, body: body.body },
      mustNotChange: draft.forged,
    };
  }

  it(`answers ${CASES} random and hostile form posts to every action without a server error or a change when refused`, async () => {
    const targets = pageRoutes.filter((route) => route.hasAction);
    expect(targets.map((t) => t.pattern)).toEqual(expect.arrayContaining(["/logga-in", "/arbetsyta/:id/texter", "/admin/anvandare"]));
    // Cases in proportion to a route's intents: the evidence page's eight forms get more than signing out.
    const schemas = await Promise.all(targets.map(formSchemaOf));
    const weights = schemas.map((schema) => 1 + (schema ? formShapes(schema).length : 1));
    const total = weights.reduce((a, b) => a + b, 0);
    const drafts = targets.map((route, i) => sample(formCases(route, schemas[i]), Math.ceil((CASES * weights[i]!) / total), 2_000 + i));
    const cases = shuffled(await Promise.all(drafts.flat().map(requestOf)));
    const outcome = await runCases(base, cases, await fingerprinter(database.db), { every: { windows: 8, run: await restorer() } });
    if (process.env.FUZZ_VERBOSE) console.log(describeOutcome(outcome));
    expect(outcome.cases).toBe(cases.length);
    expect(outcome.failures.length, report(`Form fuzz on ${kind}`, outcome)).toBe(0);
  }, 600_000);
});
