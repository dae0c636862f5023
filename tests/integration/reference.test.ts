import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { loadInstrument } from "../../src/db/repositories/instruments.server.ts";
import { listMunicipalities } from "../../src/db/repositories/municipalities.server.ts";
import { ValidationError } from "../../src/services/errors.ts";
import { loadInstrumentDefinition } from "../../src/services/instruments/loadInstrumentDefinition.server.ts";
import { loadGroupingCsv } from "../../src/services/reference/loadReferenceData.server.ts";
import { importResults } from "../../src/services/results/importResults.server.ts";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../support/database.ts";
import { addFictionalMunicipalities, PROVSTAD, TESTKOPING } from "../support/fictional.ts";

const v2016 = JSON.parse(readFileSync(new URL("../../reference/instruments/2016.json", import.meta.url), "utf8"));

/** 2016 with area 1 split into two sub-areas of 40 and 60 points. */
function v2016WithSubareas(
  subareas = [
    { id: "1.1", question: "Finns en strategi för demokrati?", maxPoints: 40 },
    { id: "1.2", question: "Hur informeras medborgarna?", maxPoints: 60 },
  ],
) {
  const copy = structuredClone(v2016);
  copy.areas[0].subareas = subareas;
  return copy;
}

async function problemsOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).problems;
}

describe.each(testDatabaseKinds())("reference data on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database.dispose());

  it("ships the instrument versions with 2010 complete", async () => {
    const v2010 = await loadInstrument(database.db, "2010");
    expect(v2010!.areas.map((a) => a.subareas.length)).toEqual([5, 6, 5, 6, 6, 6, 5, 6]);
    expect(v2010!.areas[0]!.rubricHeadings).toContain("Dialog och medborgarmedverkan");
    expect((await loadInstrument(database.db, "2020"))!.areas[7]!.name).toBe("Chefs- och ledarskap samt medarbetarskap");
  });

  it("adds sub-areas to a version in use but refuses to drop or renumber those results refer to", async () => {
    // Synthetic results, so of fictional municipalities.
    await addFictionalMunicipalities(database.db);
    await importResults(database.db, {
      name: "r.json",
      text: JSON.stringify({ municipality: TESTKOPING.code, instrument: "2016", year: 2017, areas: { "1": 70 } }),
    });
    expect(await loadInstrumentDefinition(database.db, { name: "2016.json", definition: v2016WithSubareas() })).toEqual({
      key: "2016",
      created: false,
    });
    await importResults(database.db, {
      name: "s.json",
      text: JSON.stringify({ municipality: PROVSTAD.code, instrument: "2016", year: 2018, subareas: { "1.1": 30, "1.2": 45.5 } }),
    });

    const dropped = await problemsOf(
      loadInstrumentDefinition(database.db, {
        name: "2016.json",
        definition: v2016WithSubareas([{ id: "1.1", question: "Finns en strategi för demokrati?", maxPoints: 100 }]),
      }),
    );
    expect(dropped.map((p) => `${p.location} ${p.message}`).join("\n")).toMatch(/1\.2/);
    expect((await loadInstrument(database.db, "2016"))!.areas[0]!.subareas).toHaveLength(2);
  });

  it("refuses an invalid definition and names the element", async () => {
    const broken = v2016WithSubareas([
      { id: "1.1", question: "A", maxPoints: 40 },
      { id: "1.2", question: "B", maxPoints: 55 },
    ]);
    broken.key = "2024";
    const problems = await problemsOf(loadInstrumentDefinition(database.db, { name: "2024.json", definition: broken }));
    expect(problems[0]!.message).toMatch(/95.*100|100.*95/);
    expect(await loadInstrument(database.db, "2024")).toBeNull();
  });

  it("loads another dated grouping from CSV, all or nothing", async () => {
    const good = "municipality,group,group_name\n1880,B3,Större stad\n0180,A1,Storstäder\n";
    expect(
      await loadGroupingCsv(database.db, {
        key: "skr-2017",
        name: "SKR:s kommungruppsindelning 2017",
        validFrom: "2017-01-01",
        fileName: "g.csv",
        csvText: good,
      }),
    ).toEqual({ key: "skr-2017", municipalities: 2 });
    const orebro = (await listMunicipalities(database.db)).find((m) => m.code === "1880")!;
    expect(orebro.groups.map((g) => `${g.grouping}:${g.code}`)).toEqual(["skl-2011:3", "skr-2017:B3"]);

    const bad = "municipality,group,group_name\n1880,B3,Större stad\n9999,A1,Storstäder\n";
    const problems = await problemsOf(
      loadGroupingCsv(database.db, { key: "skr-2019", name: "x", validFrom: null, fileName: "bad.csv", csvText: bad }),
    );
    expect(problems).toEqual([expect.objectContaining({ location: "line 3", field: "municipality" })]);
    const after = (await listMunicipalities(database.db)).find((m) => m.code === "1880")!;
    expect(after.groups.map((g) => g.grouping)).not.toContain("skr-2019");
  });
});
