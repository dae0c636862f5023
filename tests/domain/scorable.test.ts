import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseInstrumentDefinition } from "../../src/domain/instrument-definition.ts";
import type { InstrumentVersion } from "../../src/domain/instrument.ts";
import { points, pointsText, type Points } from "../../src/domain/points.ts";
import { figuresFromAgreed, scorableItems, spread } from "../../src/domain/scorable.ts";

interface FixtureArea {
  number: number;
  printed_points: number;
  subareas: { id: string; exact: number }[];
}
interface Fixture {
  printed_total: number;
  areas: FixtureArea[];
}

const readJson = (path: string): any => JSON.parse(readFileSync(new URL(path, import.meta.url), "utf8"));

function parse(definition: unknown): InstrumentVersion {
  const parsed = parseInstrumentDefinition(definition);
  if (!parsed.ok) throw new Error(`instrument does not parse: ${JSON.stringify(parsed.problems)}`);
  return parsed.instrument;
}

const v2010 = parse(readJson("../../reference/instruments/2010.json"));
const v2016 = parse(readJson("../../reference/instruments/2016.json"));
const fixture = readJson("../fixtures/orebro-2012.json") as Fixture;

/** The 2010 version with questions under two sub-areas: 1.1 all with max points, 1.2 one without. */
function withQuestions(): InstrumentVersion {
  const definition = readJson("../../reference/instruments/2010.json");
  definition.key = "2010-q";
  const [s11, s12] = definition.areas[0].subareas;
  s11.questions = [
    { id: "1.1.1", text: "Finns en plan för demokratiutveckling?", maxPoints: 5 },
    { id: "1.1.2", text: "Finns en plan för information?", maxPoints: "7.5" },
    { id: "1.1.3", text: "Följs planerna upp?", maxPoints: "2.5" },
  ];
  s12.questions = [
    { id: "1.2.1", text: "Finns en webbplats?", maxPoints: 10 },
    { id: "1.2.2", text: "Hur nås de som inte använder webben?" },
  ];
  return parse(definition);
}

describe("scorableItems", () => {
  it("gives the 45 sub-areas of the 2010 version, in order, with their max points", () => {
    const items = scorableItems(v2010);
    expect(items).toHaveLength(45);
    expect(items.every((item) => item.level === "subarea")).toBe(true);
    expect(items.slice(0, 2).map((i) => [i.id, i.areaNumber, i.subareaId, pointsText(i.maxPoints)])).toEqual([
      ["1.1", 1, "1.1", "15"],
      ["1.2", 1, "1.2", "20"],
    ]);
    expect(items[1]!.text).toBe("Hur informeras medborgarna?");
    expect(items.at(-1)!.id).toBe("8.6");
    // Each area's items add up to the area's 100 points.
    for (const area of v2010.areas) {
      const max = items.filter((i) => i.areaNumber === area.number).reduce((n, i) => n.plus(i.maxPoints), points(0));
      expect(pointsText(max)).toBe("100");
    }
  });

  it("scores questions where every question of a sub-area has max points, else the sub-area", () => {
    const items = scorableItems(withQuestions());
    expect(items).toHaveLength(45 - 1 + 3);
    expect(items.slice(0, 4).map((i) => [i.id, i.level, i.subareaId, pointsText(i.maxPoints)])).toEqual([
      ["1.1.1", "question", "1.1", "5"],
      ["1.1.2", "question", "1.1", "7.5"],
      ["1.1.3", "question", "1.1", "2.5"],
      ["1.2", "subarea", "1.2", "20"],
    ]);
    expect(items[0]!.text).toBe("Finns en plan för demokratiutveckling?");
  });

  it("gives the 8 areas of the 2016 version, which has no sub-areas, 100 points each", () => {
    const items = scorableItems(v2016);
    expect(items.map((i) => i.id)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
    expect(items.every((i) => i.level === "area" && i.subareaId === null && pointsText(i.maxPoints) === "100")).toBe(true);
    expect(items[0]!.text).toBe(v2016.areas[0]!.name);
  });
});

describe("figuresFromAgreed", () => {
  const agreed = new Map<string, Points>(fixture.areas.flatMap((a) => a.subareas.map((s) => [s.id, points(s.exact)] as const)));

  it("reproduces Örebro 2012: a total of 615 and the printed area points", () => {
    const figures = figuresFromAgreed(v2010, agreed);
    expect(pointsText(figures.total!)).toBe("615");
    expect(String(fixture.printed_total)).toBe("615");
    for (const area of fixture.areas)
      expect(pointsText(figures.areas.get(area.number)!), `area ${area.number}`).toBe(String(area.printed_points));
    expect(pointsText(figures.areas.get(1)!)).toBe("68");
    // Sub-area points stay exact.
    expect(pointsText(figures.subareas.get("1.2")!)).toBe("15.51");
    expect(figures.subareas.size).toBe(45);
  });

  it("leaves out areas that are not fully agreed, and then the total", () => {
    const partial = new Map(agreed);
    partial.delete("3.2");
    const figures = figuresFromAgreed(v2010, partial);
    expect(figures.total).toBeNull();
    expect(figures.areas.has(3)).toBe(false);
    expect(figures.areas.size).toBe(7);
  });

  it("sums questions into their sub-area", () => {
    const instrument = withQuestions();
    const values = new Map(agreed);
    values.delete("1.1");
    values.set("1.1.1", points("4.5")).set("1.1.2", points("2.25")).set("1.1.3", points("2.25"));
    const figures = figuresFromAgreed(instrument, values);
    expect(pointsText(figures.subareas.get("1.1")!)).toBe("9");
    expect(pointsText(figures.total!)).toBe("615");
  });
});

describe("spread", () => {
  it("is the largest minus the smallest, exactly; none with fewer than two", () => {
    expect(pointsText(spread([points("12.5"), points("9.3"), points("10")])!)).toBe("3.2");
    expect(pointsText(spread([points("0.1"), points("0.3")])!)).toBe("0.2");
    expect(spread([points(3)])).toBeNull();
  });
});
