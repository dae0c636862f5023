import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import PostalMime from "postal-mime";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "../../src/db/client.server.ts";
import { actions, evaluationMembers, questionnaireAnswers, questionnaires, remindersSent, users } from "../../src/db/schema.server.ts";
import { addDays, handInDueSoon, swedishDay } from "../../src/domain/cycle/reminders.ts";
import { createUser, SYSTEM } from "../../src/services/auth/users.server.ts";
import { sendDueReminders } from "../../src/services/reminders/sendReminders.server.ts";
import { publishTestEvaluation } from "../support/cycle.ts";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "../support/database.ts";
import { TESTKOPING } from "../support/fictional.ts";
import { type Cast, createCast, createTestEvaluation } from "../support/workspace.ts";

// The fake clock: 10 a.m. on 10 April 2031 in Sweden.
const NOW = new Date("2031-04-10T08:00:00Z");
const TODAY = "2031-04-10";

describe("reminder dates", () => {
  it("are Swedish calendar days, and a hand-in date is due soon from today up to a week ahead", () => {
    expect(swedishDay(NOW)).toBe(TODAY);
    // 00:30 in Stockholm (summer time) is still 9 April in UTC.
    expect(swedishDay(new Date("2031-04-09T22:30:00Z"))).toBe("2031-04-10");
    expect(swedishDay(new Date("2031-01-09T23:30:00Z"))).toBe("2031-01-10");
    expect(addDays("2031-02-26", 3)).toBe("2031-03-01");
    expect(handInDueSoon(TODAY, TODAY)).toBe(true);
    expect(handInDueSoon("2031-04-17", TODAY)).toBe(true);
    expect(handInDueSoon("2031-04-18", TODAY)).toBe(false);
    expect(handInDueSoon("2031-04-09", TODAY)).toBe(false);
  });
});

