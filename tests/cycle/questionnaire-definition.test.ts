/**
 * A version's questionnaire as data (issue 13 §1): the file format checked against the instrument
 * (tests of the pure domain, with fast-check), the service that loads or resets it all or nothing
 * and refuses to drop items municipalities have worked on, and `kompass questionnaire`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq, like } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import "../../src/i18n/catalogs.server.ts";
import { auditLog, questionnaireAnswers } from "../../src/db/schema.server.ts";
import {
  describeQuestionnaireProblem,
  MAX_ITEM_TEXT,
  parseQuestionnaireFile,
  type Problem,
  questionnaireItemsFor,
  readQuestionnaireBytes,
} from "../../src/domain/cycle/questionnaireFile.ts";
import { parseInstrumentDefinition } from "../../src/domain/instrument-definition.ts";
import type { InstrumentVersion } from "../../src/domain/instrument.ts";
import { pointsText } from "../../src/domain/points.ts";
import { translator } from "../../src/i18n/index.ts";
import { ForbiddenError, ValidationError } from "../../src/services/errors.ts";
import { questionnaireFor } from "../../src/services/questionnaire/items.server.ts";
import { loadQuestionnaire, questionnaireOverview, resetQuestionnaire } from "../../src/services/questionnaire/loadQuestionnaire.server.ts";
import { prepareDataFolder, runKompass } from "../support/cli.ts";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "../support/database.ts";
import { type Cast, createCast, createTestEvaluation } from "../support/workspace.ts";

function instrument(key: string): InstrumentVersion {
  const parsed = parseInstrumentDefinition(JSON.parse(readFileSync(`reference/instruments/${key}.json`, "utf8")));
  if (!parsed.ok) throw new Error("the reference instrument does not parse");
  return parsed.instrument;
}
const v2010 = instrument("2010");

/** The whole check, as the service runs it, for a file given as an object. */
function check(file: unknown, version = v2010) {
  const parsed = parseQuestionnaireFile(file);
  if (!parsed.ok) return parsed;
  return questionnaireItemsFor(parsed.value, version);
}
const problemsOf = (file: unknown): Problem[] => {
  const result = check(file);
  return result.ok ? [] : result.problems;
};
const bytes = (file: unknown) => Buffer.from(JSON.stringify(file));
const english = translator("en");
const swedish = translator("sv");

const item = (over: Record<string, unknown> = {}) => ({
  id: "1.1.a",
  areaNumber: 1,
  subareaId: "1.1",
  text: "Hur informerar ni?",
  ...over,
});

