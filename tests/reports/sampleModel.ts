/**
 * A hand-written report model for the renderer tests, until buildReport exists. The figures are
 * typed in as the builder would format them; nothing here is computed for the renderers.
 */
import type { AreaChapter, Chart, ReportModel, Table } from "../../src/domain/report/model.ts";

const AREA_NAMES = [
  "Offentlighet och demokrati",
  "Tillgänglighet, brukar- och medborgarorientering",
  "Politisk styrning och kontroll",
  "Ekonomistyrning och effektivitet",
  "Samverkan med externa parter",
  "Arbetsgivarpolitik och personalutveckling",
  "Verksamhetsutveckling och kvalitet",
  "Kommunen som samhällsbyggare",
];
const POINTS = [72, 55.5, 61, 48, 80, 39.5, 66, 51];
const AVERAGE = [60.5, 52, 58, 55, 63, 47, 59.5, 50];
const SHARES = [0.72, 0.555, 0.61, 0.48, 0.8, 0.395, 0.66, 0.51];
const MAX_TOTAL = ["0", "100", "200", "300", "400", "500", "600", "700", "800"];
const text = (n: number) => String(n).replace(".", ",");

const numberColumn = (label: string) => ({ label, align: "right" as const, numeric: true });
const textColumn = (label: string) => ({ label, align: "left" as const, numeric: false });

const LOREM =
  "Kommunen har under de senaste åren arbetat målmedvetet med frågan, och det märks i både styrdokument " +
  "och i hur förvaltningen beskriver sitt arbete. Samtidigt saknas ännu en tydlig uppföljning där resultaten " +
  "återförs till nämnderna och används i nästa års planering.";

function area(index: number): AreaChapter {
  const number = index + 1;
  const name = AREA_NAMES[index % AREA_NAMES.length]!;
  const rubricTable: Table = {
    id: `tabell-omrade-${number}`,
    caption: `Tabell ${number + 1} Område ${number}: ${name}`,
    columns: [textColumn("Delområde"), numberColumn("Poäng"), numberColumn("Max")],
    rows: [
      { cells: [{ text: `${number}.1 Information & insyn` }, { text: "12", value: 12 }, { text: "20", value: 20 }], header: true },
      { cells: [{ text: `${number}.2 Medborgardialog <öppen>` }, { text: "8,5", value: 8.5 }, { text: "20", value: 20 }], header: true },
      { cells: [{ text: "Summa" }, { text: text(POINTS[index % 8]!), value: POINTS[index % 8]! }, { text: "100", value: 100 }], emphasis: true, header: true },
    ],
    notes: index === 0 ? ["Delområde 1.2 bedömdes med en tidigare version av instrumentet."] : [],
  };
  return {
    heading: { id: `omrade-${number}`, number: `Område ${number}`, title: name },
    number,
    rubricTable,
    general: { paragraphs: [LOREM, `Område ${number} har utvecklats sedan förra utvärderingen.`] },
    subareas: [
      { heading: `${number}.1 Information & insyn`, paragraphs: [LOREM] },
      { heading: `${number}.2 Medborgardialog`, paragraphs: [LOREM, "Dialogen sker främst genom webbenkäter och öppna möten."] },
    ],
    strengthsTable:
      index % 3 === 2
        ? null
        : {
            caption: `Styrkor och förbättringsmöjligheter, område ${number}`,
            strengthsLabel: "Styrkor",
            improvementsLabel: "Förbättringsmöjligheter",
            strengths: ["Tydliga mål i budgeten", "Väl utvecklad webbplats"],
            improvements: ["Systematisk uppföljning saknas", "Brukarundersökningar används sällan", "Svag återkoppling"],
          },
    goodExamples:
      index === 0
        ? {
            heading: "Goda exempel",
            items: [
              { municipality: "Örebro", sentence: "Medborgarpanel med 1 000 deltagare." },
              { municipality: "Skellefteå", sentence: "Öppna nämndsammanträden som webbsänds." },
            ],
          }
        : null,
  };
}

function chartTable(id: string, caption: string, names: string[], seriesNames: string[], series: number[][]): Table {
  return {
    id,
    caption,
    columns: [textColumn("Område"), ...seriesNames.map(numberColumn)],
    rows: names.map((name, i) => ({
      header: true,
      cells: [{ text: name }, ...series.map((values) => ({ text: text(values[i]!), value: values[i]! }))],
    })),
    notes: [],
  };
}

