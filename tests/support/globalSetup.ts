import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { pgliteExtensions, wrapPglite } from "../../src/db/client.server.ts";
import { prepareDatabase } from "../../src/services/bootstrap.server.ts";

/**
 * A new PGlite costs seconds (initdb), so one is migrated and loaded with reference data once
 * per run; each test file starts from a copy of its data folder (tests/support/database.ts).
 */
export default async function setup(project: TestProject) {
  const folder = mkdtempSync(join(tmpdir(), "kompass-test-template-"));
  const client = await PGlite.create({ extensions: pgliteExtensions });
  const database = wrapPglite(client, "memory");
  await prepareDatabase(database, { demo: false });
  const dump = await client.dumpDataDir("none");
  const path = join(folder, "template.tar");
  writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
  await client.close();
  project.provide("pgliteTemplate", path);
  return () => rmSync(folder, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}
