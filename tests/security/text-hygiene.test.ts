import type { Server } from "node:http";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { controlCharacterProblems, parseForm } from "../../app/submission.ts";
import { handleApiRequest } from "../../src/api/router.server.ts";
import { evaluationTexts, evidence } from "../../src/db/schema.server.ts";
import {
  controlCharacterIndex,
  describeControlCharacter,
  isControlCharacter,
  plainText,
  withoutControlCharacters,
} from "../../src/domain/text.ts";
import type { Actor } from "../../src/domain/workflow.ts";
import { actorByEmail } from "../support/actors.ts";
import { seedDemoWithPracticePoints } from "../support/practicePoints.ts";
import { ValidationError } from "../../src/services/errors.ts";
import { createEvaluation } from "../../src/services/evaluations/createEvaluation.server.ts";
import { correctEvaluation } from "../../src/services/evaluations/transitionEvaluation.server.ts";
import { addInterview, addLink, addNote, uploadDocument } from "../../src/services/evidence/index.server.ts";
import { cleanFileName } from "../../src/services/evidence/fileChecks.server.ts";
import { loadGroupingCsv } from "../../src/services/reference/loadReferenceData.server.ts";
import { saveKeyFacts } from "../../src/services/reports/keyFacts.server.ts";
import { importResults } from "../../src/services/results/importResults.server.ts";
import { listResults } from "../../src/services/results/queries.server.ts";
import { getAgreement, saveAgreedScore } from "../../src/services/scoring/agreement.server.ts";
import { searchMunicipalities } from "../../src/services/search/searchMunicipalities.server.ts";
import { searchPassages } from "../../src/services/search/searchPassages.server.ts";
import { addGoodExample } from "../../src/services/writing/goodExamples.server.ts";
import { saveText } from "../../src/services/writing/saveText.server.ts";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../support/database.ts";
import { addFictionalMunicipalities, TESTKOPING } from "../support/fictional.ts";
import { importDemo } from "../support/fixtures.ts";
import { baseUrl, TestClient } from "../support/http.ts";
import { startTestServer } from "../support/server.ts";

// Needs the built app (npm test builds before running vitest) for the web server's part.

describe("which characters a text may hold", () => {
  it("refuses C0 controls but tab, LF and CR; DEL; and the C1 controls", () => {
    const refused = Array.from({ length: 0x200 }, (_, code) => code).filter(isControlCharacter);
    const expected = [...Array.from({ length: 0x20 }, (_, c) => c).filter((c) => ![9, 10, 13].includes(c))];
    for (let c = 0x7f; c <= 0x9f; c++) expected.push(c);
    expect(refused).toEqual(expected);
    expect(controlCharacterIndex("Örebro\tlän\r\n✓ 😀")).toBe(-1);
    expect(describeControlCharacter("ab\u0000c")).toBe("U+0000 at character 3");
    expect(withoutControlCharacters("Ö\u0000re\u0085bro\t😀")).toBe("Örebro\t😀");
    expect(cleanFileName("rap\u0000port\u0085\u009f\n.pdf")).toBe("rapport.pdf");
  });

  it("gives a schema that refuses them with a code, or words for files", () => {
    expect(plainText().trim().max(5).safeParse(" ab ").data).toBe("ab");
    expect(
      plainText()
        .safeParse("a\u0000")
        .error?.issues.map((i) => i.message),
    ).toEqual(["control_characters"]);
    const words = plainText(undefined, (text) => `bad: ${describeControlCharacter(text)}`).safeParse("ab\u007f");
    expect(words.error?.issues[0]?.message).toBe("bad: U+007F at character 3");
  });

  it("refuses any posted form with a control character in any field, before its schema, naming the fields", () => {
    const form = new FormData();
    form.append("intent", "text");
    form.append("body", "Bra\u0000 text");
    form.append("ids", "ok");
    form.append("ids", "x\u0001");
    form.append("file", new File(["%PDF"], "a\u0000.pdf"));
    expect(controlCharacterProblems(form)).toEqual([
      { field: "body", message: "control_characters" },
      { field: "ids", message: "control_characters" },
    ]);
    const schema = z.object({ intent: z.literal("text"), body: z.string() });
    expect(() => parseForm(form, schema)).toThrow(ValidationError);
  });
});

/** The rows a refused request must leave as they were (sessions and counters may change). */
const TABLES = [
  "agreed_scores",
  "audit_log",
  "evaluation_key_facts",
  "evaluation_members",
  "evaluation_revisions",
  "evaluation_texts",
  "evaluations",
  "evidence",
  "evidence_links",
  "good_examples",
  "grouping_groups",
  "groupings",
  "interviews",
  "municipality_groups",
  "result_area_points",
  "result_revisions",
  "result_subarea_points",
  "results",
  "search_passages",
];

