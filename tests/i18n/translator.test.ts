import { describe, expect, it } from "vitest";
import { translator } from "../../src/i18n/index.ts";
import "../../src/i18n/catalogs.server.ts";

describe("translator", () => {
  it("gives each call with other options its own text, also when the same call came before", () => {
    const t = translator("sv");
    expect(t("home.count", { count: 1 })).toBe("1 publicerat resultat");
    expect(t("home.count", { count: 2 })).toBe("2 publicerade resultat");
    expect(t("home.count", { count: 1 })).toBe("1 publicerat resultat");
    expect(t("home.pageStatus", { page: 2, pages: 3, from: 101, to: 200 })).toBe("Sida 2 av 3: resultat 101–200");
    expect(t("home.pageStatus", { page: 3, pages: 3, from: 201, to: 250 })).toBe("Sida 3 av 3: resultat 201–250");
  });

  it("keeps languages apart, also for the same key and options", () => {
    expect(translator("en")("home.count", { count: 2 })).toBe("2 published results");
    expect(translator("sv")("home.count", { count: 2 })).toBe("2 publicerade resultat");
  });

  it("passes calls with non-text options straight through", () => {
    const t = translator("sv");
    const list = ["a", "b"];
    expect(t("home.title", { list })).toBe("Publicerade resultat");
    expect(t(["no.such.key", "home.title"])).toBe("Publicerade resultat");
  });
});
