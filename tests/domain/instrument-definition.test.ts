import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  checkInstrumentExtension,
  parseInstrumentDefinition,
  type DefinitionProblem,
  type InstrumentDefinition,
} from "../../src/domain/instrument-definition.ts";
import { allSubareas, maxTotal, type InstrumentVersion } from "../../src/domain/instrument.ts";
import { pointsText, sum } from "../../src/domain/points.ts";

const readDefinition = (key: string): InstrumentDefinition =>
  JSON.parse(readFileSync(new URL(`../../reference/instruments/${key}.json`, import.meta.url), "utf8"));

/** A fresh, mutable copy of a reference definition. */
const definition = (key = "2010") => structuredClone(readDefinition(key));

function parseOk(input: unknown): InstrumentVersion {
  const result = parseInstrumentDefinition(input);
  if (!result.ok) throw new Error(`expected to parse, got ${JSON.stringify(result.problems, null, 2)}`);
  return result.instrument;
}

function problemsOf(input: unknown): DefinitionProblem[] {
  const result = parseInstrumentDefinition(input);
  if (result.ok) throw new Error("expected problems, but the definition parsed");
  return result.problems;
}

const area = (def: InstrumentDefinition, n: number) => def.areas[n - 1]!;
const subareasOf = (def: InstrumentDefinition, n: number) => area(def, n).subareas!;

