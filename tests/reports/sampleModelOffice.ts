import type { AreaChapter, Chart, ReportModel, Table, TableRow, WorkbookSheet } from "../../src/domain/report/model.ts";

/**
 * A report model for the Word and Excel renderers' tests: Örebro 2012 as printed (8 areas, 45
 * sub-areas), written out by hand so the tests do not depend on buildReport. Every figure is a
 * literal, as the builder would hand it over; nothing here is computed from points.
 */

// [number, name, points, max, percent, average percent, sub-areas: [id, max, points, percent]]
type AreaRow = [number, string, number, number, number, number, [string, number, number, number][]];
const AREAS: AreaRow[] = [
  [1, "Offentlighet och demokrati", 68, 100, 68, 55, [["1.1", 15, 9, 60], ["1.2", 20, 15.5, 78], ["1.3", 25, 19, 77], ["1.4", 30, 19, 63], ["1.5", 10, 6, 56]]],
  [2, "Tillgänglighet och brukarorientering", 85, 100, 85, 62, [["2.1", 15, 15, 100], ["2.2", 25, 19, 77], ["2.3", 15, 12, 83], ["2.4", 15, 13, 89], ["2.5", 15, 13, 85], ["2.6", 15, 13, 85]]],
  [3, "Politisk styrning och kontroll", 86, 100, 86, 60, [["3.1", 15, 11, 75], ["3.2", 25, 21, 85], ["3.3", 25, 23, 92], ["3.4", 20, 18, 88], ["3.5", 15, 13, 86]]],
  [4, "Ledarskap, ansvar och delegation", 74, 100, 74, 58, [["4.1", 15, 9, 60], ["4.2", 10, 9, 87], ["4.3", 20, 9, 46], ["4.4", 15, 13, 84], ["4.5", 20, 18, 90], ["4.6", 20, 17, 83]]],
  [5, "Resultat och effektivitet", 70, 100, 70, 51, [["5.1", 15, 9, 60], ["5.2", 20, 9, 45], ["5.3", 20, 13, 64], ["5.4", 15, 13, 83], ["5.5", 20, 17, 85], ["5.6", 10, 10, 100]]],
  [6, "Kommunen som arbetsgivare - personalpolitik", 74, 100, 74, 63, [["6.1", 15, 10, 65], ["6.2", 20, 16, 82], ["6.3", 25, 16, 63], ["6.4", 15, 12, 77], ["6.5", 15, 13, 85], ["6.6", 10, 8, 76]]],
  [7, "Verksamhetsutveckling", 71, 100, 71, 57, [["7.1", 15, 10, 66], ["7.2", 25, 22, 87], ["7.3", 20, 15, 74], ["7.4", 20, 13, 63], ["7.5", 20, 12, 58]]],
  [8, "Kommunen som samhällsbyggare", 87, 100, 87, 66, [["8.1", 15, 13, 88], ["8.2", 20, 18, 88], ["8.3", 20, 17, 84], ["8.4", 15, 14, 92], ["8.5", 10, 9, 87], ["8.6", 20, 17, 86]]],
];

/** Swedish number text as the builder prints it ("15,5"). */
const sv = (n: number): string => String(n).replace(".", ",");
const pct = (n: number): string => `${n} %`;
const num = (label: string) => ({ label, align: "right" as const, numeric: true });
const text = (label: string) => ({ label, align: "left" as const, numeric: false });

const LOREM =
  "Kommunen arbetar systematiskt med frågan och har tydliga mål som följs upp i nämnderna. " +
  "Det finns dock skillnader mellan förvaltningarna, och uppföljningen når inte alltid fullmäktige. " +
  "Flera intervjuade lyfter fram att dialogen med medborgarna har blivit bättre de senaste åren.";

