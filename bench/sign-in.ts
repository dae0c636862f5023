// Sign-in time by kind of account (issue 11, item 8); alone: node --import tsx bench/sign-in.ts
// PGlite in a temporary folder (removed). Known account with a wrong password, unknown e-mail,
// disabled account: 200 sign-ins each, interleaved, after a warm-up; the throttle's counters are
// cleared between sign-ins, outside the timed part. Whether an account exists must not show in
// the time: the medians should be within a millisecond or two of each other.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { eq } from "drizzle-orm";
import { openPglite } from "../src/db/client.server.ts";
import { rateCounters, users } from "../src/db/schema.server.ts";
import { signIn } from "../src/services/auth/authentication.server.ts";
import { createUser, SYSTEM } from "../src/services/auth/users.server.ts";
import { prepareDatabase } from "../src/services/bootstrap.server.ts";
import { textTable } from "./report.ts";

const ROUNDS = Number(process.env.BENCH_SIGN_IN_ROUNDS ?? 200);
const WARMUP = 10;
const folder = mkdtempSync(join(os.tmpdir(), "kompass-bench-sign-in-"));
const database = await openPglite(join(folder, "data"));
try {
  const db = database.db;
  await prepareDatabase(database, { demo: false });
  await createUser(db, SYSTEM, { email: "known@bench.example", name: "Known", role: "evaluator", password: "ett-langt-losenord" });
  const { id } = await createUser(db, SYSTEM, {
    email: "off@bench.example",
    name: "Off",
    role: "evaluator",
    password: "ett-langt-losenord",
  });
  await db.update(users).set({ disabled: true }).where(eq(users.id, id));
  const cases = { "known, wrong password": "known@bench.example", unknown: "nobody@bench.example", disabled: "off@bench.example" };
  const times = new Map<string, number[]>(Object.keys(cases).map((name) => [name, []]));
  for (let round = 0; round < WARMUP + ROUNDS; round++) {
    for (const [name, email] of Object.entries(cases)) {
      await db.delete(rateCounters);
      const start = performance.now();
      await signIn(db, { email, password: "fel-losenord-123", address: "192.0.2.1", headers: new Headers() });
      if (round >= WARMUP) times.get(name)!.push(performance.now() - start);
    }
  }
  const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
  console.log(
    textTable(
      ["sign-in", "median ms", "p90 ms"],
      [...times].map(([name, list]) => [
        name,
        median(list).toFixed(1),
        [...list].sort((a, b) => a - b)[Math.floor(list.length * 0.9)]!.toFixed(1),
      ]),
    ),
  );
} finally {
  await database.close();
  rmSync(folder, { recursive: true, force: true });
}
