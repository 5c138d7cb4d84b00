import type { Context } from 'hono';
import { publicUrl } from '../accounts/mail.ts';
import { config } from '../config.ts';
import { NotFoundError } from '../errors.ts';
import { redirectAfterPost } from '../http/request.ts';
import type { Language } from '../i18n/languages.ts';
import type { ReferenceLabels } from '../reference/labels.ts';
import { type TrainingKey, trainingText } from './messages.ts';

export type Labels = () => Promise<ReferenceLabels>;

/** Every training page lives under this prefix. */
export const training = '/:lang{(?:en|fr|es)}/training';

/** The record a route looked up, or the 404 page when there is none. */
export function found<T>(value: T | null | undefined, what?: string): T {
  if (value === null || value === undefined) throw new NotFoundError(what);
  return value;
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
  'linkRevoked',
  'linkReissued',
  'erased',
  'projectSaved',
  'milestoneSaved',
] as const;

export type Done = (typeof doneKeys)[number];

export function doneNotice(c: Context, lang: Language): string | undefined {
  const done = c.req.query('done');
  if (!done || !(doneKeys as readonly string[]).includes(done)) return undefined;
  return trainingText(lang)(`done-${done}` as TrainingKey);
}

/** The shared redirect after a POST, limited to the notices training knows how to show. */
export const afterPost = (c: Context, path: string, done: Done) => redirectAfterPost(c, path, done);

/** Links printed on certificates: the configured public address, else the address asked for. */
export const siteOrigin = (c: Context) => (config().publicUrl ? publicUrl() : new URL(c.req.url).origin);