async function contents(database: TestDatabase): Promise<Record<string, string>> {
  const found: Record<string, string> = {};
  for (const table of TABLES) {
    const result = await database.db.execute(
      sql.raw(`select count(*)::text || ':' || coalesce(md5(string_agg(t::text, ',' order by t::text)), '') as h from "${table}" t`),
    );
    found[table] = (result as unknown as { rows: { h: string }[] }).rows[0]!.h;
  }
  return found;
}

/** The problems of a refused call, as "field: message" (after the line or record where there is one). */
async function refusal(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).problems.map((p) => `${p.location ? `${p.location} ` : ""}${p.field}: ${p.message}`);
}

const PASSWORD = "kompass-demo-2026";
const IN_AGREEMENT = 2; // The workspace demo's practice case, Övningsköping 2026; team Eva and Per.
const PUBLISHED = 1; // Örebro 2012.
const pdf = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(100, 32), Buffer.from("%%EOF\n")]);

describe.each(testDatabaseKinds())("text hygiene on %s", (kind) => {
  let database: TestDatabase;
  let server: Server;
  let eva: NonNullable<Actor>;
  let admin: NonNullable<Actor>;
  const actor = (email: string) => actorByEmail(database.db, email);

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await importDemo(database.db);
    await seedDemoWithPracticePoints(database.db);
    await addFictionalMunicipalities(database.db, [TESTKOPING]);
    eva = await actor("eva@kompass.example");
    admin = await actor("admin@kompass.example");
    server = await startTestServer({ database, port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await database.dispose();
  });

  it("refuses an analysis text with a NUL on the page: 400, the field named in Swedish and English, the text kept", async () => {
    const client = new TestClient(baseUrl(server));
    await client.signIn("eva@kompass.example", PASSWORD);
    const page = `/arbetsyta/${IN_AGREEMENT}/texter`;
    const [stored] = await database.db
      .select({ version: evaluationTexts.version })
      .from(evaluationTexts)
      .where(and(eq(evaluationTexts.evaluationId, IN_AGREEMENT), eq(evaluationTexts.key, "summary.evaluation")));
    const typed = "Kommunen har en tydlig styrmodell.\u0000 Uppföljningen sker varje kvartal.";
    const fields = { intent: "text", key: "summary.evaluation", body: typed, version: String(stored?.version ?? 0) };
    const before = await contents(database);

    const swedish = await client.post(page, fields, await client.csrfToken(page));
    expect(swedish.status).toBe(400);
    const html = await swedish.text();
    expect(html).toContain("Texten innehåller ett osynligt styrtecken");
    // The problem links to the field, and the field holds what was typed.
    expect(html).toMatch(/<a[^>]+href="#field-summary-evaluation"[^>]*>Texten innehåller ett osynligt styrtecken/);
    const textarea = /<textarea[^>]*id="field-summary-evaluation"[^>]*>([^<]*)<\/textarea>/.exec(html);
    expect(textarea?.[1]).toBe(typed);

    await client.get(`/sprak?lang=en&return=${encodeURIComponent(page)}`);
    const english = await client.post(page, fields, await client.csrfToken(page));
    expect(english.status).toBe(400);
    expect(await english.text()).toContain("The text contains an invisible control character");
    expect(await contents(database)).toEqual(before);
  });

  it("refuses other forms' fields too (an evidence note's title), changing nothing", async () => {
    const client = new TestClient(baseUrl(server));
    await client.signIn("eva@kompass.example", PASSWORD);
    const page = `/arbetsyta/${IN_AGREEMENT}/underlag`;
    const before = await contents(database);
    const response = await client.post(
      page,
      { intent: "note", title: "Anteckning\u0085", body: "Från besöket", url: "" },
      await client.csrfToken(page),
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Texten innehåller ett osynligt styrtecken");
    expect(await contents(database)).toEqual(before);
  });

  it("answers a NUL in a search or filter with 400, never 500", async () => {
    const base = baseUrl(server);
    for (const path of ["/sok?q=%2Fe%00", "/api/v1/search?q=%2Fe%00", "/api/v1/results?group=%00", "/api/v1/results.csv?group=3%00"]) {
      expect([path, (await fetch(base + path)).status]).toEqual([path, 400]);
    }
  });

  it("makes every service refuse control characters in the texts it keeps, changing nothing", async () => {
    const db = database.db;
    const before = await contents(database);
    const item = (await getAgreement(db, eva, IN_AGREEMENT)).items[0]!;
    expect(await refusal(saveText(db, eva, IN_AGREEMENT, { key: "summary.evaluation", body: "a\u0000b", version: 0 }))).toContain(
      "body: control_characters",
    );
    expect(
      await refusal(addGoodExample(db, eva, IN_AGREEMENT, { areaNumber: 1, municipalityCode: "1880", sentence: "Bra\u0001 dialog." })),
    ).toEqual(["sentence: control_characters"]);
    expect(await refusal(addNote(db, eva, IN_AGREEMENT, { title: "Anteckning\u001b", body: "Text" }))).toEqual([
      "title: control_characters",
    ]);
    expect(await refusal(addLink(db, eva, IN_AGREEMENT, { title: "Länk", url: "https://example.se/\u0000" }))).toEqual([
      "url: control_characters",
    ]);
    expect(await refusal(addInterview(db, eva, IN_AGREEMENT, { groupKind: "politicians", title: "KSAU", notes: "Sa\u007f att" }))).toEqual([
      "notes: control_characters",
    ]);
    expect(
      await refusal(saveAgreedScore(db, eva, IN_AGREEMENT, { itemId: item.id, points: "1", reason: "Enig\u0000", version: 0 })),
    ).toEqual(["reason: control_characters"]);
    expect(await refusal(saveKeyFacts(db, eva, IN_AGREEMENT, { rulingParties: "S\u0085M", version: 0 }))).toEqual([
      "rulingParties: control_characters",
    ]);
    expect(
      await refusal(
        createEvaluation(db, admin, {
          municipalityCode: "0117",
          instrumentKey: "20\u000016",
          year: 2030,
          evaluatorIds: [eva.id, "x\u0000"],
          contactIds: [],
        }),
      ),
    ).toEqual(["evaluatorIds.1: control_characters", "instrumentKey: control_characters"]);
    expect(await refusal(correctEvaluation(db, admin, PUBLISHED, { reason: "Rättelse\u0000 av en siffra", version: 0 }))).toEqual([
      "reason: control_characters",
    ]);
    expect(await contents(database)).toEqual(before);
  });

  it("keeps a document but not the control characters of its file name", async () => {
    const { id } = await uploadDocument(database.db, eva, IN_AGREEMENT, {
      fileName: "Styr\u0000modell\u0085.pdf",
      mediaType: "application/pdf",
      bytes: pdf,
    });
    const [row] = await database.db
      .select({ fileName: evidence.fileName, title: evidence.title })
      .from(evidence)
      .where(eq(evidence.id, id));
    expect(row).toEqual({ fileName: "Styrmodell.pdf", title: "Styrmodell.pdf" });
  });

  it("refuses control characters in imported files, naming the record, field and character", async () => {
    const before = await contents(database);
    // Syntetiska testdata of a fictional municipality: the record is refused, nothing of it is stored.
    const record = { municipality: TESTKOPING.code, instrument: "2016", year: 2019, total: "400", source: "Syntetiska\u0000 testdata" };
    expect(await refusal(importResults(database.db, { name: "bad.ndjson", text: `${JSON.stringify(record)}\n` }))).toEqual([
      expect.stringMatching(/^line 1 source: .*U\+0000 at character 11/),
    ]);
    const grouping = "municipality,group,group_name\n1880,B3,Större\u0000 stad\n";
    expect(
      await refusal(
        loadGroupingCsv(database.db, { key: "skr-2017", name: "SKR 2017", validFrom: null, fileName: "g.csv", csvText: grouping }),
      ),
    ).toEqual([expect.stringMatching(/^line 2 group_name: .*U\+0000/)]);
    expect(
      await refusal(
        loadGroupingCsv(database.db, {
          key: "skr-2017",
          name: "SKR\u0001",
          validFrom: null,
          fileName: "g.csv",
          csvText: "municipality,group,group_name\n1880,B3,Större stad\n",
        }),
      ),
    ).toEqual([expect.stringMatching(/^name: .*U\+0001/)]);
    expect(await contents(database)).toEqual(before);
  });

  it("keeps a NUL in a query away from the database: the search refuses it, the name finder drops it", async () => {
    expect(await refusal(searchPassages(database.db, { text: "dialog\u0000" }))).toEqual([expect.stringMatching(/^text: .*U\+0000/)]);
    expect((await searchMunicipalities(database.db, "Öre\u0000bro"))[0]?.code).toBe("1880");
    expect(await refusal(listResults(database.db, { group: "skl-2011:\u00003" }))).toEqual([expect.stringMatching(/^group: /)]);
    const api = await handleApiRequest(database.db, new Request("http://x/api/v1/search?q=a%00"));
    expect(api.status).toBe(400);
    expect(JSON.stringify(await api.json())).toContain('"parameter":"q"');
  });
});
