import { describe, expect, it } from "vitest";
import { buildReport } from "../../src/domain/report/buildReport.ts";
import type { Table } from "../../src/domain/report/model.ts";
import { reportDocument } from "../../src/domain/report/wording.ts";
import { fixture, orebroInput, orebroReport, PREVIOUS_2010 } from "../support/reportInput.ts";

// The fixture writes "arbetsgivare - personalpolitik" with a hyphen; the instrument with a dash.
const name = (text: string) => text.replace(" - ", " – ");
const texts = (table: Table) => table.rows.map((row) => row.cells.map((cell) => cell.text));
// Swedish number format puts a no-break space before "%".
const percent = (n: number) => `${n}\u00a0%`;

describe("the report model reproduces the Örebro 2012 report's figures", () => {
  const model = orebroReport();

  it("Table 1: this and the previous evaluation per area, and the totals 615 and 515", () => {
    const table = model.summary.table1;
    expect(table.columns.map((c) => c.label)).toEqual(["Område", "2012", "2010"]);
    expect(texts(table)).toEqual([
      ...fixture.areas.map((a, i) => [`${a.number}. ${name(a.name)}`, String(a.printed_points), String(PREVIOUS_2010.areas[i])]),
      ["Totalt", "615", "515"],
    ]);
    expect(table.rows.at(-1)!.emphasis).toBe(true);
  });

  it.each(fixture.areas)("section 4, area $number: every sub-area's points, max and percent, and the area line", (area) => {
    const table = model.overview.tables.find((t) => t.id === `poang-omrade-${area.number}`)!;
    expect(table.caption).toBe(`${area.number}. ${name(area.name)}`);
    expect(texts(table)).toEqual([
      ...area.subareas.map((s) => [`${s.id} ${s.question}`, String(s.printed_points), String(s.max), percent(s.printed_percent)]),
      ["Summa för området", String(area.printed_points), "100", percent(area.printed_percent)],
    ]);
    // Numbers for charts and Excel are the same figures.
    expect(table.rows.map((r) => r.cells.slice(1, 3).map((c) => c.value))).toEqual([
      ...area.subareas.map((s) => [s.printed_points, s.max]),
      [area.printed_points, 100],
    ]);
  });

  it("the bar chart and the workbook carry the same area points", () => {
    expect(model.summary.barChart.series).toEqual([{ name: "Örebro kommun 2012", values: fixture.areas.map((a) => a.printed_points) }]);
    expect(model.summary.barChart.title).toBe("Örebro kommun 2012: 615 poäng");
    expect(model.workbook.areas.rows.map((r) => r[2])).toEqual([...fixture.areas.map((a) => a.printed_points), 615]);
    expect(model.workbook.areas.rows.map((r) => r.at(-1))).toEqual([...PREVIOUS_2010.areas, 515]);
    const subareas = fixture.areas.flatMap((a) => a.subareas);
    expect(model.workbook.subareas.rows.map((r) => [r[2], r[4], r[5], r[6], r[7]])).toEqual(
      subareas.map((s) => [s.id, s.exact, s.printed_points, s.max, s.printed_percent]),
    );
  });

  it("is in the order of the published reports, with a file name for downloads", () => {
    expect(model.contents.map((c) => `${c.number} ${c.title}`)).toEqual([
      "1 Vad är Kommunkompassen?",
      "2 Örebro kommun och Kommunkompassen: en sammanfattning",
      "3 Detaljerad genomgång av de 8 områdena",
      ...fixture.areas.map((a) => `Område ${a.number} ${name(a.name)}`),
      "4 Översikt av poängen",
      "5 Kortfakta om Örebro kommun",
    ]);
    expect(model.fileStem).toBe("kommunkompassen-orebro-2012");
    expect(model.cover).toMatchObject({ municipality: "Örebro kommun", year: 2012, dateText: "2012-12-30" });
    expect(model.draft).toBe(false);
  });

  it("says when and how the evaluation was made", () => {
    expect(model.summary.method.join(" ")).toContain(
      "Utvärderingen av Örebro kommun gjordes 12–14 november 2012 med version 2010 av Kommunkompassen.",
    );
    expect(model.summary.method.join(" ")).toContain("6 intervjuer med sammanlagt 41 personer");
    expect(model.summary.method.join(" ")).toContain("24 dokument");
  });

  it("prints the key facts entered on the evaluation, in Swedish number format", () => {
    expect(model.keyFacts!.rows).toEqual([
      { label: "Kommungrupp (SKL:s kommungruppsindelning 2011)", value: "3. Större städer" },
      { label: "Folkmängd", value: "137\u00a0121" },
      { label: "Folkökning/-minskning 2010–2011", value: "+1\u00a0661" },
      { label: "Antal månadsavlönade", value: "11\u00a0081" },
      { label: "Partier i styret", value: "S, KD och C" },
    ]);
  });
});

