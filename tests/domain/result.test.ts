import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseInstrumentDefinition } from "../../src/domain/instrument-definition.ts";
import type { InstrumentVersion } from "../../src/domain/instrument.ts";
import { points, pointsText, roundHalfUp, type Points } from "../../src/domain/points.ts";
import { assessResult, displayTotal, levelOf, type PublishedFigures } from "../../src/domain/result.ts";

const readJson = (url: URL): unknown => JSON.parse(readFileSync(url, "utf8"));

function loadInstrument(file: string): InstrumentVersion {
  const parsed = parseInstrumentDefinition(readJson(new URL(`../../reference/instruments/${file}`, import.meta.url)));
  if (!parsed.ok) throw new Error(`instrument does not parse: ${JSON.stringify(parsed.problems)}`);
  return parsed.instrument;
}

interface Fixture {
  printed_total: number;
  areas: { number: number; subareas: { id: string; exact: number }[] }[];
  previous: { printed_area_points: Record<string, number>; printed_total: number };
}
// The copy in tests/fixtures (see scoring.test.ts): CI does not depend on ../shared.
const fixture = readJson(new URL("../fixtures/orebro-2012.json", import.meta.url)) as Fixture;
const instrument = loadInstrument("2010.json");

const orebro2012Subareas = new Map<string, Points>(fixture.areas.flatMap((a) => a.subareas.map((s) => [s.id, points(s.exact)] as const)));
const orebro2010Areas = new Map<number, Points>(
  Object.entries(fixture.previous.printed_area_points).map(([n, p]) => [Number(n), points(p)]),
);

function figures(parts: Partial<PublishedFigures>): PublishedFigures {
  return { total: null, areas: new Map(), subareas: new Map(), ...parts };
}
const text = (value: Points | null | undefined) => (value == null ? null : pointsText(value));

