import { describe, expect, it } from "vitest";
import { points, pointsText } from "../../src/domain/points.ts";
import {
  checkTrendQuery,
  keptChoices,
  lineSegments,
  MAX_TREND_MUNICIPALITIES,
  measureKey,
  parseMeasure,
  plotDate,
  shownAverage,
  sourceAddress,
  trendPath,
  versionAverages,
  versionPeriods,
} from "../../src/domain/trend.ts";
import { trendChart } from "../../src/domain/trendChart.ts";
import { trend, wording } from "../support/trendFixture.ts";

// The demo's published results (reference/demo): Örebro 2010, 2012 (dated 30 December), 2015; Karlskrona
// 2011, 2014; Vallentuna 2017, 2019 (2016 version) and 2021 (2020 version); and the others' years and versions.
const demo = [
  { municipality: "1880", instrument: "2010", year: 2010, date: null, total: "515" },
  { municipality: "1880", instrument: "2010", year: 2012, date: "2012-12-30", total: "615" },
  { municipality: "1880", instrument: "2010", year: 2015, date: null, total: "650" },
  { municipality: "1080", instrument: "2010", year: 2011, date: null, total: "415" },
  { municipality: "1080", instrument: "2010", year: 2014, date: null, total: "509" },
  { municipality: "0138", instrument: "2010", year: 2010, date: null, total: "452" },
  { municipality: "0138", instrument: "2010", year: 2015, date: null, total: "536" },
  { municipality: "0182", instrument: "2010", year: 2011, date: null, total: "644" },
  { municipality: "0486", instrument: "2010", year: 2014, date: null, total: "437" },
  { municipality: "1292", instrument: "2010", year: 2013, date: null, total: "426" },
  { municipality: "1883", instrument: "2010", year: 2014, date: null, total: "450" },
  { municipality: "0115", instrument: "2016", year: 2017, date: null, total: "555" },
  { municipality: "0115", instrument: "2016", year: 2019, date: null, total: "603" },
  { municipality: "0381", instrument: "2016", year: 2018, date: null, total: "519" },
  { municipality: "0486", instrument: "2016", year: 2016, date: null, total: "497" },
  { municipality: "1292", instrument: "2016", year: 2016, date: null, total: "496" },
  { municipality: "0115", instrument: "2020", year: 2021, date: null, total: "648" },
  { municipality: "1284", instrument: "2020", year: 2020, date: null, total: "611" },
  { municipality: "1284", instrument: "2020", year: 2023, date: null, total: "679" },
];

const known = {
  municipality: (code: string) => ["1880", "1080", "0115", "0180", "0484", "1284", "1292"].includes(code),
  area: (instrument: string, area: number) => ["2010", "2016", "2020"].includes(instrument) && area >= 1 && area <= 8,
};

describe("the measure", () => {
  it("is the total or version:area, and reads back as it is written", () => {
    expect(parseMeasure("total")).toEqual({ kind: "total" });
    expect(parseMeasure("2010:3")).toEqual({ kind: "area", instrument: "2010", area: 3 });
    for (const text of ["total", "2010:3", "2020:8", "v2.1-b:12"]) expect(measureKey(parseMeasure(text)!)).toBe(text);
    for (const text of ["", "Total", "2010", "2010:", ":3", "2010:0", "2010:3:1", "2010:100", "20 10:3"])
      expect(parseMeasure(text)).toBeNull();
  });
});

describe("checkTrendQuery", () => {
  it("keeps known municipalities in the order chosen, once each, skipping blanks; no measure is the total", () => {
    const { query, problems } = checkTrendQuery({ municipalities: ["1880", "", " 1080 ", "1880", "0115"], measure: null }, known);
    expect(problems).toEqual([]);
    expect(query).toEqual({ municipalities: ["1880", "1080", "0115"], measure: { kind: "total" } });
    expect(checkTrendQuery({ municipalities: [], measure: "" }, known)).toEqual({
      query: { municipalities: [], measure: { kind: "total" } },
      problems: [],
    });
  });

  it("names what is wrong: a code that is not one, one nobody has, too many, a measure that is not one or names no area", () => {
    const { problems } = checkTrendQuery({ municipalities: ["12", "9999", "1880"], measure: "2010:9" }, known);
    expect(problems).toEqual([
      { field: "municipalities", problem: "code", value: "12" },
      { field: "municipalities", problem: "unknownMunicipality", value: "9999" },
      { field: "measure", problem: "unknownMeasure", value: "2010:9" },
    ]);
    expect(checkTrendQuery({ municipalities: ["1880"], measure: "2031:1" }, known).problems).toEqual([
      { field: "measure", problem: "unknownMeasure", value: "2031:1" },
    ]);
    expect(checkTrendQuery({ municipalities: [], measure: "area 3" }, known).problems).toEqual([
      { field: "measure", problem: "measure", value: "area 3" },
    ]);
    const seven = ["1880", "1080", "0115", "0180", "0484", "1284", "1292"];
    expect(MAX_TREND_MUNICIPALITIES).toBe(6);
    expect(checkTrendQuery({ municipalities: seven.slice(0, 6), measure: "total" }, known).problems).toEqual([]);
    expect(checkTrendQuery({ municipalities: seven, measure: "total" }, known).problems).toEqual([
      { field: "municipalities", problem: "tooMany", value: "7" },
    ]);
  });
});

