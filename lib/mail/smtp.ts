// The SMTP side of the outbox: one mail through the root settings' server with nodemailer (in
// the embedded default, the simulator's listener on loopback).
import { eq } from "drizzle-orm";
import nodemailer from "nodemailer";
import { getDb } from "@/db/client";
import { rootSettings, type OutboxPayload } from "@/db/schema";
import { decryptSecret } from "@/lib/crypto/secrets";

type MailPayload = Extract<OutboxPayload, { kind: "email" }>;

export class SmtpNotConfiguredError extends Error {
  readonly code = "ENOSMTP";
  constructor() {
    super("No SMTP server in the root settings");
  }
}

export async function sendSmtp(mail: MailPayload): Promise<{ messageId: string }> {
  const db = await getDb();
  const [root] = await db.select().from(rootSettings).where(eq(rootSettings.id, 1));
  if (!root?.smtpHost) throw new SmtpNotConfiguredError();
  const password = root.smtpPassword ? decryptSecret<string>(root.smtpPassword) : "";
  const transport = nodemailer.createTransport({
    host: root.smtpHost,
    port: root.smtpPort,
    // Port 465 speaks TLS from the first byte; others upgrade with STARTTLS when TLS is asked for.
    secure: root.smtpTls && root.smtpPort === 465,
    requireTLS: root.smtpTls && root.smtpPort !== 465,
    ignoreTLS: !root.smtpTls,
    auth: root.smtpUser ? { user: root.smtpUser, pass: password } : undefined,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  try {
    const info = await transport.sendMail({
      from: root.smtpFrom || "relais@localhost",
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      ...(mail.html ? { html: mail.html } : {}),
      attachments: (mail.attachments ?? []).map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })),
    });
    return { messageId: info.messageId };
  } finally {
    transport.close();
  }
}
