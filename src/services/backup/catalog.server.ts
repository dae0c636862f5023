import { sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.server.ts";

/**
 * The tables of our schema as the database itself describes them (pg_catalog), not as the
 * Drizzle schema in this version of the code does: a backup holds what the database holds, at
 * whatever migration level it is, and a table added by a later migration is included without
 * anyone remembering to list it here.
 */
export interface CatalogColumn {
  name: string;
  /** format_type(): "integer", "timestamp with time zone", "bytea" … */
  type: string;
  /** GENERATED ALWAYS AS IDENTITY: inserting a value needs OVERRIDING SYSTEM VALUE. */
  identityAlways: boolean;
  /** The sequence behind a serial or identity column (schema-qualified, quoted as needed). */
  sequence: string | null;
}

export interface CatalogTable {
  name: string;
  /** Stored columns in their order; generated columns are left out (the database computes them). */
  columns: CatalogColumn[];
  primaryKey: string[];
  /** Tables this one refers to with a foreign key (itself excluded). */
  references: string[];
}

type Queryable = Db | Tx;

async function rows<T>(db: Queryable, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Every ordinary table of the current schema, parents before the tables that refer to them. */
export async function readCatalog(db: Queryable): Promise<CatalogTable[]> {
  const columns = await rows<{ table: string; column: string; type: string; identity: string; sequence: string | null }>(
    db,
    sql`select c.relname as table, a.attname as column, format_type(a.atttypid, a.atttypmod) as type,
               a.attidentity::text as identity,
               pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) as sequence
          from pg_class c
          join pg_namespace n on n.oid = c.relnamespace
          join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
         where n.nspname = current_schema() and c.relkind in ('r', 'p') and a.attgenerated = ''
         order by c.relname, a.attnum`,
  );
  const keys = await rows<{ table: string; column: string }>(
    db,
    sql`select c.relname as table, a.attname as column
          from pg_index i
          join pg_class c on c.oid = i.indrelid
          join pg_namespace n on n.oid = c.relnamespace
          join pg_attribute a on a.attrelid = c.oid and a.attnum = any(i.indkey)
         where n.nspname = current_schema() and i.indisprimary
         order by c.relname, array_position(i.indkey::int2[], a.attnum)`,
  );
  const foreign = await rows<{ child: string; parent: string }>(
    db,
    sql`select distinct child.relname as child, parent.relname as parent
          from pg_constraint k
          join pg_class child on child.oid = k.conrelid
          join pg_class parent on parent.oid = k.confrelid
          join pg_namespace n on n.oid = child.relnamespace
         where k.contype = 'f' and n.nspname = current_schema()`,
  );
  const tables = new Map<string, CatalogTable>();
  for (const row of columns) {
    const table = tables.get(row.table) ?? { name: row.table, columns: [], primaryKey: [], references: [] };
    tables.set(row.table, table);
    table.columns.push({ name: row.column, type: row.type, identityAlways: row.identity === "a", sequence: row.sequence });
  }
  for (const key of keys) tables.get(key.table)?.primaryKey.push(key.column);
  for (const { child, parent } of foreign) {
    if (child !== parent && tables.has(parent)) tables.get(child)?.references.push(parent);
  }
  return parentsFirst([...tables.values()]);
}

/**
 * A topological order (Kahn), alphabetical among equals so that backups of equal databases are
 * equal files. Restoring in this order satisfies every foreign key as rows arrive, so no
 * constraint has to be deferred (ours are not DEFERRABLE). A cycle would need that; there is
 * none, and one added later fails loudly here rather than in the middle of a restore.
 */
function parentsFirst(tables: CatalogTable[]): CatalogTable[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const order: CatalogTable[] = [];
  while (order.length < tables.length) {
    const ready = tables
      .filter((t) => !done.has(t.name) && t.references.every((p) => done.has(p) || !byName.has(p)))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (ready.length === 0) {
      const left = tables.filter((t) => !done.has(t.name)).map((t) => t.name);
      throw new Error(`foreign keys form a cycle among ${left.join(", ")}; a backup needs deferred constraints for that`);
    }
    for (const table of ready) {
      done.add(table.name);
      order.push(table);
    }
  }
  return order;
}

/** Rows per table, for the tables that have any. */
export async function nonEmptyTables(db: Queryable, tables: CatalogTable[]): Promise<{ name: string; rows: number }[]> {
  if (tables.length === 0) return [];
  const counts = await rows<{ name: string; rows: number }>(
    db,
    sql.raw(
      tables
        .map((t) => `select '${t.name.replaceAll("'", "''")}' as name, count(*)::int as rows from ${quoteIdent(t.name)}`)
        .join(" union all "),
    ),
  );
  return counts.filter((c) => Number(c.rows) > 0).map((c) => ({ name: c.name, rows: Number(c.rows) }));
}