describe("the questionnaire file", () => {
  it("turns a good file into items: max points default to the sub-area's or area's, null means no own score", () => {
    const result = check({
      instrumentKey: "2010",
      items: [
        item(),
        item({ id: "1.1.b", maxPoints: "7.5", guidance: "  Planer och beslut  " }),
        item({ id: "2", areaNumber: 2, subareaId: undefined, maxPoints: null }),
      ],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.map((i) => [i.id, i.position, i.subareaId, i.maxPoints && pointsText(i.maxPoints), i.guidance])).toEqual([
      ["1.1.a", 0, "1.1", "15", ""],
      ["1.1.b", 1, "1.1", "7.5", "Planer och beslut"],
      ["2", 2, null, null, ""],
    ]);
  });

  it("names the item (number and id) and the field of every problem at once, in Swedish and English", () => {
    const problems = problemsOf({
      instrumentKey: "2010",
      items: [
        item(),
        item(), // duplicate id
        item({ id: "9.1", areaNumber: 9, subareaId: null }),
        item({ id: "x", subareaId: "2.1" }),
        item({ id: "y", subareaId: "1.99" }),
        item({ id: "z", maxPoints: 16 }),
        item({ id: "w", maxPoints: 0 }),
        item({ id: "v", maxPoints: "tio" }),
      ],
    });
    expect(problems.map((p) => [p.values?.item, p.field, p.message])).toEqual([
      [2, "id", "id_duplicate"],
      [3, "areaNumber", "area_unknown"],
      [4, "subareaId", "subarea_other_area"],
      [5, "subareaId", "subarea_unknown"],
      [6, "maxPoints", "max_points_range"],
      [7, "maxPoints", "max_points_range"],
      [8, "maxPoints", "max_points_invalid"],
    ]);
    expect(describeQuestionnaireProblem(english, problems[2]!)).toBe(
      "Question 4 (x), sub-area (subareaId): Sub-area 2.1 belongs to area 2, not to area 1.",
    );
    expect(describeQuestionnaireProblem(swedish, problems[4]!)).toBe(
      "Fråga 6 (z), maxpoäng (maxPoints): ska vara större än 0 och högst 15 (delområdets eller områdets maxpoäng), inte 16.",
    );
    expect(describeQuestionnaireProblem(english, problems[0]!)).toBe("Question 2 (1.1.a), id: The id 1.1.a is already used by question 1.");
  });

  it("refuses malformed items: ids, control characters, empty or long text, unknown fields, wrong types", () => {
    const problems = problemsOf({
      instrumentKey: "2010",
      items: [
        item({ id: "1 1" }),
        item({ id: "b", text: "Rad\u0000ett" }),
        item({ id: "c", text: "   " }),
        item({ id: "d", text: "x".repeat(MAX_ITEM_TEXT + 1) }),
        item({ id: "e", colour: "blå" }),
        item({ id: "f", areaNumber: "1" }),
        "en fråga",
      ],
    });
    expect(problems.map((p) => [p.values?.item, p.field ?? "", p.message])).toEqual([
      [1, "id", "id_invalid"],
      [2, "text", "control_characters"],
      [3, "text", "text_empty"],
      [4, "text", "text_too_long"],
      [5, "colour", "field_unknown"],
      [6, "areaNumber", "area_number_invalid"],
      [7, "", "item_not_object"],
    ]);
    expect(describeQuestionnaireProblem(english, problems[3]!)).toBe(
      "Question 4 (d), question text (text): is too long (at most 2000 characters).",
    );
    expect(describeQuestionnaireProblem(english, problems[4]!)).toBe("Question 5 (e): The field colour is not part of the format.");
    expect(describeQuestionnaireProblem(swedish, problems[6]!)).toBe(
      "Fråga 7: Frågan ska vara ett JSON-objekt med id, areaNumber och text.",
    );
  });

  it("accepts the example in docs/questionnaire-format.md", () => {
    const example = /```json\n([\s\S]*?)\n```/.exec(readFileSync("docs/questionnaire-format.md", "utf8"))![1]!;
    const result = check(JSON.parse(example));
    expect(result.ok && result.value.map((i) => [i.id, i.maxPoints && pointsText(i.maxPoints)])).toEqual([
      ["1.1", "15"],
      ["1.1.b", "7.5"],
      ["2", null],
    ]);
  });

  it("names a malformed item's problems and a well-formed item's misfit with the version together, in the file's order", () => {
    const problems = problemsOf({
      instrumentKey: "2010",
      items: [item({ areaNumber: 9 }), item({ id: "b", text: "" }), item({ id: "b" })],
    });
    expect(problems.map((p) => [p.values?.item, p.message])).toEqual([
      [1, "area_unknown"],
      [2, "text_empty"],
    ]);
  });

  it("refuses what is not a questionnaire file: bytes, JSON and the top level", () => {
    const code = (b: Uint8Array) => {
      const read = readQuestionnaireBytes(b);
      return read.ok ? parseQuestionnaireFile(read.value) : read;
    };
    const first = (b: Uint8Array) => {
      const result = code(b);
      return result.ok ? "ok" : result.problems[0]!.message;
    };
    expect(first(new Uint8Array())).toBe("file_missing");
    expect(first(Buffer.from([0x7b, 0xff, 0x7d]))).toBe("file_not_utf8");
    expect(first(Buffer.from("{ not json"))).toBe("file_not_json");
    expect(first(Buffer.alloc(1024 * 1024 + 1, 32))).toBe("file_too_large");
    expect(first(bytes([]))).toBe("file_not_object");
    expect(first(bytes({ instrumentKey: "2010", items: [] }))).toBe("items_missing");
    expect(first(bytes({ instrumentKey: "2010", items: Array(501).fill(item()) }))).toBe("items_too_many");
    expect(first(bytes({ instrumentKey: "../x", items: [item()] }))).toBe("instrument_key_invalid");
    expect(first(Buffer.from(`\uFEFF${JSON.stringify({ instrumentKey: "2010", items: [item()] })}`))).toBe("ok");
  });

  it("accepts every file built from the instrument, with any max points within each sub-area's", () => {
    const subareas = v2010.areas.flatMap((a) => a.subareas);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: subareas.length - 1 }), { minLength: 1 }),
        fc.array(fc.integer({ min: 1, max: 1000 })),
        (picked, permille) => {
          const items = picked.map((index, n) => {
            const s = subareas[index]!;
            const share = permille[n];
            const maxPoints = share === undefined ? undefined : s.maxPoints.times(share).dividedBy(1000).toString();
            return { id: `q${n}`, areaNumber: s.areaNumber, subareaId: s.id, text: s.question, ...(maxPoints ? { maxPoints } : {}) };
          });
          const result = check({ instrumentKey: "2010", items });
          expect(result.ok).toBe(true);
          if (result.ok) expect(result.value.map((i) => i.id)).toEqual(items.map((i) => i.id));
        },
      ),
    );
  });

  it("never throws on arbitrary JSON: it is a questionnaire or a list of problems", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.array(fc.jsonValue(), { maxLength: 4 }), (junk, items) => {
        for (const input of [junk, { instrumentKey: "2010", items }, { instrumentKey: "2010", items: [junk] }]) {
          const result = check(input);
          if (!result.ok) {
            expect(result.problems.length).toBeGreaterThan(0);
            for (const p of result.problems) expect(describeQuestionnaireProblem(english, p)).not.toMatch(/questionnaireAdmin\./);
          }
        }
      }),
    );
  });
});

