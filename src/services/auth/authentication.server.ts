import { demoEnabled } from "../../config.server.ts";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, sql } from "drizzle-orm";
import { createAuth, type Auth } from "../../auth/auth.server.ts";
import type { Db } from "../../db/client.server.ts";
import { loginFailures, settings, users } from "../../db/schema.server.ts";
import type { Actor, UserRole } from "../../domain/workflow.ts";

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

const FAILURE_WINDOW_MINUTES = 15;
const MAX_FAILURES_PER_EMAIL = 5;
const MAX_FAILURES_PER_ADDRESS = 20;

export type SignInOutcome = { ok: true; setCookies: string[] } | { ok: false; reason: "invalid" | "throttled" };

/**
 * Signs in with e-mail and password. After 5 failures for one e-mail (or 20 from one address)
 * in 15 minutes, further attempts are refused until the window has passed.
 */
export async function signIn(
  db: Db,
  input: { email: string; password: string; address: string; headers: Headers },
): Promise<SignInOutcome> {
  const email = input.email.trim().toLowerCase();
  const keys = [`email:${email}`, `address:${input.address}`];
  const since = sql`now() - make_interval(mins => ${FAILURE_WINDOW_MINUTES})`;
  const counts = await Promise.all(
    keys.map(async (key) => {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(loginFailures)
        .where(and(eq(loginFailures.key, key), gt(loginFailures.at, since)));
      return Number(row?.n ?? 0);
    }),
  );
  if (counts[0]! >= MAX_FAILURES_PER_EMAIL || counts[1]! >= MAX_FAILURES_PER_ADDRESS) return { ok: false, reason: "throttled" };

  const [user] = await db.select({ disabled: users.disabled }).from(users).where(eq(users.email, email));
  const auth = await authFor(db);
  const response =
    user && !user.disabled && !demoRefused(email)
      ? await auth.api
          .signInEmail({ body: { email, password: input.password }, headers: input.headers, asResponse: true })
          .catch(() => null)
      : null;
  if (!response?.ok) {
    await db.insert(loginFailures).values(keys.map((key) => ({ key })));
    return { ok: false, reason: "invalid" };
  }
  return { ok: true, setCookies: response.headers.getSetCookie() };
}

export async function signOut(db: Db, headers: Headers): Promise<string[]> {
  const auth = await authFor(db);
  const response = await auth.api.signOut({ headers, asResponse: true }).catch(() => null);
  return response?.headers.getSetCookie() ?? [];
}

export const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");
