import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { allSubareas } from "../../src/domain/instrument.ts";
import { points, pointsText, type Points } from "../../src/domain/points.ts";
import { IncompleteScoresError, scoreSheet } from "../../src/domain/scoring.ts";
import { fixture, loadInstrument } from "../support/reportInput.ts";

// Örebro 2012, every figure as printed in the seed report (section 4). Tests read the copy in
// tests/fixtures so that CI does not depend on ../shared; the original, when present beside the
// checkout, must still match the copy.
const FIXTURE_COPY = new URL("../fixtures/orebro-2012.json", import.meta.url);
const FIXTURE_ORIGINAL = new URL("../../../shared/fixtures/orebro-2012.json", import.meta.url);

const readJson = (url: URL): unknown => JSON.parse(readFileSync(url, "utf8"));

const instrument = loadInstrument("2010");
const fixtureSubareas = fixture.areas.flatMap((area) => area.subareas);
const exactPoints = new Map<string, Points>(fixtureSubareas.map((s) => [s.id, points(s.exact)]));
const sheet = scoreSheet(instrument, exactPoints);
const scoredSubareas = new Map(sheet.areas.flatMap((area) => area.subareas).map((s) => [s.id, s]));

describe("fixture", () => {
  it.skipIf(!existsSync(FIXTURE_ORIGINAL))("the copy in tests/fixtures matches ../shared/fixtures", () => {
    expect(readJson(FIXTURE_COPY)).toEqual(readJson(FIXTURE_ORIGINAL));
  });

  it("is a 2010-version result with 45 sub-areas in 8 areas", () => {
    expect(fixture.instrument).toBe(instrument.key);
    expect(fixture.areas).toHaveLength(8);
    expect(fixtureSubareas).toHaveLength(45);
  });

  it("lists the sub-areas of the 2010 instrument, in order, with the same max points and questions", () => {
    const fromInstrument = allSubareas(instrument).map((s) => ({ id: s.id, max: pointsText(s.maxPoints), question: s.question }));
    const fromFixture = fixtureSubareas.map((s) => ({ id: s.id, max: pointsText(points(s.max)), question: s.question }));
    expect(fromFixture).toEqual(fromInstrument);
  });
});

describe("scoreSheet reproduces the printed Örebro 2012 points overview", () => {
  it.each(fixtureSubareas)("sub-area $id: $printed_points of $max points, $printed_percent %", (expected) => {
    const scored = scoredSubareas.get(expected.id);
    expect(scored).toBeDefined();
    expect(pointsText(scored!.exact)).toBe(pointsText(points(expected.exact)));
    expect(pointsText(scored!.max)).toBe(String(expected.max));
    expect(pointsText(scored!.points)).toBe(String(expected.printed_points));
    expect(pointsText(scored!.percent)).toBe(String(expected.printed_percent));
  });

  it.each(fixture.areas)("area $number: $printed_points points, $printed_percent %", (expected) => {
    const scored = sheet.areas.find((area) => area.number === expected.number);
    expect(scored).toBeDefined();
    // Names are not compared: the fixture writes "–" in area 6 as "-".
    expect(pointsText(scored!.max)).toBe("100");
    expect(pointsText(scored!.points)).toBe(String(expected.printed_points));
    expect(pointsText(scored!.percent)).toBe(String(expected.printed_percent));
  });

  it("prints a total of 615 of 800", () => {
    expect(pointsText(sheet.total)).toBe(String(fixture.printed_total));
    expect(pointsText(sheet.total)).toBe("615");
    expect(pointsText(sheet.max)).toBe("800");
  });

  it("rounds area 1 from unrounded sub-area points: printed sub-areas add up to 69, the area is 68", () => {
    const area1 = sheet.areas[0]!;
    const printedSum = area1.subareas.reduce((acc, s) => acc + Number(pointsText(s.points)), 0);
    expect(printedSum).toBe(69);
    expect(pointsText(area1.points)).toBe("68");
  });

  it("prints 1.2 as 16 of 20 and 78 %: the percent comes from the unrounded 15.51", () => {
    const s = scoredSubareas.get("1.2")!;
    expect([pointsText(s.points), pointsText(s.percent)]).toEqual(["16", "78"]);
  });
});

describe("scoreSheet with missing sub-areas", () => {
  it("refuses to score and names every missing sub-area", () => {
    const partial = new Map(exactPoints);
    partial.delete("1.2");
    partial.delete("8.6");
    expect(() => scoreSheet(instrument, partial)).toThrow(IncompleteScoresError);
    try {
      scoreSheet(instrument, partial);
    } catch (error) {
      expect((error as IncompleteScoresError).missing).toEqual(["1.2", "8.6"]);
    }
  });
});
