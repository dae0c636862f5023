import { fileURLToPath } from "node:url";
import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";

export default defineConfig(({ command, isSsrBuild }) => ({
  plugins: [reactRouter()],
  // The browser build only (see app/server-only/argon2.ts); the dev server loads modules on demand.
  resolve: command !== "build" || isSsrBuild ? {} : { alias: { "@node-rs/argon2": fileURLToPath(new URL("./app/server-only/argon2.ts", import.meta.url)) } },
  ssr: {
    // Server-only packages stay external: they are loaded from node_modules at run time.
    external: ["@electric-sql/pglite", "pg", "pino", "drizzle-orm", "@node-rs/argon2", "better-auth"],
  },
}));
