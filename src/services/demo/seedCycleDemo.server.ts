import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.server.ts";
import { actionNotes, actionPlans, actions, questionnaireAnswers, questionnaires } from "../../db/schema.server.ts";
import type { ActionStatus } from "../../domain/cycle/actions.ts";
import { improvementsOf } from "../../domain/cycle/followup.ts";
import { points } from "../../domain/points.ts";
import type { Actor } from "../../domain/workflow.ts";
import { appendAudit } from "../evaluations/audit.server.ts";
import { questionnaireFor } from "../questionnaire/items.server.ts";

/**
 * The municipality's own cycle in the demo (issue 13), from reference/demo/workspace.json:
 * Eskilstuna 2026's questionnaire, half answered by its contact and an invited colleague and
 * handed in before the visit; and an action plan for Örebro 2012's published improvement
 * opportunities. Both are practice content, seen only by signed-in users: the questionnaire of
 * a practice case, and a plan the municipality keeps private.
 */

export interface DemoQuestionnaire {
  dueDate: string;
  sentAt: string;
  handedInBy: string;
  handedInAt: string;
  answers: {
    itemId: string;
    /** Who answered (a user key); none: given to a colleague, not answered yet. */
    by?: string;
    assignedTo?: string;
    answer: string;
    ownScore?: string;
    links?: string[];
  }[];
}

export interface DemoActionPlan {
  /** The contact who wrote the plan (a user key). */
  by: string;
  /** When the plan was begun, in days from the day the demo is seeded. */
  createdDay: number;
  actions: {
    areaNumber?: number;
    /** The improvement opportunity's line in the area's list; none: the municipality's own action. */
    improvement?: number;
    status: ActionStatus;
    /** Days from the day the demo is seeded, so that an overdue action stays overdue. */
    start?: number;
    due?: number;
    closed?: number;
    title: string;
    description: string;
    owner: string;
    links?: string[];
    notes: { day: number; body: string }[];
  }[];
}

export type DemoPeople = ReadonlyMap<string, NonNullable<Actor>>;

const swedishDay = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit" });
const DAY = 24 * 60 * 60 * 1000;

/** Calendar days counted from the seeding day, so that the demo's plan keeps its shape whenever it is seeded. */
export function demoCalendar(now = new Date()) {
  const [year, month, day] = swedishDay.format(now).split("-").map(Number) as [number, number, number];
  const noon = Date.UTC(year, month - 1, day, 12);
  return {
    day: (offset: number) => new Date(noon + offset * DAY).toISOString().slice(0, 10),
    at: (offset: number) => new Date(noon + offset * DAY),
  };
}

const person = (people: DemoPeople, key: string) => {
  const actor = people.get(key);
  if (!actor) throw new Error(`the demo names an unknown user: ${key}`);
  return actor;
};

