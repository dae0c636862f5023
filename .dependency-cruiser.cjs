/**
 * The layers of the code, enforced in `npm test` (npm run lint:deps). The domain is at the
 * centre and imports nothing of ours outside it; the database and services come next; the edges
 * (API, server, pages, CLI) call services and are never called by them. docs/architecture.md
 * draws the same picture.
 */
module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      severity: "error",
      comment: "Import cycles work only while every reference stays lazy; break them with a leaf module.",
      from: {},
      to: { circular: true },
    },
    {
      name: "domain-is-pure",
      severity: "error",
      comment: "src/domain is rules and the report model: no I/O, nothing of ours from outside it.",
      from: { path: "^src/domain/" },
      to: { path: "^(src/(?!domain/)|app/|server/|bench/|tests/)" },
    },
    {
      name: "src-knows-no-edge-above-it",
      severity: "error",
      comment: "Nothing in src/ imports the pages (app/) or the web server (server/).",
      from: { path: "^src/" },
      to: { path: "^(app|server|bench|tests)/" },
    },
    {
      name: "services-know-no-edge",
      severity: "error",
      comment: "Services are called by the edges (API, CLI, pages, server), never the other way round.",
      from: { path: "^src/(services|db|reports|i18n)/" },
      to: { path: "^src/(api|cli)/" },
    },
    {
      name: "db-below-services",
      severity: "error",
      comment: "The database layer (schema, client, repositories) does not call services.",
      from: { path: "^src/db/" },
      to: { path: "^src/(services|reports|api|cli)/" },
    },
    {
      name: "schema-leaves-import-leaves",
      severity: "error",
      comment: "Schema files import other leaves directly; only the rest of the code imports the barrel.",
      from: { path: "^src/db/schema/" },
      to: { path: "^src/db/schema\\.server\\.ts$" },
    },
    {
      name: "browser-code-is-not-server-code",
      severity: "error",
      comment: "Components run in the browser: no server-only module (React Router's build checks routes too); types are erased.",
      from: { path: "^app/components/" },
      to: { path: "(\\.server\\.ts$|^server/|^src/(db|services|api|reports)/)", pathNot: "^src/services/errors\\.ts$", dependencyTypesNot: ["type-only"] },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^build/|^\\.react-router/|node_modules)" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"], extensions: [".ts", ".tsx", ".js", ".mjs"] },
  },
};
