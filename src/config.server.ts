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

/**
 * KOMPASS_URL: the site's public address ("https://kompass.example.se"), for links that leave
 * the site (e-mail); without it, the local server's own address.
 */
export function publicOrigin(env: NodeJS.ProcessEnv = process.env): string {
  return (env.KOMPASS_URL || `http://localhost:${env.PORT ?? 3000}`).replace(/\/+$/, "");
}

/** KOMPASS_MAIL_FROM: the sender of outgoing mail ("Kommunkompassen <kompass@kommun.se>"). */
export function mailFrom(env: NodeJS.ProcessEnv = process.env): string {
  return env.KOMPASS_MAIL_FROM || "Kommunkompassen <no-reply@localhost>";
}

/**
 * KOMPASS_REMINDERS: "off" stops the scheduled reminder e-mails (hand-in dates, overdue actions);
 * on by default. Where they go is KOMPASS_MAIL's choice (the log by default).
 */
export function remindersEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.KOMPASS_REMINDERS !== "off";
}
