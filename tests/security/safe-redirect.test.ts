import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeReturnPath } from "../../src/domain/safeRedirect.ts";

// Issue 11, finding 3: the one helper every return address goes through.
describe("safeReturnPath", () => {
  const foreign = [
    "/\\evil.example",
    "/\\\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "//evil.example",
    "///evil.example",
    "/.//evil.example",
    "/./\\evil.example",
    "https://evil.example",
    "http:evil.example",
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    " /\\evil.example",
    " //evil.example",
    "\t//evil.example",
    "data:text/html,<script>alert(1)</script>",
    "evil.example",
    "",
    "/".padEnd(3000, "a"),
  ];
  for (const value of foreign) {
    it(`${JSON.stringify(value.slice(0, 40))} → the fallback`, () => {
      expect(safeReturnPath(value, "/arbetsyta")).toBe("/arbetsyta");
    });
  }

  it("non-strings → the fallback", () => {
    for (const value of [null, undefined, 42, {}, ["/x"]]) expect(safeReturnPath(value, "/")).toBe("/");
  });

  it("paths of this site are kept, with their query and fragment", () => {
    expect(safeReturnPath("/arbetsyta/2/texter?omrade=3#text-1", "/")).toBe("/arbetsyta/2/texter?omrade=3#text-1");
    expect(safeReturnPath("/kommun/1880-orebro", "/")).toBe("/kommun/1880-orebro");
    expect(safeReturnPath("/sok?q=styrning%20och%20ledning", "/")).toBe("/sok?q=styrning%20och%20ledning");
    // A newline inside a path is dropped by the URL parser, as a browser drops it.
    expect(safeReturnPath("/\nenv;", "/")).toBe("/env;");
  });

  it("whatever it is given, the result is a path on this site", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 80 }), (value) => {
        const path = safeReturnPath(value, "/");
        expect(path.startsWith("/")).toBe(true);
        expect(path.startsWith("//")).toBe(false);
        expect(path.startsWith("/\\")).toBe(false);
        // A browser resolving it against the site stays on the site.
        expect(new URL(path, "https://kompass.example").origin).toBe("https://kompass.example");
      }),
      { numRuns: 2000 },
    );
  });
});
