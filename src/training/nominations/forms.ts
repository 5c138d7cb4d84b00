import { z } from 'zod';
import { type FormBody, formText } from '../../http/request.ts';
import { genders } from '../schema.ts';

// Error texts are keys of the training messages.
const required = (max: number, key: string) => z.string().min(1, key).max(max, 'tooLong');

const emailField = z
  .string()
  .min(1, 'emailRequired')
  .max(320, 'tooLong')
  .regex(/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/, 'invalidEmail')
  .transform((value) => value.toLowerCase());

export const nominationFormSchema = z.object({
  candidateName: required(200, 'nameRequired'),
  position: required(200, 'positionRequired'),
  office: required(300, 'officeRequired'),
  partyCode: z.string().regex(/^[A-Z][A-Z0-9-]{1,15}$/, 'partyRequired'),
  email: emailField,
  phone: z
    .string()
    .regex(/^([+(]?\d[\d\s().-]{3,29})?$/, 'invalidPhone')
    .transform((value) => value || null),
  motivation: required(4000, 'motivationRequired'),
  gender: z.union([z.literal(''), z.enum(genders)], 'invalidGender').transform((value) => value || null),
  consentPublicName: z.boolean(),
});

/** The public form also records who sent it: it has no account behind it. */
export const publicNominationFormSchema = nominationFormSchema.extend({
  nominatorName: required(200, 'nominatorNameRequired'),
  nominatorEmail: emailField,
});

export type NominationInput = z.output<typeof nominationFormSchema> & {
  nominatorName?: string;
  nominatorEmail?: string;
};

export type NominationFormValues = {
  candidateName: string;
  position: string;
  office: string;
  partyCode: string;
  email: string;
  phone: string;
  motivation: string;
  gender: string;
  consentPublicName: boolean;
  nominatorName: string;
  nominatorEmail: string;
};

export const emptyNomination = (partyCode = ''): NominationFormValues => ({
  candidateName: '',
  position: '',
  office: '',
  partyCode,
  email: '',
  phone: '',
  motivation: '',
  gender: '',
  consentPublicName: false,
  nominatorName: '',
  nominatorEmail: '',
});

export const nominationFormValues = (form: FormBody): NominationFormValues => ({
  candidateName: formText(form, 'candidateName'),
  position: formText(form, 'position'),
  office: formText(form, 'office'),
  partyCode: formText(form, 'partyCode').toUpperCase(),
  email: formText(form, 'email'),
  phone: formText(form, 'phone'),
  motivation: formText(form, 'motivation'),
  gender: formText(form, 'gender'),
  consentPublicName: formText(form, 'consentPublicName') === 'on',
  nominatorName: formText(form, 'nominatorName'),
  nominatorEmail: formText(form, 'nominatorEmail'),
});

/** The form's values from a stored nomination, to edit it. */
export const nominationValuesOf = (n: {
  candidateName: string;
  position: string;
  office: string;
  partyCode: string;
  email: string;
  phone: string | null;
  motivation: string;
  gender: string | null;
  consentPublicName: boolean;
}): NominationFormValues => ({
  candidateName: n.candidateName,
  position: n.position,
  office: n.office,
  partyCode: n.partyCode,
  email: n.email,
  phone: n.phone ?? '',
  motivation: n.motivation,
  gender: n.gender ?? '',
  consentPublicName: n.consentPublicName,
  nominatorName: '',
  nominatorEmail: '',
});

/** Strict: the party must be one of `allowedParties` (the focal point's own, or the public form's list). */
export function parseNominationForm(
  values: NominationFormValues,
  allowedParties: ReadonlySet<string>,
  options: { publicForm?: boolean } = {},
) {
  const result: z.ZodSafeParseResult<NominationInput> = options.publicForm
    ? publicNominationFormSchema.safeParse(values)
    : nominationFormSchema.safeParse(values);
  if (result.success && !allowedParties.has(result.data.partyCode)) {
    return {
      success: false as const,
      error: new z.ZodError([
        { code: 'custom', path: ['partyCode'], message: 'partyRequired', input: values.partyCode },
      ]),
    };
  }
  return result;
}
