/**
 * The database the Playwright journeys run on: the demo, as a new installation loads it, with the
 * practice case put in agreement on synthetic points (practicePoints.ts), plus the
 * fictional municipalities and one published evaluation of the fictional Testköping (2017,
 * 2016 version, with improvement opportunities), so that the journey of issue 13 can plan a new
 * evaluation of a municipality with a published one and publish synthetic points without giving
 * them to a real municipality. Run by tests/e2e/prepare-database.mjs before the server starts.
 */
import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { demoEnabled } from "../../src/config.server.ts";
import { openDatabase, settingsFromEnv } from "../../src/db/client.server.ts";
import type { Db } from "../../src/db/client.server.ts";
import { users } from "../../src/db/schema.server.ts";
import type { Actor } from "../../src/domain/workflow.ts";
import { createUser, SYSTEM } from "../../src/services/auth/users.server.ts";
import { prepareDatabase } from "../../src/services/bootstrap.server.ts";
import { referenceFolder } from "../../src/services/reference/loadReferenceData.server.ts";
import { publishTestEvaluation } from "./cycle.ts";
import { addFictionalMunicipalities, TESTKOPING } from "./fictional.ts";
import { addPracticePoints } from "./practicePoints.ts";
import type { Cast } from "./workspace.ts";

/** Testköping's contact in the journeys: a demo account (demo password), of a fictional municipality. */
export const E2E_TESTKOPING_CONTACT = { email: "kontakt.testkoping@kompass.example", name: "Tea Testsson" } as const;
/** The published Testköping evaluation the journeys follow up. */
export const E2E_TESTKOPING_YEAR = 2017;

const demoPassword = () => (JSON.parse(readFileSync(`${referenceFolder}demo/workspace.json`, "utf8")) as { password: string }).password;

async function demoActor(db: Db, email: string): Promise<NonNullable<Actor>> {
  const [row] = await db.select().from(users).where(eq(users.email, email));
  if (!row) throw new Error(`the demo has no account ${email}`);
  return { id: row.id, name: row.name, role: row.role as NonNullable<Actor>["role"], municipalityCode: row.municipalityCode };
}

/**
 * Adds the journeys' fictional data to a database that holds the demo: the fictional
 * municipalities, Testköping's contact, and Testköping 2017 published by the demo's team
 * (Alva Administratör, Eva Ek, Per Lind). Returns the published evaluation's id.
 */
export async function addE2eFixture(db: Db): Promise<number> {
  await addFictionalMunicipalities(db);
  const { id } = await createUser(db, SYSTEM, {
    email: E2E_TESTKOPING_CONTACT.email,
    name: E2E_TESTKOPING_CONTACT.name,
    role: "contact",
    municipalityCode: TESTKOPING.code,
    password: demoPassword(),
  });
  const cast: Cast = {
    admin: await demoActor(db, "admin@kompass.example"),
    eva: await demoActor(db, "eva@kompass.example"),
    per: await demoActor(db, "per@kompass.example"),
    // Not used to publish; the Cast names them for other tests.
    outsider: await demoActor(db, "anders.bergenek@kompass.example"),
    contact: { id, name: E2E_TESTKOPING_CONTACT.name, role: "contact", municipalityCode: TESTKOPING.code },
    otherContact: await demoActor(db, "kontakt.orebro@kompass.example"),
  };
  return publishTestEvaluation(db, cast, E2E_TESTKOPING_YEAR);
}

/**
 * Prepares the database of KOMPASS_DATA_DIR (or DATABASE_URL) as the server would, with the
 * demo, and adds the fixture when it was just seeded; then closes, so that the server can take
 * the data folder's lock.
 */
export async function prepareE2eDatabase(): Promise<void> {
  const database = await openDatabase(settingsFromEnv());
  try {
    const { seeded } = await prepareDatabase(database, { demo: demoEnabled() });
    if (seeded) {
      await addPracticePoints(database.db);
      await addE2eFixture(database.db);
    }
  } finally {
    await database.close();
  }
}
