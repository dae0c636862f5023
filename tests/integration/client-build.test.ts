import { readdirSync, readFileSync } from "node:fs";
import { getTableName, isTable } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as schema from "../../src/db/schema.server.ts";

// Needs the built app (npm test builds before running vitest): what the browser can download.
const assets = new URL("../../build/client/assets/", import.meta.url);
const scripts = readdirSync(assets)
  .filter((name) => name.endsWith(".js"))
  .map((name) => ({ name, text: readFileSync(new URL(name, assets), "utf8") }));

describe("the browser's code", () => {
  it("holds no database code, driver, password hashing or table definition", () => {
    // Table names with an underscore cannot be ordinary words of the pages ("results" can).
    const tables = Object.values(schema)
      .filter((value) => isTable(value as never))
      .map((table) => getTableName(table as Parameters<typeof getTableName>[0]))
      .filter((name) => name.includes("_"));
    expect(tables.length).toBeGreaterThan(10);
    const forbidden = [
      "drizzle:entityKind",
      "drizzle-orm",
      "@electric-sql/pglite",
      "pg-protocol",
      "argon2",
      "better-auth",
      ...tables.map((t) => `"${t}"`),
      ...tables.map((t) => `\`${t}\``),
    ];
    const found = scripts.flatMap(({ name, text }) => forbidden.filter((word) => text.includes(word)).map((word) => `${name}: ${word}`));
    expect(found).toEqual([]);
  });

  it("keeps each language's messages in a chunk of its own", () => {
    const holding = (text: string) => scripts.filter((script) => script.text.includes(text)).map((script) => script.name);
    expect(holding("Skip to content")).toEqual([expect.stringMatching(/^en-/)]);
    expect(holding("Hoppa till innehållet")).toEqual([expect.stringMatching(/^sv-/)]);
  });
});
