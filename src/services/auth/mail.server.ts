import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { logger } from "../../logger.server.ts";

/**
 * No mail server is assumed. KOMPASS_MAIL chooses the transport: "log" (default) writes the
 * message to the log; "dir:/path" writes each message as a .eml file there, for a mail relay
 * or an administrator to pick up.
 */
export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export async function sendMail(mail: Mail): Promise<void> {
  const transport = process.env.KOMPASS_MAIL ?? "log";
  if (transport.startsWith("dir:")) {
    const folder = transport.slice("dir:".length);
    mkdirSync(folder, { recursive: true });
    const file = join(folder, `${new Date().toISOString().replace(/[:.]/g, "-")}-${Math.random().toString(36).slice(2, 8)}.eml`);
    writeFileSync(file, `To: ${mail.to}\r\nSubject: ${mail.subject}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${mail.text}`);
    return;
  }
  logger.info({ to: mail.to, subject: mail.subject }, "mail (log transport; set KOMPASS_MAIL=dir:/path to keep messages)");
}
