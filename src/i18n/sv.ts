import { admin } from "./sv/admin.ts";
import { evidence } from "./sv/evidence.ts";
import { scoring } from "./sv/scoring.ts";
import { auth, forms, problem, status, workspace } from "./sv/workspace.ts";
import { pages } from "./sv/pages.ts";
import { report } from "./sv/report.ts";
import { writing } from "./sv/writing.ts";
import { portal } from "./sv/portal.ts";
import { about } from "./sv/about.ts";
import { downloads } from "./sv/downloads.ts";
import { finder } from "./sv/finder.ts";
import { trend } from "./sv/trend.ts";
import { presentation } from "./sv/presentation.ts";
import { layout } from "./sv/layout.ts";
import { workbench } from "./sv/workbench.ts";
import { questionnaire } from "./sv/questionnaire.ts";
import { questionnaireAdmin } from "./sv/questionnaireAdmin.ts";
import { gap } from "./sv/gap.ts";
import { actionPlan } from "./sv/actionPlan.ts";
import { reminders } from "./sv/reminders.ts";
import { followup } from "./sv/followup.ts";

/** Swedish messages: the product's first language. Workspace namespaces live in ./sv/. */
export const sv = {
  forms,
  problem,
  auth,
  status,
  workspace,
  evidence,
  scoring,
  writing,
  portal,
  report,
  pages,
  admin,
  about,
  downloads,
  finder,
  trend,
  presentation,
  layout,
  workbench,
  questionnaire,
  questionnaireAdmin,
  gap,
  actionPlan,
  reminders,
  followup,
  app: {
    name: "Kommunkompassen",
    tagline: "Utvärderingar av hur kommuner leds och styrs",
    skipToContent: "Hoppa till innehållet",
    mainNav: "Huvudmeny",
    accountNav: "Konto och språk",
    menu: "Meny",
    language: "In English",
    footer: "Öppna data och API",
  },
  nav: {
    results: "Resultat",
    municipalities: "Kommuner",
    compare: "Jämför",
    trend: "Utveckling",
    search: "Sök",
    about: "Om",
    api: "Öppna data",
  },
  pager: { previous: "Föregående sida", next: "Nästa sida" },
  home: {
    title: "Publicerade resultat",
    intro:
      "Kommunkompassen utvärderar hur en kommun leds och styrs inom åtta områden, med 100 poäng per område och 800 poäng totalt. Här finns alla publicerade resultat.",
    count_one: "{{count}} publicerat resultat",
    count_other: "{{count}} publicerade resultat",
    empty: "Inga resultat är publicerade ännu.",
    filterInstrument: "Version av instrumentet",
    allInstruments: "Alla versioner",
    filter: "Visa",
    caption: "Publicerade resultat, senaste först",
    pages: "Sidor med resultat",
    pageStatus: "Sida {{page}} av {{pages}}: resultat {{from}}–{{to}}",
  },
  municipalities: {
    title: "Kommuner",
    intro: "Sveriges 290 kommuner med län och kommungrupp. Välj en kommun för att se dess resultat över tid.",
    caption: "Kommuner med län och kommungrupp",
    evaluated_one: "{{count}} utvärdering",
    evaluated_other: "{{count}} utvärderingar",
    notEvaluated: "Ej utvärderad",
  },
  municipality: {
    title: "{{name}}",
    facts: "Fakta",
    code: "Kommunkod",
    county: "Län",
    group: "Kommungrupp ({{grouping}})",
    resultsTitle: "Resultat över tid",
    noResults: "{{name}} har inga publicerade resultat.",
    instrumentCaption: "Poäng per område, {{instrument}}",
    areaColumn: "Område",
    totalRow: "Totalt",
    derived: "beräknat",
    derivedNote: "Kursiva värden är beräknade ur delområdenas poäng; övriga är publicerade.",
    notKnown: "uppgift saknas",
    reportLink: "Analysrapporten {{year}}",
    comparabilityNote: "Resultat är bara säkert jämförbara inom samma version av instrumentet.",
    source: "Källa",
    sources: "Källor",
    warnings: "Avvikelser",
    notFound: "Det finns ingen kommun med koden {{code}}.",
  },
  table: {
    municipality: "Kommun",
    county: "Län",
    group: "Kommungrupp",
    year: "År",
    date: "Datum",
    instrument: "Version",
    level: "Detaljnivå",
    total: "Totalpoäng",
    rank: "Placering",
    results: "Utvärderingar",
  },
  level: { subarea: "Delområden", area: "Områden", total: "Endast total" },
  warning: {
    total_differs_from_derived:
      "Publicerad totalpoäng {{published}} skiljer sig från den beräknade summan {{derived}}. Båda visas; den publicerade gäller.",
    area_differs_from_subareas: "Område {{area}}: publicerade {{published}} poäng skiljer sig från summan av delområdena {{derived}}.",
    subareas_incomplete: "Område {{area}}: poäng saknas för delområde {{missing}}.",
    areas_incomplete: "Poäng saknas för område {{missing}}.",
  },
  error: {
    title: "Något gick fel",
    notFoundTitle: "Sidan finns inte",
    notFound: "Sidan du söker finns inte. Kontrollera adressen eller gå till startsidan.",
    generic: "Ett oväntat fel inträffade. Försök igen om en stund.",
    home: "Till startsidan",
    back: "Tillbaka",
    refusal: {
      badUrl: { title: "Adressen kan inte läsas", text: "Adressen innehåller tecken som ingen sida här använder. Kontrollera länken." },
      method: { title: "Metoden stöds inte", text: "Sidan kan inte ta emot den sortens anrop." },
      crossSite: {
        title: "Formuläret kom från en annan webbplats",
        text: "Av säkerhetsskäl tas bara formulär från Kommunkompassens egna sidor emot. Ingenting sparades. Gå tillbaka och skicka formuläret igen från sidan.",
      },
      contentType: {
        title: "Innehållet stöds inte",
        text: "Sidan tar bara emot formulär som webbläsaren skickar dem. Ingenting sparades.",
      },
      tooLarge: { title: "Formuläret är för stort", text: "Formuläret innehöll mer än sidan tar emot. Ingenting sparades." },
      fileTooLarge: { title: "Filen är för stor", text: "En fil får vara högst {{mb}} MB. Ingenting sparades." },
      badBody: {
        title: "Formuläret kunde inte läsas",
        text: "Formuläret kom fram ofullständigt eller skadat. Ingenting sparades. Försök igen.",
      },
      rateLimited: {
        title: "För många förfrågningar",
        text: "Du har gjort många förfrågningar på kort tid. Vänta en stund och försök igen (om {{seconds}} sekunder).",
      },
      unavailable: {
        title: "Tjänsten är tillfälligt otillgänglig",
        text: "Kommunkompassen når inte sin databas just nu. Ingenting har gått förlorat. Försök igen om en stund.",
      },
      error: { title: "Något gick fel", text: "Ett oväntat fel inträffade. Försök igen om en stund." },
    },
  },
} as const;
