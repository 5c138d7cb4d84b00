import { z } from 'zod';
import { type FieldErrors, type FormBody, formText } from '../../http/request.ts';
import { isCalendarDate } from '../form-data.ts';
import { projectStatuses } from '../schema.ts';

// Error texts are keys of the training messages.
const calendarDate = (key: string) => z.string().refine(isCalendarDate, key);

export const projectFormSchema = z.object({
  title: z.string().min(1, 'titleRequired').max(300, 'tooLong'),
  plan: z.string().max(10_000, 'tooLong'),
  status: z.enum(projectStatuses, 'statusRequired'),
});
export type ProjectInput = z.output<typeof projectFormSchema>;
export type ProjectFormValues = { title: string; plan: string; status: string };

export const projectFormValues = (form: FormBody): ProjectFormValues => ({
  title: formText(form, 'title'),
  plan: formText(form, 'plan'),
  status: formText(form, 'status') || 'proposed',
});

export const milestoneFormSchema = z.object({
  title: z.string().min(1, 'titleRequired').max(300, 'tooLong'),
  dueOn: calendarDate('dueRequired'),
  doneOn: z
    .string()
    .refine((value) => value === '' || isCalendarDate(value), 'invalidDate')
    .transform((value) => value || null),
});
export type MilestoneInput = z.output<typeof milestoneFormSchema>;
export type MilestoneFormValues = { title: string; dueOn: string; doneOn: string };

export const milestoneFormValues = (form: FormBody): MilestoneFormValues => ({
  title: formText(form, 'title'),
  dueOn: formText(form, 'dueOn'),
  doneOn: formText(form, 'doneOn'),
});

export const commentFormSchema = z.object({
  body: z.string().min(1, 'commentRequired').max(4000, 'tooLong'),
});

/** Which form of the participant page failed ("project", "milestone-12"…), its errors and what was typed. */
export type ParticipantPageFailure = { form: string; errors: FieldErrors; values?: Record<string, string> };
