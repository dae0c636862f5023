import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { z } from "zod";
import routes from "../../app/routes.ts";
import type { Identity } from "./fuzzSupport.ts";

/**
 * What the fuzz suites aim at, read from the code and the running site rather than listed by
 * hand: the page routes of app/routes.ts (which of them have an action, and the form schema the
 * action parses with), and the links and forms the pages actually render (concrete addresses,
 * query parameter names, and field values such as ids and versions that get a request past the
 * first check).
 */

const APP = resolve(import.meta.dirname, "../../app");

export interface PageRoute {
  /** As in app/routes.ts, with a leading slash: /arbetsyta/:id/texter. */
  pattern: string;
  /** The route module, relative to app/. */
  file: string;
  /** An index route: a form posts to it with ?index. */
  index: boolean;
  hasAction: boolean;
  /** Query parameter names the module reads by name (searchParams.get("…")). */
  queryNames: string[];
  /** Matches a concrete path of this route. */
  matches: RegExp;
}

interface RouteEntry {
  path?: string;
  index?: boolean;
  file: string;
  children?: RouteEntry[];
}

function flatten(entries: RouteEntry[], parent = ""): PageRoute[] {
  return entries.flatMap((entry) => {
    const pattern = `${parent}/${entry.path ?? ""}`.replace(/\/+/g, "/").replace(/(.)\/$/, "$1");
    const source = readFileSync(join(APP, entry.file), "utf8");
    const own: PageRoute = {
      pattern,
      file: entry.file,
      index: entry.index === true,
      hasAction: /export\s+(async\s+)?function\s+action\b|export\s+const\s+action\b/.test(source),
      queryNames: queryNamesOf(entry.file, source),
      matches: new RegExp(`^${pattern.replace(/\*$/, ".*").replace(/:\w+/g, "[^/?#]+")}$`),
    };
    return [own, ...flatten(entry.children ?? [], pattern)];
  });
}

/** Names read with searchParams.get("…") in the module and in the app modules it imports. */
function queryNamesOf(file: string, source: string): string[] {
  const imported = [...source.matchAll(/from\s+"(\.[^"]+)"/g)]
    .map((m) => resolve(dirname(join(APP, file)), m[1]!))
    .filter((path) => path.startsWith(APP) && /\.tsx?$/.test(path));
  const texts = [source, ...imported.map((path) => readFileSync(path, "utf8"))];
  return [
    ...new Set(texts.flatMap((text) => [...text.matchAll(/(?:searchParams|params|query)\.get(?:All)?\("([^"]+)"\)/g)].map((m) => m[1]!))),
  ];
}

export const pageRoutes: PageRoute[] = flatten(routes as RouteEntry[]);

/**
 * The zod schema an action parses its form with: the names the route module imports from an
 * app/*-forms.server.ts module that are schemas, or, when it imports none (the evidence page
 * imports a function that parses), every schema that module exports. Undefined for an action
 * without a form schema (signing out).
 */
export async function formSchemaOf(route: PageRoute): Promise<z.ZodType | undefined> {
  const source = readFileSync(join(APP, route.file), "utf8");
  const found = /import\s*\{([^}]*)\}\s*from\s*"([^"]*-forms\.server\.ts)"/.exec(source);
  if (!found) return undefined;
  const module = (await import(resolve(dirname(join(APP, route.file)), found[2]!))) as Record<string, unknown>;
  const isSchema = (value: unknown): value is z.ZodType => typeof value === "object" && value !== null && "_zod" in value;
  const named = found[1]!.split(",").map((name) => name.trim().split(/\s+as\s+/)[0]!);
  const schemas = named.map((name) => module[name]).filter(isSchema);
  const all = schemas.length > 0 ? schemas : Object.values(module).filter(isSchema);
  if (all.length > 1) throw new Error(`${route.file} imports more than one form schema: ${named.join(", ")}`);
  return all[0];
}

// ---------------------------------------------------------------------------------------------
// What the pages render.

export interface RenderedForm {
  method: string;
  action: string;
  fields: [name: string, value: string][];
}

