import { and, eq, gte, inArray, lt, lte } from "drizzle-orm";
import type { Db } from "../../db/client.server.ts";
import {
  actions,
  evaluationMembers,
  evaluations,
  municipalities,
  questionnaireAnswers,
  questionnaires,
  users,
} from "../../db/schema.server.ts";
import { isAnswered } from "../../domain/cycle/questionnaire.ts";
import { addDays, HAND_IN_DAYS_AHEAD, reminderSubject } from "../../domain/cycle/reminders.ts";

export interface Recipient {
  id: string;
  email: string;
  name: string;
}

interface About {
  /** reminders_sent.subject: what the reminder is about, with its date. */
  key: string;
  recipient: Recipient;
  evaluationId: number;
  municipality: string;
  year: number;
  dueDate: string;
}

/** A questionnaire's hand-in date is near; `unanswered`: items given to this colleague still open (null for a contact). */
export interface HandInReminder extends About {
  kind: "hand_in_due";
  unanswered: number | null;
}

/** An open action of a published evaluation's plan is past its due date. */
export interface ActionReminder extends About {
  kind: "action_overdue";
  actionId: number;
  title: string;
  owner: string;
}

export type DueReminder = HandInReminder | ActionReminder;

/** Every reminder due on a Swedish calendar day, sent or not (reminders_sent decides that). */
export async function findDueReminders(db: Db, today: string): Promise<DueReminder[]> {
  return [...(await handInReminders(db, today)), ...(await actionReminders(db, today))];
}

const recipientColumns = { id: users.id, email: users.email, name: users.name };

/**
 * Open questionnaires due within HAND_IN_DAYS_AHEAD days: the evaluation's contacts, and each
 * invited colleague who still has unanswered items given to them.
 */
async function handInReminders(db: Db, today: string): Promise<HandInReminder[]> {
  const due = await db
    .select({
      evaluationId: questionnaires.evaluationId,
      dueDate: questionnaires.dueDate,
      year: evaluations.year,
      municipality: municipalities.name,
    })
    .from(questionnaires)
    .innerJoin(evaluations, eq(evaluations.id, questionnaires.evaluationId))
    .innerJoin(municipalities, eq(municipalities.code, evaluations.municipalityCode))
    .where(
      and(
        eq(questionnaires.status, "open"),
        gte(questionnaires.dueDate, today),
        lte(questionnaires.dueDate, addDays(today, HAND_IN_DAYS_AHEAD)),
      ),
    );
  if (due.length === 0) return [];
  const ids = due.map((q) => q.evaluationId);
  const people = await db
    .select({ evaluationId: evaluationMembers.evaluationId, role: evaluationMembers.role, ...recipientColumns })
    .from(evaluationMembers)
    .innerJoin(users, eq(users.id, evaluationMembers.userId))
    .where(
      and(inArray(evaluationMembers.evaluationId, ids), inArray(evaluationMembers.role, ["contact", "staff"]), eq(users.disabled, false)),
    );
  const assigned = await db
    .select({
      evaluationId: questionnaireAnswers.evaluationId,
      assignedTo: questionnaireAnswers.assignedTo,
      answer: questionnaireAnswers.answer,
    })
    .from(questionnaireAnswers)
    .where(inArray(questionnaireAnswers.evaluationId, ids));
  const unansweredBy = new Map<string, number>();
  for (const row of assigned) {
    if (!row.assignedTo || isAnswered(row)) continue;
    const key = `${row.evaluationId}:${row.assignedTo}`;
    unansweredBy.set(key, (unansweredBy.get(key) ?? 0) + 1);
  }
  return due.flatMap((q) =>
    people
      .filter((p) => p.evaluationId === q.evaluationId)
      .flatMap(({ evaluationId, role, ...recipient }): HandInReminder[] => {
        const unanswered = role === "staff" ? (unansweredBy.get(`${evaluationId}:${recipient.id}`) ?? 0) : null;
        if (unanswered === 0) return [];
        const key = reminderSubject.questionnaire(evaluationId, q.dueDate);
        return [
          { kind: "hand_in_due", key, recipient, evaluationId, municipality: q.municipality, year: q.year, dueDate: q.dueDate, unanswered },
        ];
      }),
  );
}

/**
 * Planned or ongoing actions due before today, of published evaluations: everyone who speaks for
 * the municipality (its contacts and staff accounts), as the action plan is theirs.
 */
async function actionReminders(db: Db, today: string): Promise<ActionReminder[]> {
  const overdue = await db
    .select({
      actionId: actions.id,
      evaluationId: actions.evaluationId,
      municipalityCode: actions.municipalityCode,
      title: actions.title,
      owner: actions.owner,
      dueDate: actions.dueDate,
      year: evaluations.year,
      municipality: municipalities.name,
    })
    .from(actions)
    .innerJoin(evaluations, eq(evaluations.id, actions.evaluationId))
    .innerJoin(municipalities, eq(municipalities.code, actions.municipalityCode))
    .where(and(inArray(actions.status, ["planned", "in_progress"]), lt(actions.dueDate, today), eq(evaluations.status, "published")));
  if (overdue.length === 0) return [];
  const codes = [...new Set(overdue.map((a) => a.municipalityCode))];
  const people = await db
    .select({ municipalityCode: users.municipalityCode, ...recipientColumns })
    .from(users)
    .where(and(inArray(users.municipalityCode, codes), inArray(users.role, ["contact", "staff"]), eq(users.disabled, false)));
  return overdue.flatMap((a) =>
    people
      .filter((p) => p.municipalityCode === a.municipalityCode)
      .map(({ municipalityCode: _code, ...recipient }): ActionReminder => {
        const dueDate = a.dueDate!;
        return {
          kind: "action_overdue",
          key: reminderSubject.action(a.actionId, dueDate),
          recipient,
          evaluationId: a.evaluationId,
          municipality: a.municipality,
          year: a.year,
          dueDate,
          actionId: a.actionId,
          title: a.title,
          owner: a.owner,
        };
      }),
  );
}
