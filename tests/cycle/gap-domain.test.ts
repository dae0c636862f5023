import { describe, expect, it } from "vitest";
import { questionnaireItemsBeside, subareasOf } from "../../src/domain/cycle/beside.ts";
import { computeGap, shownGap } from "../../src/domain/cycle/gap.ts";
import { defaultQuestionnaire, type QuestionnaireItem } from "../../src/domain/cycle/questionnaire.ts";
import type { InstrumentVersion } from "../../src/domain/instrument.ts";
import { points, pointsText } from "../../src/domain/points.ts";
import { scorableItems } from "../../src/domain/scorable.ts";

// A small version with sub-areas (as 2010): area 1 has two sub-areas, the second scored by
// question; area 2 has none (as 2016).
const instrument: InstrumentVersion = {
  key: "test",
  name: "Testversion",
  description: null,
  areas: [
    {
      number: 1,
      name: "Offentlighet",
      role: null,
      rubricHeadings: [],
      maxPoints: points(30),
      subareas: [
        { id: "1.1", areaNumber: 1, question: "Finns en plan?", maxPoints: points(10), questions: [] },
        {
          id: "1.2",
          areaNumber: 1,
          question: "Hur följs den upp?",
          maxPoints: points(20),
          questions: [
            { id: "1.2.1", text: "Mål", maxPoints: points(12) },
            { id: "1.2.2", text: "Resultat", maxPoints: points(8) },
          ],
        },
      ],
    },
    { number: 2, name: "Effektivitet", role: null, rubricHeadings: ["A"], maxPoints: points(100), subareas: [] },
  ],
};
const questionnaire = defaultQuestionnaire(instrument);
const scores = (entries: Record<string, string>) => new Map(Object.entries(entries).map(([k, v]) => [k, points(v)]));
const text = (value: ReturnType<typeof points> | null) => (value === null ? null : pointsText(value));

describe("the answers beside the scoring", () => {
  const scorables = scorableItems(instrument);
  const subareas = subareasOf(scorables);
  const beside = (id: string, items: readonly QuestionnaireItem[] = questionnaire) =>
    questionnaireItemsBeside(scorables.find((s) => s.id === id)!, items, subareas).map((q) => q.id);

  it("puts a sub-area's answer beside the sub-area, and beside each of its questions", () => {
    expect(beside("1.1")).toEqual(["1.1"]);
    expect(beside("1.2.1")).toEqual(["1.2"]);
    expect(beside("1.2.2")).toEqual(["1.2"]);
  });

  it("puts an area's answer beside the area in a version without sub-areas", () => {
    expect(beside("2")).toEqual(["2"]);
  });

  it("puts an item tied to the area only, or to a sub-area the version lacks, beside everything in its area", () => {
    const loaded: QuestionnaireItem[] = [
      { id: "1.x", position: 0, areaNumber: 1, subareaId: null, text: "Allmänt", guidance: "", maxPoints: null },
      { id: "2.3.a", position: 1, areaNumber: 2, subareaId: "2.3", text: "Framåt", guidance: "", maxPoints: null },
    ];
    expect(beside("1.1", loaded)).toEqual(["1.x"]);
    expect(beside("1.2.2", loaded)).toEqual(["1.x"]);
    expect(beside("2", loaded)).toEqual(["2.3.a"]);
  });
});

describe("the gap", () => {
  const agreed = scores({ "1.1": "7.25", "1.2.1": "9.5", "1.2.2": "4", "2": "61.5" });

  it("subtracts exact sums per sub-area and area, and rounds half up only for display", () => {
    const [area1, area2] = computeGap(instrument, questionnaire, scores({ "1.1": "8", "1.2": "12.75", "2": "62" }), agreed);
    expect(area1!.subareas.map((s) => [s.subareaId, text(s.own), text(s.agreed), text(s.difference), s.state])).toEqual([
      ["1.1", "8", "7.25", "0.75", "compared"],
      ["1.2", "12.75", "13.5", "-0.75", "compared"],
    ]);
    // 20.75 − 20.75: the sub-areas' differences cancel exactly.
    expect([text(area1!.own), text(area1!.agreed), text(area1!.difference), area1!.state]).toEqual(["20.75", "20.75", "0", "compared"]);
    expect(text(area2!.difference)).toBe("0.5");
    // Half up, away from zero: 0.5 → 1, −0.5 → −1; sub-areas keep two decimals.
    // An own score with a decimal is the municipality's figure: shown as given, not rounded to whole points.
    expect(shownGap(area2!.difference!, "area").toString()).toBe("0.5");
    expect(shownGap(points("-0.555"), "area").toString()).toBe("-0.56");
    expect(shownGap(points("-0.75"), "subarea").toString()).toBe("-0.75");
    expect(shownGap(points("20.745"), "subarea").toString()).toBe("20.75");
  });

  it("compares a group only when every item in it has an own score", () => {
    const [area1, area2] = computeGap(instrument, questionnaire, scores({ "1.1": "8" }), agreed);
    expect(area1!.subareas.map((s) => s.state)).toEqual(["compared", "incomplete"]);
    expect(area1!.state).toBe("incomplete");
    expect(area1!.own).toBeNull();
    expect(area1!.difference).toBeNull();
    expect(area2!.state).toBe("incomplete");
    expect(text(area2!.agreed)).toBe("61.5");
  });

  it("shows an own score on another scale without subtracting it", () => {
    const loaded: QuestionnaireItem[] = [
      { id: "2.a", position: 0, areaNumber: 2, subareaId: null, text: "Del a", guidance: "", maxPoints: points(5) },
      { id: "2.b", position: 1, areaNumber: 2, subareaId: null, text: "Del b", guidance: "", maxPoints: points(5) },
      { id: "2.c", position: 2, areaNumber: 2, subareaId: null, text: "Utan poäng", guidance: "", maxPoints: null },
    ];
    const area2 = computeGap(instrument, loaded, scores({ "2.a": "4", "2.b": "3.5" }), agreed)[1]!;
    expect([text(area2.own), text(area2.ownMax), area2.state, area2.difference]).toEqual(["7.5", "10", "other_scale", null]);
  });

  it("leaves a group with no agreed points uncompared", () => {
    const area1 = computeGap(instrument, questionnaire, scores({ "1.1": "8", "1.2": "1" }), scores({ "1.1": "7" }))[0]!;
    expect(area1.subareas.map((s) => s.state)).toEqual(["compared", "incomplete"]);
    expect(area1.state).toBe("incomplete");
  });
});