describe("assessResult", () => {
  it("Örebro 2010, area level: keeps the published 515 and reports the derived 516", () => {
    expect([...orebro2010Areas.values()].map(text)).toEqual(["52", "80", "66", "59", "51", "71", "55", "82"]);
    const assessment = assessResult(instrument, figures({ total: points(515), areas: orebro2010Areas }));
    expect(assessment.level).toBe("area");
    expect(assessment.total).toEqual({ points: points(515), published: true });
    expect(text(assessment.derivedTotal)).toBe("516");
    expect(displayTotal(assessment)?.toFixed()).toBe("515");
    expect(assessment.areas.every((a) => a.published)).toBe(true);
    expect(assessment.areas.map((a) => text(a.points))).toEqual(["52", "80", "66", "59", "51", "71", "55", "82"]);
    expect(assessment.warnings).toHaveLength(1);
    expect(assessment.warnings[0]).toMatchObject({ code: "total_differs_from_derived", field: "total" });
    expect(text(assessment.warnings[0]!.published)).toBe("515");
    expect(text(assessment.warnings[0]!.derived)).toBe("516");
  });

  it("Örebro 2012, sub-area level without published areas or total: derives areas and 615", () => {
    const assessment = assessResult(instrument, figures({ subareas: orebro2012Subareas }));
    expect(assessment.level).toBe("subarea");
    expect(assessment.warnings).toEqual([]);
    expect(assessment.total?.published).toBe(false);
    expect(text(assessment.total?.points)).toBe("615");
    expect(text(assessment.derivedTotal)).toBe("615");
    expect(displayTotal(assessment)?.toFixed()).toBe("615");
    // Derived area figures stay exact (area 1 is 68.12); rounding is for display only.
    expect(assessment.areas.map((a) => a.published)).toEqual(Array(8).fill(false));
    expect(assessment.areas.map((a) => pointsText(roundHalfUp(a.points)))).toEqual(["68", "85", "86", "74", "70", "74", "71", "87"]);
    expect(text(assessment.areas[0]!.points)).toBe("68.12");
  });

  it("Örebro 2012 with the published total 615: no warning", () => {
    const assessment = assessResult(instrument, figures({ total: points(615), subareas: orebro2012Subareas }));
    expect(assessment.warnings).toEqual([]);
    expect(assessment.total).toEqual({ points: points(615), published: true });
    expect(text(assessment.derivedTotal)).toBe("615");
  });

  it("reports a published area that differs from its sub-areas and keeps it (Örebro area 1: printed sub-areas add up to 69)", () => {
    const assessment = assessResult(instrument, figures({ areas: new Map([[1, points(69)]]), subareas: orebro2012Subareas }));
    expect(assessment.areas[0]).toEqual({ number: 1, points: points(69), published: true });
    expect(assessment.warnings).toHaveLength(1);
    expect(assessment.warnings[0]).toMatchObject({ code: "area_differs_from_subareas", field: "areas.1" });
    expect(text(assessment.warnings[0]!.derived)).toBe("68");
    // The total still comes from the exact sub-area points.
    expect(text(assessment.derivedTotal)).toBe("615");
  });

  it("partial sub-areas of an area: subareas_incomplete naming the missing ones; the area and total cannot be derived", () => {
    const partial = new Map(orebro2012Subareas);
    partial.delete("1.2");
    partial.delete("1.5");
    const assessment = assessResult(instrument, figures({ subareas: partial }));
    expect(assessment.warnings).toContainEqual({ code: "subareas_incomplete", field: "areas.1", missing: ["1.2", "1.5"] });
    expect(assessment.warnings).toContainEqual({ code: "areas_incomplete", field: "areas", missing: ["1"] });
    expect(assessment.areas.map((a) => a.number)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(assessment.total).toBeNull();
    expect(assessment.derivedTotal).toBeNull();
  });

  it("partial sub-areas but a published area figure: only subareas_incomplete, the total is derived", () => {
    const partial = new Map(orebro2012Subareas);
    partial.delete("1.2");
    const assessment = assessResult(instrument, figures({ areas: new Map([[1, points(68)]]), subareas: partial }));
    expect(assessment.warnings).toEqual([{ code: "subareas_incomplete", field: "areas.1", missing: ["1.2"] }]);
    expect(assessment.areas[0]).toEqual({ number: 1, points: points(68), published: true });
    expect(text(assessment.derivedTotal)).toBe("615");
  });

  it("partial areas and no total: total null and areas_incomplete naming the missing areas", () => {
    const partial = new Map([...orebro2010Areas].filter(([n]) => n <= 5));
    const assessment = assessResult(instrument, figures({ areas: partial }));
    expect(assessment.level).toBe("area");
    expect(assessment.total).toBeNull();
    expect(assessment.derivedTotal).toBeNull();
    expect(displayTotal(assessment)).toBeNull();
    expect(assessment.warnings).toEqual([{ code: "areas_incomplete", field: "areas", missing: ["6", "7", "8"] }]);
  });

  it("partial areas with a published total: the total is kept, nothing to compare it with", () => {
    const partial = new Map([...orebro2010Areas].filter(([n]) => n !== 4));
    const assessment = assessResult(instrument, figures({ total: points(515), areas: partial }));
    expect(assessment.total).toEqual({ points: points(515), published: true });
    expect(assessment.warnings.map((w) => w.code)).toEqual(["areas_incomplete"]);
  });

  it("total only: level total, the published total, no derived figures and no warnings", () => {
    const assessment = assessResult(instrument, figures({ total: points(650) }));
    expect(assessment.level).toBe("total");
    expect(assessment.total).toEqual({ points: points(650), published: true });
    expect(assessment.derivedTotal).toBeNull();
    expect(assessment.areas).toEqual([]);
    expect(assessment.warnings).toEqual([]);
  });

  it("works with a version that has no sub-areas yet (2016): area level", () => {
    const v2016 = loadInstrument("2016.json");
    const areas = new Map([1, 2, 3, 4, 5, 6, 7, 8].map((n) => [n, points(70 + n)] as const));
    const assessment = assessResult(v2016, figures({ areas }));
    expect(assessment.warnings).toEqual([]);
    expect(assessment.total).toEqual({ points: points(596), published: false });
  });
});

describe("levelOf", () => {
  it("is the finest level given", () => {
    expect(levelOf(figures({ total: points(1), areas: new Map([[1, points(1)]]), subareas: new Map([["1.1", points(1)]]) }))).toBe(
      "subarea",
    );
    expect(levelOf(figures({ total: points(1), areas: new Map([[1, points(1)]]) }))).toBe("area");
    expect(levelOf(figures({ total: points(1) }))).toBe("total");
  });
});
