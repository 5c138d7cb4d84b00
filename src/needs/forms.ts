import { z } from 'zod';
import {
  endsBeforeStart,
  formatPartialDate,
  type PartialDate,
  parsePartialDate,
} from '../http/partial-date.ts';
import { formList, formText } from '../http/request.ts';
import { assessmentSources, kindsOfHelp, needPriorities, needStatuses } from './taxonomy.ts';

/** Form checks give message keys of ./messages.ts; views translate them. */

/** YYYY, YYYY-MM or YYYY-MM-DD of a real day (the kit's reader), stored as written precisely; '' for none. */
const optionalDate = z
  .string()
  .refine((text) => text === '' || typeof parsePartialDate(text) !== 'string', 'dateInvalid')
  .transform((text) => {
    const date = text ? parsePartialDate(text) : null;
    return date && typeof date !== 'string' ? formatPartialDate(date) : null;
  });

const optionalText = (max: number) =>
  z
    .string()
    .max(max, 'tooLong')
    .transform((text) => text || null);

/** A date the form already checked, read back. */
const asDate = (text: string) => parsePartialDate(text) as PartialDate;

export const assessmentForm = z.object({
  party: z.string().min(1, 'partyRequired'),
  symbol: z
    .string()
    .max(60, 'symbolTooLong')
    .transform((text) => text || null),
  documentDate: optionalDate,
  source: z.enum(assessmentSources, 'choose'),
  language: z.enum(['en', 'fr', 'es'], 'choose'),
  contactName: optionalText(200),
  contactEmail: z
    .string()
    .max(200, 'tooLong')
    .refine((text) => text === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text), 'emailInvalid')
    .transform((text) => text || null),
});
export type AssessmentInput = z.infer<typeof assessmentForm>;

export const assessmentFields = [
  'party',
  'symbol',
  'documentDate',
  'source',
  'language',
  'contactName',
  'contactEmail',
] as const;
export type AssessmentValues = Record<(typeof assessmentFields)[number], string>;

export const assessmentValues = (form: Record<string, unknown>): AssessmentValues =>
  Object.fromEntries(assessmentFields.map((name) => [name, formText(form, name)])) as AssessmentValues;

export const needForm = z
  .object({
    title: z.string().min(1, 'titleRequired').max(300, 'tooLong'),
    description: optionalText(4000),
    ipAreas: z.array(z.string()),
    kindsOfHelp: z.array(z.enum(kindsOfHelp, 'choose')).min(1, 'kindRequired'),
    institution: optionalText(300),
    priority: z.enum(needPriorities, 'choose'),
    wishedStart: optionalDate,
    wishedEnd: optionalDate,
  })
  .refine(
    (need) =>
      !need.wishedStart ||
      !need.wishedEnd ||
      !endsBeforeStart(asDate(need.wishedStart), asDate(need.wishedEnd)),
    {
      message: 'endBeforeStart',
      path: ['wishedEnd'],
    },
  );
export type NeedInput = z.infer<typeof needForm>;

export type NeedValues = {
  title: string;
  description: string;
  ipAreas: string[];
  kindsOfHelp: string[];
  institution: string;
  priority: string;
  wishedStart: string;
  wishedEnd: string;
};

export const emptyNeed: NeedValues = {
  title: '',
  description: '',
  ipAreas: [],
  kindsOfHelp: [],
  institution: '',
  priority: 'medium',
  wishedStart: '',
  wishedEnd: '',
};

export const needValues = (form: Record<string, unknown>): NeedValues => ({
  title: formText(form, 'title'),
  description: formText(form, 'description'),
  ipAreas: formList(form, 'ipAreas'),
  kindsOfHelp: formList(form, 'kindsOfHelp'),
  institution: formText(form, 'institution'),
  priority: formText(form, 'priority'),
  wishedStart: formText(form, 'wishedStart'),
  wishedEnd: formText(form, 'wishedEnd'),
});

export const statusForm = z.object({
  status: z.enum(needStatuses, 'choose'),
  note: z.string().min(1, 'explanationRequired').max(1000, 'tooLong'),
});

/** A donor's proposal: on whose behalf ("party:CAN" or "agency:12"), what, and optionally which offer. */
export const proposalForm = z.object({
  owner: z.string().regex(/^(party:[A-Z0-9-]{2,12}|agency:\d{1,9})$/, 'proposeOwnerRequired'),
  text: z.string().min(1, 'proposalTextRequired').max(4000, 'tooLong'),
  offer: z
    .string()
    .regex(/^(\d{1,9})?$/, 'proposalOfferInvalid')
    .transform((text) => (text ? Number(text) : null)),
});
export type ProposalValues = { owner: string; text: string; offer: string };

/** The Member's answer to a proposal. */
export const decisionForm = z.object({
  decision: z.enum(['accepted', 'declined'], 'choose'),
  note: z.string().max(1000, 'tooLong'),
});

/** Why a published need's text or facts change: shown in its public history. */
export const changeNoteForm = z.object({
  note: z.string().trim().min(1, 'changeNoteRequired').max(1000, 'tooLong'),
});

/** The version of the record a form was made from ('' or nonsense reads as 0, which never matches). */
export const seenVersion = (form: Record<string, unknown>) => {
  const parsed = z.coerce.number().int().positive().safeParse(formText(form, 'version'));
  return parsed.success ? parsed.data : 0;
};

/** The proposing side's new text for its pending proposal. */
export const proposalEditForm = z.object({
  text: z.string().trim().min(1, 'proposalTextRequired').max(4000, 'tooLong'),
});

/** The proposing side's optional word when it withdraws its proposal. */
export const withdrawalForm = z.object({
  note: z.string().trim().max(1000, 'tooLong'),
});
