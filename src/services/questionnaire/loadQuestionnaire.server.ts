import { and, countDistinct, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.server.ts";
import { evaluations, instrumentVersions, questionnaireAnswers, questionnaireItems } from "../../db/schema.server.ts";
import { defaultQuestionnaire, type QuestionnaireItem } from "../../domain/cycle/questionnaire.ts";
import { parseQuestionnaireFile, questionnaireItemsFor, readQuestionnaireBytes } from "../../domain/cycle/questionnaireFile.ts";
import { pointsText } from "../../domain/points.ts";
import { userPolicy } from "../../domain/policies.ts";
import type { Actor } from "../../domain/workflow.ts";
import type { SYSTEM } from "../auth/users.server.ts";
import { ForbiddenError, NotFoundError, type Problem, ValidationError } from "../errors.ts";
import { appendAudit } from "../evaluations/audit.server.ts";
import { getInstruments, sortInstrumentKeys } from "../instruments/catalog.server.ts";
import { questionnaireFor, type QuestionnaireSource } from "./items.server.ts";

/**
 * An administrator maintains each instrument version's questionnaire as data: loads a file
 * (docs/questionnaire-format.md) in place of the version's items, or goes back to the default
 * derived from the instrument. Either is all or nothing, and neither may drop an item that a
 * municipality has already worked on in some evaluation: its answer would lose its question.
 */

type Who = Actor | typeof SYSTEM;

function mayManage(actor: Who): void {
  if (actor !== "system" && !userPolicy.manageInstruments(actor)) throw new ForbiddenError("manage questionnaires");
}

/** What a load or reset changed, by item id, for the audit log and the one who did it. */
export interface QuestionnaireChange {
  instrumentKey: string;
  source: QuestionnaireSource;
  count: number;
  added: string[];
  removed: string[];
  changed: string[];
}

const comparable = (item: QuestionnaireItem) =>
  JSON.stringify([item.areaNumber, item.subareaId, item.text, item.guidance, item.maxPoints ? pointsText(item.maxPoints) : null]);

function changeOf(before: QuestionnaireItem[], after: QuestionnaireItem[]) {
  const old = new Map(before.map((item) => [item.id, item]));
  const ids = new Set(after.map((item) => item.id));
  return {
    added: after.filter((item) => !old.has(item.id)).map((item) => item.id),
    removed: before.filter((item) => !ids.has(item.id)).map((item) => item.id),
    changed: after.filter((item) => old.has(item.id) && comparable(old.get(item.id)!) !== comparable(item)).map((item) => item.id),
  };
}

/**
 * The items among `ids` that a municipality has worked on (an answer row: text, score, links or an
 * assignment) in an evaluation of the version, each with how many evaluations: these may not go.
 */
async function itemsInUse(tx: Tx, instrumentKey: string, ids: string[]): Promise<Problem[]> {
  if (ids.length === 0) return [];
  const rows = await tx
    .select({ itemId: questionnaireAnswers.itemId, evaluations: countDistinct(questionnaireAnswers.evaluationId) })
    .from(questionnaireAnswers)
    .innerJoin(evaluations, eq(evaluations.id, questionnaireAnswers.evaluationId))
    .where(and(eq(evaluations.instrumentKey, instrumentKey), inArray(questionnaireAnswers.itemId, ids)))
    .groupBy(questionnaireAnswers.itemId)
    .orderBy(questionnaireAnswers.itemId);
  const order = new Map(ids.map((id, index) => [id, index]));
  return rows
    .sort((a, b) => order.get(a.itemId)! - order.get(b.itemId)!)
    .map((row) => ({
      location: `item ${row.itemId}`,
      field: "items",
      message: "item_in_use",
      values: { id: row.itemId, evaluations: Number(row.evaluations) },
    }));
}

/**
 * Replaces the version's questionnaire in one transaction, after locking the version (two loads
 * of one version run one after the other): the items in use that `next` would drop refuse it.
 */
async function replaceItems(
  db: Db,
  actor: Who,
  instrumentKey: string,
  next: (tx: Tx) => Promise<{ items: QuestionnaireItem[]; source: QuestionnaireSource }>,
  what: string,
): Promise<QuestionnaireChange> {
  return db.transaction(async (tx) => {
    const [version] = await tx
      .select({ key: instrumentVersions.key })
      .from(instrumentVersions)
      .where(eq(instrumentVersions.key, instrumentKey))
      .for("update");
    if (!version) throw new NotFoundError("instrument", instrumentKey);
    const before = await questionnaireFor(tx, instrumentKey);
    const after = await next(tx);
    const change = changeOf(before.items, after.items);
    // Already the default: nothing to store, and nothing to log.
    if (before.source === "default" && after.source === "default")
      return { instrumentKey, source: after.source, count: after.items.length, ...change };
    const inUse = await itemsInUse(tx, instrumentKey, change.removed);
    if (inUse.length > 0) throw new ValidationError(`the questionnaire of ${instrumentKey} was not ${what}`, inUse);
    await tx.delete(questionnaireItems).where(eq(questionnaireItems.instrumentKey, instrumentKey));
    if (after.source === "loaded") {
      await tx.insert(questionnaireItems).values(
        after.items.map((item) => ({
          instrumentKey,
          itemId: item.id,
          position: item.position,
          areaNumber: item.areaNumber,
          subareaId: item.subareaId,
          text: item.text,
          guidance: item.guidance,
          maxPoints: item.maxPoints === null ? null : pointsText(item.maxPoints),
        })),
      );
    }
    const result: QuestionnaireChange = { instrumentKey, source: after.source, count: after.items.length, ...change };
    await appendAudit(tx, {
      evaluationId: null,
      actor,
      action: `questionnaire.${what}`,
      target: instrumentKey,
      before: { source: before.source, count: before.items.length },
      after: { source: after.source, count: after.items.length, ...change },
    });
    return result;
  });
}

/**
 * Loads a questionnaire file (its bytes: UTF-8 JSON, docs/questionnaire-format.md) as the
 * questionnaire of the version it names. Problems name the item (number and id) and the field.
 */
export async function loadQuestionnaire(db: Db, actor: Who, input: { bytes: Uint8Array }): Promise<QuestionnaireChange> {
  mayManage(actor);
  const refused = (problems: Problem[]) => new ValidationError("the questionnaire was not loaded", problems);
  const json = readQuestionnaireBytes(input.bytes);
  if (!json.ok) throw refused(json.problems);
  const file = parseQuestionnaireFile(json.value);
  if (!file.ok) throw refused(file.problems);
  const instrument = (await getInstruments(db)).get(file.value.instrumentKey);
  if (!instrument)
    throw refused([{ field: "instrumentKey", message: "instrument_unknown", values: { version: file.value.instrumentKey } }]);
  const items = questionnaireItemsFor(file.value, instrument);
  if (!items.ok) throw refused(items.problems);
  return replaceItems(db, actor, instrument.key, async () => ({ items: items.value, source: "loaded" }), "load");
}

/** Back to the default questionnaire derived from the instrument (the same refusal when items are in use). */
export async function resetQuestionnaire(db: Db, actor: Who, input: { instrumentKey: string }): Promise<QuestionnaireChange> {
  mayManage(actor);
  const instrument = (await getInstruments(db)).get(input.instrumentKey);
  if (!instrument) throw new NotFoundError("instrument", input.instrumentKey);
  return replaceItems(db, actor, instrument.key, async () => ({ items: defaultQuestionnaire(instrument), source: "default" }), "reset");
}

export interface VersionQuestionnaire {
  instrumentKey: string;
  name: string;
  source: QuestionnaireSource;
  items: QuestionnaireItem[];
}

/** Every version's questionnaire, in the versions' order, for the administrator's page. */
export async function questionnaireOverview(db: Db, actor: Who): Promise<VersionQuestionnaire[]> {
  mayManage(actor);
  const instruments = await getInstruments(db);
  return Promise.all(
    sortInstrumentKeys(instruments.keys()).map(async (key) => ({
      instrumentKey: key,
      name: instruments.get(key)!.name,
      ...(await questionnaireFor(db, key)),
    })),
  );
}
