import { hash as argon2Hash, verify as argon2Verify } from "@node-rs/argon2";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import type { Db } from "../db/client.server.ts";
import { accounts, sessions, users, verifications } from "../db/schema.server.ts";

// argon2id with OWASP's minimum profile (19 MiB, 2 passes); @node-rs/argon2 defaults to argon2id.
const ARGON2 = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const SESSION_COOKIE_PREFIX = "kompass";

export function createAuth(db: Db, secret: string, baseURL: string) {
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
      maxPasswordLength: 256,
      password: {
        hash: (password) => argon2Hash(password, ARGON2),
        verify: ({ hash, password }) => argon2Verify(hash, password),
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
