import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  allowedDistance,
  editDistance,
  filterMunicipalities,
  findMunicipalities,
  foldName,
  matchMunicipalities,
  resolveFirst,
  resolveMunicipality,
  suggestMunicipalities,
  type MunicipalityName,
} from "../../src/domain/municipalityMatch.ts";
import { slug } from "../../src/domain/paths.ts";

/** Sweden's 290 municipalities as the reference data has them. */
const all: MunicipalityName[] = readFileSync(new URL("../../reference/municipalities.csv", import.meta.url), "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => {
    const [code, name] = line.split(",");
    return { code: code!, name: name! };
  });
const named = (name: string) => all.find((m) => m.name === name)!;
const names = (list: readonly MunicipalityName[]) => list.map((m) => m.name);
const found = (text: string) => {
  const resolution = resolveMunicipality(text, all);
  return resolution.status === "found" ? resolution.municipality.name : resolution;
};

describe("foldName", () => {
  it.each([
    ["Örebro", "orebro"],
    ["ÖREBRO", "orebro"],
    ["Upplands Väsby", "upplands vasby"],
    ["Upplands-Bro", "upplands bro"],
    ["  Malung-Sälen ", "malung salen"],
    ["Håbo", "habo"],
  ])("%s → %s", (text, folded) => expect(foldName(text)).toBe(folded));
});

describe("resolveMunicipality", () => {
  it.each([
    ["orebro", "Örebro"],
    ["ÖREBRO", "Örebro"],
    ["Örebro", "Örebro"],
    ["1880", "Örebro"],
    ["malmo", "Malmö"],
    ["upplands vasby", "Upplands Väsby"],
    ["upplands-vasby", "Upplands Väsby"],
    ["vasby", "Upplands Väsby"],
    ["goteborg", "Göteborg"],
    ["Örebro kommun", "Örebro"],
    ["Stockholms stad", "Stockholm"],
    ["Borås stad", "Borås"],
    ["0114", "Upplands Väsby"],
  ])("%s names %s", (text, name) => expect(found(text)).toBe(name));

  it("asks which of Habo and Håbo a text without diacritics means, unless spelled as the register spells it", () => {
    expect(resolveMunicipality("habo", all)).toEqual({ status: "choose", matches: [named("Habo"), named("Håbo")] });
    expect(found("Habo")).toBe("Habo");
    expect(found("håbo")).toBe("Håbo");
    expect(found("HÅBO")).toBe("Håbo");
  });

  it("offers the municipalities a beginning matches, best first", () => {
    const resolution = resolveMunicipality("upp", all);
    expect(resolution.status).toBe("choose");
    expect(resolution.status === "choose" && names(resolution.matches)).toEqual([
      "Upplands Väsby",
      "Upplands-Bro",
      "Uppsala",
      "Uppvidinge",
    ]);
    const county = resolveMunicipality("18", all);
    expect(county.status === "choose" && county.matches.every((m) => m.code.startsWith("18"))).toBe(true);
  });

  it("narrows the choices to the preferred municipalities when some match, but finds an exact name anyway", () => {
    const evaluated = new Set(["1880"]);
    const preferred = (m: MunicipalityName) => evaluated.has(m.code);
    expect(resolveMunicipality("ore", all, { preferred })).toEqual({ status: "choose", matches: [named("Örebro")] });
    expect(resolveMunicipality("upp", all, { preferred }).status === "choose").toBe(true);
    expect(resolveMunicipality("Töreboda", all, { preferred })).toEqual({ status: "found", municipality: named("Töreboda") });
  });

  it('suggests near misses ("did you mean")', () => {
    expect(resolveMunicipality("orebo", all)).toEqual({ status: "none", suggestions: [named("Örebro"), named("Töreboda")] });
    const karlskrona = resolveMunicipality("karlskona", all);
    expect(karlskrona.status === "none" && names(karlskrona.suggestions)).toContain("Karlskrona");
    expect(resolveMunicipality("stokholm", all)).toEqual({ status: "none", suggestions: [named("Stockholm")] });
    expect(resolveMunicipality("xyzzy", all)).toEqual({ status: "none", suggestions: [] });
  });

  it("finds nothing in empty text", () => {
    for (const text of ["", "   ", "-", "\u0000"]) expect(resolveMunicipality(text, all)).toEqual({ status: "empty" });
  });

  it("finds every municipality by its name, its code and its address's words", () => {
    for (const m of all) {
      expect(found(m.name)).toBe(m.name);
      expect(found(m.code)).toBe(m.name);
      // Only Habo and Håbo share their folded name.
      if (!["Habo", "Håbo"].includes(m.name)) {
        expect(found(slug(m.name))).toBe(m.name);
        expect(found(m.name.toLocaleUpperCase("sv"))).toBe(m.name);
      }
    }
  });

  it("a choice made after a first try wins over the text that needed it", () => {
    expect(resolveFirst(["habo", "0643"], all)).toEqual({ status: "found", municipality: named("Habo") });
    expect(resolveFirst(["", "orebo"], all).status).toBe("none");
    expect(resolveFirst([], all)).toEqual({ status: "empty" });
  });
});