describe("the report leaves out what is missing, without empty headings", () => {
  it("without texts: no sub-area texts, no strengths tables, no summary paragraphs", () => {
    const model = orebroReport({ texts: "none" });
    expect(model.summary.summary).toEqual([]);
    for (const area of model.areas) {
      expect(area.general).toBeNull();
      expect(area.subareas).toEqual([]);
      expect(area.strengthsTable).toBeNull();
    }
    // The figures are still all there.
    expect(model.overview.tables).toHaveLength(8);
  });

  it("without a previous result: Table 1 has one column of figures", () => {
    const table = orebroReport({ previous: "none" }).summary.table1;
    expect(table.columns.map((c) => c.label)).toEqual(["Område", "2012"]);
    expect(table.caption).not.toContain("jämfört");
    expect(table.notes).toEqual([]);
  });

  it("a previous result with another instrument version is named, not compared line by line", () => {
    const table = orebroReport({ previous: "other" }).summary.table1;
    expect(table.columns).toHaveLength(2);
    expect(table.notes.join(" ")).toContain("version 2005");
    expect(table.notes.join(" ")).toContain("450 av 800");
  });

  it("without key facts: only the municipality group", () => {
    const input = orebroInput();
    input.keyFacts = { population: null, populationChange: null, populationChangePeriod: null, employees: null, rulingParties: null };
    expect(buildReport(input, reportDocument).keyFacts!.rows.map((r) => r.label)).toEqual([
      "Kommungrupp (SKL:s kommungruppsindelning 2011)",
    ]);
    input.group = null;
    const model = buildReport(input, reportDocument);
    expect(model.keyFacts).toBeNull();
    expect(model.contents.map((c) => c.number)).not.toContain("5");
  });

  it("without earlier evaluations to compare with, the profile shows the municipality alone and says so", () => {
    const model = orebroReport({ comparison: 0 });
    expect(model.summary.radarChart!.series).toHaveLength(1);
    expect(model.summary.comparisonNote).toBe("Det finns inga tidigare utvärderingar med version 2010 att jämföra profilen med.");
  });

  it("with earlier evaluations, the profile has their average and names them", () => {
    const model = orebroReport({ comparison: 3 });
    expect(model.summary.radarChart!.series.map((s) => s.name)).toEqual(["Örebro kommun 2012", "Medelvärde, 3 utvärderingar"]);
    expect(model.summary.comparisonNote).toContain("Syntetisk kommun 1 2011, Syntetisk kommun 2 2011 och Syntetisk kommun 3 2011");
  });

  it("averages are printed with one decimal, rounded half up once (55,5, 70,25 → 70,3, 63 → 63,0)", () => {
    const radar = orebroReport({ comparison: 3 }).summary.radarChart!;
    expect(radar.series[1]!.texts!.slice(0, 5)).toEqual(["55,5", "70,3", "63,0", "60,0", "58,8"]);
    expect(radar.series[1]!.values.slice(0, 3)).toEqual([55.5, 70.3, 63]);
    expect(radar.table.rows[1]!.cells.map((c) => c.text)).toEqual(["2. Tillgänglighet och brukarorientering", "85", "70,3"]);
    expect(radar.description).toContain("2. Tillgänglighet och brukarorientering: 85 mot 70,3");
  });

  it("with fewer than three earlier evaluations, the profile is drawn alone and the note says why", () => {
    for (const [used, words] of [
      [1, "bara en utvärdering med version 2010 och poäng per område att jämföra med (Syntetisk kommun 1 2011)"],
      [
        2,
        "bara 2 utvärderingar med version 2010 och poäng per område att jämföra med (Syntetisk kommun 1 2011 och Syntetisk kommun 2 2011)",
      ],
    ] as const) {
      const model = orebroReport({ comparison: used });
      expect(model.summary.radarChart!.series.map((s) => s.name)).toEqual(["Örebro kommun 2012"]);
      expect(model.summary.radarChart!.title).toBe("Profil: Örebro kommun 2012");
      expect(model.summary.averaged).toBe(false);
      expect(model.summary.comparisonNote).toContain("Profilen visas utan medelvärde");
      expect(model.summary.comparisonNote).toContain(words);
      expect(model.summary.comparisonNote).toContain("minst 3 finns");
    }
    expect(orebroReport({ comparison: 3 }).summary.averaged).toBe(true);
  });

  it("a draft with points not yet agreed prints a dash for them", () => {
    const input = orebroInput();
    input.draft = true;
    input.figures = { total: null, areas: new Map(), subareas: new Map([["1.1", input.figures.subareas.get("1.1")!]]) };
    const model = buildReport(input, reportDocument);
    expect(model.draft).toBe(true);
    expect(texts(model.summary.table1).at(-1)).toEqual(["Totalt", "–", "515"]);
    expect(texts(model.overview.tables[0]!)[0]).toEqual([
      "1.1 Finns en plan/strategi för demokratiutveckling och information?",
      "9",
      "15",
      percent(60),
    ]);
  });
});
