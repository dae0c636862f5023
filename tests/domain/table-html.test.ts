import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { html, tag } from "../../app/components/tableHtml.ts";
import { declaredRowsHtml } from "../../app/components/tableLayout.ts";
import type { Column } from "../../src/domain/tables/table.ts";

const hostile = `Å<script>alert("x")</script> & 'o'`;
const format = {
  formatNumber: (n: number | null | undefined) => (n == null ? "" : String(n).replace(".", ",")),
  formatDate: (d: string | null | undefined) => d ?? "",
};

describe("table rows as HTML", () => {
  it("escapes text and attribute values as React does", () => {
    const ours = tag(
      "a",
      { class: "ds-link", href: `/k/${hostile}`, "aria-label": hostile },
      hostile,
      tag("span", { class: "ds-sr-only" }, ` ${hostile}`),
    );
    const react = renderToStaticMarkup(
      createElement(
        "a",
        { className: "ds-link", href: `/k/${hostile}`, "aria-label": hostile },
        hostile,
        createElement("span", { className: "ds-sr-only" }, ` ${hostile}`),
      ),
    );
    expect(String(ours)).toBe(react.replaceAll("<!-- -->", ""));
    expect(String(html(hostile, 12, null, false, [hostile]))).not.toContain("<script>");
  });

  it("refuses tag and attribute names that are not the code's own", () => {
    expect(() => tag("a onclick=x", {})).toThrow();
    expect(() => tag("a", { 'x" onclick="y': "1" })).toThrow();
  });

  it("gives each cell its column's classes, the row header and the page's cells", () => {
    type Row = { name: string; total: number; level: string; published: boolean };
    const columns: Column<Row>[] = [
      { key: "name", header: { sv: "Kommun", en: "Municipality" }, type: "text", value: (r) => r.name },
      { key: "level", header: { sv: "Nivå", en: "Level" }, type: "text", value: (r) => r.level },
      { key: "total", header: { sv: "Total", en: "Total" }, type: "points", value: (r) => r.total },
    ];
    const rows = [{ name: hostile, total: 12.5, level: "total", published: false }];
    const spec = {
      columns,
      rowHeader: "name",
      secondary: ["level"],
      classes: (c: Column<Row>, r: Row) => (c.key === "total" && !r.published ? "derived" : undefined),
      cells: { name: (r: Row) => tag("a", { class: "ds-link", href: "/k" }, r.name) },
    };
    expect(String(declaredRowsHtml(rows, spec, format))).toBe(
      `<tr><th scope="row" class="pinned"><a class="ds-link" href="/k">Å&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;o&#x27;</a></th>` +
        `<td class="secondary">total</td><td class="numeric key-column derived">12,5</td></tr>`,
    );
    expect(String(declaredRowsHtml(rows, { ...spec, inFoot: true }, format))).toContain(
      `<td class="secondary"><strong>total</strong></td>`,
    );
  });
});
