import { parse } from "csv-parse/sync";
import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleApiRequest } from "../../src/api/router.server.ts";
import {
  agreedScores,
  evaluations,
  evaluationTexts,
  goodExamples,
  interviews,
  scoreSubmissions,
  searchPassages as passagesTable,
} from "../../src/db/schema.server.ts";
import { anchors } from "../../src/domain/paths.ts";
import { seedDemoWithPracticePoints } from "../support/practicePoints.ts";
import { ValidationError } from "../../src/services/errors.ts";
import { correctEvaluation, transitionEvaluation } from "../../src/services/evaluations/transitionEvaluation.server.ts";
import { indexUnindexedEvaluations } from "../../src/services/search/indexEvaluation.server.ts";
import { searchMunicipalities } from "../../src/services/search/searchMunicipalities.server.ts";
import { RANKED_AT_MOST, searchPassages, type SearchHit } from "../../src/services/search/searchPassages.server.ts";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../support/database.ts";
import { importDemo } from "../support/fixtures.ts";
import { TESTKOPING } from "../support/fictional.ts";
import { createCast, createTestEvaluation, type Cast } from "../support/workspace.ts";

const marked = (hit: SearchHit) => hit.snippet.filter((s) => s.mark).map((s) => s.text.toLocaleLowerCase("sv"));
const plain = (hit: SearchHit) => hit.snippet.map((s) => s.text).join("");

