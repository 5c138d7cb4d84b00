import nodemailer, { type Transporter } from 'nodemailer';

/**
 * Optional e-mail. IPCOOP_SMTP_URL (e.g. smtps://user:pass@mail.example.org) and IPCOOP_MAIL_FROM
 * turn it on; without them nothing is sent and nothing breaks: links are printed by the command
 * line and notifications stay in the app. nodemailer: the maintained SMTP client for Node.
 */
export type Mail = { to: string; subject: string; text: string };

let transporter: Transporter | null | undefined;

function smtp(env: NodeJS.ProcessEnv = process.env): Transporter | null {
  if (transporter === undefined) {
    transporter = env.IPCOOP_SMTP_URL ? nodemailer.createTransport(env.IPCOOP_SMTP_URL) : null;
  }
  return transporter;
}

/** Sends when SMTP is configured; a failure is logged, never thrown: mail is a courtesy copy. */
export async function sendMail(mail: Mail): Promise<boolean> {
  const transport = smtp();
  if (!transport) return false;
  try {
    await transport.sendMail({
      from: process.env.IPCOOP_MAIL_FROM ?? 'ipcoop <no-reply@localhost>',
      ...mail,
    });
    return true;
  } catch (error) {
    console.error(`mail to ${mail.to} failed: ${(error as Error).message}`);
    return false;
  }
}

/** The public address of the hub, for links in mail and on the command line. */
export const publicUrl = (env: NodeJS.ProcessEnv = process.env) =>
  (env.IPCOOP_PUBLIC_URL ?? `http://localhost:${env.PORT ?? 3000}`).replace(/\/$/, '');