describe.each(testDatabaseKinds())("reminders by e-mail (%s)", (kind) => {
  let database: TestDatabase;
  let db: Db;
  let cast: Cast;
  let staff: { id: string; email: string };
  let soon: number;
  let later: number;
  const folder = mkdtempSync(join(tmpdir(), "kompass-reminders-"));
  const mails = join(folder, "mail");

  const emlFiles = () => {
    try {
      return readdirSync(mails).filter((name) => name.endsWith(".eml"));
    } catch {
      return [];
    }
  };
  const sentRows = () => db.select().from(remindersSent);

  beforeAll(async () => {
    vi.stubEnv("KOMPASS_URL", "https://kompass.test/");
    vi.stubEnv("KOMPASS_MAIL_FROM", "Kommunkompassen <kompass@kompass.test>");
    database = await createTestDatabase(kind);
    db = database.db;
    cast = await createCast(db);
    const published = await publishTestEvaluation(db, cast);
    soon = await createTestEvaluation(db, cast, 2031);
    later = await createTestEvaluation(db, cast, 2032);
    const tag = Math.random().toString(36).slice(2, 8);
    const colleague = await createUser(db, SYSTEM, {
      email: `staff.${tag}@test.example`,
      name: "Stina Handläggare",
      role: "staff",
      municipalityCode: TESTKOPING.code,
      password: "ett-langt-losenord",
    });
    staff = { id: colleague.id, email: `staff.${tag}@test.example` };
    // A disabled contact of the municipality is never written to.
    const gone = await createUser(db, SYSTEM, {
      email: `gone.${tag}@test.example`,
      name: "Gunnar Slutat",
      role: "contact",
      municipalityCode: TESTKOPING.code,
    });
    await db.update(users).set({ disabled: true }).where(eq(users.id, gone.id));
    await db.insert(evaluationMembers).values([
      { evaluationId: soon, userId: colleague.id, role: "staff" },
      { evaluationId: soon, userId: gone.id, role: "contact" },
    ]);
    await db.insert(questionnaires).values([
      { evaluationId: soon, dueDate: addDays(TODAY, 5) },
      { evaluationId: later, dueDate: addDays(TODAY, 10) },
    ]);
    // Two of the colleague's three items are unanswered (whitespace is no answer).
    await db.insert(questionnaireAnswers).values([
      { evaluationId: soon, itemId: "1", assignedTo: colleague.id },
      { evaluationId: soon, itemId: "2", assignedTo: colleague.id, answer: "  " },
      { evaluationId: soon, itemId: "3", assignedTo: colleague.id, answer: "Vi har en plan." },
    ]);
    const action = (title: string, status: string, dueDate: string) => ({
      evaluationId: published,
      municipalityCode: TESTKOPING.code,
      title,
      status,
      dueDate,
      owner: "Kommundirektören",
    });
    await db
      .insert(actions)
      .values([
        action("Handlingar till fullmäktige på webben", "planned", addDays(TODAY, -3)),
        action("Ett system för medborgarförslag", "in_progress", addDays(TODAY, -30)),
        action("Klar sedan länge", "done", addDays(TODAY, -30)),
        action("Avbruten", "cancelled", addDays(TODAY, -30)),
        action("Inte försenad än", "planned", TODAY),
      ]);
  });

  afterAll(async () => {
    vi.unstubAllEnvs();
    await database.dispose();
    rmSync(folder, { recursive: true, force: true });
  });

  it("keeps nothing as sent when the transport fails, so the next run tries again", async () => {
    const notAFolder = join(folder, "a-file");
    writeFileSync(notAFolder, "");
    vi.stubEnv("KOMPASS_MAIL", `dir:${notAFolder}/mail`);
    expect(await sendDueReminders(db, NOW)).toEqual({ sent: 0, failed: 6 });
    expect(await sentRows()).toEqual([]);
  });

  it("sends one message per due item and recipient, once", async () => {
    vi.stubEnv("KOMPASS_MAIL", `dir:${mails}`);
    // Due in 5 days: the contact and the colleague with unanswered items; overdue open actions:
    // the municipality's contact and staff (2 × 2). Due in 10 days, closed or not yet due: nothing.
    expect(await sendDueReminders(db, NOW)).toEqual({ sent: 6, failed: 0 });
    expect(await sendDueReminders(db, NOW)).toEqual({ sent: 0, failed: 0 });
    expect(emlFiles()).toHaveLength(6);
    const rows = await sentRows();
    expect(
      rows.map((r) => `${r.kind} ${r.subject.replace(/:\d+:/, ":#:")} ${r.recipient === staff.id ? "staff" : "contact"}`).sort(),
    ).toEqual([
      "action_overdue action:#:2031-03-11 contact",
      "action_overdue action:#:2031-03-11 staff",
      "action_overdue action:#:2031-04-07 contact",
      "action_overdue action:#:2031-04-07 staff",
      "hand_in_due questionnaire:#:2031-04-15 contact",
      "hand_in_due questionnaire:#:2031-04-15 staff",
    ]);
    expect(rows.every((r) => r.recipient === staff.id || r.recipient === cast.contact.id)).toBe(true);
    // Three days on, the second questionnaire's date is a week ahead (its contact is reminded) and
    // the action due on the first day is overdue (contact and staff); nothing else again.
    expect(await sendDueReminders(db, new Date("2031-04-13T08:00:00Z"))).toEqual({ sent: 3, failed: 0 });
    expect(emlFiles()).toHaveLength(9);
  });

  it("writes each message as a valid RFC 5322 file with an encoded Swedish subject and a UTF-8 body", async () => {
    const messages = await Promise.all(
      emlFiles().map(async (name) => {
        const raw = readFileSync(join(mails, name));
        return { raw: raw.toString("latin1"), parsed: await PostalMime.parse(raw) };
      }),
    );
    expect(messages).toHaveLength(9);
    expect(readdirSync(mails).filter((name) => !name.endsWith(".eml"))).toEqual([]);
    for (const { raw, parsed } of messages) {
      const [head] = raw.split("\r\n\r\n");
      // CRLF everywhere, ASCII only in the file (the Swedish text is encoded).
      expect(raw.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
      expect(raw).toMatch(/^[\x20-\x7e\r\n\t]*$/);
      expect(head).toMatch(/^From: Kommunkompassen <kompass@kompass\.test>$/m);
      expect(head).toMatch(/^To: .+@test\.example$/m);
      expect(head).toMatch(/^Date: \w{3}, \d{2} \w{3} \d{4} /m);
      expect(head).toMatch(/^Message-ID: <[^@\s]+@kompass\.test>$/m);
      expect(head).toMatch(/^MIME-Version: 1\.0$/m);
      expect(head).toMatch(/^Subject: =\?UTF-8\?[QB]\?/im);
      expect(head).toMatch(/^Content-Type: text\/plain; charset=utf-8$/im);
      expect(head).toMatch(/^Content-Transfer-Encoding: (quoted-printable|base64)$/im);
      expect(parsed.subject).toMatch(/^Påminnelse: /);
      expect(parsed.messageId).toMatch(/@kompass\.test>$/);
      expect(parsed.text).toMatch(/^Hej .+!/);
    }
    const handIn = messages.find((m) => m.parsed.to?.[0]?.address === staff.email && m.parsed.subject?.includes("självvärderingen"));
    expect(handIn?.parsed.subject).toBe("Påminnelse: självvärderingen för Fiktiva Testköping ska lämnas in senast 15 april 2031");
    expect(handIn?.parsed.text).toContain("2 frågor som du har fått att besvara är ännu obesvarade.");
    expect(handIn?.parsed.text).toContain(`https://kompass.test/arbetsyta/${soon}/sjalvvardering`);
    const overdue = messages.find((m) => m.parsed.subject?.includes("medborgarförslag"));
    expect(overdue?.parsed.subject).toBe("Påminnelse: åtgärden ”Ett system för medborgarförslag” är försenad");
    expect(overdue?.parsed.text).toContain("skulle vara klar 11 mars 2031");
    expect(overdue?.parsed.text).toMatch(/https:\/\/kompass\.test\/arbetsyta\/\d+\/handlingsplan/);
  });
});
