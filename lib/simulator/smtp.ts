// The simulator's mail side: an SMTP listener on loopback (the smtp-server package) that keeps
// every mail it receives, so that template emails and sales-rep alerts go out through a real SMTP
// client and trainers and tests read what arrived (/simulator, GET /_sim/mails).
import type { AddressInfo } from "node:net";
import { simpleParser, type AddressObject } from "mailparser";
import { SMTPServer } from "smtp-server";
import type { SimStore } from "./state";

const MAX_MAIL_BYTES = 10 * 1024 * 1024;

function addresses(a: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(a) ? a : a ? [a] : [];
  return list.flatMap((x) => x.value.map((v) => v.address ?? "")).filter(Boolean);
}

export interface RunningSmtp {
  port: number;
  close(): Promise<void>;
}

export async function startSmtpListener(store: SimStore, opts: { port: number; host: string }): Promise<RunningSmtp> {
  const server = new SMTPServer({
    // Loopback only, as a test mailbox: any sender, any credentials, no TLS to set up.
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    size: MAX_MAIL_BYTES,
    logger: false,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? "anonymous" });
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const envelopeTo = session.envelope.rcptTo.map((r) => r.address);
          store.addMail({
            from: addresses(mail.from)[0] ?? (session.envelope.mailFrom ? session.envelope.mailFrom.address : ""),
            to: envelopeTo.length ? envelopeTo : addresses(mail.to),
            subject: mail.subject ?? "",
            date: (mail.date ?? new Date()).toISOString(),
            text: mail.text ?? "",
            attachments: mail.attachments.map((a) => ({ filename: a.filename ?? "", contentType: a.contentType, size: a.size })),
          });
          callback();
        })
        .catch((e: unknown) => callback(e instanceof Error ? e : new Error(String(e))));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  server.on("error", (e) => console.error("Network simulator: SMTP listener error:", e));
  const port = (server.server.address() as AddressInfo).port;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