describe.each(testDatabaseKinds())("loading a questionnaire on %s", (kind) => {
  let database: TestDatabase;
  let cast: Cast;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    cast = await createCast(database.db);
  });
  afterAll(() => database.dispose());

  const file2016 = (ids: string[]) => ({
    instrumentKey: "2016",
    items: ids.map((id) => ({ id, areaNumber: Number(id.split(".")[0]), text: `Fråga ${id}`, maxPoints: 50 })),
  });

  it("replaces the version's items, all or nothing, and logs it", async () => {
    const { db } = database;
    expect((await questionnaireFor(db, "2016")).source).toBe("default");
    const change = await loadQuestionnaire(db, cast.admin, { bytes: bytes(file2016(["1", "2", "3", "4", "5", "6", "7", "8", "8.b"])) });
    expect(change).toMatchObject({ instrumentKey: "2016", source: "loaded", count: 9, added: ["8.b"], removed: [] });
    expect(change.changed).toHaveLength(8);
    const loaded = await questionnaireFor(db, "2016");
    expect(loaded.source).toBe("loaded");
    expect(loaded.items.map((i) => i.id)).toContain("8.b");

    // One bad item: nothing of the file is stored.
    const bad = file2016(["1", "2"]);
    bad.items.push({ id: "9", areaNumber: 9, text: "Utanför", maxPoints: 50 });
    await expect(loadQuestionnaire(db, cast.admin, { bytes: bytes(bad) })).rejects.toBeInstanceOf(ValidationError);
    expect((await questionnaireFor(db, "2016")).items).toHaveLength(9);

    const logged = await db.select().from(auditLog).where(like(auditLog.action, "questionnaire.%"));
    expect(logged.map((row) => [row.action, row.target, row.evaluationId, row.actorId])).toEqual([
      ["questionnaire.load", "2016", null, cast.admin.id],
    ]);
  });

  it("refuses to drop an item a municipality has worked on, naming it; keeping it is fine", async () => {
    const { db } = database;
    const evaluationId = await createTestEvaluation(db, cast, 2018);
    await db.insert(questionnaireAnswers).values({ evaluationId, itemId: "8.b", answer: "Vi har en plan." });
    const refused = await loadQuestionnaire(db, cast.admin, { bytes: bytes(file2016(["1", "2", "3"])) }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).problems).toEqual([
      { location: "item 8.b", field: "items", message: "item_in_use", values: { id: "8.b", evaluations: 1 } },
    ]);
    expect(describeQuestionnaireProblem(english, (refused as ValidationError).problems[0]!)).toContain(
      "The question 8.b is no longer in the file",
    );
    await expect(resetQuestionnaire(db, cast.admin, { instrumentKey: "2016" })).rejects.toBeInstanceOf(ValidationError);
    expect((await questionnaireFor(db, "2016")).items).toHaveLength(9);

    const kept = await loadQuestionnaire(db, cast.admin, { bytes: bytes(file2016(["1", "8.b"])) });
    expect(kept.removed).toEqual(["2", "3", "4", "5", "6", "7", "8"]);

    // Once the answer is gone, the version may go back to its default.
    await db.delete(questionnaireAnswers).where(eq(questionnaireAnswers.evaluationId, evaluationId));
    const reset = await resetQuestionnaire(db, cast.admin, { instrumentKey: "2016" });
    expect(reset).toMatchObject({ source: "default", count: 8, removed: ["8.b"] });
    expect((await questionnaireFor(db, "2016")).source).toBe("default");
  });

  it("is the administrator's: others are refused, and the overview lists every version", async () => {
    const { db } = database;
    for (const actor of [cast.eva, cast.contact]) {
      await expect(loadQuestionnaire(db, actor, { bytes: bytes(file2016(["1"])) })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(resetQuestionnaire(db, actor, { instrumentKey: "2016" })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(questionnaireOverview(db, actor)).rejects.toBeInstanceOf(ForbiddenError);
    }
    const overview = await questionnaireOverview(db, cast.admin);
    expect(overview.map((v) => [v.instrumentKey, v.source, v.items.length])).toEqual([
      ["2010", "default", 45],
      ["2016", "default", 8],
      ["2020", "default", 8],
    ]);
  });
});