/** Eskilstuna 2026's questionnaire: sent with a hand-in date, items given to the colleague, answered, handed in. */
export async function seedDemoQuestionnaire(
  db: Db,
  evaluationId: number,
  instrumentKey: string,
  demo: DemoQuestionnaire,
  people: DemoPeople,
): Promise<void> {
  await db.transaction(async (tx) => {
    const { items } = await questionnaireFor(tx, instrumentKey);
    const known = new Map(items.map((item) => [item.id, item]));
    await tx.insert(questionnaires).values({ evaluationId, dueDate: demo.dueDate, createdAt: new Date(demo.sentAt) });
    await appendAudit(tx, { evaluationId, actor: "system", action: "questionnaire", target: "sent", after: { dueDate: demo.dueDate } });
    const contact = person(people, demo.handedInBy);
    const colleagues = [...new Set(demo.answers.flatMap((a) => (a.assignedTo ? [a.assignedTo] : [])))];
    for (const key of colleagues) {
      const colleague = person(people, key);
      await appendAudit(tx, { evaluationId, actor: contact, action: "staff", target: colleague.name, after: { invited: colleague.name } });
    }
    for (const a of demo.answers) {
      const item = known.get(a.itemId);
      if (!item) throw new Error(`the demo questionnaire has no item ${a.itemId}`);
      if (a.ownScore !== undefined && (item.maxPoints === null || points(a.ownScore).gt(item.maxPoints)))
        throw new Error(`the demo's own score ${a.ownScore} does not fit item ${a.itemId}`);
      const assignedTo = a.assignedTo ? person(people, a.assignedTo) : null;
      const answeredBy = a.by ? person(people, a.by) : null;
      const links = (a.links ?? []).join("\n");
      await tx.insert(questionnaireAnswers).values({
        evaluationId,
        itemId: a.itemId,
        answer: a.answer,
        ownScore: a.ownScore ?? null,
        links,
        assignedTo: assignedTo?.id ?? null,
        // One version per recorded change: the assignment and the answer.
        version: 1 + (assignedTo ? 1 : 0) + (answeredBy ? 1 : 0),
        updatedBy: (answeredBy ?? contact).id,
      });
      if (assignedTo)
        await appendAudit(tx, {
          evaluationId,
          actor: contact,
          action: "questionnaire_assign",
          target: a.itemId,
          after: { assignedTo: assignedTo.name },
        });
      if (answeredBy)
        await appendAudit(tx, {
          evaluationId,
          actor: answeredBy,
          action: "questionnaire_answer",
          target: a.itemId,
          after: { answer: a.answer, ownScore: a.ownScore ?? null, links },
        });
    }
    await tx
      .update(questionnaires)
      .set({ status: "handed_in", handedInAt: new Date(demo.handedInAt), handedInBy: contact.id, version: 2 })
      .where(eq(questionnaires.evaluationId, evaluationId));
    await appendAudit(tx, {
      evaluationId,
      actor: contact,
      action: "questionnaire",
      target: "handed_in",
      before: "open",
      after: "handed_in",
    });
  });
}

/** Örebro 2012's action plan, private to the municipality and the team: one or more actions per improvement opportunity, and own ones. */
export async function seedDemoActionPlan(
  db: Db,
  evaluationId: number,
  municipalityCode: string,
  texts: Readonly<Record<string, string>>,
  demo: DemoActionPlan,
  people: DemoPeople,
  now = new Date(),
): Promise<void> {
  const calendar = demoCalendar(now);
  const author = person(people, demo.by);
  const improvements = improvementsOf(texts);
  await db.transaction(async (tx) => {
    await tx.insert(actionPlans).values({ evaluationId, published: false, updatedBy: author.id, updatedAt: calendar.at(demo.createdDay) });
    for (const a of demo.actions) {
      const improvement =
        a.improvement === undefined ? null : improvements.find((i) => i.areaNumber === a.areaNumber && i.index === a.improvement);
      if (improvement === undefined) throw new Error(`Örebro 2012 has no improvement opportunity ${a.areaNumber}:${a.improvement}`);
      const links = (a.links ?? []).join("\n");
      const [row] = await tx
        .insert(actions)
        .values({
          evaluationId,
          municipalityCode,
          areaNumber: a.areaNumber ?? null,
          improvementIndex: improvement?.index ?? null,
          improvementText: improvement?.text ?? null,
          title: a.title,
          description: a.description,
          owner: a.owner,
          startDate: a.start === undefined ? null : calendar.day(a.start),
          dueDate: a.due === undefined ? null : calendar.day(a.due),
          status: a.status,
          links,
          closedAt: a.closed === undefined ? null : calendar.at(a.closed),
          createdBy: author.id,
          createdAt: calendar.at(demo.createdDay),
          updatedBy: author.id,
          updatedAt: calendar.at(Math.max(demo.createdDay, ...a.notes.map((n) => n.day), a.closed ?? demo.createdDay)),
        })
        .returning({ id: actions.id });
      const target = `action ${row!.id}`;
      await appendAudit(tx, {
        evaluationId,
        actor: author,
        action: "action",
        target,
        after: { title: a.title, status: a.status, owner: a.owner },
      });
      for (const note of a.notes) {
        await tx.insert(actionNotes).values({ actionId: row!.id, notedOn: calendar.day(note.day), body: note.body, createdBy: author.id });
        await appendAudit(tx, {
          evaluationId,
          actor: author,
          action: "action_note",
          target,
          after: { notedOn: calendar.day(note.day), body: note.body },
        });
      }
    }
  });
}
