// Synthetic Swedish-like evaluation texts for bench/search.ts, of fictional municipalities:
// deterministic (mulberry32), about 20 passages per evaluation, topic words drawn with a
// Zipf-like skew so that some words are common (one passage in six has "kvalitet" in some form)
// and most rare, as in real reports.
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import type { Database } from "../src/db/client.server.ts";
import { evaluations, searchPassages as passages } from "../src/db/schema.server.ts";
import { loadInstrumentDefinition } from "../src/services/instruments/loadInstrumentDefinition.server.ts";
import { addBenchMunicipalities, benchInstrumentDefinitions, benchMunicipalities, prng, SEED } from "./data.ts";

/** Topics in order of frequency; each with its inflected forms (all used in the texts). */
const TOPICS: string[][] = [
  ["kvalitet", "kvaliteten", "kvalitetsarbetet"],
  ["resultat", "resultaten"],
  ["utvärdering", "utvärderingen", "utvärderingar", "utvärderade", "utvärderat"],
  ["styrning", "styrningen"],
  ["uppföljning", "uppföljningen", "uppföljningar"],
  ["medarbetare", "medarbetarna"],
  ["mål", "målen"],
  ["ledarskap", "ledarskapet"],
  ["medborgardialog", "medborgardialogen", "medborgardialoger"],
  ["chefer", "cheferna"],
  ["nämnder", "nämnderna"],
  ["webbplats", "webbplatsen"],
  ["brukarundersökning", "brukarundersökningar", "brukarundersökningarna"],
  ["budget", "budgeten"],
  ["e-tjänster", "e-tjänsterna"],
  ["jämförelser", "jämförelserna"],
  ["samverkan"],
  ["arbetsmiljö", "arbetsmiljön"],
  ["kompetensutveckling", "kompetensutvecklingen"],
  ["internkontroll", "internkontrollen"],
  ["styrdokument", "styrdokumenten"],
  ["verksamhetsplan", "verksamhetsplanen"],
  ["digitalisering", "digitaliseringen"],
  ["näringsliv", "näringslivet"],
  ["civilsamhälle", "civilsamhället"],
  ["synpunktshantering", "synpunktshanteringen"],
  ["servicegarantier", "servicegarantierna"],
  ["intranät", "intranätet"],
  ["rapportering", "rapporteringen"],
  ["delaktighet"],
  ["öppenhet"],
  ["politiker", "politikerna"],
  ["invånare", "invånarna"],
  ["förvaltning", "förvaltningen", "förvaltningarna"],
  ["målstyrning", "målstyrningen"],
  ["medborgarförslag"],
  ["visselblåsarfunktion"],
  ["ledarutveckling", "ledarutvecklingen"],
  ["värdegrund", "värdegrunden"],
  ["kvalitetspris"],
];
/** More topics, rarer: each appears in well under one passage in a hundred. */
const RARE_TOPICS = (
  "avtalsuppföljning barnkonsekvensanalys brottsförebyggande demokratiberedning energiplan folkhälsoråd " +
  "föreningsstöd granskningsrapport hållbarhetsredovisning integrationsplan klimatstrategi krisberedskap " +
  "kulturplan landsbygdsutveckling lönekartläggning mångfaldsplan nyanlända omvärldsbevakning " +
  "personalomsättning processkartläggning riskanalys sjukfrånvaro skolresultat sociala-medier " +
  "tillgänglighet upphandling ungdomsråd valfrihetssystem verksamhetsberättelse äldreomsorg"
)
  .split(" ")
  .map((word) => [word.replace("-", " ")]);