function table1(): Table {
  const rows: TableRow[] = AREAS.map(([n, name, points, max, percent, average]) => ({
    header: true,
    cells: [{ text: `${n}. ${name}` }, { text: sv(points), value: points }, { text: String(max), value: max }, { text: pct(percent), value: percent }, { text: pct(average), value: average }],
  }));
  rows.push({ emphasis: true, header: true, cells: [{ text: "Totalt" }, { text: "615", value: 615 }, { text: "800", value: 800 }, { text: "77 %", value: 77 }, { text: "59 %", value: 59 }] });
  return {
    id: "tabell-1",
    caption: "Tabell 1. Poäng per område, Örebro 2012",
    columns: [text("Område"), num("Poäng"), num("Max"), num("Procent"), num("Medel")],
    rows,
    notes: ["Medel avser de utvärderingar som anges nedan."],
  };
}

function chart(kind: "bar" | "radar"): Chart {
  const categories = AREAS.map(([n, name]) => `${n}. ${name}`);
  const series = [
    { name: "Örebro 2012", values: AREAS.map((a) => a[4]) },
    { name: "Medel", values: AREAS.map((a) => (a[0] === 6 && kind === "radar" ? null : a[5])) },
  ];
  return {
    id: `diagram-${kind}`,
    kind,
    title: kind === "bar" ? "Diagram 1. Procent av maxpoäng per område" : "Diagram 2. Örebro jämfört med medel",
    description: `${kind === "bar" ? "Stapeldiagram" : "Spindeldiagram"} över procent av maxpoäng för de åtta områdena; Örebro ligger över medel i alla områden.`,
    categories,
    shortCategories: AREAS.map(([n]) => String(n)),
    series,
    max: 100,
    table: {
      id: `diagram-${kind}-tabell`,
      caption: `Data för diagram ${kind === "bar" ? 1 : 2}`,
      columns: [text("Område"), ...series.map((s) => num(s.name))],
      rows: categories.map((c, i) => ({
        header: true,
        cells: [{ text: c }, ...series.map((s) => {
          const v = s.values[i] ?? null;
          return { text: v === null ? "–" : pct(v), value: v };
        })],
      })),
      notes: [],
    },
  };
}

function area([n, name, points, max, percent, , subs]: AreaRow): AreaChapter {
  return {
    heading: { id: `omrade-${n}`, number: `3.${n}`, title: name },
    number: n,
    rubricTable: {
      id: `omrade-${n}-poang`,
      caption: `Tabell ${n + 1}. Område ${n}: ${name}`,
      columns: [text("Område"), num("Poäng"), num("Max"), num("Procent")],
      rows: [{ emphasis: true, header: true, cells: [{ text: name }, { text: sv(points), value: points }, { text: String(max), value: max }, { text: pct(percent), value: percent }] }],
      notes: [],
    },
    general: n === 5 ? null : { paragraphs: [LOREM, `Område ${n} i korthet: ${LOREM}`] },
    subareas: subs.map(([id]) => ({ heading: `${id} Delområde ${id}`, paragraphs: n === 7 && id === "7.5" ? [] : [LOREM] })),
    strengthsTable: n === 8 ? null : {
      caption: `Styrkor och förbättringsområden, område ${n}`,
      strengthsLabel: "Styrkor",
      improvementsLabel: "Förbättringsområden",
      strengths: ["Tydliga mål i budgeten", "Bra uppföljning i nämnderna"],
      improvements: n === 4 ? [] : ["Medborgardialogen kan utvecklas", "Fler jämförelser med andra kommuner", "Sammanställ resultaten för fullmäktige"],
    },
    goodExamples: n % 2 === 0 ? { heading: "Goda exempel", items: [{ municipality: "Uppsala", sentence: "Uppsala redovisar målen på webben med enkla diagram." }] } : null,
  };
}

function overviewTable([n, name, points, max, percent, , subs]: AreaRow): Table {
  const rows: TableRow[] = subs.map(([id, smax, spoints, spercent]) => ({
    header: true,
    cells: [{ text: `${id} Delområde ${id}` }, { text: sv(spoints), value: spoints }, { text: String(smax), value: smax }, { text: pct(spercent), value: spercent }],
  }));
  rows.push({ emphasis: true, header: true, cells: [{ text: `Område ${n}` }, { text: sv(points), value: points }, { text: String(max), value: max }, { text: pct(percent), value: percent }] });
  return { id: `oversikt-${n}`, caption: `Tabell ${n + 9}. ${n}. ${name}`, columns: [text("Delområde"), num("Poäng"), num("Max"), num("Procent")], rows, notes: n === 3 ? ["Delområde 3.5 bedömdes med en annan version av instrumentet."] : [] };
}