describe("keptChoices", () => {
  it("keeps of a refused address the municipalities offered, once each, and a measure offered", () => {
    const choices = {
      municipalities: [
        { code: "1080", name: "Karlskrona" },
        { code: "1880", name: "Örebro" },
      ],
      versions: [{ key: "2010", areas: [{ number: 1 }, { number: 2 }] }],
    };
    expect(keptChoices(choices, ["1880", "12", "0180", " 1080", "1880"], "2010:2")).toEqual({
      chosen: [
        { code: "1880", name: "Örebro" },
        { code: "1080", name: "Karlskrona" },
      ],
      measure: "2010:2",
    });
    expect(keptChoices(choices, [], "2010:9").measure).toBe("total");
    expect(keptChoices(choices, [], null).measure).toBe("total");
  });
});

describe("the time axis and the versions' periods", () => {
  it("places a result at its date, or at 1 July of its year when the date is not known", () => {
    expect(plotDate({ year: 2012, date: "2012-12-30" })).toBe("2012-12-30");
    expect(plotDate({ year: 2010, date: null })).toBe("2010-07-01");
  });

  it("derives each version's period from the years of its results: 1 January of the first to 31 December of the last", () => {
    expect(versionPeriods(demo)).toEqual([
      { instrument: "2010", from: "2010-01-01", to: "2015-12-31" },
      { instrument: "2016", from: "2016-01-01", to: "2019-12-31" },
      { instrument: "2020", from: "2020-01-01", to: "2023-12-31" },
    ]);
    // Synthetic: a result of the old version in a year of the new one makes the periods overlap, and both are kept.
    expect(versionPeriods([...demo, { instrument: "2010", year: 2016, date: null }]).map((p) => [p.instrument, p.from, p.to])).toEqual([
      ["2010", "2010-01-01", "2016-12-31"],
      ["2016", "2016-01-01", "2019-12-31"],
      ["2020", "2020-01-01", "2023-12-31"],
    ]);
    // A date decides the year: a report dated in January belongs to that year's period.
    expect(versionPeriods([{ instrument: "x", year: 2014, date: "2015-01-09" }])).toEqual([
      { instrument: "x", from: "2015-01-01", to: "2015-12-31" },
    ]);
  });

  it("breaks a municipality's line where the version changes, in time order", () => {
    const vallentuna = demo.filter((r) => r.municipality === "0115").reverse();
    expect(lineSegments(vallentuna).map((s) => s.map((r) => r.year))).toEqual([[2017, 2019], [2021]]);
    const orebro = demo.filter((r) => r.municipality === "1880");
    expect(lineSegments(orebro).map((s) => s.map((r) => r.year))).toEqual([[2010, 2012, 2015]]);
    expect(lineSegments([])).toEqual([]);
  });
});

describe("the versions' averages", () => {
  it("averages every evaluation of a version exactly, and rounds half up to one decimal only for display", () => {
    const averages = versionAverages(
      demo.map((r) => ({ instrument: r.instrument, exact: points(r.total) })),
      ["2010", "2016", "2020"],
    );
    expect(averages.map((a) => [a.instrument, a.count, a.average && pointsText(a.average.toDecimalPlaces(6))])).toEqual([
      // 5649 / 11 = 513.545454…
      ["2010", 11, "513.545455"],
      ["2016", 5, "534"],
      ["2020", 3, "646"],
    ]);
    expect(shownAverage(averages[0]!.average!)).toBe(513.5);
    // Decimal points, not binary floats: 0.1 + 0.2 + 0.3 is 0.6 exactly, its average 0.2.
    const exact = versionAverages(
      ["0.1", "0.2", "0.3"].map((v) => ({ instrument: "x", exact: points(v) })),
      ["x"],
    );
    expect(pointsText(exact[0]!.average!)).toBe("0.2");
    expect(shownAverage(points("0.25"))).toBe(0.3);
    expect(shownAverage(points("15.45"))).toBe(15.5);
  });

  it("gives no average of fewer than three, but says how many there are", () => {
    const two = [points(73), points(60)].map((exact) => ({ instrument: "2020", exact }));
    expect(versionAverages(two, ["2020", "2016"])).toEqual([
      { instrument: "2020", count: 2, average: null },
      { instrument: "2016", count: 0, average: null },
    ]);
  });
});

