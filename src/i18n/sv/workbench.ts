/** Swedish messages for the workspace's planning, evidence, scoring and texts pages. */
export const workbench = {
  handIn: {
    openTitle: "Inlämningen är öppen",
    open: "Ni kan lämna in dokument och länkar tills besöket är över. Inlämningen stänger när utvärderarna går vidare till poängsättning efter besöket, som slutar {{date}}.",
    openNoVisit:
      "Ni kan lämna in dokument och länkar tills besöket är över. Inlämningen stänger när utvärderarna går vidare till poängsättning efter besöket; besöksdagarna är inte bestämda ännu.",
    closedTitle: "Inlämningen är stängd",
    closedOn:
      "Inlämningen stängde {{date}}, när utvärderingen gick vidare från besöket till poängsättning. Utvärderingen är nu i steget {{status}}. Ni ser fortfarande det som har lämnats in.",
    closedAfterVisit:
      "Inlämningen stängde efter besöket, som slutade {{date}}, när utvärderingen gick vidare till poängsättning. Utvärderingen är nu i steget {{status}}. Ni ser fortfarande det som har lämnats in.",
    closed:
      "Inlämningen stängde när utvärderingen gick vidare från besöket till poängsättning. Utvärderingen är nu i steget {{status}}. Ni ser fortfarande det som har lämnats in.",
    ask: "Frågor om underlaget? Kontakta utvärderarna:",
    introClosed: "Här ser ni de dokument och länkar som ni och utvärderarna har lämnat in.",
  },
  points: {
    none: { agreed: "inga överenskomna poäng ännu", own: "inga poäng ännu" },
    areaPreliminary: "{{text}}, preliminärt",
    preliminary: {
      agreed: "preliminär: {{complete}} av {{areas}} områden överenskomna",
      own: "preliminär: {{complete}} av {{areas}} områden bedömda",
    },
  },
  texts: {
    indexTitle: "Områden",
    summary: "Sammanfattning",
    general: "Allmän text",
    written: "{{label}}: finns",
    missing: "{{label}}: saknas",
    subareas: "Delområden: {{written}} av {{count}} skrivna",
    label: "{{field}}, område {{number}} {{name}}",
    agreedPoints: "Överenskomna poäng:",
    toIndex: "Till översikten över områdena",
    exampleFieldArea: ", gott exempel i område {{number}} {{name}}",
  },
  disable: {
    question: "Stäng av {{name}}?",
    consequence:
      "Hen kan inte längre logga in, och hen loggas ut överallt med en gång. Kontot ({{email}}) finns kvar och kan aktiveras igen. Avstängningen skrivs i loggen.",
    confirm: "Ja, stäng av {{name}}",
    cancel: "Avbryt",
    close: "Stäng dialogrutan",
  },
} as const;
