import { verify } from "@node-rs/argon2";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { rateCounters } from "../../src/db/schema.server.ts";
import { signIn } from "../../src/services/auth/authentication.server.ts";
import { addressBucket, SIGN_IN_LIMIT_PER_ADDRESS, SIGN_IN_LIMIT_PER_EMAIL } from "../../src/services/auth/throttle.server.ts";
import { createUser, SYSTEM } from "../../src/services/auth/users.server.ts";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../support/database.ts";

// Every password check is one argon2 verify: counting them counts the checks.
vi.mock("@node-rs/argon2", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@node-rs/argon2")>();
  return { ...actual, verify: vi.fn(actual.verify) };
});
const passwordChecks = () => vi.mocked(verify).mock.calls.length;

const PASSWORD = "ett-langt-losenord";
const WRONG = "fel-losenord-123";

describe("the address a sign-in counts under", () => {
  it("is an IPv4 address itself, also IPv4-mapped, and an IPv6 address's /64", () => {
    expect(addressBucket("203.0.113.7")).toBe("203.0.113.7");
    expect(addressBucket("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(addressBucket("2001:db8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("2001:0DB8:0001:0002:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(addressBucket("::1")).toBe("0:0:0:0::/64");
    expect(addressBucket("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(addressBucket("")).toBe("unknown");
  });
});

describe.each(testDatabaseKinds())("sign-in throttling on %s", (kind) => {
  let database: TestDatabase;
  const attempt = (email: string, password: string, address: string) =>
    signIn(database.db, { email, password, address, headers: new Headers() });
  const outcomes = async (tries: Promise<{ ok: boolean; reason?: string }>[]) =>
    (await Promise.all(tries)).map((o) => (o.ok ? "ok" : o.reason));
  const count = (list: (string | undefined)[], value: string) => list.filter((v) => v === value).length;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    for (const name of ["anna", "bo", "cecilia", "dan"]) {
      await createUser(database.db, SYSTEM, { email: `${name}@test.example`, name, role: "evaluator", password: PASSWORD });
    }
  });
  beforeEach(async () => {
    await database.db.delete(rateCounters);
    vi.mocked(verify).mockClear();
  });
  afterAll(() => database.dispose());

  it("checks at most 5 passwords of 60 parallel tries at one e-mail", async () => {
    const list = await outcomes(Array.from({ length: 60 }, (_, i) => attempt("anna@test.example", WRONG, `198.51.100.${i}`)));
    expect(passwordChecks()).toBe(SIGN_IN_LIMIT_PER_EMAIL);
    expect(count(list, "invalid")).toBe(SIGN_IN_LIMIT_PER_EMAIL);
    expect(count(list, "throttled")).toBe(60 - SIGN_IN_LIMIT_PER_EMAIL);
    // From one address too (the address's limit may stop some of the five first).
    await database.db.delete(rateCounters);
    vi.mocked(verify).mockClear();
    await Promise.all(Array.from({ length: 60 }, () => attempt("bo@test.example", WRONG, "198.51.100.200")));
    expect(passwordChecks()).toBeLessThanOrEqual(SIGN_IN_LIMIT_PER_EMAIL);
  });

  it("does not let a rotating address escape the e-mail's limit, nor the right password past it", async () => {
    for (let i = 0; i < SIGN_IN_LIMIT_PER_EMAIL; i++) {
      expect(await attempt("anna@test.example", WRONG, `192.0.2.${i}`)).toEqual({ ok: false, reason: "invalid" });
    }
    const checks = passwordChecks();
    expect(await attempt("anna@test.example", PASSWORD, "192.0.2.99")).toEqual({ ok: false, reason: "throttled" });
    expect(await attempt("Anna@Test.Example ", WRONG, "2001:db8:9::1")).toEqual({ ok: false, reason: "throttled" });
    expect(passwordChecks()).toBe(checks);
    // Other accounts are not affected.
    expect((await attempt("bo@test.example", PASSWORD, "192.0.2.99")).ok).toBe(true);
  });

  it("throttles one address past its failures across e-mails, and an IPv6 /64 as one address", async () => {
    for (let i = 0; i < SIGN_IN_LIMIT_PER_ADDRESS; i++) {
      expect(await attempt(i % 2 ? `nobody${i}@test.example` : "cecilia@test.example", `${WRONG}${i}`, "203.0.113.7")).toMatchObject({
        ok: false,
      });
    }
    const checks = passwordChecks();
    expect(await attempt("dan@test.example", PASSWORD, "203.0.113.7")).toEqual({ ok: false, reason: "throttled" });
    // The same address as a dual-stack socket writes it.
    expect(await attempt("dan@test.example", PASSWORD, "::ffff:203.0.113.7")).toEqual({ ok: false, reason: "throttled" });
    expect(passwordChecks()).toBe(checks);
    expect((await attempt("dan@test.example", PASSWORD, "203.0.113.8")).ok).toBe(true);

    for (let i = 1; i <= SIGN_IN_LIMIT_PER_ADDRESS; i++) await attempt(`nobody${i}@test.example`, WRONG, `2001:db8:1:2::${i.toString(16)}`);
    expect(await attempt("dan@test.example", PASSWORD, "2001:db8:1:2:ffff::1")).toEqual({ ok: false, reason: "throttled" });
    expect((await attempt("dan@test.example", PASSWORD, "2001:db8:1:3::1")).ok).toBe(true);
  });

  it("forgets an e-mail's failures on success, and counts only failures against an address", async () => {
    for (let i = 0; i < SIGN_IN_LIMIT_PER_EMAIL - 1; i++) await attempt("bo@test.example", WRONG, "192.0.2.50");
    expect((await attempt("bo@test.example", PASSWORD, "192.0.2.50")).ok).toBe(true);
    for (let i = 0; i < SIGN_IN_LIMIT_PER_EMAIL; i++) {
      expect(await attempt("bo@test.example", WRONG, "192.0.2.50")).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await attempt("bo@test.example", PASSWORD, "192.0.2.50")).toEqual({ ok: false, reason: "throttled" });

    // Colleagues behind one address: 19 failures, many successes, and the 20th failure is still
    // only a failure.
    await database.db.delete(rateCounters);
    for (let i = 0; i < SIGN_IN_LIMIT_PER_ADDRESS - 1; i++) await attempt(`nobody${i}@test.example`, WRONG, "192.0.2.60");
    for (let i = 0; i < 10; i++)
      expect((await attempt(i % 2 ? "cecilia@test.example" : "dan@test.example", PASSWORD, "192.0.2.60")).ok).toBe(true);
    expect(await attempt("nobody@test.example", WRONG, "192.0.2.60")).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt("cecilia@test.example", PASSWORD, "192.0.2.60")).toEqual({ ok: false, reason: "throttled" });
  });

  it("starts a window again when it has ended, and prunes ended windows", async () => {
    const db = database.db;
    for (let i = 0; i < SIGN_IN_LIMIT_PER_EMAIL + 1; i++) await attempt("anna@test.example", WRONG, `192.0.2.${100 + i}`);
    expect(await attempt("anna@test.example", PASSWORD, "192.0.2.120")).toEqual({ ok: false, reason: "throttled" });
    // Fifteen minutes later (the windows are moved back instead of waiting).
    await db.update(rateCounters).set({ resetAt: sql`now() - interval '1 second'` });
    const ended = await db.select({ key: rateCounters.key }).from(rateCounters);
    expect(ended.length).toBeGreaterThan(SIGN_IN_LIMIT_PER_EMAIL);
    await db.insert(rateCounters).values({ key: "http:api:192.0.2.1", hits: 3, resetAt: sql`now() + interval '1 minute'` });
    expect((await attempt("anna@test.example", PASSWORD, "192.0.2.121")).ok).toBe(true);

    // The first attempt past a limit prunes every ended window, and leaves live ones.
    for (let i = 0; i < SIGN_IN_LIMIT_PER_EMAIL + 1; i++) await attempt("bo@test.example", WRONG, "192.0.2.130");
    const keys = (await db.select({ key: rateCounters.key }).from(rateCounters)).map((r) => r.key);
    for (const { key } of ended) expect(keys).not.toContain(key);
    expect(keys).toContain("http:api:192.0.2.1");
    expect(keys.filter((k) => k.startsWith("signin:email:"))).toHaveLength(1);
    // No address or e-mail is kept in clear text, and the old failure log is gone.
    expect(keys.some((k) => k.includes("@"))).toBe(false);
    const { rows } = (await db.execute(sql`select to_regclass('login_failures') as t`)) as unknown as { rows: unknown[] };
    expect(rows).toEqual([{ t: null }]);
    const [row] = await db.select().from(rateCounters).where(eq(rateCounters.key, "signin:address:192.0.2.130"));
    expect(row?.hits).toBe(SIGN_IN_LIMIT_PER_EMAIL + 1);
  });
});