function workbook(): { subareas: WorkbookSheet; areas: WorkbookSheet } {
  return {
    subareas: {
      name: "Delområden",
      columns: [{ label: "Område", kind: "number", width: 8 }, { label: "Delområde", kind: "text", width: 12 }, { label: "Poäng", kind: "number", width: 10 }, { label: "Max", kind: "number", width: 8 }, { label: "Procent", kind: "percent", width: 10 }],
      rows: AREAS.flatMap(([n, , , , , , subs]) => subs.map(([id, smax, spoints, spercent]) => [n, id, spoints, smax, spercent])),
    },
    areas: {
      name: "Områden",
      columns: [{ label: "Område", kind: "text", width: 44 }, { label: "Poäng", kind: "number", width: 10 }, { label: "Max", kind: "number", width: 8 }, { label: "Procent", kind: "percent", width: 10 }, { label: "Medel", kind: "percent", width: 10 }],
      rows: [...AREAS.map(([n, name, points, max, percent, average]) => [`${n}. ${name}`, points, max, percent, n === 6 ? null : average]), ["Totalt", 615, 800, 77, 59]],
    },
  };
}

export interface SampleOptions {
  draft?: boolean;
  radar?: boolean;
  keyFacts?: boolean;
}

export function sampleModelOffice(options: SampleOptions = {}): ReportModel {
  const { draft = true, radar = true, keyFacts = true } = options;
  const areas = AREAS.map(area);
  return {
    language: "sv",
    title: "Kommunkompassen – Örebro kommun 2012",
    draft,
    draftLabel: "Utkast",
    fileStem: "kommunkompassen-orebro-2012",
    subject: "Analys av Örebro kommun med Kommunkompassen",
    author: "Sveriges Kommuner och Regioner",
    cover: {
      title: "Kommunkompassen",
      subtitle: "Analys av Örebro kommun",
      municipality: "Örebro kommun",
      year: 2012,
      evaluators: ["Anders Bergenek", "Lars Strid"],
      date: "2012-12-30",
      dateText: "30 december 2012",
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
      ...(keyFacts ? [{ id: "fakta", number: "5", title: "Fakta om kommunen", level: 1 as const }] : []),
    ],
    about: {
      heading: { id: "om", number: "1", title: "Om Kommunkompassen" },
      paragraphs: ["Kommunkompassen är ett verktyg för att analysera en kommuns arbetssätt.", "Analysen utgår från åtta områden:", "Varje område ger högst 100 poäng."],
      lists: [{ after: 1, items: AREAS.map(([n, name]) => `${n}. ${name}`) }],
    },
    summary: {
      heading: { id: "sammanfattning", number: "2", title: "Sammanfattning" },
      methodHeading: "Utvärderingen",
      method: ["Utvärderingen gjordes i november 2012 av Anders Bergenek och Lars Strid.", "Underlaget är dokument och intervjuer med politiker och tjänstemän."],
      summary: [LOREM, LOREM],
      resultsHeading: "Resultat",
      table1: table1(),
      barChart: chart("bar"),
      radarChart: radar ? chart("radar") : null,
      comparisonNote: "Medel avser Uppsala 2011 och Västerås 2012.",
      comparedWith: [{ municipality: "Uppsala", year: 2011 }, { municipality: "Västerås", year: 2012 }],
    },
    areasHeading: { id: "omraden", number: "3", title: "Områdena" },
    areas,
    overview: {
      heading: { id: "oversikt", number: "4", title: "Översikt" },
      intro: "Tabellerna visar poängen per delområde.",
      tables: AREAS.map(overviewTable),
    },
    keyFacts: keyFacts
      ? { heading: { id: "fakta", number: "5", title: "Fakta om kommunen" }, rows: [{ label: "Invånare", value: "137 000" }, { label: "Län", value: "Örebro län" }] }
      : null,
    pageLabel: "Sida",
    workbook: workbook(),
  };
}