describe("matchMunicipalities", () => {
  it("ranks exact, beginning, a word's beginning, inside; in Swedish order within each", () => {
    expect(matchMunicipalities("bro", all).map((m) => [m.municipality.name, m.kind])).toEqual([
      ["Bromölla", "prefix"],
      ["Upplands-Bro", "wordPrefix"],
      ["Nybro", "substring"],
      ["Tibro", "substring"],
      ["Vansbro", "substring"],
      ["Örebro", "substring"],
    ]);
  });

  it("puts a name spelled as typed before one that only folds to it", () => {
    expect(names(matchMunicipalities("håbo", all).map((m) => m.municipality))).toEqual(["Håbo", "Habo"]);
  });

  it("matches whatever the case and diacritics (property)", () => {
    const municipality = fc.constantFrom(...all);
    fc.assert(
      fc.property(municipality, fc.nat(), fc.nat(), (m, start, length) => {
        const folded = foldName(m.name);
        const from = start % folded.length;
        const part = folded.slice(from, from + 1 + (length % (folded.length - from)));
        if (part.trim() === "") return;
        for (const text of [part, part.toLocaleUpperCase("sv")]) {
          expect(matchMunicipalities(text, all).map((x) => x.municipality)).toContain(m);
        }
      }),
    );
  });

  it("ranks never worse for a longer beginning of the same name (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...all), (m) => {
        const folded = foldName(m.name);
        const kinds = [...folded].map((_, i) => matchMunicipalities(folded.slice(0, i + 1), all).find((x) => x.municipality === m)?.kind);
        expect(kinds.every((k) => k === "prefix" || k === "exact")).toBe(true);
        expect(kinds.at(-1)).toBe("exact");
      }),
    );
  });
});

describe("editDistance and suggestions", () => {
  it.each([
    ["orebo", "orebro", 1],
    ["karlskona", "karlskrona", 1],
    ["oerbro", "orebro", 1],
    ["", "abc", 3],
    ["abc", "abc", 0],
  ])("%s → %s: %i", (a, b, d) => expect(editDistance(a, b)).toBe(d));

  it("is symmetric and at most the longer length (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        expect(editDistance(a, b)).toBe(editDistance(b, a));
        expect(editDistance(a, b)).toBeLessThanOrEqual(Math.max([...a].length, [...b].length));
        expect(editDistance(a, a)).toBe(0);
      }),
    );
  });

  it("suggests a municipality whose name lost or swapped a letter, when the text matches no name (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...all.filter((m) => foldName(m.name).length >= 5)), fc.nat(), (m, at) => {
        const folded = foldName(m.name);
        const i = at % (folded.length - 1);
        const dropped = folded.slice(0, i) + folded.slice(i + 1);
        const swapped = folded.slice(0, i) + folded[i + 1] + folded[i] + folded.slice(i + 2);
        for (const text of [dropped, swapped]) {
          // Unless the text is the beginning of a name itself ("Alvesta" without its l is Avesta).
          const { matches, suggested } = findMunicipalities(text, all);
          if (suggested) expect(names(matches)).toContain(m.name);
        }
      }),
    );
  });

  it("allows more edits in longer names, and suggests nothing for two letters or digits", () => {
    expect([3, 5, 6, 9, 10].map(allowedDistance)).toEqual([1, 1, 2, 2, 3]);
    expect(suggestMunicipalities("or", all)).toEqual([]);
    expect(suggestMunicipalities("9999", all)).toEqual([]);
  });
});

describe("filterMunicipalities", () => {
  const withCounty = all.map((m) => ({ ...m, county: { code: m.code.slice(0, 2) } }));
  const evaluated = (m: MunicipalityName) => ["1880", "0180", "1080"].includes(m.code);

  it("keeps the list's order without text, and the best matches first with it", () => {
    expect(filterMunicipalities(withCounty, {}, evaluated)).toHaveLength(290);
    expect(names(filterMunicipalities(withCounty, { county: "18" }, evaluated))).toHaveLength(12);
    expect(names(filterMunicipalities(withCounty, { evaluated: true }, evaluated))).toEqual(["Stockholm", "Karlskrona", "Örebro"]);
    expect(names(filterMunicipalities(withCounty, { q: "ore", evaluated: true }, evaluated))).toEqual(["Örebro"]);
    expect(names(filterMunicipalities(withCounty, { q: "ore", county: "14" }, evaluated))).toEqual(["Töreboda"]);
  });
});
