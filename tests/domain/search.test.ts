import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anchors } from "../../src/domain/paths.ts";
import {
  facetQuery,
  MARK_START,
  MARK_STOP,
  MAX_WORDS,
  parseSearch,
  passagesOf,
  rootOf,
  snippetSegments,
  wordQuery,
} from "../../src/domain/search.ts";

describe("rootOf", () => {
  it.each([
    ["utvärdering", "utvärder"],
    ["utvärderade", "utvärder"],
    ["utvärderat", "utvärder"],
    ["utvärderingarna", "utvärder"],
    ["brukarundersökningar", "brukarundersök"],
    ["medborgardialogen", "medborgardialog"],
    ["kvaliteten", "kvalitet"],
    ["ledarskapet", "ledarskap"],
    ["styrningen", "styrn"],
    ["medborgardialog", "medborgardialog"],
  ])("%s → %s", (word, root) => expect(rootOf(word)).toBe(root));

  it("keeps at least five letters and leaves short words and numbers without a root", () => {
    expect(rootOf("styrning")).toBe("styrn");
    expect(rootOf("mål")).toBeNull();
    expect(rootOf("2012")).toBeNull();
  });
});

describe("parseSearch", () => {
  it("lower-cases, drops punctuation and operators, keeps each word once", () => {
    expect(parseSearch("Utvärdering & (utvärdering) | !Kvalitet:*")).toEqual({
      words: [
        { word: "utvärdering", root: "utvärder" },
        { word: "kvalitet", root: "kvalit" },
      ],
      phrases: [],
    });
  });

  it("splits hyphenated words and leaves single letters out", () => {
    expect(parseSearch("e-tjänster").words.map((w) => w.word)).toEqual(["tjänster"]);
  });

  it("takes quoted phrases apart from the words, an unclosed quote to the end", () => {
    expect(parseSearch('"Styrning och ledning" kvalitet "öppna jämförelser')).toEqual({
      words: [{ word: "kvalitet", root: "kvalit" }],
      phrases: ["styrning och ledning", "öppna jämförelser"],
    });
  });

  it("finds nothing to search in blank or punctuation-only text", () => {
    expect(parseSearch("  ").words).toEqual([]);
    expect(parseSearch('!?&|:*\'""').words).toEqual([]);
  });

  it(`keeps at most ${MAX_WORDS} words`, () => {
    expect(parseSearch(Array.from({ length: 30 }, (_, i) => `ord${i}`).join(" ")).words).toHaveLength(MAX_WORDS);
  });
});

describe("wordQuery", () => {
  it("quotes the word for the stemmer and the root as a prefix", () => {
    expect(wordQuery({ word: "utvärdering", root: "utvärder" })).toEqual({ stem: "'utvärdering'", prefix: "'utvärder':*" });
    expect(wordQuery({ word: "mål", root: null })).toEqual({ stem: "'mål'", prefix: null });
  });
});

describe("facetQuery", () => {
  it("turns the filters into lexemes that start with = (no searched word does)", () => {
    expect(facetQuery({ county: "18", area: 3 })).toBe("'=county:18' & '=area:3'");
    expect(facetQuery({ group: "7", instrument: "2010" })).toBe("'=group:7' & '=instrument:2010'");
    expect(facetQuery({})).toBeNull();
  });
});

describe("search properties", () => {
  const token = /^'[\p{L}\p{N}]+'$/u;
  it("never throws and only ever produces quoted letter-and-digit lexemes", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), fc.string({ maxLength: 60 }), (a, b) => {
        const parsed = parseSearch(`${a} ${b}`);
        for (const word of parsed.words) {
          const { stem, prefix } = wordQuery(word);
          expect(stem).toMatch(token);
          if (prefix !== null) expect(prefix.slice(0, -2)).toMatch(token);
          if (prefix !== null) expect(prefix.endsWith(":*")).toBe(true);
          if (word.root) expect(word.word.startsWith(word.root)).toBe(true);
        }
        for (const phrase of parsed.phrases) expect(phrase).toMatch(/^[\p{L}\p{N}]+( [\p{L}\p{N}]+)*$/u);
      }),
    );
  });

  it("a root is never shorter than five letters", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-zåäö]{1,20}$/), (word) => {
        const root = rootOf(word);
        if (root !== null) expect([...root].length).toBeGreaterThanOrEqual(5);
      }),
    );
  });
});

describe("passagesOf", () => {
  const passages = passagesOf({
    texts: {
      "area.1.strengths": "Riktlinjer för medborgardialog\n\n- Medborgarbudget",
      "summary.evaluation": "Första stycket.\n\nAndra\nstycket.",
      "subarea.1.10": "Tio.",
      "subarea.1.2": "Två.",
      "area.1.general": "",
      "area.1.improvements": "En visselblåsarfunktion",
      "unknown.key": "Not indexed.",
    },
    goodExamples: [
      { areaNumber: 2, municipalityCode: "0180", sentence: "Andra området." },
      { areaNumber: 1, municipalityCode: "0114", sentence: "Gör resultaten lätta att hitta." },
      { areaNumber: 1, municipalityCode: "0180", sentence: "Visar resultat per enhet." },
    ],
  });

  it("splits running texts into paragraphs and lists into items, in page order, with the page's anchors", () => {
    expect(passages.map((p) => [p.kind, p.anchor, p.body])).toEqual([
      ["summary", anchors.summary(1), "Första stycket."],
      ["summary", anchors.summary(2), "Andra\nstycket."],
      ["subarea_text", anchors.subarea("1.2", 1), "Två."],
      ["subarea_text", anchors.subarea("1.10", 1), "Tio."],
      ["strength", anchors.strength(1, 1), "Riktlinjer för medborgardialog"],
      ["strength", anchors.strength(1, 2), "Medborgarbudget"],
      ["improvement", anchors.improvement(1, 1), "En visselblåsarfunktion"],
      ["good_example", anchors.goodExample(1, 1), "Gör resultaten lätta att hitta."],
      ["good_example", anchors.goodExample(1, 2), "Visar resultat per enhet."],
      ["good_example", anchors.goodExample(2, 1), "Andra området."],
    ]);
    expect(passages.map((p) => p.position)).toEqual(passages.map((_, i) => i));
  });

  it("keeps area, sub-area and the named municipality", () => {
    expect(passages[2]).toMatchObject({ areaNumber: 1, subareaId: "1.2" });
    expect(passages[0]).toMatchObject({ areaNumber: null, subareaId: null });
    expect(passages.at(-1)).toMatchObject({ areaNumber: 2, exampleMunicipalityCode: "0180" });
  });
});

describe("snippetSegments", () => {
  it("turns markers into segments and merges neighbours of one kind", () => {
    expect(
      snippetSegments(`Riktlinjer för ${MARK_START}medborgardialog${MARK_STOP} och ${MARK_START}x${MARK_STOP}${MARK_START}y${MARK_STOP}`),
    ).toEqual([
      { text: "Riktlinjer för ", mark: false },
      { text: "medborgardialog", mark: true },
      { text: " och ", mark: false },
      { text: "xy", mark: true },
    ]);
  });

  it("never loses text, whatever the markers", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constant(MARK_START), fc.constant(MARK_STOP))), (parts) => {
        const headline = parts.join("");
        const text = snippetSegments(headline)
          .map((s) => s.text)
          .join("");
        expect(text).toBe(headline.replaceAll(MARK_START, "").replaceAll(MARK_STOP, ""));
      }),
    );
  });
});
