import type { Language } from '../i18n/languages.ts';
import { publicUrl, sendMail } from './mail.ts';
import { accountText } from './messages.ts';

/** Where a one-time password link leads, in the person's language. */
export const passwordLinkUrl = (token: string, language: Language = 'en') =>
  `${publicUrl()}/${language}/account/password/${token}`;

/**
 * Mails a one-time link to set a password, in the person's language, when SMTP is configured.
 * Used by the command line and the people pages alike; true when a mail went out.
 */
export function mailPasswordLink(email: string, token: string, language: Language): Promise<boolean> {
  const text = accountText(language);
  return sendMail({
    to: email,
    subject: text('passwordLinkSubject'),
    text: text('passwordLinkMail', { link: passwordLinkUrl(token, language) }),
  });
}
