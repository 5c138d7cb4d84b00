import { formatNumber } from '../i18n/format.ts';
import type { Language } from '../i18n/languages.ts';
import { pluralForm } from '../i18n/plural.ts';
import type { Account } from './service.ts';

/** One link on a signed-in person's workspace page. */
export type WorkspaceLink = { href: string; label: string };

/** One thing waiting for the person: a report, an edition, a project; `detail` says why ("3 comments to answer"). */
export type WorkspaceItem = WorkspaceLink & { detail?: string | undefined };

/**
 * One card of the workspace: what needs the person's attention in one feature, counted, with the
 * first few things themselves and the pages where the rest is.
 */
export type WorkspaceCard = {
  title: string;
  /** How many things wait; the card shows the number large. */
  count: number;
  /** The count in words, plural agreed: "2 drafts". */
  countText: string;
  /** True when the things wait for this person (not for someone else). */
  needsAction: boolean;
  items: WorkspaceItem[];
  /** The page where all of them are. */
  link: WorkspaceLink;
};

/** What one feature offers an account on its workspace page: cards of what waits, and links. */
export type WorkspaceOffer = { cards: WorkspaceCard[]; links: WorkspaceLink[] };

/** What one feature offers an account; the app gathers every feature's. */
export type WorkspaceEntries = (account: Account, lang: Language) => Promise<WorkspaceOffer>;

/** At most this many things are named on a card; the rest are behind its link. */
export const workspaceItemLimit = 5;

/** A count in words with the plural rule of the language: `forms` holds the "one" and "other" texts. */
export function countText(lang: Language, count: number, forms: { one: string; other: string }): string {
  const form = pluralForm(lang, count) === 'One' ? forms.one : forms.other;
  return form.replace('{count}', formatNumber(lang, count));
}
