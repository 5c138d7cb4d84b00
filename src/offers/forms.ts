import { z } from 'zod';
import { parsePartialDate } from '../http/partial-date.ts';
import { formList, formText } from '../http/request.ts';
import { kindsOfHelp } from '../needs/taxonomy.ts';
import { offerStatuses } from './schema.ts';

/** Form checks give message keys of ./messages.ts; views translate them. */

/** Languages help can be given in: the WTO's three and the other UN languages. */
export const deliveryLanguages = ['en', 'fr', 'es', 'ar', 'pt', 'ru', 'zh'] as const;

const optionalText = (max: number) =>
  z
    .string()
    .max(max, 'tooLong')
    .transform((text) => text || null);

export const offerForm = z.object({
  /** "party:CAN" or "agency:12": whose offer it is, among those the account speaks for. */
  owner: z.string().regex(/^(party:[A-Z0-9-]{2,12}|agency:\d{1,9})$/, 'ownerRequired'),
  title: z.string().min(1, 'offerTitleRequired').max(300, 'tooLong'),
  description: z.string().max(4000, 'tooLong'),
  language: z.enum(['en', 'fr', 'es'], 'choose'),
  ipAreas: z.array(z.string().max(60)).max(30),
  kindsOfHelp: z.array(z.enum(kindsOfHelp, 'choose')).min(1, 'kindRequired'),
  eligibleParties: z.array(z.string().regex(/^[A-Z0-9-]{2,12}$/, 'choose')).max(300),
  eligibleRegions: z.array(z.string().regex(/^[A-Z0-9-]{2,20}$/, 'choose')).max(60),
  languages: z.array(z.enum(deliveryLanguages, 'choose')).min(1, 'languageRequired'),
  capacity: optionalText(200),
  deadline: z
    .string()
    .refine((text) => text === '' || /^\d{4}-\d{2}-\d{2}$/.test(text), 'deadlineInvalid')
    .refine((text) => text === '' || typeof parsePartialDate(text) !== 'string', 'deadlineInvalid')
    .transform((text) => text || null),
  status: z.enum(offerStatuses, 'choose'),
});
export type OfferInput = z.infer<typeof offerForm>;

export type OfferValues = {
  owner: string;
  title: string;
  description: string;
  language: string;
  ipAreas: string[];
  kindsOfHelp: string[];
  eligibleParties: string[];
  eligibleRegions: string[];
  languages: string[];
  capacity: string;
  deadline: string;
  status: string;
};

export const emptyOffer = (language: string, owner: string): OfferValues => ({
  owner,
  title: '',
  description: '',
  language,
  ipAreas: [],
  kindsOfHelp: [],
  eligibleParties: [],
  eligibleRegions: [],
  languages: [language],
  capacity: '',
  deadline: '',
  status: 'open',
});

export const offerValues = (form: Record<string, unknown>): OfferValues => ({
  owner: formText(form, 'owner'),
  title: formText(form, 'title'),
  description: formText(form, 'description'),
  language: formText(form, 'language'),
  ipAreas: formList(form, 'ipAreas'),
  kindsOfHelp: formList(form, 'kindsOfHelp'),
  eligibleParties: formList(form, 'eligibleParties'),
  eligibleRegions: formList(form, 'eligibleRegions'),
  languages: formList(form, 'languages'),
  capacity: formText(form, 'capacity'),
  deadline: formText(form, 'deadline'),
  status: formText(form, 'status') || 'open',
});

/** The owner field read back: whose offer it is. */
export const ownerOf = (owner: string) =>
  owner.startsWith('party:')
    ? { donorPartyCode: owner.slice(6), agencyId: null }
    : { donorPartyCode: null, agencyId: Number(owner.slice(7)) };
