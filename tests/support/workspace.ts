import type { Db } from "../../src/db/client.server.ts";
import type { Actor } from "../../src/domain/workflow.ts";
import { createUser, SYSTEM } from "../../src/services/auth/users.server.ts";
import { createEvaluation } from "../../src/services/evaluations/createEvaluation.server.ts";
import { addFictionalMunicipalities, TESTKOPING } from "./fictional.ts";

export interface Cast {
  admin: NonNullable<Actor>;
  eva: NonNullable<Actor>;
  per: NonNullable<Actor>;
  outsider: NonNullable<Actor>;
  contact: NonNullable<Actor>;
  otherContact: NonNullable<Actor>;
}

/**
 * Users of every kind, for workspace tests: a team of two, a contact of the fictional Testköping
 * (added to the database here), a contact of Örebro, and outsiders.
 */
export async function createCast(db: Db, tag = Math.random().toString(36).slice(2, 8)): Promise<Cast> {
  await addFictionalMunicipalities(db);
  const make = async (
    key: string,
    role: "administrator" | "evaluator" | "contact",
    municipalityCode: string | null = null,
  ): Promise<NonNullable<Actor>> => {
    const name = `${key} ${tag}`;
    const { id } = await createUser(db, SYSTEM, {
      email: `${key}.${tag}@test.example`,
      name,
      role,
      municipalityCode,
      password: "ett-langt-losenord",
    });
    return { id, name, role, municipalityCode };
  };
  return {
    admin: await make("admin", "administrator"),
    eva: await make("eva", "evaluator"),
    per: await make("per", "evaluator"),
    outsider: await make("olle", "evaluator"),
    contact: await make("kim", "contact", TESTKOPING.code),
    otherContact: await make("kaj", "contact", "1880"),
  };
}

/**
 * An evaluation of the fictional Testköping with the 2016 version (eight areas to score), planned
 * by the administrator: its points are the test's own, so the municipality is fictional.
 */
export async function createTestEvaluation(db: Db, cast: Cast, year = 2017): Promise<number> {
  const { id } = await createEvaluation(db, cast.admin, {
    municipalityCode: TESTKOPING.code,
    instrumentKey: "2016",
    year,
    visitStart: `${year}-03-01`,
    visitEnd: `${year}-03-02`,
    evaluatorIds: [cast.eva.id, cast.per.id],
    contactIds: [cast.contact.id],
  });
  return id;
}
