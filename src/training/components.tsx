import { ErrorSummary, type FormErrors } from '../http/form-fields.tsx';
import type { PageContext } from '../http/layout.tsx';
import type { FieldErrors } from '../http/request.ts';
import { byName } from '../i18n/collate.ts';
import { formatDateTime } from '../i18n/format.ts';
import type { Language } from '../i18n/languages.ts';
import type { ReferenceLabels } from '../reference/labels.ts';
import { trainingText } from './messages.ts';
import { erasedName } from './privacy.ts';

/**
 * Views the training rooms share (the one view module they may import from one another): names
 * in the page's language, erased and sample people, party options, errors of the training forms.
 * Form controls themselves come from http/form-fields.tsx.
 */

/** A room's translator, taken for any key: errors arrive as plain message keys from the form schemas. */
type AnyTranslate = (key: never) => string;

/**
 * Translates an error key from a form schema or a service: from the room's own strings (`own`),
 * else the training-wide ones; unknown keys fall back to a generic message.
 */
export function errorMessage(
  lang: Language,
  key: string | undefined,
  own?: AnyTranslate,
): string | undefined {
  if (!key) return undefined;
  const ownText = own?.(key as never);
  if (ownText !== undefined && ownText !== key) return ownText;
  const text = trainingText(lang);
  const translated = text(key as never);
  return translated === key ? text('invalidValue') : translated;
}

/** The translated error of each field of a form, for the `error` of the shared form controls. */
export const fieldErrorOf =
  (lang: Language, errors: FieldErrors | undefined, own?: AnyTranslate) => (name: string) =>
    errorMessage(lang, errors?.[name], own);

/**
 * The error summary of a training form: each refused field's message, named by its label (the
 * room's "field<Name>" string) and linked to its control.
 */
export function TrainingErrorSummary(props: {
  page: PageContext;
  errors: FieldErrors | undefined;
  own?: AnyTranslate;
}) {
  const { lang } = props.page;
  const messages: FormErrors = {};
  const labels: Record<string, string> = {};
  for (const [name, key] of Object.entries(props.errors ?? {})) {
    const message = errorMessage(lang, key, props.own);
    if (!message) continue;
    messages[name] = message;
    const labelKey = `field${name.charAt(0).toUpperCase()}${name.slice(1)}`;
    const label = props.own?.(labelKey as never);
    if (label && label !== labelKey) labels[name] = label;
  }
  return <ErrorSummary page={props.page} errors={messages} labels={labels} />;
}

/** Parties by their name in the page's language; IGOs left out where only countries make sense. */
export function partyOptions(
  labels: ReferenceLabels,
  lang: Language,
  options: { countriesOnly?: boolean; only?: string[] } = {},
) {
  return [...labels.parties.values()]
    .filter((party) =>
      options.only ? options.only.includes(party.code) : !options.countriesOnly || party.kind !== 'igo',
    )
    .map((party) => ({ value: party.code, label: party.names[lang] }))
    .sort((a, b) => byName(lang)(a.label, b.label));
}

/** A name from the languages it exists in: the page's, else English, else any. */
export function localized(text: Partial<Record<Language, string>>, lang: Language): string {
  return text[lang] ?? text.en ?? Object.values(text).find(Boolean) ?? '';
}

/** A participant's or candidate's name; the marker erasure leaves shown as "Erased person" in the page's language. */
export function personName(name: string, lang: Language): string {
  return name === erasedName ? trainingText(lang)('erasedPerson') : name;
}

/** A moment in the page's language, in UTC (i18n/format.ts). */
export function DateTime(props: { value: Date; lang: Language }) {
  const iso = props.value.toISOString();
  return <time datetime={iso}>{formatDateTime(props.lang, props.value)}</time>;
}

export function SampleMark(props: { lang: Language; isSample: boolean }) {
  return props.isSample ? <span class="muted"> ({trainingText(props.lang)('sampleData')})</span> : null;
}
