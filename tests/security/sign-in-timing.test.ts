import { hash, verify } from "@node-rs/argon2";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { accounts, rateCounters, users } from "../../src/db/schema.server.ts";
import { signIn } from "../../src/services/auth/authentication.server.ts";
import { createUser, SYSTEM } from "../../src/services/auth/users.server.ts";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../support/database.ts";

// Whether an account exists must not show in a sign-in's time. Times are not asserted (they
// vary with the machine); the work is: every sign-in that is not throttled runs argon2 exactly
// once, with the same parameters, whether the account exists or not, before it is known to be right.
vi.mock("@node-rs/argon2", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@node-rs/argon2")>();
  return { ...actual, verify: vi.fn(actual.verify), hash: vi.fn(actual.hash) };
});

const PASSWORD = "ett-langt-losenord";
/** What the encoded hash says of its algorithm and cost: "$argon2id$v=19$m=19456,t=2,p=1$". */
const parametersOf = (encoded: string) => encoded.split("$").slice(0, 4).join("$");

describe.each(testDatabaseKinds())("the time of a sign-in on %s", (kind) => {
  let database: TestDatabase;
  let realHash: string;
  const demoSetting = process.env.KOMPASS_DEMO;
  let address = 0;
  const attempt = (email: string, password: string) =>
    signIn(database.db, { email, password, address: `192.0.2.${address++ % 250}`, headers: new Headers() });

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const db = database.db;
    await createUser(db, SYSTEM, { email: "anna@test.example", name: "Anna", role: "evaluator", password: PASSWORD });
    const { id: bo } = await createUser(db, SYSTEM, { email: "bo@test.example", name: "Bo", role: "evaluator", password: PASSWORD });
    await createUser(db, SYSTEM, { email: "demo@kompass.example", name: "Demo", role: "evaluator", password: PASSWORD });
    // Made by an administrator, waiting for its one-time link: no password yet.
    await createUser(db, SYSTEM, { email: "ny@test.example", name: "Ny", role: "evaluator" });
    await db.update(users).set({ disabled: true }).where(eq(users.id, bo));
    const [account] = await db.select({ password: accounts.password }).from(accounts).where(eq(accounts.userId, bo));
    realHash = account!.password!;
    // The first sign-in makes the dummy hash; from then on none makes a hash.
    await attempt("anna@test.example", PASSWORD);
  });
  afterEach(async () => {
    if (demoSetting === undefined) delete process.env.KOMPASS_DEMO;
    else process.env.KOMPASS_DEMO = demoSetting;
    await database.db.delete(rateCounters);
  });
  afterAll(() => database.dispose());

  const cases: [string, string, string, () => void][] = [
    ["a known account, wrong password", "anna@test.example", "fel-losenord-123", () => {}],
    ["a known account, right password", "anna@test.example", PASSWORD, () => {}],
    ["an unknown e-mail", "ingen@test.example", PASSWORD, () => {}],
    ["a disabled account, right password", "bo@test.example", PASSWORD, () => {}],
    ["a demo account while the demo is off, right password", "demo@kompass.example", PASSWORD, () => (process.env.KOMPASS_DEMO = "false")],
    ["an account without a password yet", "ny@test.example", PASSWORD, () => {}],
    ["a known account, a password longer than any", "anna@test.example", "x".repeat(300), () => {}],
    ["an unknown e-mail, a password longer than any", "ingen@test.example", "x".repeat(300), () => {}],
  ];

  it.each(cases)("checks one password with argon2 for %s", async (_, email, password, arrange) => {
    arrange();
    vi.mocked(verify).mockClear();
    vi.mocked(hash).mockClear();
    const outcome = await attempt(email, password);
    const right = password === PASSWORD && email === "anna@test.example";
    expect(outcome.ok).toBe(right);
    // A right password is checked once more by better-auth as it signs in: only someone who
    // knows the password sees that.
    expect(vi.mocked(verify).mock.calls).toHaveLength(right ? 2 : 1);
    expect(vi.mocked(hash).mock.calls).toHaveLength(0);
    const [checkedAgainst, checked] = vi.mocked(verify).mock.calls[0]!;
    expect(checked).toBe(password);
    expect(parametersOf(String(checkedAgainst))).toBe(parametersOf(realHash));
    expect(parametersOf(realHash)).toBe("$argon2id$v=19$m=19456,t=2,p=1");
  });

  it("answers the same for an unknown, a disabled and a refused account as for a wrong password", async () => {
    process.env.KOMPASS_DEMO = "false";
    for (const email of ["ingen@test.example", "bo@test.example", "demo@kompass.example", "ny@test.example", "anna@test.example"]) {
      expect(await attempt(email, email === "anna@test.example" ? "fel-losenord-123" : PASSWORD)).toEqual({ ok: false, reason: "invalid" });
    }
  });
});