export function sampleModel(areaCount = 2): ReportModel {
  const areas = Array.from({ length: areaCount }, (_, i) => area(i));
  const categories = areas.map((a) => `${a.number}. ${a.heading.title}`);
  const shortCategories = areas.map((a) => String(a.number));
  const points = areas.map((_, i) => POINTS[i % 8]!);
  const average = areas.map((_, i) => AVERAGE[i % 8]!);
  const barChart: Chart = {
    id: "diagram-1",
    kind: "bar",
    title: "Diagram 1 Poäng per område, Örebro 2012",
    description: `Stapeldiagram över poängen i de ${areaCount} områdena; högst i område 1 med 72 av 100 poäng.`,
    categories,
    shortCategories,
    series: [{ name: "Örebro 2012", values: points }],
    max: 100,
    table: chartTable("diagram-1-tabell", "Poäng per område", categories, ["Örebro 2012"], [points]),
  };
  const radarChart: Chart = {
    id: "diagram-2",
    kind: "radar",
    title: "Diagram 2 Örebro jämfört med genomsnittet",
    description: "Spindeldiagram som jämför Örebros poäng per område med genomsnittet för tre kommuner.",
    categories,
    shortCategories,
    series: [
      { name: "Örebro 2012", values: points },
      { name: "Genomsnitt", values: average },
    ],
    max: 100,
    table: chartTable("diagram-2-tabell", "Örebro och genomsnittet per område", categories, ["Örebro 2012", "Genomsnitt"], [points, average]),
  };
  const table1: Table = {
    id: "tabell-1",
    caption: "Tabell 1 Poäng per område",
    columns: [textColumn("Område"), numberColumn("Poäng"), numberColumn("Max"), numberColumn("Procent")],
    rows: [
      ...categories.map((name, i) => ({
        header: true,
        cells: [{ text: name }, { text: text(points[i]!), value: points[i]! }, { text: "100", value: 100 }, { text: `${text(points[i]!)} %`, value: SHARES[i % 8]! }],
      })),
      { header: true, emphasis: true, cells: [{ text: "Totalt" }, { text: "127,5", value: 127.5 }, { text: MAX_TOTAL[areaCount] ?? "800", value: Number(MAX_TOTAL[areaCount] ?? "800") }, { text: "63,8 %", value: 0.638 }] },
    ],
    notes: ["Poängen är avrundade till en decimal."],
  };
  const overviewTables: Table[] = areas.map((a) => ({ ...a.rubricTable, id: `oversikt-${a.number}`, caption: `Område ${a.number} ${a.heading.title}` }));
  return {
    language: "sv",
    title: "Kommunkompassen – Örebro 2012",
    draft: true,
    draftLabel: "Utkast",
    fileStem: "kommunkompassen-orebro-2012",
    subject: "Utvärdering av Örebro kommun med Kommunkompassen",
    author: "Anna Åberg, Erik Öst",
    cover: {
      title: "Kommunkompassen",
      subtitle: "Analys av Örebro kommun",
      municipality: "Örebro",
      year: 2012,
      evaluators: ["Anna Åberg", "Erik Öst"],
      date: "2012-10-15",
      dateText: "15 oktober 2012",
      instrument: "Kommunkompassen, version 2010",
      publisher: "Sveriges Kommuner och Regioner",
    },
    contentsHeading: "Innehåll",
    contents: [
      { id: "om", number: "1", title: "Om Kommunkompassen", level: 1 },
      { id: "sammanfattning", number: "2", title: "Sammanfattning", level: 1 },
      { id: "omraden", number: "3", title: "Områdena", level: 1 },
      ...areas.map((a) => ({ id: a.heading.id, number: a.heading.number, title: a.heading.title, level: 2 as const })),
      { id: "oversikt", number: "4", title: "Översikt", level: 1 },
      { id: "fakta", number: "5", title: "Fakta om kommunen", level: 1 },
    ],
    about: {
      heading: { id: "om", number: "1", title: "Om Kommunkompassen" },
      paragraphs: [
        "Kommunkompassen är ett verktyg för att analysera en kommuns arbetssätt utifrån åtta områden:",
        "Varje område ger högst 100 poäng, sammanlagt 800 poäng.",
        "Utvärderingen görs av två utvärderare & bygger på intervjuer och dokument.",
      ],
      lists: [{ after: 0, items: AREA_NAMES }],
    },
    summary: {
      heading: { id: "sammanfattning", number: "2", title: "Sammanfattning" },
      methodHeading: "Utvärderingen",
      method: ["Utvärderingen genomfördes i september 2012 med intervjuer av politiker, chefer och medarbetare."],
      summary: [LOREM, "Sammantaget är Örebro en kommun med goda förutsättningar."],
      resultsHeading: "Resultat",
      table1,
      barChart,
      radarChart,
      comparisonNote: "Genomsnittet bygger på utvärderingar av Eskilstuna 2011, Skellefteå 2012 och Uppsala 2010.",
      comparedWith: [
        { municipality: "Eskilstuna", year: 2011 },
        { municipality: "Skellefteå", year: 2012 },
        { municipality: "Uppsala", year: 2010 },
      ],
    },
    areasHeading: { id: "omraden", number: "3", title: "Områdena" },
    areas,
    overview: {
      heading: { id: "oversikt", number: "4", title: "Översikt" },
      intro: "Tabellerna visar poängen per delområde.",
      tables: overviewTables,
    },
    keyFacts: {
      heading: { id: "fakta", number: "5", title: "Fakta om kommunen" },
      rows: [
        { label: "Invånare", value: "137 744" },
        { label: "Kommunalråd", value: "5" },
        { label: "Skattesats", value: "21,75 %" },
      ],
    },
    pageLabel: "Sida",
    workbook: {
      subareas: { name: "Delområden", columns: [], rows: [] },
      areas: { name: "Områden", columns: [], rows: [] },
    },
  };
}