describe.each(testDatabaseKinds())("search on %s", (kind) => {
  let database: TestDatabase;
  let cast: Cast;
  let testkoping2017: number;
  const search = (text: string, filters: Record<string, string | number> = {}) => searchPassages(database.db, { text, ...filters });
  const version = async (id: number) =>
    (await database.db.select({ v: evaluations.version }).from(evaluations).where(eq(evaluations.id, id)))[0]!.v;
  const move = (id: number, to: string) => version(id).then((v) => transitionEvaluation(database.db, cast.admin, id, { to, version: v }));

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await importDemo(database.db);
    await seedDemoWithPracticePoints(database.db);
    cast = await createCast(database.db);
    // A second published evaluation (of the fictional Testköping), published the ordinary way, with inflected forms.
    const id = await createTestEvaluation(database.db, cast);
    testkoping2017 = id;
    await move(id, "preparation");
    await database.db.insert(interviews).values({ evaluationId: id, groupKind: "politicians", title: "KSAU" });
    await move(id, "visit");
    await move(id, "scoring");
    await database.db.insert(scoreSubmissions).values([cast.eva, cast.per].map((u) => ({ evaluationId: id, userId: u.id })));
    await move(id, "agreement");
    await database.db
      .insert(agreedScores)
      .values([1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({ evaluationId: id, itemId: String(n), points: "60" })));
    await move(id, "review");
    await database.db.insert(evaluationTexts).values([
      {
        evaluationId: id,
        key: "summary.evaluation",
        body: "Kommunen utvärderade sin styrning 2016.\n\nVerksamheterna har utvärderat brukarnöjdheten.",
      },
      { evaluationId: id, key: "area.3.strengths", body: "Uppföljning av mål\nTydlig kvalitetsstyrning" },
    ]);
    await database.db
      .insert(goodExamples)
      .values({ evaluationId: id, areaNumber: 3, municipalityCode: "1880", sentence: "Har en tydlig styrmodell.", position: 0 });
    await move(id, "published");
  });
  afterAll(() => database.dispose());

  it("finds Örebro 2012's strength on citizen dialogue, marked, with the paragraph's anchor", async () => {
    const { total, hits } = await search("medborgardialog");
    expect(total).toBeGreaterThanOrEqual(2);
    const strength = hits.find((h) => h.kind === "strength")!;
    expect(strength).toMatchObject({
      municipality: { code: "1880", name: "Örebro" },
      year: 2012,
      instrument: "2010",
      area: { number: 1 },
      anchor: anchors.strength(1, 1),
      link: `/kommun/1880-orebro/2012#${anchors.strength(1, 1)}`,
    });
    expect(strength.area!.name.length).toBeGreaterThan(0);
    expect(plain(strength)).toBe("Riktlinjer för medborgardialog");
    expect(marked(strength)).toEqual(["medborgardialog"]);
    // A short strength ranks above the longer paragraph that mentions the word in passing.
    expect(hits[0]!.kind).toBe("strength");
  });

  it("finds other forms of a word: utvärdering finds utvärderade and utvärderat", async () => {
    const { hits } = await search("utvärdering");
    const texts = hits.map(plain);
    expect(texts).toContain("Kommunen utvärderade sin styrning 2016.");
    expect(texts).toContain("Verksamheterna har utvärderat brukarnöjdheten.");
    const summary = hits.find((h) => plain(h).startsWith("Kommunen utvärderade"))!;
    expect(summary).toMatchObject({
      kind: "summary",
      anchor: anchors.summary(1),
      municipality: { code: TESTKOPING.code },
      year: 2017,
      instrument: "2016",
      area: null,
    });
    expect(marked(summary)).toEqual(["utvärderade"]);
    expect(hits.find((h) => plain(h).startsWith("Verksamheterna"))!.anchor).toBe(anchors.summary(2));
    // Örebro's summary has "Utvärderingen" and "utvärderare": found too.
    expect(hits.some((h) => h.municipality.code === "1880" && h.kind === "summary")).toBe(true);
  });

  it("needs every word, finds quoted phrases, ignores stop words and punctuation", async () => {
    expect((await search("utvärderade styrning")).hits.map(plain)).toEqual(["Kommunen utvärderade sin styrning 2016."]);
    expect((await search("utvärderade medborgardialog")).total).toBe(0);
    const phrase = (await search('"riktlinjer för medborgardialog"')).hits.map(plain);
    expect(phrase).toEqual(["Riktlinjer för medborgardialog", expect.stringContaining("riktlinjer för medborgardialog finns")]);
    expect((await search('"medborgardialog för riktlinjer"')).total).toBe(0);
    expect((await search("och & | ! :* ( medborgardialog")).total).toBe((await search("medborgardialog")).total);
    expect(await search("   ")).toEqual({ total: 0, more: false, hits: [] });
    expect((await search("och")).total).toBe(0);
  });

  it("finds a good example by the named municipality's name", async () => {
    const { hits } = await search("örebro styrmodell");
    expect(hits[0]).toMatchObject({
      kind: "good_example",
      anchor: anchors.goodExample(3, 1),
      municipality: { code: TESTKOPING.code },
      area: { number: 3 },
    });
    const stockholm = (await search("stockholm")).hits.find((h) => h.kind === "good_example")!;
    expect(stockholm).toMatchObject({ municipality: { code: "1880" }, anchor: anchors.goodExample(1, 1) });
  });

  it("filters by area, instrument version, county, group and years", async () => {
    const all = await search("utvärdering");
    const ids = async (filters: Record<string, string | number>) =>
      new Set((await search("utvärdering", filters)).hits.map((h) => h.municipality.code));
    expect(await ids({ instrument: "2016" })).toEqual(new Set([TESTKOPING.code]));
    expect(await ids({ county: "18" })).toEqual(new Set(["1880"]));
    expect(await ids({ yearFrom: 2013 })).toEqual(new Set([TESTKOPING.code]));
    expect(await ids({ yearTo: "2012" })).toEqual(new Set(["1880"]));
    expect(await ids({ yearFrom: 2012, yearTo: 2017, county: "", area: "" })).toEqual(new Set(["1880", TESTKOPING.code]));
    const area3 = await search("mål", { area: 3 });
    expect(area3.hits.every((h) => h.area?.number === 3)).toBe(true);
    expect(area3.total).toBeGreaterThan(0);
    const [orebroGroup] = (
      (await database.db.execute(
        "select group_code from municipality_groups where grouping_key = 'skl-2011' and municipality_code = '1880'" as never,
      )) as unknown as { rows: { group_code: string }[] }
    ).rows;
    // Örebro and (fictional) Testköping share their group: a group with neither of them must find nothing.
    expect(await ids({ group: orebroGroup!.group_code })).toEqual(new Set(["1880", TESTKOPING.code]));
    expect(await ids({ group: orebroGroup!.group_code === "1" ? "2" : "1" })).toEqual(new Set());
    expect(all.total).toBeGreaterThan(2);
  });

  it("pages through the hits in a stable order", async () => {
    const all = await search("utvärdering", { limit: 100 });
    const first = await search("utvärdering", { limit: 2 });
    const second = await search("utvärdering", { limit: 2, offset: 2 });
    expect(first.total).toBe(all.total);
    expect([...first.hits, ...second.hits].map((h) => h.anchor + h.year)).toEqual(all.hits.slice(0, 4).map((h) => h.anchor + h.year));
    expect(await search("utvärdering", { offset: 500 })).toEqual({ total: all.total, more: false, hits: [] });
    const ranks = all.hits.map((h) => h.rank);
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
  });

  it(`ranks at most the ${RANKED_AT_MOST} most recent matches and says there are more`, async () => {
    const [orebro] = await database.db
      .select()
      .from(passagesTable)
      .where(eq(passagesTable.anchor, anchors.strength(1, 1)));
    const { id: _id, document: _document, ...row } = orebro!;
    await database.db
      .insert(passagesTable)
      .values(Array.from({ length: RANKED_AT_MOST + 1 }, (_, i) => ({ ...row, body: `Tusenfoting nummer ${i}.`, position: 1000 + i })));
    const result = await search("tusenfoting", { limit: 5 });
    expect(result).toMatchObject({ total: RANKED_AT_MOST, more: true });
    expect(result.hits).toHaveLength(5);
    await database.db.delete(passagesTable).where(like(passagesTable.body, "Tusenfoting %"));
  });

  it("never shows the unpublished practice case Övningsköping 2026, also after its texts are edited", async () => {
    const [running] = await database.db
      .select({ id: evaluations.id })
      .from(evaluations)
      .where(and(eq(evaluations.municipalityCode, "9990"), eq(evaluations.year, 2026)));
    await database.db
      .update(evaluationTexts)
      .set({ body: "Medborgardialog och utvärdering: zebraspår i fullmäktige." })
      .where(and(eq(evaluationTexts.evaluationId, running!.id), eq(evaluationTexts.key, "summary.evaluation")));
    expect((await search("zebraspår")).total).toBe(0);
    expect((await search("utvärdering", { limit: 100 })).hits.some((h) => h.year === 2026)).toBe(false);
    expect(await indexUnindexedEvaluations(database.db)).toBe(0);
    expect(await database.db.select().from(passagesTable).where(eq(passagesTable.evaluationId, running!.id))).toEqual([]);
  });

  it("keeps the published passages during a correction and replaces them at republication", async () => {
    await correctEvaluation(database.db, cast.admin, testkoping2017, { reason: "Rättat stavfel", version: await version(testkoping2017) });
    await database.db
      .update(evaluationTexts)
      .set({ body: "Kommunen utvärderade sin styrning och sitt ledarskap 2016." })
      .where(and(eq(evaluationTexts.evaluationId, testkoping2017), eq(evaluationTexts.key, "summary.evaluation")));
    expect((await search("utvärderade styrning")).hits.map(plain)).toEqual(["Kommunen utvärderade sin styrning 2016."]);
    expect((await search("ledarskap", { instrument: "2016" })).total).toBe(0);
    await move(testkoping2017, "published");
    expect((await search("utvärderade styrning")).hits.map(plain)).toEqual(["Kommunen utvärderade sin styrning och sitt ledarskap 2016."]);
  });

  it("indexes published evaluations that have no passages yet (databases from before the search)", async () => {
    await database.db.delete(passagesTable);
    expect((await search("medborgardialog")).total).toBe(0);
    expect(await indexUnindexedEvaluations(database.db)).toBe(2);
    expect((await search("medborgardialog")).total).toBeGreaterThan(0);
  });

  it("names the field of a bad filter", async () => {
    const problem = (filters: Record<string, string | number>) =>
      search("kvalitet", filters).then(
        () => null,
        (e: unknown) => e,
      );
    const cases: [Record<string, string | number>, string][] = [
      [{ yearFrom: "tolv" }, "yearFrom"],
      [{ yearTo: 12 }, "yearTo"],
      [{ yearFrom: 2015, yearTo: 2012 }, "yearTo"],
      [{ area: "x" }, "area"],
      [{ county: "Örebro" }, "county"],
      [{ group: "stor" }, "group"],
      [{ instrument: "1999" }, "instrument"],
      [{ limit: 0 }, "limit"],
      [{ offset: -1 }, "offset"],
    ];
    for (const [filters, field] of cases) {
      const error = await problem(filters);
      expect(error, field).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).problems.map((p) => p.field)).toEqual([field]);
      expect((error as ValidationError).message).toMatch(new RegExp(`^${field}: `));
    }
    await expect(search("x".repeat(201))).rejects.toThrow(/^text: at most 200 characters/);
  });

  it("finds municipalities by similar names, best first", async () => {
    expect((await searchMunicipalities(database.db, "örebo"))[0]).toMatchObject({ code: "1880", name: "Örebro", county: { code: "18" } });
    expect((await searchMunicipalities(database.db, "Eskils"))[0]!.code).toBe("0484");
    const upplands = await searchMunicipalities(database.db, "upplands", 10);
    expect(upplands.map((m) => m.name)).toEqual(expect.arrayContaining(["Upplands Väsby", "Upplands-Bro"]));
    expect(await searchMunicipalities(database.db, "  ")).toEqual([]);
    expect(await searchMunicipalities(database.db, "%_")).toEqual([]);
  });

  it("answers /api/v1/search in JSON and CSV, and names bad parameters", async () => {
    const get = (path: string) => handleApiRequest(database.db, new Request(`http://x/api/v1/${path}`));
    const json = await get("search?q=medborgardialog&county=18");
    expect(json.status).toBe(200);
    const body = (await json.json()) as { total: number; hits: SearchHit[] };
    expect(body.hits[0]).toMatchObject({ municipality: { code: "1880" }, anchor: anchors.strength(1, 1) });
    const csv = await get("search.csv?q=medborgardialog&county=18");
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    const text = await csv.text();
    expect(text.split("\r\n")[0]).toBe("municipality,name,year,instrument,area,kind,text,link,rank");
    expect((parse(text, { columns: true }) as Record<string, string>[])[0]).toMatchObject({
      municipality: "1880",
      name: "Örebro",
      year: "2012",
      instrument: "2010",
      area: "1",
      kind: "strength",
      text: "Riktlinjer för medborgardialog",
      link: "/kommun/1880-orebro/2012#omrade-1-styrka-1",
    });
    const bad = await get("search?q=x&yearFrom=tolv&colour=red");
    expect(bad.status).toBe(400);
    const problem = (await bad.json()) as { errors: { parameter: string }[] };
    expect(problem.errors.map((e) => e.parameter)).toContain("colour");
    const badYear = await get("search?q=x&yearFrom=tolv");
    expect(((await badYear.json()) as { errors: { parameter: string; message: string }[] }).errors).toEqual([
      { parameter: "yearFrom", message: "expected a year such as 2012" },
    ]);
    const long = await get(`search?q=${"x".repeat(201)}`);
    expect(((await long.json()) as { errors: { parameter: string }[] }).errors[0]!.parameter).toBe("q");
  });
});
