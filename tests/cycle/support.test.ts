import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readEvaluation } from "../../src/services/evaluations/evaluationContext.server.ts";
import { publishTestEvaluation } from "../support/cycle.ts";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../support/database.ts";
import { type Cast, createCast } from "../support/workspace.ts";

describe.each(testDatabaseKinds())("the cycle's test support on %s", (kind) => {
  let database: TestDatabase;
  let cast: Cast;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    cast = await createCast(database.db);
  });
  afterAll(() => database.dispose());

  it("publishes a Testköping evaluation with improvement opportunities", async () => {
    const id = await publishTestEvaluation(database.db, cast);
    const e = await readEvaluation(database.db, cast.admin, id);
    expect(e.status).toBe("published");
  });
});
