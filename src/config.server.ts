/**
 * Settings read from the environment that more than one part needs. NODE_ENV decides nothing
 * here: `npm start` is always the production server, and the demo is its own setting.
 */

/**
 * KOMPASS_DEMO: load the demo into an empty database and let the demo accounts sign in. On by
 * default with the embedded database (a first look at the app), off by default when
 * DATABASE_URL names a real PostgreSQL; "true" or "false" decides either way.
 */
export function demoEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.KOMPASS_DEMO === "true") return true;
  if (env.KOMPASS_DEMO === "false") return false;
  return !env.DATABASE_URL;
}
