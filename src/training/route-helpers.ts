import type { Context } from 'hono';
import { publicUrl } from '../accounts/mail.ts';
import { config } from '../config.ts';
import { positiveId } from '../http/request.ts';
import type { Language } from '../i18n/languages.ts';
import type { ReferenceLabels } from '../reference/labels.ts';
import { notFound } from './access.ts';
import { type TrainingKey, trainingText } from './messages.ts';

export type Labels = () => Promise<ReferenceLabels>;

/** Every training page lives under this prefix. */
export const training = '/:lang{(?:en|fr|es)}/training';

/** A numeric path parameter, or 404. */
export function idParam(c: Context, name = 'id'): number {
  return positiveId(c.req.param(name)) ?? notFound();
}

/** What a POST just did, shown once after its redirect (?done=…); only known keys are shown. */
const doneKeys = [
  'saved',
  'created',
  'statusChanged',
  'sessionAdded',
  'sessionRemoved',
  'decided',
  'nominated',
  'uploaded',
  'commented',
  'advisorAssigned',
  'completed',
  'reopened',
  'certificateIssued',
  'erased',
  'projectSaved',
  'milestoneSaved',
] as const;

export function doneNotice(c: Context, lang: Language): string | undefined {
  const done = c.req.query('done');
  if (!done || !(doneKeys as readonly string[]).includes(done)) return undefined;
  return trainingText(lang)(`done-${done}` as TrainingKey);
}

export const afterPost = (c: Context, path: string, done: (typeof doneKeys)[number]) =>
  c.redirect(`${path}${path.includes('?') ? '&' : '?'}done=${done}`, 303);

/** Links printed on certificates: the configured public address, else the address asked for. */
export const siteOrigin = (c: Context) => (config().publicUrl ? publicUrl() : new URL(c.req.url).origin);
