import { defineConfig } from "vitest/config";

// Unit and integration tests; the browser tests run with Playwright (tests/e2e).
// Kept apart from vite.config.ts so the React Router plugin is not loaded for tests.
export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    exclude: ["tests/e2e/**", "node_modules/**"],
    globalSetup: ["tests/support/globalSetup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { NODE_ENV: "test" },
    // The built app (tests/support/server.ts) runs on Node as `npm start` runs it: transformed by
    // Vitest, it would get a second copy of react-router beside @react-router/node's, and the
    // request context (a RouterContextProvider, for route middleware) would not be recognised.
    server: { deps: { external: [/\/build\/server\//] } },
  },
});
