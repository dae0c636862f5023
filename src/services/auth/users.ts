import { randomBytes } from "node:crypto";
import { and, asc, eq, gt, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { accounts, municipalities, passwordResets, sessions, users } from "../../db/schema.ts";
import { userPolicy } from "../../domain/policies.ts";
import type { Actor, UserRole } from "../../domain/workflow.ts";
import { ForbiddenError, ValidationError } from "../errors.ts";
import { authFor, tokenHash } from "./authentication.ts";
import { sendMail } from "./mail.ts";

export const ROLES: UserRole[] = ["administrator", "evaluator", "contact"];

export const newUserSchema = z
  .object({
    email: z.string().trim().toLowerCase().email("expected an e-mail address"),
    name: z.string().trim().min(1, "expected a name").max(200),
    role: z.enum(["administrator", "evaluator", "contact"], { error: "expected administrator, evaluator or contact" }),
    municipalityCode: z.string().regex(/^\d{4}$/, "expected a four-digit municipality code").nullish(),
    organisation: z.string().trim().max(200).nullish(),
    password: z.string().min(10, "at least 10 characters").max(256).optional(),
  })
  .refine((u) => u.role !== "contact" || !!u.municipalityCode, { path: ["municipalityCode"], message: "a municipality contact needs a municipality" });

export type NewUser = z.input<typeof newUserSchema>;

/** The system (the CLI run by whoever runs the server) may create the first administrator. */
export const SYSTEM = "system" as const;

export async function createUser(db: Db, actor: Actor | typeof SYSTEM, input: NewUser): Promise<{ id: string; email: string }> {
  if (actor !== SYSTEM && !userPolicy.manage(actor)) throw new ForbiddenError("manage users");
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError("the user was not created", parsed.error.issues.map((i) => ({ field: i.path.join("."), message: i.message })));
  const data = parsed.data;
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, data.email));
  if (existing) throw new ValidationError("the user was not created", [{ field: "email", message: `${data.email} already has an account` }]);
  if (data.municipalityCode) {
    const [known] = await db.select({ code: municipalities.code }).from(municipalities).where(eq(municipalities.code, data.municipalityCode));
    if (!known) throw new ValidationError("the user was not created", [{ field: "municipalityCode", message: `no municipality has the code ${data.municipalityCode}` }]);
  }
  const ctx = await (await authFor(db)).$context;
  const user = await ctx.internalAdapter.createUser({
    email: data.email,
    name: data.name,
    emailVerified: true,
    role: data.role,
    municipalityCode: data.municipalityCode ?? null,
    organisation: data.organisation ?? null,
  }, { method: "admin" });
  // Without a password the account waits for a one-time link from an administrator.
  await ctx.internalAdapter.linkAccount({
    userId: user.id,
    providerId: "credential",
    accountId: user.id,
    password: data.password ? await ctx.password.hash(data.password) : undefined,
  });
  return { id: user.id, email: user.email };
}

export async function listUsers(db: Db, actor: Actor) {
  if (!userPolicy.manage(actor)) throw new ForbiddenError("manage users");
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, municipalityCode: users.municipalityCode, organisation: users.organisation, disabled: users.disabled })
    .from(users)
    .orderBy(asc(users.name));
  const collator = new Intl.Collator("sv");
  return rows.sort((a, b) => collator.compare(a.name, b.name));
}

export async function setUserDisabled(db: Db, actor: Actor, userId: string, disabled: boolean): Promise<void> {
  if (!userPolicy.manage(actor)) throw new ForbiddenError("manage users");
  if (actor!.id === userId && disabled) throw new ValidationError("not changed", [{ message: "you cannot disable your own account" }]);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ disabled }).where(eq(users.id, userId));
    if (disabled) await tx.delete(sessions).where(eq(sessions.userId, userId));
  });
}

const RESET_LINK_HOURS = 72;

/**
 * A one-time link to set a password, valid for 72 hours, that an administrator hands to the
 * user (and that is also sent through the configured mail transport). Only its hash is kept.
 */
export async function createPasswordResetLink(db: Db, actor: Actor, userId: string): Promise<{ path: string; expiresAt: Date }> {
  if (!userPolicy.manage(actor)) throw new ForbiddenError("manage users");
  const [user] = await db.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, userId));
  if (!user) throw new ValidationError("no link was made", [{ field: "user", message: "no such user" }]);
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + RESET_LINK_HOURS * 3600_000);
  await db.insert(passwordResets).values({ tokenHash: tokenHash(token), userId, createdBy: actor!.id, expiresAt });
  const path = `/losenord/${token}`;
  await sendMail({ to: user.email, subject: "Kommunkompassen: välj ett lösenord", text: `Hej ${user.name}!\n\nVälj ditt lösenord här (länken gäller i ${RESET_LINK_HOURS} timmar och kan användas en gång):\n${process.env.KOMPASS_URL ?? ""}${path}\n` });
  return { path, expiresAt };
}

export async function passwordResetIsValid(db: Db, token: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: passwordResets.userId })
    .from(passwordResets)
    .where(and(eq(passwordResets.tokenHash, tokenHash(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, new Date())));
  return !!row;
}

/** Sets a new password through a one-time link; the link is used up and all sessions end. */
export async function resetPassword(db: Db, input: { token: string; password: string }): Promise<void> {
  if (input.password.length < 10 || input.password.length > 256) {
    throw new ValidationError("the password was not changed", [{ field: "password", message: "password_length" }]);
  }
  const ctx = await (await authFor(db)).$context;
  const hashed = await ctx.password.hash(input.password);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(passwordResets)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResets.tokenHash, tokenHash(input.token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, new Date())))
      .returning({ userId: passwordResets.userId });
    if (!row) throw new ValidationError("the password was not changed", [{ field: "token", message: "link_invalid" }]);
    await tx
      .update(accounts)
      .set({ password: hashed, updatedAt: new Date() })
      .where(and(eq(accounts.userId, row.userId), eq(accounts.providerId, "credential")));
    await tx.delete(sessions).where(eq(sessions.userId, row.userId));
  });
}
