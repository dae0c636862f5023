import { randomBytes } from "node:crypto";
import { plainText } from "../../domain/text.ts";
import { and, asc, eq, gt, isNull, ne } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "../../db/client.server.ts";
import { accounts, municipalities, passwordResets, sessions, users } from "../../db/schema.server.ts";
import { userPolicy } from "../../domain/policies.ts";
import type { Actor, UserRole } from "../../domain/workflow.ts";
import { ForbiddenError, problemsFromZod, ValidationError } from "../errors.ts";
import { appendAudit } from "../evaluations/audit.server.ts";
import { authFor, tokenHash } from "./authentication.server.ts";
import { sendMail } from "./mail.server.ts";

export const ROLES: UserRole[] = ["administrator", "evaluator", "contact", "staff"];

/**
 * Problem messages are codes: the pages show them from the catalog (admin.problem.<code>) and the
 * CLI in English from the same catalog.
 */
export const newUserSchema = z
  .object({
    email: z.string({ error: "email_invalid" }).trim().toLowerCase().email("email_invalid"),
    name: plainText({ error: "name_required" }).trim().min(1, "name_required").max(200, "too_long"),
    role: z.enum(["administrator", "evaluator", "contact", "staff"], { error: "role_invalid" }),
    municipalityCode: z
      .string()
      .regex(/^\d{4}$/, "municipality_invalid")
      .nullish(),
    organisation: plainText().trim().max(200, "too_long").nullish(),
    password: z.string().min(10, "password_length").max(256, "password_length").optional(),
  })
  .refine((u) => (u.role !== "contact" && u.role !== "staff") || !!u.municipalityCode, {
    path: ["municipalityCode"],
    message: "municipality_required",
  });

export type NewUser = z.input<typeof newUserSchema>;

/** The system (the CLI run by whoever runs the server) may create the first administrator. */
export const SYSTEM = "system" as const;

const mayManage = (actor: Actor | typeof SYSTEM) => actor === SYSTEM || userPolicy.manage(actor);
const refused = (message: string, field: string, code: string) => new ValidationError(message, [{ field, message: code }]);

export async function createUser(db: Db, actor: Actor | typeof SYSTEM, input: NewUser): Promise<{ id: string; email: string }> {
  if (!mayManage(actor)) throw new ForbiddenError("manage users");
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError("the user was not created", problemsFromZod(parsed.error.issues));
  const data = parsed.data;
  // Only a municipality's contacts and staff speak for a municipality.
  const municipalityCode = data.role === "contact" || data.role === "staff" ? data.municipalityCode! : null;
  const organisation = data.organisation ? data.organisation : null;
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, data.email));
  if (existing) throw refused("the user was not created", "email", "email_taken");
  if (municipalityCode) {
    const [known] = await db.select({ code: municipalities.code }).from(municipalities).where(eq(municipalities.code, municipalityCode));
    if (!known) throw refused("the user was not created", "municipalityCode", "municipality_unknown");
  }
  const ctx = await (await authFor(db)).$context;
  const user = await ctx.internalAdapter.createUser(
    {
      email: data.email,
      name: data.name,
      emailVerified: true,
      role: data.role,
      municipalityCode,
      organisation,
    },
    { method: "admin" },
  );
  // Without a password the account waits for a one-time link from an administrator.
  await ctx.internalAdapter.linkAccount({
    userId: user.id,
    providerId: "credential",
    accountId: user.id,
    password: data.password ? await ctx.password.hash(data.password) : undefined,
  });
  await appendAudit(db, {
    evaluationId: null,
    actor,
    action: "user.created",
    target: data.email,
    after: { name: data.name, role: data.role, municipalityCode, organisation },
  });
  return { id: user.id, email: user.email };
}

export async function listUsers(db: Db, actor: Actor | typeof SYSTEM) {
  if (!mayManage(actor)) throw new ForbiddenError("manage users");
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      municipalityCode: users.municipalityCode,
      organisation: users.organisation,
      disabled: users.disabled,
    })
    .from(users)
    .orderBy(asc(users.name));
  const collator = new Intl.Collator("sv");
  return rows.sort((a, b) => collator.compare(a.name, b.name) || collator.compare(a.email, b.email));
}

