import { z } from 'zod';
import { type FormBody, formText } from '../../http/request.ts';
import { genders } from '../schema.ts';

// Error texts are keys of the training messages.
const required = (max: number, key: string) => z.string().min(1, key).max(max, 'tooLong');

export const nominationFormSchema = z.object({
  candidateName: required(200, 'nameRequired'),
  position: required(200, 'positionRequired'),
  office: required(300, 'officeRequired'),
  partyCode: z.string().regex(/^[A-Z][A-Z0-9-]{1,15}$/, 'partyRequired'),
  email: z
    .string()
    .min(1, 'emailRequired')
    .max(320, 'tooLong')
    .regex(/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/, 'invalidEmail')
    .transform((value) => value.toLowerCase()),
  phone: z
    .string()
    .regex(/^([+(]?\d[\d\s().-]{3,29})?$/, 'invalidPhone')
    .transform((value) => value || null),
  motivation: required(4000, 'motivationRequired'),
  gender: z.union([z.literal(''), z.enum(genders)], 'invalidGender').transform((value) => value || null),
  consentPublicName: z.boolean(),
});

export type NominationInput = z.output<typeof nominationFormSchema>;

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
});

/** Strict: the party must be one of `allowedParties` (the focal point's own, or the public form's list). */
export function parseNominationForm(values: NominationFormValues, allowedParties: ReadonlySet<string>) {
  const result = nominationFormSchema.safeParse(values);
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
