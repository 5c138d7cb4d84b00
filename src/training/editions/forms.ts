import { z } from 'zod';
import { type FieldErrors, type FormBody, formList, formText } from '../../http/request.ts';
import { isCalendarDate, lines } from '../form-data.ts';
import { editionSessions } from '../schema.ts';

/** Languages an edition may be delivered in (ISO 639-1); the WTO's three first. */
export const deliveryLanguageCodes = ['en', 'fr', 'es', 'ar', 'pt', 'ru', 'zh'] as const;
export const editionModes = ['in-person', 'online', 'blended'] as const;
export const sessionKinds = editionSessions.kind.enumValues;

// Error texts are keys of the training messages: the page translates them.
const optionalDate = z
  .string()
  .refine((value) => value === '' || isCalendarDate(value), 'invalidDate')
  .transform((value) => value || null);
const shortText = (max: number) =>
  z
    .string()
    .max(max, 'tooLong')
    .transform((value) => value || null);

export const editionFormSchema = z
  .object({
    year: z
      .string()
      .regex(/^\d{4}$/, 'invalidYear')
      .transform(Number),
    startDate: optionalDate,
    endDate: optionalDate,
    venue: shortText(200),
    venueCity: shortText(100),
    venuePartyCode: z
      .string()
      .regex(/^([A-Z][A-Z0-9-]{1,15})?$/, 'unknownParty')
      .transform((value) => value || null),
    mode: z.enum(editionModes, 'modeRequired'),
    deliveryLanguages: z.array(z.enum(deliveryLanguageCodes, 'invalidLanguage')).min(1, 'languageRequired'),
    capacity: z
      .string()
      .regex(/^(\d{1,4})?$/, 'invalidCapacity')
      .transform((value) => (value ? Number(value) : null))
      .refine((value) => value === null || (value >= 1 && value <= 1000), 'invalidCapacity'),
    topics: z.array(z.string().max(200, 'tooLong')).max(30, 'tooManyTopics'),
    publicNominations: z.boolean(),
    nominationDeadline: optionalDate,
  })
  .superRefine((form, ctx) => {
    if (form.year < 1990 || form.year > 2100)
      ctx.addIssue({ code: 'custom', path: ['year'], message: 'invalidYear' });
    if (form.startDate && Number(form.startDate.slice(0, 4)) !== form.year)
      ctx.addIssue({ code: 'custom', path: ['startDate'], message: 'startOutsideYear' });
    if (form.startDate && form.endDate && form.endDate < form.startDate)
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'endBeforeStart' });
    if (form.endDate && !form.startDate)
      ctx.addIssue({ code: 'custom', path: ['startDate'], message: 'startRequired' });
    if (form.nominationDeadline && form.startDate && form.nominationDeadline > form.startDate)
      ctx.addIssue({ code: 'custom', path: ['nominationDeadline'], message: 'deadlineAfterStart' });
    // In person or blended needs a place; online needs none.
    if (form.mode !== 'online') {
      if (!form.venueCity) ctx.addIssue({ code: 'custom', path: ['venueCity'], message: 'cityRequired' });
      if (!form.venuePartyCode)
        ctx.addIssue({ code: 'custom', path: ['venuePartyCode'], message: 'venuePartyRequired' });
    }
  })
  .transform((form) =>
    form.mode === 'online' ? { ...form, venue: null, venueCity: null, venuePartyCode: null } : form,
  );

export type EditionInput = z.output<typeof editionFormSchema>;

/** The edition form as typed, to show again beside its errors. */
export type EditionFormValues = {
  year: string;
  startDate: string;
  endDate: string;
  venue: string;
  venueCity: string;
  venuePartyCode: string;
  mode: string;
  deliveryLanguages: string[];
  capacity: string;
  topics: string;
  publicNominations: boolean;
  nominationDeadline: string;
};

export function editionFormValues(form: FormBody): EditionFormValues {
  return {
    year: formText(form, 'year'),
    startDate: formText(form, 'startDate'),
    endDate: formText(form, 'endDate'),
    venue: formText(form, 'venue'),
    venueCity: formText(form, 'venueCity'),
    venuePartyCode: formText(form, 'venuePartyCode').toUpperCase(),
    mode: formText(form, 'mode'),
    deliveryLanguages: formList(form, 'deliveryLanguages'),
    capacity: formText(form, 'capacity'),
    topics: formText(form, 'topics'),
    publicNominations: formText(form, 'publicNominations') === 'on',
    nominationDeadline: formText(form, 'nominationDeadline'),
  };
}

export const parseEditionForm = (values: EditionFormValues) =>
  editionFormSchema.safeParse({ ...values, topics: lines(values.topics) });

export const editionValuesOf = (edition: {
  year: number;
  startDate: string | null;
  endDate: string | null;
  venue: string | null;
  venueCity: string | null;
  venuePartyCode: string | null;
  mode: string | null;
  deliveryLanguages: string[];
  capacity: number | null;
  topics: string[];
  publicNominations: boolean;
  nominationDeadline: string | null;
}): EditionFormValues => ({
  year: String(edition.year),
  startDate: edition.startDate ?? '',
  endDate: edition.endDate ?? '',
  venue: edition.venue ?? '',
  venueCity: edition.venueCity ?? '',
  venuePartyCode: edition.venuePartyCode ?? '',
  mode: edition.mode ?? '',
  deliveryLanguages: edition.deliveryLanguages,
  capacity: edition.capacity === null ? '' : String(edition.capacity),
  topics: edition.topics.join('\n'),
  publicNominations: edition.publicNominations,
  nominationDeadline: edition.nominationDeadline ?? '',
});

export const sessionFormSchema = z.object({
  // <input type="datetime-local">: "2027-10-04T09:30"; optional (a session may not be timed yet).
  startsAt: z
    .string()
    .refine(
      (value) =>
        value === '' ||
        (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) &&
          isCalendarDate(value.slice(0, 10)) &&
          Number(value.slice(11, 13)) < 24 &&
          Number(value.slice(14, 16)) < 60),
      'invalidDateTime',
    )
    .transform((value) => value || null),
  title: z.string().min(1, 'titleRequired').max(300, 'tooLong'),
  kind: z.enum(sessionKinds, 'kindRequired'),
  speakers: z.array(z.string().max(200, 'tooLong')).max(20, 'tooManySpeakers'),
});

export type SessionInput = z.output<typeof sessionFormSchema>;
export type SessionFormValues = { startsAt: string; title: string; kind: string; speakers: string };

export const sessionFormValues = (form: FormBody): SessionFormValues => ({
  startsAt: formText(form, 'startsAt'),
  title: formText(form, 'title'),
  kind: formText(form, 'kind'),
  speakers: formText(form, 'speakers'),
});

export const parseSessionForm = (values: SessionFormValues) =>
  sessionFormSchema.safeParse({ ...values, speakers: lines(values.speakers) });

/** Which form on the edition page failed, with its errors and what was typed. */
export type EditionPageFailure =
  | { form: 'edition'; errors: FieldErrors; values: EditionFormValues }
  | { form: 'session'; sessionId: number | null; errors: FieldErrors; values: Record<string, string> }
  | { form: 'decision'; nominationId: number; message: string }
  | { form: 'status'; message: string };
