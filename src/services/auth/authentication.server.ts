import { demoEnabled } from "../../config.server.ts";
import { createHash, randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { createAuth, MAX_PASSWORD_LENGTH, verifyAgainstDummy, verifyPassword, type Auth } from "../../auth/auth.server.ts";
import type { Db } from "../../db/client.server.ts";
import { accounts, settings, users } from "../../db/schema.server.ts";
import type { Actor, UserRole } from "../../domain/workflow.ts";
import { countSignInAttempt } from "./throttle.server.ts";

/** Demo accounts use this domain; they sign in only while the demo is on (KOMPASS_DEMO). */
export const DEMO_EMAIL_DOMAIN = "@kompass.example";
export const isDemoEmail = (email: string) => email.toLowerCase().endsWith(DEMO_EMAIL_DOMAIN);
const demoRefused = (email: string) => !demoEnabled() && isDemoEmail(email);

const auths = new WeakMap<Db, Promise<Auth>>();

/** The installation's secret: KOMPASS_SECRET, or one generated once and kept in the database. */
export async function installationSecret(db: Db): Promise<string> {
  if (process.env.KOMPASS_SECRET) return process.env.KOMPASS_SECRET;
  await db
    .insert(settings)
    .values({ key: "secret", value: randomBytes(32).toString("hex") })
    .onConflictDoNothing();
  const [row] = await db.select().from(settings).where(eq(settings.key, "secret"));
  return row!.value;
}

export function authFor(db: Db): Promise<Auth> {
  let auth = auths.get(db);
  if (!auth) {
    auth = installationSecret(db).then((secret) =>
      createAuth(db, secret, process.env.KOMPASS_URL ?? `http://localhost:${process.env.PORT ?? 3000}`),
    );
    auths.set(db, auth);
  }
  return auth;
}

/** The signed-in user behind a request's cookies, or null. */
export async function actorFromHeaders(db: Db, headers: Headers): Promise<Actor> {
  const auth = await authFor(db);
  const session = await auth.api.getSession({ headers }).catch(() => null);
  if (!session) return null;
  const user = session.user as typeof session.user & { role: UserRole; municipalityCode?: string | null; disabled?: boolean };
  if (user.disabled || demoRefused(user.email)) return null;
  return { id: user.id, name: user.name, role: user.role, municipalityCode: user.municipalityCode ?? null };
}

export type SignInOutcome = { ok: true; setCookies: string[] } | { ok: false; reason: "invalid" | "throttled" };

/**
 * Signs in with e-mail and password. Every attempt is counted first (throttle.server.ts): past 5
 * for one e-mail, or 20 failures from one address, in 15 minutes, attempts are refused without
 * their password being checked until the window has passed. `address` must be the real client
 * address (Express's req.ip), never a header the client writes.
 *
 * Whether the account exists must not show in the answer's time, so every attempt that is not
 * throttled takes the same path until its password is known to be right: one query, one argon2
 * check, against the account's hash or, for an unknown, disabled, demo-refused or password-less
 * account (or a password longer than any), against a dummy hash made with the same parameters.
 * Only then does better-auth sign in (checking the password again, so a success costs two
 * checks: only someone who knows the password can tell).
 */
export async function signIn(
  db: Db,
  input: { email: string; password: string; address: string; headers: Headers },
): Promise<SignInOutcome> {
  const email = input.email.trim().toLowerCase();
  const auth = await authFor(db);
  const attempt = await countSignInAttempt(db, email, input.address);
  if (attempt.throttled) return { ok: false, reason: "throttled" };

  const [account] = await db
    .select({ disabled: users.disabled, hash: accounts.password })
    .from(users)
    .innerJoin(accounts, and(eq(accounts.userId, users.id), eq(accounts.providerId, "credential"), eq(accounts.accountId, users.id)))
    .where(eq(users.email, email));
  const usable = account?.hash && !account.disabled && !demoRefused(email) && input.password.length <= MAX_PASSWORD_LENGTH;
  const right = usable ? await verifyPassword(account.hash!, input.password) : await verifyAgainstDummy(input.password);
  if (!right) return { ok: false, reason: "invalid" };

  const response = await auth.api
    .signInEmail({ body: { email, password: input.password }, headers: input.headers, asResponse: true })
    .catch(() => null);
  if (!response?.ok) return { ok: false, reason: "invalid" };
  await attempt.succeeded();
  return { ok: true, setCookies: response.headers.getSetCookie() };
}

export async function signOut(db: Db, headers: Headers): Promise<string[]> {
  const auth = await authFor(db);
  const response = await auth.api.signOut({ headers, asResponse: true }).catch(() => null);
  return response?.headers.getSetCookie() ?? [];
}

export const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");
