import { randomBytes } from "node:crypto";
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createTransport, type Transporter } from "nodemailer";
import { mailFrom } from "../../config.server.ts";
import { logger } from "../../logger.server.ts";

/**
 * Outgoing mail, built by nodemailer so that every message is valid RFC 5322 (Date, Message-ID,
 * MIME-Version, a Subject encoded by RFC 2047 when it is not ASCII, a UTF-8 body in
 * quoted-printable or base64). No mail server is assumed. KOMPASS_MAIL chooses the transport:
 * - "log" (default): the recipient and subject go to the log, never the body (it may hold a
 *   one-time password link);
 * - "dir:/path": each message is written there as a .eml file, for a mail relay or an
 *   administrator to pick up;
 * - "smtp://user:password@host:587" or "smtps://…:465": sent through that SMTP server.
 * KOMPASS_MAIL_FROM is the sender (src/config.server.ts).
 */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  replyTo?: string;
}

/** A sent message as the transport saw it: the Message-ID, and the file for the "dir:" transport. */
export interface SentMail {
  messageId: string | null;
  file?: string;
}

export async function sendMail(mail: Mail, env: NodeJS.ProcessEnv = process.env): Promise<SentMail> {
  const setting = env.KOMPASS_MAIL || "log";
  const message = { from: mailFrom(env), to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, replyTo: mail.replyTo };
  if (setting.startsWith("dir:")) return writeToFolder(setting.slice("dir:".length), message);
  if (/^smtps?:\/\//.test(setting)) {
    const info = await smtpTransport(setting).sendMail(message);
    return { messageId: info.messageId ?? null };
  }
  if (setting !== "log") logger.warn({ setting }, "KOMPASS_MAIL is not log, dir:/path or an smtp:// URL: the message is only logged");
  logger.info({ to: mail.to, subject: mail.subject }, "mail (log transport; set KOMPASS_MAIL to dir:/path or smtp://… to send it)");
  return { messageId: null };
}

// Builds the whole message in memory (CRLF line ends, as RFC 5322 wants on the wire and in .eml).
const composer = createTransport({ streamTransport: true, buffer: true, newline: "windows" });

/**
 * Written under a temporary name and renamed: a relay watching the folder for *.eml never reads
 * a half-written message.
 */
async function writeToFolder(folder: string, message: Parameters<typeof composer.sendMail>[0]): Promise<SentMail> {
  const info = await composer.sendMail(message);
  mkdirSync(folder, { recursive: true });
  const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomBytes(4).toString("hex")}.eml`;
  const file = join(folder, name);
  const temporary = join(folder, `.${name}.tmp`);
  try {
    writeFileSync(temporary, info.message as Buffer, { flag: "wx" });
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  return { messageId: info.messageId ?? null, file };
}

/** One transporter per URL, kept: it holds nothing open between messages (no pool). */
const smtpTransports = new Map<string, Transporter>();

function smtpTransport(url: string): Transporter {
  let transport = smtpTransports.get(url);
  if (!transport) {
    // Bounded waits (the URL's own parameters win): a reminder run must not hang on a dead server.
    transport = createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
    smtpTransports.set(url, transport);
  }
  return transport;
}
