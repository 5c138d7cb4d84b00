import nodemailer, { type Transporter } from 'nodemailer';
import { config } from '../config.ts';

/**
 * Optional e-mail. IPCOOP_SMTP_URL (e.g. smtps://user:pass@mail.example.org) and IPCOOP_MAIL_FROM
 * turn it on; without them nothing is sent and nothing breaks: links are printed by the command
 * line and notifications stay in the app. nodemailer: the maintained SMTP client for Node.
 */
export type Mail = { to: string; subject: string; text: string };

let transporter: Transporter | null | undefined;

function smtp(): Transporter | null {
  if (transporter === undefined) {
    const url = config().smtpUrl;
    transporter = url ? nodemailer.createTransport(url) : null;
  }
  return transporter;
}

/** Sends when SMTP is configured; a failure is logged, never thrown: mail is a courtesy copy. */
export async function sendMail(mail: Mail): Promise<boolean> {
  const transport = smtp();
  if (!transport) return false;
  try {
    await transport.sendMail({
      from: config().mailFrom,
      ...mail,
    });
    return true;
  } catch (error) {
    console.error(`mail to ${mail.to} failed: ${(error as Error).message}`);
    return false;
  }
}

/** The public address of the hub, for links in mail and on the command line. */
export const publicUrl = () => config().publicUrl ?? `http://localhost:${config().port}`;
