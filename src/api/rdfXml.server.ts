/**
 * The DCAT-AP-SE catalogue in RDF/XML, the syntax Sweden's data portal harvests: the same graph
 * as the JSON-LD (dcat.server.ts), written node by node. Only what that document uses is
 * understood: compact names with the context's prefixes, IRIs ({"@id"}), plain, language-tagged
 * and typed literals, and nodes without an identifier nested in a property (a period of time).
 */

interface Literal {
  "@value": string;
  "@language"?: string;
  "@type"?: string;
}
type Value = string | Literal | JsonNode;
export interface JsonNode {
  "@id"?: string;
  "@type"?: string;
  [property: string]: Value | Value[] | undefined;
}
export interface JsonLdDocument {
  "@context": Record<string, string>;
  "@graph": JsonNode[];
}

const xml = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
const isLiteral = (value: Value): value is Literal => typeof value === "object" && "@value" in value;

export function rdfXml(document: JsonLdDocument): string {
  const prefixes = document["@context"];
  const expand = (name: string) => {
    const [prefix, local] = name.split(":", 2);
    const base = prefix === undefined ? undefined : prefixes[prefix];
    return base && local !== undefined ? base + local : name;
  };
  const properties = (node: JsonNode, indent: string): string[] =>
    Object.entries(node)
      .filter(([key]) => !key.startsWith("@"))
      .flatMap(([key, values]) => (Array.isArray(values) ? values : [values]).map((value) => property(key, value!, indent)));
  const property = (name: string, value: Value, indent: string): string => {
    if (typeof value === "string") return `${indent}<${name}>${xml(value)}</${name}>`;
    if (isLiteral(value)) {
      const language = value["@language"];
      const type = value["@type"];
      const tag = language ? ` xml:lang="${xml(language)}"` : type ? ` rdf:datatype="${xml(expand(type))}"` : "";
      return `${indent}<${name}${tag}>${xml(value["@value"])}</${name}>`;
    }
    const id = value["@id"];
    if (id !== undefined && Object.keys(value).length === 1) return `${indent}<${name} rdf:resource="${xml(id)}"/>`;
    return [
      `${indent}<${name} rdf:parseType="Resource">`,
      ...typeOf(value, `${indent}  `),
      ...properties(value, `${indent}  `),
      `${indent}</${name}>`,
    ].join("\n");
  };
  const typeOf = (node: JsonNode, indent: string) =>
    node["@type"] ? [`${indent}<rdf:type rdf:resource="${xml(expand(node["@type"]))}"/>`] : [];
  const namespaces = Object.entries({ rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#", ...prefixes })
    .map(([prefix, iri]) => `xmlns:${prefix}="${xml(iri)}"`)
    .join(" ");
  const nodes = document["@graph"].map((node) =>
    [
      `  <rdf:Description rdf:about="${xml(node["@id"]!)}">`,
      ...typeOf(node, "    "),
      ...properties(node, "    "),
      "  </rdf:Description>",
    ].join("\n"),
  );
  return `<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF ${namespaces}>\n${nodes.join("\n")}\n</rdf:RDF>\n`;
}
