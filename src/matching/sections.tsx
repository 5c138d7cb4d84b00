import type { Child } from 'hono/jsx';
import type { Account } from '../accounts/service.ts';
import type { Db } from '../db/database.ts';
import type { Language } from '../i18n/languages.ts';
import type { Assessment, Need } from '../needs/service.ts';
import type { Offer } from '../offers/service.ts';
import type { ReferenceLabels } from '../reference/labels.ts';
import { MatchingNeeds, NeedSuggestions } from './components.tsx';
import { seesSuggestions } from './policy.ts';
import { needsForDonorPage, needsForOfferPage, suggestionsForNeed } from './service.ts';

type Labels = () => Promise<ReferenceLabels>;
type Viewer = { account: Account | null; lang: Language };

/**
 * The matching's sections of other rooms' pages, handed to them by app.tsx so that needs and
 * offers do not depend on the matching: each returns null for whoever does not see suggestions
 * (see ./policy.ts).
 */
export function matchingSections(db: Db, labels: Labels) {
  return {
    /** A published need's ranked offers and donors, while it looks for help. */
    forNeed: async (viewer: Viewer, row: { need: Need; assessment: Assessment }): Promise<Child | null> => {
      const looking = row.need.status === 'open' || row.need.status === 'offered';
      if (!looking || !seesSuggestions(viewer.account)) return null;
      const all = await labels();
      const suggestions = await suggestionsForNeed(db, all, row, viewer.lang);
      return <NeedSuggestions lang={viewer.lang} labels={all} suggestions={suggestions} />;
    },
    /** The needs an open offer could serve. */
    forOffer: async (viewer: Viewer, offer: Offer): Promise<Child | null> => {
      if (offer.status !== 'open' || !seesSuggestions(viewer.account)) return null;
      const all = await labels();
      const needs = await needsForOfferPage(db, all, offer);
      return <MatchingNeeds lang={viewer.lang} labels={all} title="needsForOfferTitle" needs={needs} />;
    },
    /** The needs a donor Member's published activities fit. */
    forDonor: async (viewer: Viewer, donor: string): Promise<Child | null> => {
      if (!seesSuggestions(viewer.account)) return null;
      const all = await labels();
      const needs = await needsForDonorPage(db, all, donor);
      return <MatchingNeeds lang={viewer.lang} labels={all} title="needsForDonorTitle" needs={needs} />;
    },
  };
}
export type MatchingSections = ReturnType<typeof matchingSections>;
