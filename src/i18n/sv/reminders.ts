/** Swedish messages for reminder e-mails (src/services/reminders/). Plain text: no markup. */
export const reminders = {
  tab: "Påminnelser",
  greeting: "Hej {{name}}!",
  footer: "Det här är en automatisk påminnelse från Kommunkompassen. Du får den en gång för det här datumet.",
  handIn: {
    subject: "Påminnelse: självvärderingen för {{municipality}} ska lämnas in senast {{date}}",
    body: "Självvärderingen inför Kommunkompassens utvärdering av {{municipality}} {{year}} ska lämnas in senast {{date}}.",
    assigned_one: "{{count}} fråga som du har fått att besvara är ännu obesvarad.",
    assigned_other: "{{count}} frågor som du har fått att besvara är ännu obesvarade.",
    link: "Svara och lämna in här:",
  },
  action: {
    subject: "Påminnelse: åtgärden ”{{title}}” är försenad",
    body: "Åtgärden ”{{title}}” i handlingsplanen efter utvärderingen av {{municipality}} {{year}} skulle vara klar {{date}} men är ännu inte markerad som klar.",
    owner: "Ansvarig: {{owner}}",
    link: "Uppdatera åtgärden eller dess status här:",
  },
};