describe("addresses and sources", () => {
  it("writes the trend page's address, the total left out", () => {
    expect(trendPath([])).toBe("/utveckling");
    expect(trendPath(["1880"])).toBe("/utveckling?kommun=1880");
    expect(trendPath(["1880", "1080"], "2010:3")).toBe("/utveckling?kommun=1880&kommun=1080&matt=2010%3A3");
  });

  it("splits a source that begins with a web address into the link and the rest", () => {
    expect(
      sourceAddress(
        "https://www.vallentuna.se/kommun-och-politik/kommunkompassen/: ”resultaten ökat från 555 poäng 2017 till 603 poäng 2019”",
      ),
    ).toEqual({
      href: "https://www.vallentuna.se/kommun-och-politik/kommunkompassen/",
      host: "www.vallentuna.se",
      rest: ": ”resultaten ökat från 555 poäng 2017 till 603 poäng 2019”",
    });
    expect(sourceAddress("http://www.tyreso.se/a/b/")).toEqual({ href: "http://www.tyreso.se/a/b/", host: "www.tyreso.se", rest: "" });
    expect(sourceAddress("Kommunkompassen – Analys av Örebro kommun 2012 (SKL), tabell 1: resultatet 2010")).toBeNull();
    expect(sourceAddress("https://[broken")).toBeNull();
  });
});

describe("trendChart", () => {
  it("draws a line per municipality with figures, broken between versions, and the averages there are", () => {
    const chart = trendChart(trend, wording)!;
    expect(chart.from).toBe("2010-01-01");
    expect(chart.to).toBe("2023-12-31");
    expect(chart.lines.map((l) => [l.name, l.segments.map((s) => s.map((p) => `${p.date}=${p.text}`))])).toEqual([
      ["Örebro", [["2010-07-01=515", "2012-12-30=615", "2015-07-01=650"]]],
      ["Vallentuna", [["2017-07-01=555", "2019-07-01=603"], ["2021-07-01=648"]]],
    ]);
    // No line is padded with an average of two: the 2020 period is named, but has no dashed line.
    expect(chart.averages).toEqual([
      { from: "2010-01-01", to: "2015-12-31", value: 513.55 },
      { from: "2016-01-01", to: "2019-12-31", value: 534 },
    ]);
    expect(chart.periods.map((p) => [p.label, p.short, p.key, p.detail])).toEqual([
      ["2010 års version", "Version 2010", "2010", "medel 513,5 av 11"],
      ["2016 års version", "Version 2016", "2016", "medel 534,0 av 5"],
      ["2020 års version", "Version 2020", "2020", "2 st, inget medel"],
    ]);
    expect(chart.description).toBe(
      "Örebro: 515 (2010), 615 (2012-12-30), 650 (2015). Vallentuna: 555 (2017), 603 (2019), 648 (2021). " +
        "Medelvärde, 2010 års version (11): 513,5. Medelvärde, 2016 års version (5): 534,0. Medelvärde, 2020 års version (2): 2 st, inget medel.",
    );
    expect(chart.table.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ["Örebro 2010", "2010-07-01", "515"],
      ["Örebro 2012", "2012-12-30", "615"],
      ["Örebro 2015", "2015-07-01", "650"],
      ["Vallentuna 2017", "2017-07-01", "555"],
      ["Vallentuna 2019", "2019-07-01", "603"],
      ["Vallentuna 2021", "2021-07-01", "648"],
      ["Medelvärde, 2010 års version (11)", "2010-01-01–2015-12-31", "513,5"],
      ["Medelvärde, 2016 års version (5)", "2016-01-01–2019-12-31", "534,0"],
    ]);
  });

  it("has nothing to draw without figures", () => {
    expect(
      trendChart({ ...trend, points: [], municipalities: [{ municipality: "1080", name: "Karlskrona", count: 0 }] }, wording),
    ).toBeNull();
  });
});
