/**
 * The layers of the code, enforced in `npm test` (npm run lint:deps). The domain is at the
 * centre and imports nothing of ours outside it; the database and services come next; the edges
 * (API, server, pages, CLI) call services and are never called by them. docs/architecture.md
 * draws the same picture.
 */
const rule = (name, comment, from, to) => ({ name, comment, severity: "error", from: { path: from }, to });

module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      severity: "error",
      comment: "Import cycles work only while every reference stays lazy; break them with a leaf module.",
      from: {},
      to: { circular: true },
    },
    rule("domain-is-pure", "src/domain is rules and models: no I/O, nothing of ours from outside it.", "^src/domain/", {
      path: "^(src/(?!domain/)|app/|server/|bench/|tests/)",
    }),
    rule("src-knows-no-edge-above-it", "Nothing in src/ imports the pages (app/) or the web server (server/).", "^src/", {
      path: "^(app|server|bench|tests)/",
    }),
    rule(
      "services-know-no-edge",
      "Services are called by the edges (API, CLI, pages, server), never the other way round.",
      "^src/(services|db|reports|i18n)/",
      {
        path: "^src/(api|cli)/",
      },
    ),
    rule("db-below-services", "The database layer (schema, client, repositories) does not call services.", "^src/db/", {
      path: "^src/(services|reports|api|cli)/",
    }),
    rule(
      "schema-leaves-import-leaves",
      "Schema files import other leaves directly; the rest of the code imports the barrel.",
      "^src/db/schema/",
      {
        path: "^src/db/schema\\.server\\.ts$",
      },
    ),
    rule(
      "browser-code-is-not-server-code",
      "Components run in the browser: no server-only module (types vanish, so they may).",
      "^app/components/",
      {
        path: "(\\.server\\.ts$|^server/|^src/(db|services|api|reports)/)",
        pathNot: "^src/services/errors\\.ts$",
        dependencyTypesNot: ["type-only"],
      },
    ),
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^build/|^\\.react-router/|node_modules)" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default"],
      extensions: [".ts", ".tsx", ".js", ".mjs"],
    },
  },
};