describe("parseInstrumentDefinition: the reference files", () => {
  it.each(["2010", "2016", "2020"])("%s parses, with 8 areas of 100 points (800 in all)", (key) => {
    const instrument = parseOk(readDefinition(key));
    expect(instrument.key).toBe(key);
    expect(instrument.areas.map((a) => a.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(instrument.areas.every((a) => pointsText(a.maxPoints) === "100")).toBe(true);
    expect(pointsText(maxTotal(instrument))).toBe("800");
  });

  it("2010 has 45 sub-areas, each area's sub-areas summing to 100", () => {
    const instrument = parseOk(readDefinition("2010"));
    expect(allSubareas(instrument)).toHaveLength(45);
    for (const a of instrument.areas) {
      expect(pointsText(sum(a.subareas.map((s) => s.maxPoints))), `area ${a.number}`).toBe("100");
      expect(a.subareas.every((s) => s.areaNumber === a.number)).toBe(true);
      expect(a.rubricHeadings.length).toBeGreaterThan(0);
    }
    expect(instrument.description).toMatch(/2010/);
    expect(allSubareas(instrument).find((s) => s.id === "1.2")).toMatchObject({ question: "Hur informeras medborgarna?", questions: [] });
  });

  it("2016 and 2020 have no sub-areas yet", () => {
    for (const key of ["2016", "2020"]) expect(allSubareas(parseOk(readDefinition(key)))).toEqual([]);
  });

  it("accepts max points as decimal text, optional fields left out, and questions that add up", () => {
    const instrument = parseOk({
      key: "test-1.0",
      name: "Test",
      areas: [
        {
          number: 1,
          name: "Ett",
          role: "demokratiaktör",
          maxPoints: "100",
          subareas: [
            {
              id: "1.1",
              question: "A?",
              maxPoints: "12.5",
              questions: [
                { id: "1.1.1", text: "a", maxPoints: 10 },
                { id: "1.1.2", text: "b", maxPoints: "2.5" },
              ],
            },
            { id: "1.2", question: "B?", maxPoints: 87.5, questions: [{ id: "1.2.1", text: "c" }] },
          ],
        },
        { number: 2, name: "Två", maxPoints: 100 },
      ],
    });
    const [one, two] = instrument.areas;
    expect(instrument.description).toBeNull();
    expect(one!.role).toBe("demokratiaktör");
    expect(two).toMatchObject({ role: null, rubricHeadings: [], subareas: [] });
    expect(one!.subareas.map((s) => pointsText(s.maxPoints))).toEqual(["12.5", "87.5"]);
    expect(one!.subareas[0]!.questions.map((q) => q.maxPoints && pointsText(q.maxPoints))).toEqual(["10", "2.5"]);
    expect(one!.subareas[1]!.questions[0]).toEqual({ id: "1.2.1", text: "c", maxPoints: null });
  });
});

describe("parseInstrumentDefinition: broken definitions name the offending element", () => {
  it("sub-area max points summing to 95 instead of 100", () => {
    const def = definition();
    subareasOf(def, 3)[1]!.maxPoints = 20; // 3.2: 25 → 20
    expect(problemsOf(def)).toEqual([
      { path: "areas[2] (area 3).subareas", message: "sub-area max points of area 3 sum to 95, expected 100" },
    ]);
  });

  it("a duplicate sub-area id", () => {
    const def = definition();
    subareasOf(def, 1)[2]!.id = "1.2";
    expect(problemsOf(def)).toEqual([
      {
        path: "areas[0] (area 1) subareas[2] (1.2).id",
        message: "1.2 appears more than once (sub-areas of area 1 are numbered 1.1, 1.2 … without gaps)",
      },
      { path: "areas[0] (area 1) subareas[3] (1.4).id", message: expect.stringMatching(/^expected 1\.3 .*found 1\.4$/) },
    ]);
  });

  it("a gap in numbering: 1.1, 1.3", () => {
    const def = definition();
    area(def, 1).subareas = [
      { id: "1.1", question: "A?", maxPoints: 50 },
      { id: "1.3", question: "B?", maxPoints: 50 },
    ];
    const problems = problemsOf(def);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.path).toBe("areas[0] (area 1) subareas[1] (1.3).id");
    expect(problems[0]!.message).toMatch(/^expected 1\.2 .*found 1\.3$/);
  });

  it("a sub-area with another area's prefix: 2.1 under area 1", () => {
    const def = definition();
    subareasOf(def, 1)[0]!.id = "2.1";
    const problems = problemsOf(def);
    expect(problems.map((p) => p.path)).toContain("areas[0] (area 1) subareas[0] (2.1).id");
    expect(problems.find((p) => p.path.endsWith("(2.1).id"))!.message).toMatch(/expected an id of the form 1\.<k>.*found "2\.1"/);
  });

  it.each([
    ["non-numeric text", "abc", /found "abc"/],
    ["a boolean", true, /found true/],
    ["zero", 0, /greater than 0, found 0/],
    ["a negative figure", "-5", /greater than 0, found -5/],
  ])("max points given as %s", (_label, value, message) => {
    const def = definition();
    (subareasOf(def, 3)[1] as { maxPoints: unknown }).maxPoints = value;
    const problems = problemsOf(def);
    // One problem: a sum over an invalid figure would only repeat it.
    expect(problems).toHaveLength(1);
    expect(problems[0]!.path).toBe("areas[2] (area 3) subareas[1] (3.2).maxPoints");
    expect(problems[0]!.message).toMatch(message);
  });

  it("accepts areas and sub-areas listed out of order, and orders them by number", () => {
    const def = definition();
    def.areas.reverse();
    for (const a of def.areas) a.subareas!.reverse();
    expect(parseOk(def)).toEqual(parseOk(definition()));
  });

  it("area numbers that repeat, skip or start below 1", () => {
    const zero = definition("2020");
    area(zero, 1).number = 0;
    expect(problemsOf(zero)).toEqual([{ path: "areas[0] (area 0).number", message: "expected an area number from 1 up, found 0" }]);

    const dup = definition();
    area(dup, 3).number = 2;
    expect(problemsOf(dup).map((p) => p.path)).toContain("areas[2] (area 2).number");

    const gap = definition("2016");
    gap.areas.splice(3, 1); // 1, 2, 3, 5 …
    expect(problemsOf(gap)).toEqual([
      { path: "areas[3] (area 5).number", message: "expected area 4 (areas are numbered 1, 2, 3 … without gaps), found area 5" },
    ]);
  });

  it("question ids and question max points", () => {
    const def = definition();
    subareasOf(def, 1)[0]!.questions = [
      { id: "1.1.1", text: "a", maxPoints: 10 },
      { id: "1.1.1", text: "b", maxPoints: 4 },
      { id: "1.2.3", text: "c", maxPoints: null },
    ];
    expect(problemsOf(def).map((p) => p.path)).toEqual([
      "areas[0] (area 1) subareas[0] (1.1) questions[2] (1.2.3).id",
      "areas[0] (area 1) subareas[0] (1.1) questions[1] (1.1.1).id",
    ]);
    subareasOf(def, 1)[0]!.questions = [
      { id: "1.1.1", text: "a", maxPoints: 10 },
      { id: "1.1.2", text: "b", maxPoints: 4 },
    ];
    expect(problemsOf(def)).toEqual([
      { path: "areas[0] (area 1) subareas[0] (1.1).questions", message: "question max points of sub-area 1.1 sum to 14, expected 15" },
    ]);
  });

  it("structural problems: bad key, missing name, misspelt field, not an object", () => {
    const def = definition() as Record<string, unknown> & InstrumentDefinition;
    def.key = "20 10";
    delete (area(def, 2) as { name?: string }).name;
    (area(def, 4) as Record<string, unknown>).subAreas = [];
    const problems = problemsOf(def);
    expect(problems.map((p) => p.path).sort()).toEqual(["areas[1] (area 2).name", "areas[3] (area 4).subAreas", "key"]);
    expect(problems.find((p) => p.path === "key")!.message).toMatch(/found "20 10"/);
    expect(problems.find((p) => p.path === "areas[1] (area 2).name")!.message).toMatch(/expected the area name.*found nothing/);

    expect(problemsOf(null)).toEqual([{ path: "(instrument)", message: "expected object, received null" }]);
    expect(problemsOf({ key: "x", name: "X", areas: [] })).toEqual([{ path: "areas", message: "expected at least one area, found none" }]);
  });

  it("reports every problem of a file at once", () => {
    const def = definition();
    subareasOf(def, 1)[0]!.id = "1.9";
    subareasOf(def, 8)[5]!.maxPoints = "x";
    area(def, 5).maxPoints = 90;
    // One problem per gap: 1.1 is missing before 1.2, and 1.9 follows 1.5.
    expect(problemsOf(def).map((p) => p.path)).toEqual([
      "areas[0] (area 1) subareas[1] (1.2).id",
      "areas[0] (area 1) subareas[0] (1.9).id",
      "areas[4] (area 5).subareas",
      "areas[7] (area 8) subareas[5] (8.6).maxPoints",
    ]);
  });
});

describe("checkInstrumentExtension", () => {
  const v2010 = parseOk(definition());
  const all2010 = { areas: new Set<number>(), subareas: new Set(allSubareas(v2010).map((s) => s.id)) };
  const areasOnly = { areas: new Set([1, 2, 3, 4, 5, 6, 7, 8]), subareas: new Set<string>() };
  const nothing = { areas: new Set<number>(), subareas: new Set<string>() };

  it("an unchanged version passes", () => {
    expect(checkInstrumentExtension(v2010, parseOk(definition()), all2010)).toEqual([]);
  });

  it("a version known only at area level may gain sub-areas, questions and new wording", () => {
    const def = definition("2016");
    area(def, 1).name = "Offentlighet, demokrati och delaktighet";
    area(def, 1).subareas = [
      { id: "1.1", question: "A?", maxPoints: 40, questions: [{ id: "1.1.1", text: "a" }] },
      { id: "1.2", question: "B?", maxPoints: 60 },
    ];
    expect(checkInstrumentExtension(parseOk(definition("2016")), parseOk(def), areasOnly)).toEqual([]);
  });

  it("may gain an area", () => {
    const def = definition();
    def.areas.push({ number: 9, name: "Nytt", maxPoints: 100, subareas: [{ id: "9.1", question: "?", maxPoints: 100 }] });
    expect(checkInstrumentExtension(v2010, parseOk(def), all2010)).toEqual([]);
  });

  it("may remove or change what no result refers to", () => {
    const def = definition();
    subareasOf(def, 1).pop(); // 1.5 (10 points) goes …
    subareasOf(def, 1)[3]!.maxPoints = 40; // … and 1.4 takes its points
    const referenced = { areas: new Set<number>(), subareas: new Set(all2010.subareas) };
    for (const id of ["1.1", "1.2", "1.3", "1.4", "1.5"]) referenced.subareas.delete(id);
    expect(checkInstrumentExtension(v2010, parseOk(def), referenced)).toEqual([]);
    expect(checkInstrumentExtension(v2010, parseOk(def), nothing)).toEqual([]);
  });

  it("may not remove a referenced sub-area", () => {
    const def = definition();
    subareasOf(def, 1).pop();
    subareasOf(def, 1)[3]!.maxPoints = 40;
    const problems = checkInstrumentExtension(v2010, parseOk(def), { areas: new Set(), subareas: new Set(["1.5"]) });
    // Only the removal: area 1 (referenced through 1.5) keeps its 100 points, and 1.4 is not referenced.
    expect(problems).toEqual([
      { path: "areas[0] (area 1).subareas", message: expect.stringMatching(/^sub-area 1\.5 is missing, but results refer to it/) },
    ]);
  });

  it("may not remove a referenced area", () => {
    const def = definition("2016");
    def.areas.pop();
    expect(checkInstrumentExtension(parseOk(definition("2016")), parseOk(def), areasOnly)).toEqual([
      { path: "areas", message: expect.stringMatching(/^area 8 "Kommunen som samhällsbyggare" is missing, but results refer to it/) },
    ]);
  });

  it("may not renumber referenced sub-areas (2.3 and 2.4 swapped)", () => {
    const def = definition();
    const [s3, s4] = [subareasOf(def, 2)[2]!, subareasOf(def, 2)[3]!];
    [s3.question, s4.question] = [s4.question, s3.question];
    const problems = checkInstrumentExtension(v2010, parseOk(def), all2010);
    expect(problems.map((p) => p.path)).toEqual(["areas[1] (area 2) subareas[2] (2.3).id", "areas[1] (area 2) subareas[3] (2.4).id"]);
    expect(problems[0]!.message).toMatch(/appears renumbered as 2\.4/);
    // Rewording alone is fine.
    s3.question = "Ny lydelse?";
    s4.question = "Annan ny lydelse?";
    expect(checkInstrumentExtension(v2010, parseOk(def), all2010)).toEqual([]);
  });

  it("may not renumber a referenced area", () => {
    const def = definition("2016");
    [area(def, 1).name, area(def, 2).name] = [area(def, 2).name, area(def, 1).name];
    const problems = checkInstrumentExtension(parseOk(definition("2016")), parseOk(def), { areas: new Set([1]), subareas: new Set() });
    expect(problems).toEqual([{ path: "areas[0] (area 1).name", message: expect.stringMatching(/appears renumbered as area 2/) }]);
  });

  it("may not change the max points of a referenced sub-area or area", () => {
    const def = definition();
    subareasOf(def, 1)[0]!.maxPoints = 20; // 1.1: 15 → 20
    subareasOf(def, 1)[4]!.maxPoints = 5; // 1.5: 10 → 5, area stays 100
    expect(checkInstrumentExtension(v2010, parseOk(def), { areas: new Set(), subareas: new Set(["1.1"]) })).toEqual([
      {
        path: "areas[0] (area 1) subareas[0] (1.1).maxPoints",
        message: "max points of sub-area 1.1 changed from 15 to 20, but results refer to it; expected 15",
      },
    ]);

    const bigger = definition();
    subareasOf(bigger, 1)[4]!.maxPoints = 20;
    area(bigger, 1).maxPoints = 110;
    // Area 1 is referenced through its sub-area 1.1; 1.5 itself is not.
    expect(checkInstrumentExtension(v2010, parseOk(bigger), { areas: new Set(), subareas: new Set(["1.1"]) })).toEqual([
      {
        path: "areas[0] (area 1).maxPoints",
        message: "max points of area 1 changed from 100 to 110, but results refer to it; expected 100",
      },
    ]);
  });

  it("may not change the key", () => {
    const def = definition();
    def.key = "2010b";
    expect(checkInstrumentExtension(v2010, parseOk(def), nothing).map((p) => p.path)).toEqual(["key"]);
  });
});
