import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { actorFromHeaders, signIn } from "../../src/services/auth/authentication.server.ts";
import { createUser, setUserDisabled, SYSTEM } from "../../src/services/auth/users.server.ts";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../support/database.ts";

const PASSWORD = "ett-langt-losenord";

describe.each(testDatabaseKinds())("signing in on %s", (kind) => {
  let database: TestDatabase;
  const demoSetting = process.env.KOMPASS_DEMO;
  const attempt = (email: string, password = PASSWORD, address = "10.0.0.1") =>
    signIn(database.db, { email, password, address, headers: new Headers() });
  const cookieOf = (setCookies: string[]) => setCookies.map((c) => c.split(";")[0]).join("; ");

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await createUser(database.db, SYSTEM, { email: "anna@test.example", name: "Anna", role: "administrator", password: PASSWORD });
    await createUser(database.db, SYSTEM, { email: "bo@test.example", name: "Bo", role: "evaluator", password: PASSWORD });
    await createUser(database.db, SYSTEM, { email: "demo@kompass.example", name: "Demo", role: "evaluator", password: PASSWORD });
  });
  afterEach(() => {
    if (demoSetting === undefined) delete process.env.KOMPASS_DEMO;
    else process.env.KOMPASS_DEMO = demoSetting;
  });
  afterAll(() => database.dispose());

  it("signs in with e-mail (any case) and password, and the session names the actor", async () => {
    const outcome = await attempt("Anna@Test.Example");
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const actor = await actorFromHeaders(database.db, new Headers({ cookie: cookieOf(outcome.setCookies) }));
    expect(actor).toMatchObject({ name: "Anna", role: "administrator", municipalityCode: null });
    expect(outcome.setCookies[0]).toMatch(/HttpOnly/);
    expect(outcome.setCookies[0]).toMatch(/SameSite=Lax/);
  });

  it("refuses a wrong password, and throttles after five failures for one e-mail", async () => {
    for (let i = 0; i < 5; i++) expect(await attempt("bo@test.example", "fel-losenord-123")).toEqual({ ok: false, reason: "invalid" });
    // Even the right password is refused while throttled.
    expect(await attempt("bo@test.example")).toEqual({ ok: false, reason: "throttled" });
    expect((await attempt("anna@test.example")).ok).toBe(true);
  });

  it("throttles one address that tries many e-mails", async () => {
    for (let i = 0; i < 20; i++) await attempt(`nobody${i}@test.example`, "x", "10.9.9.9");
    expect(await attempt("anna@test.example", PASSWORD, "10.9.9.9")).toEqual({ ok: false, reason: "throttled" });
  });

  it("lets demo accounts in only while the demo is on (KOMPASS_DEMO), whatever NODE_ENV says", async () => {
    process.env.NODE_ENV = "production";
    try {
      expect((await attempt("demo@kompass.example", PASSWORD, "10.0.0.2")).ok).toBe(true);
      process.env.KOMPASS_DEMO = "false";
      expect(await attempt("demo@kompass.example", PASSWORD, "10.0.0.3")).toEqual({ ok: false, reason: "invalid" });
    } finally {
      process.env.NODE_ENV = "test";
    }
  });

  it("ends a disabled user's sessions and refuses new ones", async () => {
    const outcome = await attempt("anna@test.example", PASSWORD, "10.0.0.4");
    if (!outcome.ok) throw new Error("sign-in failed");
    const headers = new Headers({ cookie: cookieOf(outcome.setCookies) });
    const anna = (await actorFromHeaders(database.db, headers))!;
    const { id: carl } = await createUser(database.db, SYSTEM, {
      email: "carl@test.example",
      name: "Carl",
      role: "evaluator",
      password: PASSWORD,
    });
    const carlSession = await attempt("carl@test.example", PASSWORD, "10.0.0.5");
    if (!carlSession.ok) throw new Error("sign-in failed");
    await setUserDisabled(database.db, anna, carl, true);
    expect(await actorFromHeaders(database.db, new Headers({ cookie: cookieOf(carlSession.setCookies) }))).toBeNull();
    expect(await attempt("carl@test.example", PASSWORD, "10.0.0.6")).toEqual({ ok: false, reason: "invalid" });
  });
});
