/** Swedish messages for the evaluation and report pages, charts and print. */
export const presentation = {
  /** The evaluation page's sentence under its profile: what the average is made of, or why there is none. */
  profile: {
    averaged:
      "Medelvärdet är gjort av de {{count}} senaste utvärderingarna av andra kommuner med version {{instrument}} före denna: {{list}}. Medelvärden visas med en decimal.",
    tooFew_one:
      "Profilen visas utan medelvärde. Före denna fanns bara en utvärdering av en annan kommun med version {{instrument}} och poäng per område ({{list}}), och ett medelvärde visas först när minst {{min}} finns.",
    tooFew_other:
      "Profilen visas utan medelvärde. Före denna fanns bara {{count}} utvärderingar av andra kommuner med version {{instrument}} och poäng per område ({{list}}), och ett medelvärde visas först när minst {{min}} finns.",
    none: "Profilen visas utan medelvärde: före denna finns ingen utvärdering av en annan kommun med version {{instrument}} och poäng per område.",
  },
  /** The report page's sentence naming the comparison its profile shows. */
  reportComparison: {
    averaged:
      "Profildiagrammet jämför {{name}} med medelvärdet av de {{count}} senaste utvärderingarna av andra kommuner med version {{instrument}} av Kommunkompassen, gjorda före denna utvärdering.",
    tooFew_one:
      "Profildiagrammet visar {{name}} utan medelvärde: före denna utvärdering fanns bara en utvärdering av en annan kommun med version {{instrument}}, och ett medelvärde visas först när minst {{min}} finns.",
    tooFew_other:
      "Profildiagrammet visar {{name}} utan medelvärde: före denna utvärdering fanns bara {{count}} utvärderingar av andra kommuner med version {{instrument}}, och ett medelvärde visas först när minst {{min}} finns.",
    none: "Profildiagrammet visar {{name}} utan medelvärde: före denna utvärdering finns ingen utvärdering av en annan kommun med version {{instrument}}.",
    published: "Det är den publicerade jämförelsen, som tar med upp till {{default}} utvärderingar.",
    chosen:
      "Du visar en annan jämförelse än den publicerade: upp till {{compare}} utvärderingar (den publicerade tar med upp till {{default}}).",
  },
  /** Before the source of an imported result (a Swedish publication, marked lang="sv"). */
  source: "Källa:",
  print: {
    /** The print-only line at the foot of every printed page. */
    footer: "Utskrift av {{url}} den {{date}}",
    /** Printed where the evaluation page leaves the sub-areas' texts out. */
    fullReport: "Delområdenas texter och hela analysrapporten: {{url}}",
  },
} as const;
