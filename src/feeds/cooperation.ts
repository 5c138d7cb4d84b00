/*
 * Atom 1.0 feed of newly published needs and offers, narrowed by IP area and region: the same
 * writer (xmlbuilder2, every text escaped) and stylesheet as the feed of reports.
 */

import { create } from 'xmlbuilder2';
import { z } from 'zod';
import type { Language } from '../i18n/languages.ts';
import { textIn } from '../i18n/localized-text.ts';
import type { Assessment, Need } from '../needs/service.ts';
import { partyGroups } from '../offers/eligibility.ts';
import type { Offer } from '../offers/service.ts';
import type { ReferenceLabels } from '../reference/labels.ts';
import { feedText } from './messages.ts';

const atomNamespace = 'http://www.w3.org/2005/Atom';

/** ?area=trademarks&region=002: an IP area of the registry's taxonomy, a region or grouping code. */
export const cooperationFeedFilters = z.object({
  area: z
    .string()
    .regex(/^[a-z-]{2,60}$/, 'an IP area such as trademarks')
    .optional(),
  region: z
    .string()
    .regex(/^[A-Z0-9-]{2,20}$/, 'a region or grouping code such as 002 or LDC')
    .optional(),
});
export type CooperationFeedFilters = z.infer<typeof cooperationFeedFilters>;

type NeedRow = { need: Need; assessment: Assessment };

/**
 * The needs and offers the filters keep: the area among theirs; a need's Member in the region; an
 * offer naming the region or open to all (as the offers list and GET /api/v1/offers filter).
 */
export function narrowCooperation(
  labels: ReferenceLabels,
  needRows: NeedRow[],
  offers: Offer[],
  filters: CooperationFeedFilters,
) {
  const { area, region } = filters;
  const keptNeeds = needRows.filter(
    ({ need, assessment }) =>
      (!area || need.ipAreas.includes(area)) &&
      (!region || partyGroups(labels, assessment.partyCode).includes(region)),
  );
  const keptOffers = offers.filter(
    (offer) =>
      (!area || offer.ipAreas.includes(area)) &&
      (!region ||
        offer.eligibleRegions.includes(region) ||
        (offer.eligibleRegions.length === 0 && offer.eligibleParties.length === 0)),
  );
  return { needs: keptNeeds, offers: keptOffers };
}

export function cooperationAtomFeed(input: {
  needs: NeedRow[];
  offers: Offer[];
  labels: ReferenceLabels;
  lang: Language;
  baseUrl: string;
  filters: CooperationFeedFilters;
  now?: Date;
}): string {
  const { labels, lang, baseUrl, filters } = input;
  const text = feedText(lang);
  const query = new URLSearchParams();
  if (filters.area) query.set('area', filters.area);
  if (filters.region) query.set('region', filters.region);
  const self = `${baseUrl}/${lang}/needs/feed.atom${query.size > 0 ? `?${query}` : ''}`;
  const entries = [
    ...input.needs.map(({ need, assessment }) => ({
      url: `${baseUrl}/${lang}/needs/${need.id}`,
      title: text('needEntry', {
        title: textIn(need.title, lang, assessment.language),
        ofParty: labels.partyIn(assessment.partyCode, lang, 'of'),
      }),
      author: labels.partyName(assessment.partyCode, lang),
      updated: (assessment.publishedAt ?? need.createdAt).toISOString(),
      summary: textIn(need.description, lang, assessment.language),
      language: assessment.language,
    })),
    ...input.offers.map((offer) => ({
      url: `${baseUrl}/${lang}/offers/${offer.id}`,
      title: text('offerEntry', { title: offer.title }),
      author: offer.donorPartyCode ? labels.partyName(offer.donorPartyCode, lang) : 'ipcoop',
      updated: offer.createdAt.toISOString(),
      summary: offer.description,
      language: offer.language,
    })),
  ].sort((a, b) => b.updated.localeCompare(a.updated));
  const narrowedTo = [
    filters.area ? labels.term('ip-area', filters.area, lang) : null,
    filters.region ? labels.regionName(filters.region, lang) : null,
  ].filter(Boolean);
  const document = create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '' });
  document.ins('xml-stylesheet', 'type="text/css" href="/static/feed.css"');
  const feed = document.ele(atomNamespace, 'feed', { 'xml:lang': lang });
  feed.ele('id').txt(self);
  feed.ele('title').txt([text('cooperationTitle'), ...narrowedTo].join(' — '));
  feed.ele('subtitle').txt(text('cooperationSubtitle', { page: `${baseUrl}/${lang}/needs` }));
  feed.ele('updated').txt(entries[0]?.updated ?? (input.now ?? new Date()).toISOString());
  feed.ele('link', { rel: 'self', type: 'application/atom+xml', href: self });
  feed.ele('link', { rel: 'alternate', type: 'text/html', href: `${baseUrl}/${lang}/needs` });
  feed.ele('author').ele('name').txt('ipcoop');
  feed.ele('generator').txt('ipcoop');
  for (const entry of entries.slice(0, 200)) {
    const element = feed.ele('entry');
    element.ele('id').txt(entry.url);
    element.ele('title').txt(entry.title);
    element.ele('link', { rel: 'alternate', type: 'text/html', href: entry.url });
    element.ele('updated').txt(entry.updated);
    element.ele('author').ele('name').txt(entry.author);
    if (entry.summary.trim())
      element.ele('summary', { type: 'text', 'xml:lang': entry.language }).txt(entry.summary);
  }
  return document.end({ prettyPrint: true });
}
