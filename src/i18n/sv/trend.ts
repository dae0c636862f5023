/** Swedish messages for the trend view (several municipalities over time). */
export const trend = {
  title: "Utveckling över tid",
  intro:
    "Följ upp till sex kommuners resultat över tid: totalpoängen eller ett områdes poäng. Tidsaxeln följer datumen, och varje version av instrumentet har sin period.",
  form: "Val för utvecklingen",
  chosen: "Valda kommuner",
  noneChosen: "Ingen kommun är vald ännu.",
  removeLabel: "Ta bort {{name}}",
  remove: "Ta bort",
  add: "Lägg till kommun",
  addHint: "Kommunerna som har publicerade resultat.",
  addEmpty: "Välj kommun",
  full: "Sex kommuner är valda, det är högsta antalet. Ta bort en för att lägga till en annan.",
  measure: "Mått",
  measureHint: "Ett område går bara att följa inom en version: områdenas nummer betyder olika saker i olika versioner.",
  total: "Totalpoäng (alla versioner)",
  version: "{{key}} års version",
  areaOption: "{{number}}. {{name}}",
  show: "Visa",
  chooseFirst: "Välj en eller flera kommuner för att se utvecklingen.",
  resultHeading: "Utvecklingen",
  titleTotal: "Totalpoäng över tid: {{list}}",
  titleArea: "Område {{number}}, {{name}} ({{version}}): {{list}}",
  count_one: "{{count}} värde visas.",
  count_other: "{{count}} värden visas.",
  noFigures: "{{name}} har inga poäng för det här måttet.",
  noneHaveFigures: "Ingen av de valda kommunerna har poäng för det här måttet.",
  chart: {
    periodShort: "Version {{key}}",
    periodDetail: "medel {{average}} av {{count}}",
    periodTooFew: "{{count}} st, inget medel",
    averageName: "Medelvärde för versionen",
    averageSeries_one: "Medelvärde, {{period}} ({{count}} utvärdering)",
    averageSeries_other: "Medelvärde, {{period}} ({{count}} utvärderingar)",
    tooFew: "för få för ett medelvärde",
    line: "{{name}}: {{figures}}",
    description: "Linjediagram med en linje per kommun och en tidsaxel efter datum. {{lines}}. {{averages}}.",
    series: "Serie",
    date: "Datum i diagrammet",
    value: "Poäng",
  },
  notes: {
    dates:
      "Tidsaxeln följer datumen: ett resultat med känt datum står på sitt datum, ett resultat utan känt datum mitt på sitt år (1 juli).",
    periods:
      "De skuggade perioderna visar när varje version användes: från första till sista året då någon kommun har ett resultat med versionen.",
    totals:
      "Totalpoäng från olika versioner går inte att jämföra område för område, eftersom områdena delvis har olika innehåll. Därför bryts linjerna där versionen byts.",
    average_one:
      "Medelvärdet för {{period}} är {{average}} poäng, av den enda utvärderingen med versionen som har poäng för måttet (alla kommuner, alla år).",
    average_other:
      "Medelvärdet för {{period}} är {{average}} poäng, av alla {{count}} utvärderingar med versionen som har poäng för måttet (alla kommuner, alla år).",
    tooFew_zero: "{{period}}: ingen utvärdering har poäng för måttet, så inget medelvärde visas.",
    tooFew_one:
      "{{period}}: bara {{count}} utvärdering har poäng för måttet. Det är för få för ett medelvärde (minst {{min}} behövs), så inget medelvärde visas.",
    tooFew_other:
      "{{period}}: bara {{count}} utvärderingar har poäng för måttet. Det är för få för ett medelvärde (minst {{min}} behövs), så inget medelvärde visas.",
  },
  table: {
    caption: "Värden och källor: {{title}}",
    label: "utvecklingens värden",
    evaluationLink: "{{name}} {{year}}",
    noDate: "okänt",
    noSource: "ingen källa angiven",
  },
  errorsTitle: "Det gick inte att visa utvecklingen",
  problem: {
    code: "”{{value}}” är ingen kommunkod. Välj kommunen i listan.",
    unknownMunicipality: "Det finns ingen kommun med koden {{value}}.",
    tooMany: "Högst sex kommuner går att visa samtidigt, men {{value}} är valda.",
    measure: "Måttet ”{{value}}” finns inte. Välj mått i listan.",
    unknownMeasure: "Måttet ”{{value}}” finns inte. Välj mått i listan.",
  },
  links: {
    municipality: "Jämför utvecklingen för {{name}} med andra kommuner",
    compare: "Följ de valda kommunerna över tid",
  },
};
