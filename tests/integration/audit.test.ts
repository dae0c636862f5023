import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../src/domain/workflow.ts";
import { createUser, SYSTEM } from "../../src/services/auth/users.server.ts";
import { appendAudit, auditEntries } from "../../src/services/evaluations/audit.server.ts";
import { auditCsv, auditPage } from "../../src/services/evaluations/auditCsv.server.ts";
import { defuseFormula } from "../../src/domain/tables/csv.ts";
import { createEvaluation } from "../../src/services/evaluations/createEvaluation.server.ts";
import { ForbiddenError, NotFoundError } from "../../src/services/errors.ts";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../support/database.ts";

/** The messages of an error and its causes (drizzle wraps the driver's error). */
function messagesOf(error: unknown): string {
  const parts: string[] = [];
  for (let e = error as { message?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) parts.push(String(e.message));
  return parts.join(" | ");
}

describe.each(testDatabaseKinds())("the audit log on %s", (kind) => {
  let database: TestDatabase;
  let evaluationId: number;
  const actors: Record<"admin" | "eva" | "olle" | "outsider" | "contact", Actor> = {} as never;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const db = database.db;
    const make = async (
      key: keyof typeof actors,
      role: "administrator" | "evaluator" | "contact",
      name: string,
      municipalityCode: string | null = null,
    ) => {
      const { id } = await createUser(db, SYSTEM, { email: `${key}@example.se`, name, role, municipalityCode });
      actors[key] = { id, name, role, municipalityCode };
    };
    await make("admin", "administrator", "Ada Admin");
    await make("eva", "evaluator", "Eva Ek");
    await make("olle", "evaluator", "Olle Ås");
    await make("outsider", "evaluator", "Ute Utanför");
    await make("contact", "contact", "Kim Kontakt", "1880");
    ({ id: evaluationId } = await createEvaluation(db, actors.admin, {
      municipalityCode: "1880",
      instrumentKey: "2020",
      year: 2024,
      evaluatorIds: [actors.eva!.id, actors.olle!.id],
      contactIds: [actors.contact!.id],
    }));
    await db.transaction(async (tx) => {
      await appendAudit(tx, {
        evaluationId,
        actor: actors.admin,
        action: "status",
        target: "status",
        before: "planned",
        after: "preparation",
      });
      await appendAudit(tx, {
        evaluationId,
        actor: actors.eva,
        action: "text",
        target: "area.3.general",
        before: "Gammal text",
        after: 'Ny text, med "citat"\noch radbrytning',
      });
      await appendAudit(tx, {
        evaluationId,
        actor: actors.olle,
        action: "score",
        target: "=1+2",
        after: { points: "12.5", justification: "Väl belagt" },
      });
    });
  });
  afterAll(() => database?.dispose());

  it("keeps what appendAudit writes, in order, with who and when", async () => {
    const entries = await auditEntries(database.db, evaluationId);
    expect(entries.map((e) => [e.action, e.actorName, e.actorId])).toEqual([
      ["created", "Ada Admin", actors.admin!.id],
      ["status", "Ada Admin", actors.admin!.id],
      ["text", "Eva Ek", actors.eva!.id],
      ["score", "Olle Ås", actors.olle!.id],
    ]);
    expect(entries[2]).toMatchObject({ target: "area.3.general", before: "Gammal text", after: 'Ny text, med "citat"\noch radbrytning' });
    expect(entries.every((e, i) => i === 0 || e.at >= entries[i - 1]!.at)).toBe(true);

    const page = await auditPage(database.db, actors.eva, evaluationId, { limit: 2, offset: 0 });
    expect(page.total).toBe(4);
    expect(page.entries.map((e) => e.action)).toEqual(["score", "text"]);
  });

  it("exports the log as RFC 4180 CSV, with formulas defused", async () => {
    const { filename, csv } = await auditCsv(database.db, actors.olle, evaluationId);
    expect(filename).toBe("kommunkompassen-logg-orebro-2024.csv");
    expect(csv.startsWith("id,at,actor,action,target,before,after\r\n")).toBe(true);
    expect(csv).toContain('"Ny text, med ""citat""\noch radbrytning"');
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.action)).toEqual(["created", "status", "text", "score"]);
    expect(rows[1]).toMatchObject({ actor: "Ada Admin", target: "status", before: "planned", after: "preparation" });
    expect(rows[2]).toMatchObject({ actor: "Eva Ek", before: "Gammal text", after: 'Ny text, med "citat"\noch radbrytning' });
    expect(rows[3]).toMatchObject({ target: "'=1+2", before: "", after: '{"points":"12.5","justification":"Väl belagt"}' });
    expect(rows[0]!.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(JSON.parse(rows[0]!.after!)).toMatchObject({ municipalityCode: "1880", year: 2024 });
    expect([defuseFormula("-12.5"), defuseFormula("- en punkt"), defuseFormula("@x"), defuseFormula("vanlig")]).toEqual([
      "-12.5",
      "'- en punkt",
      "'@x",
      "vanlig",
    ]);
  });

  it("shows the log to the team and administrators only; outsiders do not learn it exists", async () => {
    const db = database.db;
    for (const actor of [actors.outsider, null]) {
      await expect(auditCsv(db, actor, evaluationId)).rejects.toBeInstanceOf(NotFoundError);
      await expect(auditPage(db, actor, evaluationId, { limit: 10, offset: 0 })).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(auditCsv(db, actors.admin, evaluationId + 1000)).rejects.toBeInstanceOf(NotFoundError);
    // The municipality's contact sees the evaluation, but not the evaluators' working log.
    await expect(auditCsv(db, actors.contact, evaluationId)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(auditCsv(db, actors.admin, evaluationId)).resolves.toMatchObject({ filename: expect.any(String) });
  });

  it("is append-only in the database itself: UPDATE, DELETE and TRUNCATE are refused", async () => {
    const db = database.db;
    const before = await auditEntries(db, evaluationId);
    for (const statement of [
      sql`update audit_log set action = 'forged', actor_name = 'someone' where evaluation_id = ${evaluationId}`,
      sql`delete from audit_log where evaluation_id = ${evaluationId}`,
      sql`truncate audit_log`,
    ]) {
      const error = await db.execute(statement).then(
        () => null,
        (e: unknown) => e,
      );
      expect(messagesOf(error)).toContain("audit_log is append-only");
    }
    expect(await auditEntries(db, evaluationId)).toEqual(before);
  });
});