/** Disables (or enables again) an account; disabling ends all its sessions at once. */
export async function setUserDisabled(db: Db, actor: Actor, userId: string, disabled: boolean): Promise<{ email: string }> {
  if (!userPolicy.manage(actor)) throw new ForbiddenError("manage users");
  if (actor!.id === userId && disabled) throw refused("not changed", "user", "cannot_disable_self");
  return db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ disabled, updatedAt: new Date() })
      .where(eq(users.id, userId))
      .returning({ email: users.email });
    if (!user) throw refused("not changed", "user", "user_unknown");
    if (disabled) await tx.delete(sessions).where(eq(sessions.userId, userId));
    await appendAudit(tx, { evaluationId: null, actor, action: disabled ? "user.disabled" : "user.enabled", target: user.email });
    return { email: user.email };
  });
}

const RESET_LINK_HOURS = 72;

export interface ResetLink {
  /** /losenord/<token>: the token itself is not stored, so this is the only time it is known. */
  path: string;
  expiresAt: Date;
  email: string;
  name: string;
}

/**
 * A one-time link to set a password, valid for 72 hours, that an administrator hands to the
 * user (and that is also sent through the configured mail transport). Only its hash is kept.
 * It replaces every earlier link of the user: only the newest one handed out works.
 */
export async function createPasswordResetLink(db: Db, actor: Actor | typeof SYSTEM, userId: string): Promise<ResetLink> {
  if (!mayManage(actor)) throw new ForbiddenError("manage users");
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + RESET_LINK_HOURS * 3600_000);
  const user = await db.transaction(async (tx) => {
    const user = await lockUser(tx, userId);
    if (!user) throw refused("no link was made", "user", "user_unknown");
    await tx.delete(passwordResets).where(eq(passwordResets.userId, userId));
    await tx
      .insert(passwordResets)
      .values({ tokenHash: tokenHash(token), userId, createdBy: actor === SYSTEM ? null : actor!.id, expiresAt });
    await appendAudit(tx, {
      evaluationId: null,
      actor,
      action: "user.resetLink",
      target: user.email,
      after: { expiresAt: expiresAt.toISOString() },
    });
    return user;
  });
  const path = `/losenord/${token}`;
  await sendMail({
    to: user.email,
    subject: "Kommunkompassen: välj ett lösenord",
    text: `Hej ${user.name}!\n\nVälj ditt lösenord här (länken gäller i ${RESET_LINK_HOURS} timmar och kan användas en gång):\n${process.env.KOMPASS_URL ?? ""}${path}\n`,
  });
  return { path, expiresAt, email: user.email, name: user.name };
}

/** The same link made by the system: the CLI, run by whoever runs the server. */
export function createPasswordResetLinkBySystem(db: Db, userId: string): Promise<ResetLink> {
  return createPasswordResetLink(db, SYSTEM, userId);
}

export async function passwordResetIsValid(db: Db, token: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: passwordResets.userId })
    .from(passwordResets)
    .where(and(eq(passwordResets.tokenHash, tokenHash(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, new Date())));
  return !!row;
}

/**
 * Sets a new password through a one-time link; the link is used up, every other link of the user
 * is revoked, and all the user's sessions end. Of two uses of one link at once, one wins.
 */
export async function resetPassword(db: Db, input: { token: string; password: string }): Promise<void> {
  if (input.password.length < 10 || input.password.length > 256) {
    throw new ValidationError("the password was not changed", [{ field: "password", message: "password_length" }]);
  }
  const invalid = () => new ValidationError("the password was not changed", [{ field: "token", message: "link_invalid" }]);
  const hash = tokenHash(input.token);
  const [link] = await db.select({ userId: passwordResets.userId }).from(passwordResets).where(eq(passwordResets.tokenHash, hash));
  if (!link) throw invalid();
  const ctx = await (await authFor(db)).$context;
  const hashed = await ctx.password.hash(input.password);
  await db.transaction(async (tx) => {
    await lockUser(tx, link.userId);
    // Claiming the link is one conditional update: a second use at the same time waits for the
    // row and then finds it used (or gone).
    const [row] = await tx
      .update(passwordResets)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResets.tokenHash, hash), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, new Date())))
      .returning({ userId: passwordResets.userId });
    if (!row) throw invalid();
    await tx.delete(passwordResets).where(and(eq(passwordResets.userId, row.userId), ne(passwordResets.tokenHash, hash)));
    await tx
      .update(accounts)
      .set({ password: hashed, updatedAt: new Date() })
      .where(and(eq(accounts.userId, row.userId), eq(accounts.providerId, "credential")));
    await tx.delete(sessions).where(eq(sessions.userId, row.userId));
  });
}

/**
 * Locks the user's row for the rest of the transaction: making and using a user's links take
 * the user first and the links after, so two of them at once run one after the other (and
 * never deadlock), and a link made at the same time as another is not left valid beside it.
 */
async function lockUser(tx: Tx, userId: string) {
  const [user] = await tx.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, userId)).for("update");
  return user;
}
