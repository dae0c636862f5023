import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEvaluation, readEvaluation, withSharedEvaluationReads } from "../../src/services/evaluations/evaluationContext.server.ts";
import { NotFoundError } from "../../src/services/errors.ts";
import { moveTo } from "../support/cycle.ts";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../support/database.ts";
import { type Cast, createCast, createTestEvaluation } from "../support/workspace.ts";

// A workspace page (GET) loads its evaluation once for all its loaders (app/workspace.server.ts):
// the load is shared, each caller's permission check is not, and nothing outlives the page.
describe.each(testDatabaseKinds())("one load of an evaluation per page on %s", (kind) => {
  let database: TestDatabase;
  let cast: Cast;
  let id: number;
  const db = () => database.db;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    cast = await createCast(database.db);
    id = await createTestEvaluation(database.db, cast);
  });
  afterAll(() => database?.dispose());

  it("shares the load between callers of one page, per actor", async () => {
    await withSharedEvaluationReads(db(), async () => {
      const [a, b] = await Promise.all([readEvaluation(db(), cast.eva, id), loadEvaluation(db(), cast.eva, id)]);
      expect(b).toBe(a);
      expect(await readEvaluation(db(), cast.per, id)).not.toBe(a);
    });
    const outside = await readEvaluation(db(), cast.eva, id);
    expect(await readEvaluation(db(), cast.eva, id)).not.toBe(outside);
  });

  it("still checks each caller: an outsider is refused though a member's load is shared", async () => {
    await withSharedEvaluationReads(db(), async () => {
      await loadEvaluation(db(), cast.eva, id);
      await expect(loadEvaluation(db(), cast.outsider, id)).rejects.toBeInstanceOf(NotFoundError);
    });
  });

  it("reads in a transaction from the database, and the next page sees what was saved", async () => {
    await withSharedEvaluationReads(db(), async () => {
      const shared = await readEvaluation(db(), cast.eva, id);
      await db().transaction(async (tx) => expect(await readEvaluation(tx, cast.eva, id)).not.toBe(shared));
    });
    const before = await withSharedEvaluationReads(db(), () => readEvaluation(db(), cast.admin, id));
    await moveTo(db(), cast, id, "preparation");
    const after = await withSharedEvaluationReads(db(), () => readEvaluation(db(), cast.admin, id));
    expect([before.status, after.status]).toEqual(["planned", "preparation"]);
  });
});
