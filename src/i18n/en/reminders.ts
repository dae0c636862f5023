import type { Messages } from "../messages.ts";
import type { reminders as sv } from "../sv/reminders.ts";

/** English messages for reminder e-mails (src/services/reminders/). Plain text: no markup. */
export const reminders: Messages<typeof sv> = {
  tab: "Reminders",
  greeting: "Hello {{name}},",
  footer: "This is an automatic reminder from Kommunkompassen. You get it once for this date.",
  handIn: {
    subject: "Reminder: the self-assessment for {{municipality}} is due on {{date}}",
    body: "The self-assessment before Kommunkompassen's evaluation of {{municipality}} {{year}} is to be handed in by {{date}}.",
    assigned_one: "{{count}} question given to you is still unanswered.",
    assigned_other: "{{count}} questions given to you are still unanswered.",
    link: "Answer and hand in here:",
  },
  action: {
    subject: "Reminder: the action “{{title}}” is overdue",
    body: "The action “{{title}}” in the action plan after the evaluation of {{municipality}} {{year}} was due on {{date}} but is not yet marked as done.",
    owner: "Responsible: {{owner}}",
    link: "Update the action or its status here:",
  },
};
