import "../../i18n/catalogs.server.ts";
import { type Language, localeOf, translator } from "../../i18n/index.ts";
import { logger } from "../../logger.server.ts";
import { sendMail } from "../auth/mail.server.ts";

/** Where the questionnaire is answered, as a full address when KOMPASS_URL is set (as the password links are). */
export const questionnairePath = (evaluationId: number) => `/arbetsyta/${evaluationId}/sjalvvardering`;
const addressOf = (path: string) => `${process.env.KOMPASS_URL ?? ""}${path}`;

const longDate = (day: string, language: Language) =>
  new Intl.DateTimeFormat(localeOf(language), { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));

/**
 * A message in both languages: the accounts have no language of their own, so the Swedish text
 * comes first and the English one after it.
 */
function bilingual(key: string, values: Record<string, string>, dueDate: string): { subject: string; text: string } {
  const [sv, en] = (["sv", "en"] as const).map((language) => {
    const t = translator(language);
    return {
      subject: t(`questionnaire.mail.${key}.subject`, { ...values, date: longDate(dueDate, language) }),
      text: t(`questionnaire.mail.${key}.text`, { ...values, date: longDate(dueDate, language) }),
    };
  });
  return { subject: sv!.subject, text: `${sv!.text}\n\n— In English —\n\n${en!.text}` };
}

/**
 * Sends the messages after the change is committed: a mail that cannot be sent is logged and
 * does not undo what was done (the link is on the page too).
 */
async function deliver(to: string, message: { subject: string; text: string }): Promise<void> {
  try {
    await sendMail({ to, ...message });
  } catch (error) {
    logger.warn({ err: error, to }, "questionnaire mail not sent");
  }
}

export interface QuestionnaireMailFacts {
  evaluationId: number;
  municipalityName: string;
  year: number;
  dueDate: string;
}

/** The questionnaire is sent: each contact gets the address and the hand-in date. */
export async function mailQuestionnaireSent(facts: QuestionnaireMailFacts, contacts: { name: string; email: string }[]): Promise<void> {
  for (const contact of contacts) {
    await deliver(
      contact.email,
      bilingual(
        "sent",
        {
          name: contact.name,
          municipality: facts.municipalityName,
          year: String(facts.year),
          link: addressOf(questionnairePath(facts.evaluationId)),
        },
        facts.dueDate,
      ),
    );
  }
}

/** A colleague is invited: the address of the questionnaire, and whether a password link follows. */
export async function mailColleagueInvited(
  facts: QuestionnaireMailFacts,
  colleague: { name: string; email: string },
  invitedBy: string,
  newAccount: boolean,
): Promise<void> {
  await deliver(
    colleague.email,
    bilingual(
      newAccount ? "invitedNew" : "invited",
      {
        name: colleague.name,
        invitedBy,
        municipality: facts.municipalityName,
        year: String(facts.year),
        link: addressOf(questionnairePath(facts.evaluationId)),
      },
      facts.dueDate,
    ),
  );
}
