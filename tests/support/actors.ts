import { eq } from "drizzle-orm";
import type { Db } from "../../src/db/client.server.ts";
import { users } from "../../src/db/schema.server.ts";
import type { Actor } from "../../src/domain/workflow.ts";

/** The actor of a stored user, by e-mail address (a demo account, say), for calling services directly. */
export async function actorByEmail(db: Db, email: string): Promise<NonNullable<Actor>> {
  const [row] = await db.select().from(users).where(eq(users.email, email));
  if (!row) throw new Error(`no user ${email}`);
  return { id: row.id, name: row.name, role: row.role as NonNullable<Actor>["role"], municipalityCode: row.municipalityCode };
}
