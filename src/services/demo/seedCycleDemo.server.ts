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
 * the practice case's (Övningsköping 2026) questionnaire, half answered by its contact and an invited colleague and
 * handed in before the visit; and an action plan for Örebro 2012's published improvement
 * opportunities. Both are practice content, seen only by signed-in users: the questionnaire of
 * a practice case, and a plan the municipality keeps private. The audit log gets the entries the
 * services write for the same steps (src/services/questionnaire, src/services/actionPlan).
 */

export interface DemoQuestionnaire {
  /** Who moved the evaluation into preparation, which sent the questionnaire (a user key). */
  sentBy: string;
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

export type DemoPeople = ReadonlyMap<string, NonNullable<Actor> & { email: string }>;

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

/** The practice case's questionnaire: sent with a hand-in date, items given to the colleague, answered, handed in. */
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
    const sender = person(people, demo.sentBy);
    await appendAudit(tx, {
      evaluationId,
      actor: sender,
      action: "questionnaire.sent",
      target: "questionnaire",
      after: { dueDate: demo.dueDate, status: "open" },
    });
    const contact = person(people, demo.handedInBy);
    const colleagues = [...new Set(demo.answers.flatMap((a) => (a.assignedTo ? [a.assignedTo] : [])))];
    for (const key of colleagues) {
      // The colleague's membership of the evaluation (role "staff") comes with the evaluation's team.
      const colleague = person(people, key);
      await appendAudit(tx, {
        evaluationId,
        actor: contact,
        action: "questionnaire.colleagueInvited",
        target: colleague.email,
        before: null,
        after: { id: colleague.id, name: colleague.name, newAccount: true },
      });
    }
    const unanswered = { answer: "", ownScore: null, links: [] as string[], evidenceIds: [] as number[] };
    for (const a of demo.answers) {
      const item = known.get(a.itemId);
      if (!item) throw new Error(`the demo questionnaire has no item ${a.itemId}`);
      if (a.ownScore !== undefined && (item.maxPoints === null || points(a.ownScore).gt(item.maxPoints)))
        throw new Error(`the demo's own score ${a.ownScore} does not fit item ${a.itemId}`);
      const assignedTo = a.assignedTo ? person(people, a.assignedTo) : null;
      const answeredBy = a.by ? person(people, a.by) : null;
      const answer = { answer: a.answer, ownScore: a.ownScore ?? null, links: a.links ?? [], evidenceIds: [] as number[] };
      await tx.insert(questionnaireAnswers).values({
        evaluationId,
        itemId: a.itemId,
        answer: answer.answer,
        ownScore: answer.ownScore,
        links: answer.links.join("\n"),
        assignedTo: assignedTo?.id ?? null,
        // As the services count: giving an item away makes its row (version 0); each saved answer adds one.
        version: answeredBy ? 1 : 0,
        updatedBy: (answeredBy ?? contact).id,
      });
      if (assignedTo)
        await appendAudit(tx, {
          evaluationId,
          actor: contact,
          action: "questionnaire.assigned",
          target: a.itemId,
          before: null,
          after: { id: assignedTo.id, name: assignedTo.name },
        });
      if (answeredBy)
        await appendAudit(tx, {
          evaluationId,
          actor: answeredBy,
          action: "questionnaire.answer",
          target: a.itemId,
          before: assignedTo ? unanswered : null,
          after: answer,
        });
    }
    await tx
      .update(questionnaires)
      .set({ status: "handed_in", handedInAt: new Date(demo.handedInAt), handedInBy: contact.id, version: 2 })
      .where(eq(questionnaires.evaluationId, evaluationId));
    await appendAudit(tx, {
      evaluationId,
      actor: contact,
      action: "questionnaire.handedIn",
      target: "questionnaire",
      before: { status: "open" },
      after: { status: "handed_in" },
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
      const fields = {
        title: a.title,
        description: a.description,
        owner: a.owner,
        startDate: a.start === undefined ? null : calendar.day(a.start),
        dueDate: a.due === undefined ? null : calendar.day(a.due),
        status: a.status,
        links: (a.links ?? []).join("\n"),
      };
      const [row] = await tx
        .insert(actions)
        .values({
          evaluationId,
          municipalityCode,
          // An own action answers no improvement opportunity and, as the services store it, has no area.
          areaNumber: improvement?.areaNumber ?? null,
          improvementIndex: improvement?.index ?? null,
          improvementText: improvement?.text ?? null,
          ...fields,
          closedAt: a.closed === undefined ? null : calendar.at(a.closed),
          createdBy: author.id,
          createdAt: calendar.at(demo.createdDay),
          updatedBy: author.id,
          updatedAt: calendar.at(Math.max(demo.createdDay, ...a.notes.map((n) => n.day), a.closed ?? demo.createdDay)),
        })
        .returning({ id: actions.id });
      const id = row!.id;
      await appendAudit(tx, {
        evaluationId,
        actor: author,
        action: "action_added",
        target: improvement ? `${improvement.areaNumber}:${improvement.index + 1}` : "own",
        after: { id, ...fields },
      });
      for (const note of a.notes) {
        const notedOn = calendar.day(note.day);
        await tx.insert(actionNotes).values({ actionId: id, notedOn, body: note.body, createdBy: author.id });
        await appendAudit(tx, {
          evaluationId,
          actor: author,
          action: "action_note",
          target: String(id),
          after: { notedOn, body: note.body },
        });
      }
    }
  });
}
