import { runKompass } from "../support/cli.ts";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { passwordResets, sessions } from "../../src/db/schema.server.ts";
import type { Actor } from "../../src/domain/workflow.ts";
import { actorFromHeaders, signIn } from "../../src/services/auth/authentication.server.ts";
import {
  createPasswordResetLink,
  createPasswordResetLinkBySystem,
  createUser,
  listUsers,
  passwordResetIsValid,
  resetPassword,
  setUserDisabled,
  SYSTEM,
} from "../../src/services/auth/users.server.ts";
import { ForbiddenError, ValidationError } from "../../src/services/errors.ts";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../support/database.ts";
import { problemsOf } from "../support/errors.ts";

const folder = mkdtempSync(join(tmpdir(), "kompass-users-cli-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const kompass = (args: string[], input?: string) =>
  runKompass(
    { KOMPASS_DATA_DIR: join(folder, "data"), DATABASE_URL: "", KOMPASS_DEMO: "false", KOMPASS_URL: "", KOMPASS_MAIL: "log" },
    args,
    { input, timeout: 120_000 },
  );

const LINK = /\/losenord\/[A-Za-z0-9_-]{43}/;

// Every run of the CLI starts Node and opens PGlite: seconds each, so these tests get time.
describe("kompass user", { timeout: 240_000 }, () => {
  it("creates the first administrator with a password from standard input, and lists the accounts", () => {
    const added = kompass(
      ["user", "add", "--role", "administrator", "--name", "Ada Admin", "--password-stdin", "Ada@Example.se"],
      "ett-långt-lösenord\nignored\n",
    );
    expect(added.stderr).toBe("");
    expect(added.stdout).toContain("Created administrator ada@example.se with the password given.");
    expect(added.stdout).not.toMatch(LINK);
    expect(added.status).toBe(0);

    const listed = kompass(["user", "list"]);
    expect(listed.status).toBe(0);
    expect(listed.stdout).toContain("ada@example.se\tadministrator\tAda Admin\t-\t-\tactive");
  });

  it("prints a one-time link when no password is given, and a new one on request", () => {
    const added = kompass(["user", "add", "--role", "evaluator", "--organisation", "SKR", "eva@example.se"]);
    expect(added.stderr).toBe("");
    expect(added.status).toBe(0);
    expect(added.stdout).toContain("Created evaluator eva@example.se.");
    expect(added.stdout).toMatch(LINK);

    const again = kompass(["user", "reset-link", "EVA@example.se"]);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(LINK);
    expect(again.stdout.match(LINK)![0]).not.toBe(added.stdout.match(LINK)![0]);
    expect(kompass(["user", "list"]).stdout).toContain("eva@example.se\tevaluator\teva\t-\tSKR\tactive");
  });

  it("names the field of every refusal and changes nothing", () => {
    const contact = kompass(["user", "add", "--role", "contact", "--name", "Kim", "kim@example.se"]);
    expect(contact.status).toBe(1);
    expect(contact.stderr).toContain("--municipality: A municipality contact needs a municipality.");

    const duplicate = kompass(["user", "add", "--role", "evaluator", "eva@example.se"]);
    expect(duplicate.status).toBe(1);
    expect(duplicate.stderr).toContain("EMAIL: An account with this e-mail address already exists.");

    const role = kompass(["user", "add", "--role", "boss", "bo@example.se"]);
    expect(role.status).toBe(1);
    expect(role.stderr).toContain("--role: Choose a role");

    const email = kompass(["user", "add", "--role", "evaluator", "not-an-address"]);
    expect(email.stderr).toContain("EMAIL: Enter a valid e-mail address.");

    const short = kompass(["user", "add", "--role", "evaluator", "--password-stdin", "sho@example.se"], "short\n");
    expect(short.status).toBe(1);
    expect(short.stderr).toContain("--password-stdin: The password must have 10–256 characters.");

    const empty = kompass(["user", "add", "--role", "evaluator", "--password-stdin", "emp@example.se"], "");
    expect(empty.status).toBe(1);
    expect(empty.stderr).toContain("--password-stdin: no password");

    const unknown = kompass(["user", "reset-link", "nobody@example.se"]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain("EMAIL: no account has the e-mail address nobody@example.se");

    const listed = kompass(["user", "list"]).stdout;
    for (const address of ["kim@", "bo@", "sho@", "emp@"]) expect(listed).not.toContain(address);
  });

  it("explains its usage", () => {
    expect(kompass(["help"]).stdout).toContain("user add --role ROLE");
    const missing = kompass(["user", "add", "--role", "evaluator"]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("user add needs exactly one EMAIL");
    const option = kompass(["user", "add", "--rol", "evaluator", "x@example.se"]);
    expect(option.status).toBe(2);
    expect(option.stderr).toContain("--rol");
    expect(kompass(["user", "frob"]).stderr).toContain('unknown user command "frob"');
  });
});

const PASSWORD = "ett-riktigt-bra-lösenord";
const cookiesOf = (setCookies: string[]) => setCookies.map((c) => c.split(";")[0]).join("; ");

describe.each(testDatabaseKinds())("user management on %s", (kind) => {
  let database: TestDatabase;
  let admin: Actor;
  let evaluator: Actor;
  let contact: Actor;

  beforeEach(async () => {
    database = await createTestDatabase(kind);
    const db = database.db;
    const a = await createUser(db, SYSTEM, { email: "admin@example.se", name: "Ada Admin", role: "administrator", password: PASSWORD });
    const e = await createUser(db, SYSTEM, { email: "eva@example.se", name: "Eva Utvärderare", role: "evaluator", organisation: "SKR" });
    const c = await createUser(db, SYSTEM, { email: "kim@example.se", name: "Kim Kontakt", role: "contact", municipalityCode: "1880" });
    admin = { id: a.id, name: "Ada Admin", role: "administrator", municipalityCode: null };
    evaluator = { id: e.id, name: "Eva Utvärderare", role: "evaluator", municipalityCode: null };
    contact = { id: c.id, name: "Kim Kontakt", role: "contact", municipalityCode: "1880" };
  });
  afterEach(() => database.dispose());

  it("lets only administrators manage users", async () => {
    const db = database.db;
    for (const actor of [evaluator, contact, null]) {
      await expect(createUser(db, actor, { email: "new@example.se", name: "Ny", role: "evaluator" })).rejects.toBeInstanceOf(
        ForbiddenError,
      );
      await expect(listUsers(db, actor)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(setUserDisabled(db, actor, evaluator!.id, true)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(createPasswordResetLink(db, actor, evaluator!.id)).rejects.toBeInstanceOf(ForbiddenError);
    }
    await createUser(db, admin, { email: "new@example.se", name: "Ny Person", role: "evaluator" });
    const list = await listUsers(db, admin);
    expect(list.map((u) => u.email)).toEqual(["admin@example.se", "eva@example.se", "kim@example.se", "new@example.se"]);
    expect(list.find((u) => u.email === "kim@example.se")).toMatchObject({ role: "contact", municipalityCode: "1880", disabled: false });
  });

  it("refuses a duplicate e-mail address, whatever its case, and a contact without a known municipality", async () => {
    const db = database.db;
    expect(await problemsOf(createUser(db, admin, { email: " EVA@example.se ", name: "Eva igen", role: "evaluator" }))).toEqual([
      { field: "email", message: "email_taken" },
    ]);
    expect(await problemsOf(createUser(db, admin, { email: "k2@example.se", name: "K", role: "contact" }))).toEqual([
      { field: "municipalityCode", message: "municipality_required" },
    ]);
    expect(
      await problemsOf(createUser(db, admin, { email: "k3@example.se", name: "K", role: "contact", municipalityCode: "9999" })),
    ).toEqual([{ field: "municipalityCode", message: "municipality_unknown" }]);
    expect((await listUsers(db, admin)).length).toBe(3);
  });

  it("makes reset links that work once and expire", async () => {
    const db = database.db;
    const link = await createPasswordResetLink(db, admin, evaluator!.id);
    expect(link).toMatchObject({ email: "eva@example.se", name: "Eva Utvärderare" });
    expect(link.path).toMatch(/^\/losenord\/[A-Za-z0-9_-]{43}$/);
    expect(link.expiresAt.getTime() - Date.now()).toBeGreaterThan(71 * 3600_000);
    const token = link.path.slice("/losenord/".length);

    expect(await passwordResetIsValid(db, token)).toBe(true);
    await resetPassword(db, { token, password: PASSWORD });
    expect(await passwordResetIsValid(db, token)).toBe(false);
    await expect(resetPassword(db, { token, password: "ett-annat-lösenord" })).rejects.toMatchObject({
      problems: [{ field: "token", message: "link_invalid" }],
    });
    const signedIn = await signIn(db, { email: "eva@example.se", password: PASSWORD, address: "192.0.2.1", headers: new Headers() });
    expect(signedIn.ok).toBe(true);

    const late = await createPasswordResetLinkBySystem(db, evaluator!.id);
    const lateToken = late.path.slice("/losenord/".length);
    await db
      .update(passwordResets)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(passwordResets.userId, evaluator!.id));
    expect(await passwordResetIsValid(db, lateToken)).toBe(false);
    await expect(resetPassword(db, { token: lateToken, password: "ett-annat-lösenord" })).rejects.toBeInstanceOf(ValidationError);
  });

  it("ends a user's sessions when they are disabled, and refuses their sign-in until enabled", async () => {
    const db = database.db;
    const signedIn = await signIn(db, { email: "admin@example.se", password: PASSWORD, address: "192.0.2.2", headers: new Headers() });
    if (!signedIn.ok) throw new Error("could not sign in");
    const headers = new Headers({ cookie: cookiesOf(signedIn.setCookies) });
    expect(await actorFromHeaders(db, headers)).toMatchObject({ id: admin!.id, role: "administrator" });

    await expect(setUserDisabled(db, admin, admin!.id, true)).rejects.toMatchObject({
      problems: [{ field: "user", message: "cannot_disable_self" }],
    });
    const other = await createUser(db, SYSTEM, { email: "ole@example.se", name: "Ole Admin", role: "administrator" });
    const ole: Actor = { id: other.id, name: "Ole Admin", role: "administrator", municipalityCode: null };

    expect(await setUserDisabled(db, ole, admin!.id, true)).toEqual({ email: "admin@example.se" });
    expect(await db.select().from(sessions).where(eq(sessions.userId, admin!.id))).toEqual([]);
    expect(await actorFromHeaders(db, headers)).toBeNull();
    expect(await signIn(db, { email: "admin@example.se", password: PASSWORD, address: "192.0.2.2", headers: new Headers() })).toEqual({
      ok: false,
      reason: "invalid",
    });

    await setUserDisabled(db, ole, admin!.id, false);
    expect((await signIn(db, { email: "admin@example.se", password: PASSWORD, address: "192.0.2.3", headers: new Headers() })).ok).toBe(
      true,
    );
  });
});