const ALL_TOPICS = [...TOPICS, ...RARE_TOPICS];
/** General words of report prose: most words of a sentence, rarely searched for. */
const GENERAL = (
  "arbete arbetet process processer plan planer område områden del delar uppdrag uppdraget stöd ansvar rutiner rutinerna " +
  "underlag beslut besluten insatser åtgärder åtgärderna förutsättningar struktur helhet inriktning riktlinjer dokument " +
  "information kunskap erfarenheter exempel behov möjligheter brister styrkor förbättringar riktning ambition ambitionen " +
  "organisation organisationen ledning enheter enheterna verksamhet verksamheten system systemet metod metoder modell " +
  "modellen perspektiv dialog samarbete kontakt kontakter redovisning ekonomi kostnader effekter frågor fråga"
).split(" ");
const VERBS = [
  "genomför",
  "redovisar",
  "följer upp",
  "saknar",
  "utvecklar",
  "har infört",
  "arbetar med",
  "behöver stärka",
  "mäter",
  "beskriver",
  "prioriterar",
  "har utvärderat",
  "tar fram",
  "har påbörjat",
  "samordnar",
  "ser över",
];
const ADJECTIVES = [
  "tydlig",
  "systematisk",
  "regelbunden",
  "återkommande",
  "gemensam",
  "övergripande",
  "strukturerad",
  "aktiv",
  "omfattande",
  "svag",
  "samlad",
  "öppen",
  "ny",
  "befintlig",
  "god",
  "bred",
];
const SUBJECTS = ["Kommunen", "Förvaltningen", "Nämnderna", "Ledningen", "Verksamheterna", "Kommunstyrelsen", "Cheferna", "Politikerna"];
const LINKS = ["i", "för", "med", "inom", "av", "mellan", "och", "genom", "kring"];

const WEIGHTS = ALL_TOPICS.map((_, i) => 1 / (i + 1) ** 0.8);
const WEIGHT_SUM = WEIGHTS.reduce((a, b) => a + b, 0);

export interface BenchPassage {
  areaNumber: number | null;
  subareaId: string | null;
  kind: string;
  anchor: string;
  body: string;
  exampleMunicipalityCode: string | null;
}

export function textGenerator(seed: number) {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const topic = () => {
    let r = random() * WEIGHT_SUM;
    for (let i = 0; i < ALL_TOPICS.length; i++) {
      r -= WEIGHTS[i]!;
      if (r <= 0) return pick(ALL_TOPICS[i]!);
    }
    return pick(ALL_TOPICS[0]!);
  };
  const maybe = (share: number, text: () => string) => (random() < share ? ` ${text()}` : "");
  const sentence = () =>
    `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(ADJECTIVES)} ${pick(GENERAL)} ${pick(LINKS)} ${topic()}` +
    `${maybe(0.6, () => `${pick(LINKS)} ${pick(GENERAL)}`)}${maybe(0.4, () => `${pick(LINKS)} ${pick(ADJECTIVES)} ${topic()}`)}` +
    `${maybe(0.5, () => `${pick(LINKS)} ${pick(GENERAL)} ${pick(LINKS)} ${pick(GENERAL)}`)}.`;
  const paragraph = () => Array.from({ length: 1 + Math.floor(random() * 3) }, sentence).join(" ");
  const item = () => {
    const text = `${pick(ADJECTIVES)} ${topic()} ${pick(LINKS)} ${pick(GENERAL)}${maybe(0.3, () => `${pick(LINKS)} ${topic()}`)}`;
    return text.charAt(0).toUpperCase() + text.slice(1);
  };

  /** About 20 passages: a summary, the eight areas' texts, strengths, improvements and two good examples. */
  function passages(codes: string[]): BenchPassage[] {
    const out: BenchPassage[] = [
      { areaNumber: null, subareaId: null, kind: "summary", anchor: "sammanfattning-1", body: paragraph(), exampleMunicipalityCode: null },
    ];
    for (let area = 1; area <= 8; area++) {
      out.push({
        areaNumber: area,
        subareaId: null,
        kind: "area_text",
        anchor: `omrade-${area}-allmant-1`,
        body: paragraph(),
        exampleMunicipalityCode: null,
      });
    }
    for (const [kind, slug, count] of [
      ["strength", "styrka", 5],
      ["improvement", "forbattring", 4],
    ] as const) {
      for (let i = 0; i < count; i++) {
        const area = 1 + Math.floor(random() * 8);
        out.push({
          areaNumber: area,
          subareaId: null,
          kind,
          anchor: `omrade-${area}-${slug}-${i + 1}`,
          body: item(),
          exampleMunicipalityCode: null,
        });
      }
    }
    for (let i = 0; i < 2; i++) {
      const area = 1 + Math.floor(random() * 8);
      out.push({
        areaNumber: area,
        subareaId: null,
        kind: "good_example",
        anchor: `omrade-${area}-gott-exempel-${i + 1}`,
        body: `${sentence()}`,
        exampleMunicipalityCode: pick(codes),
      });
    }
    return out;
  }
  return { passages, random };
}

