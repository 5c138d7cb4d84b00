import type { Child } from 'hono/jsx';
import { FieldError } from '../http/form-fields.tsx';
import type { FieldErrors } from '../http/request.ts';
import type { Language } from '../i18n/languages.ts';
import type { ReferenceLabels } from '../reference/labels.ts';
import { type TrainingKey, trainingText } from './messages.ts';
import { erasedName } from './privacy.ts';

/** Translates an error key from a form schema; unknown keys fall back to a generic message. */
export function errorMessage(lang: Language, key: string | undefined): string | undefined {
  if (!key) return undefined;
  const text = trainingText(lang);
  const translated = text(key as TrainingKey);
  return translated === key ? text('invalidValue') : translated;
}

type FieldProps = {
  /** Prefix that keeps ids unique when a page repeats a form (one per session, per milestone). */
  idPrefix?: string;
  name: string;
  label: string;
  errors?: FieldErrors | undefined;
  lang: Language;
  hint?: string;
  required?: boolean;
};

function describedBy(id: string, hint: boolean, error: boolean) {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

function FieldFrame(props: FieldProps & { id: string; children: Child }) {
  const error = errorMessage(props.lang, props.errors?.[props.name]);
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.hint ? (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.children}
      <FieldError id={`${props.id}-error`} message={error} />
    </div>
  );
}

const fieldId = (props: FieldProps) => `${props.idPrefix ?? ''}${props.name}`;

export function TextField(props: FieldProps & { value: string; type?: string; autocomplete?: string }) {
  const id = fieldId(props);
  const invalid = !!props.errors?.[props.name];
  return (
    <FieldFrame {...props} id={id}>
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value}
        required={props.required}
        autocomplete={props.autocomplete}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={describedBy(id, !!props.hint, invalid)}
      />
    </FieldFrame>
  );
}

export function TextArea(props: FieldProps & { value: string; rows?: number }) {
  const id = fieldId(props);
  const invalid = !!props.errors?.[props.name];
  return (
    <FieldFrame {...props} id={id}>
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 4}
        required={props.required}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={describedBy(id, !!props.hint, invalid)}
      >
        {props.value}
      </textarea>
    </FieldFrame>
  );
}

export function SelectField(
  props: FieldProps & { value: string; options: Array<{ value: string; label: string }>; blank?: string },
) {
  const id = fieldId(props);
  const invalid = !!props.errors?.[props.name];
  return (
    <FieldFrame {...props} id={id}>
      <select
        id={id}
        name={props.name}
        required={props.required}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={describedBy(id, !!props.hint, invalid)}
      >
        {props.blank !== undefined ? <option value="">{props.blank}</option> : null}
        {props.options.map((option) => (
          <option value={option.value} selected={option.value === props.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function Checkbox(props: {
  id: string;
  name: string;
  label: string;
  checked: boolean;
  value?: string;
}) {
  return (
    <div class="field checkbox">
      <input
        type="checkbox"
        id={props.id}
        name={props.name}
        value={props.value ?? 'on'}
        checked={props.checked}
      />{' '}
      <label for={props.id}>{props.label}</label>
    </div>
  );
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
    .sort((a, b) => a.label.localeCompare(b.label, lang));
}

/** A name from the languages it exists in: the page's, else English, else any. */
export function localized(text: Partial<Record<Language, string>>, lang: Language): string {
  return text[lang] ?? text.en ?? Object.values(text).find(Boolean) ?? '';
}

/** A participant's or candidate's name; the marker erasure leaves shown as "Erased person" in the page's language. */
export function personName(name: string, lang: Language): string {
  return name === erasedName ? trainingText(lang)('erasedPerson') : name;
}

export function DateTime(props: { value: Date }) {
  const iso = props.value.toISOString();
  return <time datetime={iso}>{iso.slice(0, 16).replace('T', ' ')}</time>;
}

export function SampleMark(props: { lang: Language; isSample: boolean }) {
  return props.isSample ? <span class="muted"> ({trainingText(props.lang)('sampleData')})</span> : null;
}
