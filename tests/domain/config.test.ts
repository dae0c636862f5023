import { describe, expect, it } from "vitest";
import { demoEnabled } from "../../src/config.server.ts";

describe("KOMPASS_DEMO", () => {
  it("is on with the embedded database and off with DATABASE_URL unless said otherwise", () => {
    expect(demoEnabled({})).toBe(true);
    expect(demoEnabled({ DATABASE_URL: "postgres://x/y" })).toBe(false);
    expect(demoEnabled({ DATABASE_URL: "postgres://x/y", KOMPASS_DEMO: "true" })).toBe(true);
    expect(demoEnabled({ KOMPASS_DEMO: "false" })).toBe(false);
    expect(demoEnabled({ NODE_ENV: "production" })).toBe(true);
  });
});
