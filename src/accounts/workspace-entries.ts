import type { Language } from '../i18n/languages.ts';
import type { Account } from './service.ts';

/** One link on a signed-in person's workspace page. */
export type WorkspaceLink = { href: string; label: string };

/** What one feature offers an account on its workspace page; the app gathers every feature's. */
export type WorkspaceEntries = (account: Account, lang: Language) => WorkspaceLink[];
