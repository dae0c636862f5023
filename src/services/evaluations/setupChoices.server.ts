import { asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.server.ts";
import { municipalities, users } from "../../db/schema.server.ts";
import { userPolicy } from "../../domain/policies.ts";
import type { Actor } from "../../domain/workflow.ts";
import { ForbiddenError } from "../errors.ts";
import { getInstruments, sortInstrumentKeys } from "../instruments/catalog.server.ts";

/** What an administrator chooses from when planning an evaluation. */
export async function setupChoices(db: Db, actor: Actor) {
  if (!userPolicy.createEvaluation(actor)) throw new ForbiddenError("plan evaluations");
  const collator = new Intl.Collator("sv");
  const [instruments, places, people] = await Promise.all([
    getInstruments(db),
    db.select({ code: municipalities.code, name: municipalities.name }).from(municipalities),
    db
      .select({
        id: users.id,
        name: users.name,
        role: users.role,
        municipalityCode: users.municipalityCode,
        organisation: users.organisation,
      })
      .from(users)
      .where(eq(users.disabled, false))
      .orderBy(asc(users.name)),
  ]);
  const names = new Map(places.map((m) => [m.code, m.name]));
  const sorted = <T extends { name: string }>(list: T[]) => [...list].sort((a, b) => collator.compare(a.name, b.name));
  return {
    instruments: sortInstrumentKeys(instruments.keys()).map((key) => ({ key, name: instruments.get(key)!.name })),
    municipalities: sorted(places),
    evaluators: sorted(people.filter((p) => p.role === "evaluator" || p.role === "administrator")).map((p) => ({
      id: p.id,
      name: p.name,
      organisation: p.organisation,
    })),
    contacts: sorted(people.filter((p) => p.role === "contact")).map((p) => ({
      id: p.id,
      name: p.name,
      municipalityCode: p.municipalityCode,
      municipality: names.get(p.municipalityCode ?? "") ?? "",
    })),
    /** Who adds a missing contact person. */
    administrators: sorted(people.filter((p) => p.role === "administrator")).map((p) => p.name),
  };
}

export type SetupChoices = Awaited<ReturnType<typeof setupChoices>>;
