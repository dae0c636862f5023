/** Swedish messages for the table downloads (files people open in Excel). */
export const downloads = {
  /** The link beside CSV and Excel under every table (app/components/TableDownloads.tsx). */
  csvSemicolon: "CSV för svensk Excel",
  csvSemicolonLabel: "Ladda ned {{table}} i CSV för svensk Excel (semikolon och decimalkomma)",
  /** The title row of the Excel file: "Kommunkompassen – rankning, 2010 års version". */
  title: "Kommunkompassen – {{subject}}",
  subject: {
    municipalities: "Sveriges kommuner",
    municipalityResults: "resultat för {{name}}",
    results: "publicerade resultat",
    rankings: "rankning",
    averages: "medelvärden",
    compare: "jämförelse",
    search: "sökträffar för ”{{q}}”",
    searchAll: "sökträffar",
  },
  /** The words of file names after "kommunkompassen-": kommunkompassen-rankning-2010.xlsx. */
  file: {
    municipalities: "kommuner",
    results: "resultat",
    rankings: "rankning",
    averages: "medelvärden",
    compare: "jämförelse",
    search: "sökträffar",
  },
  /** The filters, after the subject in the title. */
  detail: {
    version: "{{key}} års version",
    allResults: "alla resultat",
    latestPerMunicipality: "senaste resultatet per kommun",
    group: "kommungrupp {{code}}",
    groupNamed: "kommungrupp {{code}} ({{name}})",
    years: "{{from}}–{{to}}",
    yearFrom: "från {{year}}",
    yearTo: "till {{year}}",
    top: "de {{count}} främsta",
    first: "de {{count}} första",
    latest: "de {{count}} senaste",
    latestFirst: "senaste först",
    averaged_one: "det senaste resultatet",
    averaged_other: "de {{count}} senaste resultaten",
    before: "före {{date}}",
    except: "utom {{name}}",
    area: "område {{area}}",
  },
  /** Values of the files' cells. */
  area: { total: "Totalt" },
  yes: "Ja",
  no: "Nej",
  /** The source and licence row of the Excel file. */
  source:
    "Källa: Kommunkompassens publicerade utvärderingar, {{page}} (hämtad {{date}}). Licens: {{licence}}, {{licenceUrl}} – ange {{attribution}} som källa.",
  sourceColumn: "Varje resultats ursprungliga källa står i kolumnen ”{{column}}”.",
  problem: {
    noTable: "Det finns ingen tabell att ladda ned på den här adressen.",
    badFilter_one: "Filtret {{parameters}} har ett värde som inte går att använda. Ändra det på sidan och ladda ned igen.",
    badFilter_other: "Filtren {{parameters}} har värden som inte går att använda. Ändra dem på sidan och ladda ned igen.",
    badQuery: "Filtren i adressen går inte att använda. Ändra dem på sidan och ladda ned igen.",
    instrument: "Det finns ingen version {{key}} av instrumentet.",
    municipality: "Det finns ingen kommun med koden {{key}}.",
  },
};