/** The query mix: single words, inflected forms, two words, a phrase, a name; with and without filters. */
export const QUERY_TEXTS = [
  "medborgardialog",
  "utvärdering",
  "utvärderade",
  "brukarundersökningar",
  "ledarskap",
  "styrning",
  "uppföljningen",
  "kvalitet",
  "e-tjänster",
  "synpunktshantering",
  "visselblåsarfunktion",
  "internkontrollen",
  "medborgardialogen",
  "utvärderingarna",
  "brukarundersökningen",
  "utvärdering kvalitet",
  "medborgardialog webbplatsen",
  "ledarskap chefer",
  "styrning mål",
  "kvalitet resultat",
  '"systematisk uppföljning"',
  // A name: the passages of one (fictional) municipality and the good examples that name it.
  "kommun 017 kvalitetspris",
];
export const QUERY_FILTERS: Record<string, string | number>[] = [
  {},
  {},
  {},
  { county: "18" },
  { yearFrom: 2016, yearTo: 2020 },
  { instrument: "2020" },
  { area: 3 },
  { group: "7" },
  { area: 1, yearFrom: 2010 },
];

/** Unique (municipality, instrument, year) keys: 2010/2016/2020 over their years, then bench-a/-b. */
function evaluationKeys(codes: string[], count: number) {
  const spans: [string, number, number][] = [
    ["2010", 2010, 2015],
    ["2016", 2016, 2019],
    ["2020", 2020, 2026],
    ["bench-a", 1990, 2009],
    ["bench-b", 2027, 2046],
  ];
  const keys: { municipalityCode: string; instrumentKey: string; year: number }[] = [];
  for (const [instrumentKey, from, to] of spans)
    for (let year = from; year <= to; year++)
      for (const municipalityCode of codes) if (keys.length < count) keys.push({ municipalityCode, instrumentKey, year });
  return keys;
}

/** Inserts the evaluations (published) and their passages in bulk, then ANALYZE. */
export async function fill(database: Database, count: number): Promise<{ evaluations: number; passages: number; seconds: number }> {
  const started = performance.now();
  const db = database.db;
  for (const { key, definition } of benchInstrumentDefinitions()) await loadInstrumentDefinition(db, { name: `${key}.json`, definition });
  // Made-up evaluations are published of fictional municipalities only, never of real ones.
  await addBenchMunicipalities(db);
  const towns = benchMunicipalities().map((m) => ({ code: m.code, name: m.name, county: m.countyCode }));
  const groups = new Map(benchMunicipalities().map((m) => [m.code, m.group]));
  const byCode = new Map(towns.map((t) => [t.code, t]));
  const codes = towns.map((t) => t.code).sort();
  const generator = textGenerator(SEED);
  const keys = evaluationKeys(codes, count);
  let passageCount = 0;
  for (let i = 0; i < keys.length; i += 500) {
    const batch = keys.slice(i, i + 500);
    await db.transaction(async (tx) => {
      const ids = await tx
        .insert(evaluations)
        .values(batch.map((k) => ({ ...k, status: "published", publishedAt: new Date(`${k.year}-12-01T12:00:00Z`) })))
        .returning({ id: evaluations.id });
      const rows = batch.flatMap((k, n) =>
        generator.passages(codes).map((p, position) => ({
          evaluationId: ids[n]!.id,
          municipalityCode: k.municipalityCode,
          municipalityName: byCode.get(k.municipalityCode)!.name,
          countyCode: byCode.get(k.municipalityCode)!.county,
          groupCode: groups.get(k.municipalityCode) ?? null,
          instrumentKey: k.instrumentKey,
          year: k.year,
          position,
          ...p,
          exampleMunicipalityName: p.exampleMunicipalityCode ? byCode.get(p.exampleMunicipalityCode)!.name : null,
        })),
      );
      for (let j = 0; j < rows.length; j += 2000) await tx.insert(passages).values(rows.slice(j, j + 2000));
      passageCount += rows.length;
    });
  }
  await db.execute(sql`vacuum analyze`);
  return { evaluations: keys.length, passages: passageCount, seconds: (performance.now() - started) / 1000 };
}
