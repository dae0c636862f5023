import "../i18n/catalogs.server.ts";
import { createInterface } from "node:readline";
import type { Database } from "../db/client.server.ts";
import { translator } from "../i18n/index.ts";
import { createPasswordResetLinkBySystem, createUser, listUsers, SYSTEM, type NewUser } from "../services/auth/users.server.ts";
import { ValidationError, type Problem } from "../services/errors.ts";

/** `kompass user …`: the first administrator, and accounts when the web pages are out of reach. */
export const USER_USAGE = `  user add --role ROLE [--name NAME] [--municipality CODE] [--organisation ORG] [--password-stdin] EMAIL
                                 Create an account. ROLE is administrator, evaluator or contact (a contact needs
                                 --municipality). --password-stdin reads the password from the first line of
                                 standard input; without it a one-time link to choose one is printed.
  user list                      List the accounts (e-mail, role, name, municipality, organisation, state).
  user reset-link EMAIL          Print a new one-time link (valid 72 hours) to choose a password.`;

export interface UserOptions {
  role?: string;
  name?: string;
  municipality?: string;
  organisation?: string;
  "password-stdin"?: boolean;
}

type WithDatabase = <T>(run: (database: Database) => Promise<T>) => Promise<T>;

/** The CLI's names for the fields of a new user, so that an error names what to change. */
const OPTION_OF: Record<string, string> = {
  email: "EMAIL",
  name: "--name",
  role: "--role",
  municipalityCode: "--municipality",
  organisation: "--organisation",
  password: "--password-stdin",
  user: "EMAIL",
};

const english = translator("en");
const explain = (problem: Problem) =>
  `${problem.field ? `${OPTION_OF[problem.field] ?? problem.field}: ` : ""}${english(`admin.problem.${problem.message}`, { defaultValue: problem.message })}`;

function printRefusal(what: string, error: ValidationError) {
  console.error(`${what}: refused, nothing was changed.`);
  for (const problem of error.problems) console.error(`  ${explain(problem)}`);
}

function usage(message: string): number {
  console.error(`${message}\n\nUsage:\n${USER_USAGE}`);
  return 2;
}

/** The first line of standard input (a pipe, or typed and ended with Enter), or null when there is none. */
async function firstLineOfStdin(): Promise<string | null> {
  const lines = createInterface({ input: process.stdin, terminal: false });
  try {
    for await (const line of lines) return line;
    return null;
  } finally {
    lines.close();
    process.stdin.destroy();
  }
}

function printLink(link: { path: string; expiresAt: Date }) {
  const base = process.env.KOMPASS_URL?.replace(/\/$/, "");
  console.log(`One-time link to choose a password (valid until ${link.expiresAt.toISOString()}, usable once):`);
  console.log(`  ${base ? base + link.path : link.path}`);
  if (!base) console.log("Put the server's address in front of it (set KOMPASS_URL to have it printed in full).");
}

export async function runUserCommand(args: string[], options: UserOptions, withDatabase: WithDatabase): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case "add": {
      if (rest.length !== 1) return usage("user add needs exactly one EMAIL");
      const email = rest[0]!;
      let password: string | undefined;
      if (options["password-stdin"]) {
        const line = await firstLineOfStdin();
        if (!line) {
          console.error("user add: refused, nothing was changed.\n  --password-stdin: no password on the first line of standard input.");
          return 1;
        }
        password = line;
      }
      return withDatabase(async ({ db }) => {
        try {
          const user = await createUser(db, SYSTEM, {
            email,
            // Without --name the account is called by its e-mail's local part until renamed.
            name: options.name ?? email.split("@")[0] ?? "",
            role: (options.role ?? "") as NewUser["role"],
            municipalityCode: options.municipality ?? null,
            organisation: options.organisation ?? null,
            password,
          });
          console.log(`Created ${options.role} ${user.email}${password ? " with the password given." : "."}`);
          if (!password) printLink(await createPasswordResetLinkBySystem(db, user.id));
          return 0;
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          printRefusal("user add", error);
          return 1;
        }
      });
    }
    case "list": {
      if (rest.length > 0) return usage("user list takes no arguments");
      return withDatabase(async ({ db }) => {
        const list = await listUsers(db, SYSTEM);
        if (list.length === 0) console.log("No accounts yet. Create the first administrator: kompass user add --role administrator EMAIL");
        for (const u of list) {
          const cells = [u.email, u.role, u.name, u.municipalityCode ?? "-", u.organisation ?? "-", u.disabled ? "disabled" : "active"];
          console.log(cells.join("\t"));
        }
        return 0;
      });
    }
    case "reset-link": {
      if (rest.length !== 1) return usage("user reset-link needs exactly one EMAIL");
      const email = rest[0]!.trim().toLowerCase();
      return withDatabase(async ({ db }) => {
        const user = (await listUsers(db, SYSTEM)).find((u) => u.email === email);
        if (!user) {
          console.error(`user reset-link: refused, nothing was changed.\n  EMAIL: no account has the e-mail address ${email}.`);
          return 1;
        }
        if (user.disabled) console.log(`Note: ${email} is disabled; the password can be set, but signing in waits until it is enabled.`);
        printLink(await createPasswordResetLinkBySystem(db, user.id));
        return 0;
      });
    }
    default:
      return usage(sub ? `unknown user command "${sub}"` : "user needs a command: add, list or reset-link");
  }
}
