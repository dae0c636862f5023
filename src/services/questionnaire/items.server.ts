import { asc, eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.server.ts";
import { questionnaireItems } from "../../db/schema.server.ts";
import { defaultQuestionnaire, type QuestionnaireItem } from "../../domain/cycle/questionnaire.ts";
import { points } from "../../domain/points.ts";
import { NotFoundError } from "../errors.ts";
import { getInstruments } from "../instruments/catalog.server.ts";

/** Where a version's questionnaire comes from: a file an administrator loaded, or the instrument itself. */
export type QuestionnaireSource = "loaded" | "default";

/**
 * The questionnaire of an instrument version: the items an administrator loaded, in their order;
 * else the default derived from the instrument (one item per sub-area, or per area while a
 * version has no sub-areas), which follows the instrument when its sub-areas are loaded later.
 */
export async function questionnaireFor(
  db: Db | Tx,
  instrumentKey: string,
): Promise<{ items: QuestionnaireItem[]; source: QuestionnaireSource }> {
  const rows = await db
    .select()
    .from(questionnaireItems)
    .where(eq(questionnaireItems.instrumentKey, instrumentKey))
    .orderBy(asc(questionnaireItems.position));
  if (rows.length > 0) {
    return {
      source: "loaded",
      items: rows.map((row) => ({
        id: row.itemId,
        position: row.position,
        areaNumber: row.areaNumber,
        subareaId: row.subareaId,
        text: row.text,
        guidance: row.guidance,
        maxPoints: row.maxPoints === null ? null : points(row.maxPoints),
      })),
    };
  }
  const instrument = (await getInstruments(db)).get(instrumentKey);
  if (!instrument) throw new NotFoundError("instrument", instrumentKey);
  return { source: "default", items: defaultQuestionnaire(instrument) };
}
