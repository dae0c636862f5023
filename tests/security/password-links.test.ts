import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { passwordResets, rateCounters, sessions } from "../../src/db/schema.server.ts";
import { signIn, tokenHash } from "../../src/services/auth/authentication.server.ts";
import {
  createPasswordResetLink,
  createPasswordResetLinkBySystem,
  createUser,
  passwordResetIsValid,
  resetPassword,
  SYSTEM,
} from "../../src/services/auth/users.server.ts";
import { ValidationError } from "../../src/services/errors.ts";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../support/database.ts";

const tokenOf = (link: { path: string }) => link.path.slice("/losenord/".length);
const linkInvalid = { problems: [{ field: "token", message: "link_invalid" }] };

describe.each(testDatabaseKinds())("one-time password links on %s", (kind) => {
  let database: TestDatabase;
  let userId: string;
  let olleId: string;
  const signsInWith = async (password: string) =>
    (await signIn(database.db, { email: "eva@test.example", password, address: "192.0.2.1", headers: new Headers() })).ok;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    ({ id: userId } = await createUser(database.db, SYSTEM, { email: "eva@test.example", name: "Eva", role: "evaluator" }));
    ({ id: olleId } = await createUser(database.db, SYSTEM, { email: "olle@test.example", name: "Olle", role: "evaluator" }));
  });
  beforeEach(() => database.db.delete(rateCounters));
  afterAll(() => database.dispose());

  it("revokes a user's older link when a new one is made, and only theirs", async () => {
    const db = database.db;
    const others = await createPasswordResetLinkBySystem(db, olleId);
    const a = tokenOf(await createPasswordResetLinkBySystem(db, userId));
    const b = tokenOf(await createPasswordResetLinkBySystem(db, userId));
    expect(await passwordResetIsValid(db, a)).toBe(false);
    await expect(resetPassword(db, { token: a, password: "lösenord-via-länk-a" })).rejects.toMatchObject(linkInvalid);
    expect(await signsInWith("lösenord-via-länk-a")).toBe(false);
    expect(await passwordResetIsValid(db, b)).toBe(true);
    expect(await passwordResetIsValid(db, tokenOf(others))).toBe(true);
  });

  it("revokes every other link of the user when one is used, and ends the user's sessions", async () => {
    const db = database.db;
    const b = tokenOf(await createPasswordResetLinkBySystem(db, userId));
    // A second live link, as one made before this rule or by hand would be.
    const c = "en-annan-länk-som-fortfarande-gällde-0123456789";
    await db.insert(passwordResets).values({ tokenHash: tokenHash(c), userId, expiresAt: new Date(Date.now() + 3600_000) });
    expect(await passwordResetIsValid(db, c)).toBe(true);

    await resetPassword(db, { token: b, password: "lösenord-via-länk-b" });
    expect(await signsInWith("lösenord-via-länk-b")).toBe(true);
    expect((await db.select().from(sessions).where(eq(sessions.userId, userId))).length).toBe(1);

    expect(await passwordResetIsValid(db, b)).toBe(false);
    expect(await passwordResetIsValid(db, c)).toBe(false);
    await expect(resetPassword(db, { token: c, password: "lösenord-via-länk-c" })).rejects.toMatchObject(linkInvalid);
    await expect(resetPassword(db, { token: b, password: "lösenord-via-länk-c" })).rejects.toMatchObject(linkInvalid);
    expect(await signsInWith("lösenord-via-länk-b")).toBe(true);

    const d = tokenOf(await createPasswordResetLinkBySystem(db, userId));
    await resetPassword(db, { token: d, password: "lösenord-via-länk-d" });
    expect(await db.select().from(sessions).where(eq(sessions.userId, userId))).toEqual([]);
  });

  it("lets exactly one of two uses of one link at once change the password", async () => {
    const db = database.db;
    for (let round = 0; round < 5; round++) {
      const token = tokenOf(await createPasswordResetLinkBySystem(db, userId));
      const passwords = [`första-lösenordet-${round}`, `andra-lösenordet-${round}`];
      const settled = await Promise.allSettled(passwords.map((password) => resetPassword(db, { token, password })));
      const won = settled.flatMap((s, i) => (s.status === "fulfilled" ? [passwords[i]!] : []));
      expect(won).toHaveLength(1);
      const lost = settled.find((s) => s.status === "rejected") as PromiseRejectedResult;
      expect(lost.reason).toBeInstanceOf(ValidationError);
      expect(lost.reason).toMatchObject(linkInvalid);
      expect(await signsInWith(won[0]!)).toBe(true);
      expect(await signsInWith(passwords.find((p) => p !== won[0])!)).toBe(false);
      await db.delete(rateCounters);
    }
  });

  it("leaves one valid link of two made at once, and makes and uses links at once without a fault", async () => {
    const db = database.db;
    const admin = { id: userId, name: "Eva", role: "administrator" as const, municipalityCode: null };
    for (let round = 0; round < 5; round++) {
      const links = await Promise.all([createPasswordResetLink(db, admin, userId), createPasswordResetLinkBySystem(db, userId)]);
      const valid = await Promise.all(links.map((link) => passwordResetIsValid(db, tokenOf(link))));
      expect(valid.filter(Boolean)).toHaveLength(1);

      const live = tokenOf(links[valid.indexOf(true)]!);
      const [used, made] = await Promise.allSettled([
        resetPassword(db, { token: live, password: `samtidigt-lösenord-${round}` }),
        createPasswordResetLinkBySystem(db, userId),
      ]);
      // Either order is fine; neither may fail for any other reason (such as a deadlock).
      if (used.status === "rejected") expect(used.reason).toMatchObject(linkInvalid);
      expect(made.status).toBe("fulfilled");
      if (made.status === "fulfilled") expect(await passwordResetIsValid(db, tokenOf(made.value))).toBe(true);
    }
  });
});
