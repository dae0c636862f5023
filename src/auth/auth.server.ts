import { randomBytes } from "node:crypto";
import { hash as argon2Hash, verify as argon2Verify } from "@node-rs/argon2";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import type { Db } from "../db/client.server.ts";
import { accounts, sessions, users, verifications } from "../db/schema.server.ts";

// argon2id with OWASP's minimum profile (19 MiB, 2 passes); @node-rs/argon2 defaults to argon2id.
const ARGON2 = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

/**
 * A hash of a random password nobody knows, made once with the same parameters as real ones.
 * A sign-in for an unknown, disabled or refused account checks its password against this, so
 * that it costs the same argon2 time as one for a real account: the answer's time must not
 * tell whether an account exists. Started at the first createAuth, so that it is ready by the
 * first sign-in.
 */
let dummyHash: Promise<string> | undefined;
const dummy = () => {
  dummyHash ??= argon2Hash(randomBytes(32).toString("base64url"), ARGON2);
  return dummyHash;
};

/** A stored hash that is not one (a damaged row) refuses the password rather than failing. */
export const verifyPassword = (hash: string, password: string): Promise<boolean> => argon2Verify(hash, password).catch(() => false);

/** The same work as checking a real account's password; never true. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  await verifyPassword(await dummy(), password);
  return false;
}

/** The longest password accepted (better-auth refuses longer ones before any hashing). */
export const MAX_PASSWORD_LENGTH = 256;

export const SESSION_COOKIE_PREFIX = "kompass";

export function createAuth(db: Db, secret: string, baseURL: string) {
  void dummy();
  return betterAuth({
    appName: "Kommunkompassen",
    baseURL,
    secret,
    database: drizzleAdapter(db as never, {
      provider: "pg",
      schema: { user: users, session: sessions, account: accounts, verification: verifications },
    }),
    emailAndPassword: {
      enabled: true,
      // Accounts are made by an administrator (or the CLI), never by sign-up.
      disableSignUp: true,
      minPasswordLength: 10,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
      password: {
        hash: (password) => argon2Hash(password, ARGON2),
        verify: ({ hash, password }) => verifyPassword(hash, password),
      },
    },
    user: {
      additionalFields: {
        role: { type: "string", required: true, defaultValue: "evaluator", input: false },
        municipalityCode: { type: "string", required: false, input: false },
        organisation: { type: "string", required: false, input: false },
        disabled: { type: "boolean", required: false, defaultValue: false, input: false },
      },
    },
    session: { expiresIn: 60 * 60 * 12, updateAge: 60 * 60 },
    advanced: { cookiePrefix: SESSION_COOKIE_PREFIX, useSecureCookies: baseURL.startsWith("https://") },
    // Sign-in goes through our own form action, which throttles; better-auth's limiter would
    // only see its own HTTP endpoints, which we do not expose.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    // Failed sign-ins are expected and counted by our throttle; they are not warnings.
    logger: { level: "error" },
  });
}

export type Auth = ReturnType<typeof createAuth>;

export async function hashPassword(password: string): Promise<string> {
  return argon2Hash(password, ARGON2);
}
