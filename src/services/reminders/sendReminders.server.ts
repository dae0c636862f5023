import "../../i18n/catalogs.server.ts";
import { publicOrigin } from "../../config.server.ts";
import type { Db } from "../../db/client.server.ts";
import { remindersSent } from "../../db/schema.server.ts";
import { swedishDay } from "../../domain/cycle/reminders.ts";
import { type Language, localeOf, translator } from "../../i18n/index.ts";
import { logger } from "../../logger.server.ts";
import { type Mail, sendMail } from "../auth/mail.server.ts";
import { type DueReminder, findDueReminders } from "./dueReminders.server.ts";

export interface ReminderRun {
  sent: number;
  /** Messages the transport refused: not marked sent, so the next run tries them again. */
  failed: number;
}

/**
 * The scheduled job (src/services/reminders/scheduler.server.ts): every reminder due at `now`
 * that has not been sent to its recipient. Each message has its own transaction: its
 * reminders_sent row is inserted first (ON CONFLICT DO NOTHING: on several servers, or in a
 * second run, only one gets the row and sends), and the transaction commits only once the
 * transport has taken the message, so a failed send leaves no row and is retried next run.
 */
export async function sendDueReminders(db: Db, now: Date, send: (mail: Mail) => Promise<unknown> = sendMail): Promise<ReminderRun> {
  const run: ReminderRun = { sent: 0, failed: 0 };
  for (const reminder of await findDueReminders(db, swedishDay(now))) {
    try {
      const sent = await db.transaction(async (tx) => {
        const claimed = await tx
          .insert(remindersSent)
          .values({ kind: reminder.kind, subject: reminder.key, recipient: reminder.recipient.id })
          .onConflictDoNothing()
          .returning({ kind: remindersSent.kind });
        if (claimed.length === 0) return false;
        await send(reminderMail(reminder));
        return true;
      });
      if (sent) run.sent += 1;
    } catch (error) {
      run.failed += 1;
      logger.warn(
        {
          error: error instanceof Error ? error.message : String(error),
          kind: reminder.kind,
          subject: reminder.key,
          to: reminder.recipient.email,
        },
        "reminder not sent; tried again next run",
      );
    }
  }
  return run;
}

/**
 * The message, in Swedish: users have no language of their own yet (when they do, pass it here;
 * the English catalog has the same keys).
 */
export function reminderMail(reminder: DueReminder, language: Language = "sv"): Mail {
  const t = translator(language);
  const date = new Intl.DateTimeFormat(localeOf(language), { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(`${reminder.dueDate}T00:00:00Z`),
  );
  const facts = { municipality: reminder.municipality, year: reminder.year, date };
  const workspace = `${publicOrigin()}/arbetsyta/${reminder.evaluationId}`;
  const lines =
    reminder.kind === "hand_in_due"
      ? {
          subject: t("reminders.handIn.subject", facts),
          body: [
            t("reminders.handIn.body", facts),
            ...(reminder.unanswered ? [t("reminders.handIn.assigned", { count: reminder.unanswered })] : []),
          ],
          link: [t("reminders.handIn.link"), `${workspace}/sjalvvardering`],
        }
      : {
          subject: t("reminders.action.subject", { title: reminder.title }),
          body: [
            t("reminders.action.body", { ...facts, title: reminder.title }),
            ...(reminder.owner ? [t("reminders.action.owner", { owner: reminder.owner })] : []),
          ],
          link: [t("reminders.action.link"), `${workspace}/handlingsplan`],
        };
  const text = [
    t("reminders.greeting", { name: reminder.recipient.name }),
    "",
    lines.body.join(" "),
    "",
    ...lines.link,
    "",
    "-- ",
    t("reminders.footer"),
    "",
  ].join("\n");
  return { to: reminder.recipient.email, subject: lines.subject, text };
}
