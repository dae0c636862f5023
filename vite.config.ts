import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";

export default defineConfig(({ isSsrBuild }) => ({
  // The server build's entry is the Express app, which imports the routes: one module graph.
  build: isSsrBuild
    ? {
        rollupOptions: {
          input: "./server/app.ts",
          // The server holds both catalogs; the browser loads one (src/i18n/index.ts): expected here.
          onwarn(warning, warn) {
            if (warning.code !== "INEFFECTIVE_DYNAMIC_IMPORT") warn(warning);
          },
        },
      }
    : undefined,
  plugins: [reactRouter()],
  ssr: {
    // Server-only packages stay external: they are loaded from node_modules at run time.
    external: ["@electric-sql/pglite", "pg", "pino", "drizzle-orm", "@node-rs/argon2", "better-auth"],
  },
}));