const decode = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** The links and forms of a page (regular expressions suffice for the markup React renders). */
export function readPage(html: string, pagePath: string): { links: string[]; forms: RenderedForm[] } {
  const links = [...html.matchAll(/<a\s[^>]*href="([^"]+)"/g)].map((m) => decode(m[1]!));
  const forms = [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)].map((m) => {
    const [tag, body] = [m[1]!, m[2]!];
    const fields: [string, string][] = [];
    for (const input of body.matchAll(/<(input|button|textarea|select)\b([^>]*)>/g)) {
      const name = attribute(input[2]!, "name");
      if (!name) continue;
      const from = input.index! + input[0].length;
      const content = input[1] === "textarea" || input[1] === "select" ? body.slice(from, body.indexOf(`</${input[1]}>`, from)) : "";
      if (input[1] === "select") {
        for (const option of content.matchAll(/<option\b[^>]*value="([^"]*)"/g)) fields.push([decode(name), decode(option[1]!)]);
      } else if (input[1] === "textarea") fields.push([decode(name), decode(content)]);
      else fields.push([decode(name), decode(attribute(input[2]!, "value") ?? "")]);
    }
    return { method: (attribute(tag, "method") ?? "get").toLowerCase(), action: decode(attribute(tag, "action") ?? pagePath), fields };
  });
  return { links, forms };
}

export interface SiteMap {
  /** Concrete paths (and queries) seen, per route pattern. */
  paths: Map<string, Set<string>>;
  /** Query parameter names seen in links and GET forms, per route pattern. */
  queryNames: Map<string, Set<string>>;
  /**
   * POST forms per route pattern: their action addresses, who was offered each (identity name
   * and address, as "name address"), and every field value seen.
   */
  postForms: Map<string, { actions: Set<string>; offered: Set<string>; values: Map<string, Set<string>> }>;
}

export function routeOf(path: string): PageRoute | undefined {
  const bare = path.replace(/[?#].*$/, "");
  // Specific routes before the catch-all; among the rest, the first that matches, as app/routes.ts orders them.
  return pageRoutes.find((r) => r.pattern !== "/*" && r.matches.test(bare)) ?? pageRoutes.find((r) => r.pattern === "/*");
}

/**
 * Visits the site as each identity, breadth first from the given paths (eight pages at a time),
 * up to `limit` pages each, following links when asked, and notes what it finds. Downloads (PDF,
 * Word, Excel, CSV) are noted but not read.
 */
export async function crawl(
  base: string,
  identities: Identity[],
  start: string[],
  { limit, follow }: { limit: number; follow: boolean },
): Promise<SiteMap> {
  const site: SiteMap = { paths: new Map(), queryNames: new Map(), postForms: new Map() };
  const add = <T>(map: Map<string, Set<T>>, key: string, value: T) => map.set(key, (map.get(key) ?? new Set()).add(value));
  const note = (path: string) => {
    const route = routeOf(path);
    if (!route) return;
    add(site.paths, route.pattern, path.replace(/#.*$/, ""));
    for (const name of new URLSearchParams(path.split("?")[1]?.replace(/#.*$/, "") ?? "").keys()) add(site.queryNames, route.pattern, name);
  };
  const visit = async (who: Identity, path: string): Promise<string[]> => {
    note(path);
    if (/\.(pdf|docx|xlsx|csv)(\?|$)/.test(path) || path.startsWith("/api/")) return [];
    const response = await fetch(base + path, { headers: { cookie: who.cookie }, redirect: "manual" });
    const html = await response.text();
    if (!response.headers.get("content-type")?.startsWith("text/html")) return [];
    const { links, forms } = readPage(html, path);
    for (const form of forms) {
      const route = routeOf(form.action.startsWith("/") ? form.action : path);
      if (!route) continue;
      if (form.method === "get") {
        // The form as sent untouched (the first value of each field): a query the page accepts.
        const first = new Map<string, string>();
        for (const [name, value] of form.fields) if (!first.has(name)) first.set(name, value);
        note(`${form.action.split("?")[0]}?${new URLSearchParams([...first]).toString()}`);
        continue;
      }
      const entry = site.postForms.get(route.pattern) ?? { actions: new Set<string>(), offered: new Set<string>(), values: new Map() };
      entry.actions.add(form.action);
      entry.offered.add(`${who.name} ${form.action}`);
      for (const [name, value] of form.fields) if (name !== "_csrf") add(entry.values, name, value);
      site.postForms.set(route.pattern, entry);
    }
    return links.filter((link) => link.startsWith("/") && !link.startsWith("//")).map((link) => link.replace(/#.*$/, ""));
  };
  for (const who of identities) {
    const queue = [...new Set(start)];
    const seen = new Set<string>(queue);
    for (let visited = 0; queue.length > 0 && visited < limit; ) {
      const wave = queue.splice(0, Math.min(8, limit - visited));
      visited += wave.length;
      const found = await Promise.all(wave.map((path) => visit(who, path)));
      if (!follow) continue;
      for (const link of found.flat()) {
        if (seen.has(link) || link === "/logga-ut") continue;
        seen.add(link);
        queue.push(link);
      }
    }
  }
  return site;
}
