/**
 * Table rows as one HTML string, for pages that ship no JavaScript: a 290-row ranking drawn
 * element by element cost React ~5 ms and React Router as much again to encode the rows as
 * loader data; as a string the rows cost ~0.3 ms, once per data version, language and query
 * (see `htmlOnce`), and travel as one string. Safe by construction: every text and attribute
 * value passes through `escapeHtml`; markup can only come from `tag` (fixed tag and attribute
 * names) or another `Html`, never from data.
 */

/** HTML that is safe to put in a page: made only by the functions below. */
export class Html {
  readonly #html: string;
  private constructor(html: string) {
    this.#html = html;
  }
  toString(): string {
    return this.#html;
  }
  /** Internal: only this module makes Html from markup it wrote itself. */
  static trusted(html: string): Html {
    return new Html(html);
  }
}

/** What a cell or an element may hold: text (escaped), a number, or markup made here. */
export type Content = Html | string | number | null | undefined | false | readonly Content[];

const SPECIAL = /[&<>"']/g;
const ANY_SPECIAL = /[&<>"']/;
const ENTITY: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };

/** The same escaping React does for text and attribute values. */
export function escapeHtml(text: string): string {
  return ANY_SPECIAL.test(text) ? text.replace(SPECIAL, (c) => ENTITY[c]!) : text;
}

function write(content: Content): string {
  if (content === null || content === undefined || content === false) return "";
  if (content instanceof Html) return content.toString();
  if (typeof content === "number") return String(content);
  if (typeof content === "string") return escapeHtml(content);
  let out = "";
  for (const part of content) out += write(part);
  return out;
}

/** Markup from parts: texts escaped, Html kept. */
export function html(...parts: Content[]): Html {
  return Html.trusted(write(parts));
}

const NAME = /^[a-z][a-z0-9-]*$/;

/**
 * An element; attributes in the order given (as React writes them), left out when undefined.
 * Tag and attribute names are the code's own (checked), values are escaped.
 */
export function tag(name: string, attributes: Record<string, string | number | undefined>, ...children: Content[]): Html {
  if (!NAME.test(name)) throw new Error(`not a tag name: ${name}`);
  let open = `<${name}`;
  for (const [attribute, value] of Object.entries(attributes)) {
    if (value === undefined) continue;
    if (!NAME.test(attribute)) throw new Error(`not an attribute name: ${attribute}`);
    open += ` ${attribute}="${escapeHtml(String(value))}"`;
  }
  return Html.trusted(`${open}>${write(children)}</${name}>`);
}

// The cached page data an HTML string was made from (a new object per data version) → its
// strings by language and table: made once, dropped with the page data.
const made = new WeakMap<object, Map<string, string>>();

/** A string made from cached page data once per language (or other key) and kept as long as the data. */
export function htmlOnce(source: object, key: string, make: () => Html | string): string {
  let strings = made.get(source);
  if (!strings) {
    strings = new Map();
    made.set(source, strings);
  }
  let string = strings.get(key);
  if (string === undefined) {
    string = String(make());
    strings.set(key, string);
  }
  return string;
}