describe("kompass questionnaire", () => {
  const folder = mkdtempSync(join(tmpdir(), "kompass-questionnaire-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  beforeAll(() => prepareDataFolder(join(folder, "data")));
  const kompass = (...args: string[]) =>
    runKompass({ KOMPASS_DATA_DIR: join(folder, "data"), DATABASE_URL: "", KOMPASS_DEMO: "false" }, args);

  it("loads a file, shows the items, refuses a bad file with named problems, and resets", () => {
    const good = join(folder, "q-2010.json");
    writeFileSync(good, JSON.stringify({ instrumentKey: "2010", items: [item(), item({ id: "1.2", subareaId: "1.2", maxPoints: 12.5 })] }));
    const loaded = kompass("questionnaire", "load", good);
    expect(loaded.stderr).toBe("");
    expect(loaded.stdout).toContain("questionnaire of version 2010 loaded: 2 items (1 added, 44 removed, 1 changed).");
    expect(loaded.status).toBe(0);

    const shown = kompass("questionnaire", "show", "2010");
    expect(shown.status).toBe(0);
    expect(shown.stdout).toContain("Version 2010: 2 items (loaded file).");
    expect(shown.stdout).toContain("1.2\t1\t1.2\t12.5\tHur informerar ni?");

    const bad = join(folder, "bad.json");
    writeFileSync(bad, JSON.stringify({ instrumentKey: "2010", items: [item({ subareaId: "3.1" })] }));
    const refused = kompass("questionnaire", "load", bad);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("refused, nothing was changed. 1 problem:");
    expect(refused.stderr).toContain("Question 1 (1.1.a), sub-area (subareaId): Sub-area 3.1 belongs to area 3, not to area 1.");

    const reset = kompass("questionnaire", "reset", "2010");
    expect(reset.stdout).toContain("Version 2010 now has the default questionnaire: 45 items");
    expect(kompass("questionnaire", "show", "2010").stdout).toContain("45 items (default, from the instrument)");
    expect(kompass("questionnaire", "show", "1999").stderr).toContain("there is no instrument version 1999");
    expect(kompass("questionnaire", "load").status).toBe(2);
    expect(kompass("help").stdout).toContain("questionnaire load FILE.json");
  }, 300_000);
});
