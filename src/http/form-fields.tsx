import type { Child } from 'hono/jsx';
import { vocabulary } from '../i18n/catalogue.ts';
import type { Language } from '../i18n/languages.ts';
import { CsrfField, type PageContext } from './layout.tsx';
import { kitText } from './messages.ts';

/** Form controls and messages shared by every feature, so every form reads and fails the same way. */

/** Field name → message, already translated; "form" for the form as a whole. */
export type FormErrors = Record<string, string>;

/** The message under a form control whose value was refused; the control points at it with aria-describedby. */
export function FieldError(props: { id: string; message?: string | undefined }) {
  return props.message ? (
    <p class="field-error" id={props.id}>
      {props.message}
    </p>
  ) : null;
}

/** One line of an error summary: its message, and the id of the control it links to (none for the whole form). */
export type SummaryItem = { message: string; target?: string | undefined };

/**
 * The one error summary of every form: at the top, titled, focused on arrival (autofocus, no
 * script), each error a link to its field. `errors` is a form's field → message map ("form" for
 * the whole form); `labels` names the fields ("Title: required"), `targets` maps a field to its
 * control's id when it is not the field's name.
 */
export function ErrorSummary(props: {
  page: PageContext;
  errors?: FormErrors | undefined;
  items?: SummaryItem[];
  labels?: Record<string, string>;
  targets?: Record<string, string>;
}) {
  const items: SummaryItem[] = [...(props.items ?? [])];
  const errors = props.errors ?? {};
  if (errors.form) items.unshift({ message: errors.form });
  for (const [field, message] of Object.entries(errors)) {
    if (field === 'form' || !message) continue;
    const label = props.labels?.[field];
    items.push({
      message: label ? `${label}${props.page.t('colon')} ${message}` : message,
      target: props.targets?.[field] ?? field,
    });
  }
  if (items.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1} autofocus>
      <h2>{kitText(props.page.lang)('errorSummaryTitle')}</h2>
      <ul>
        {items.map((item) => (
          <li>{item.target ? <a href={`#${item.target}`}>{item.message}</a> : item.message}</li>
        ))}
      </ul>
    </div>
  );
}

/** A message about the whole form (not one field): the error summary with that one line. */
export function FormError(props: { page: PageContext; message?: string | undefined }) {
  return props.message ? <ErrorSummary page={props.page} items={[{ message: props.message }]} /> : null;
}

/**
 * A destructive or final action behind a confirmation step, without script: a quiet button
 * (a <details> summary) reveals the question and the POST form that really acts.
 */
export function ConfirmAction(props: {
  page: PageContext;
  action: string;
  /** What the closed step shows: "Remove". */
  label: string;
  /** Its accessible name when the label alone is ambiguous: "Remove — Regional seminar…". */
  accessibleLabel?: string;
  /** The question: "Remove this programme from the report?" */
  question: string;
  /** The button that acts: "Remove from the report". */
  confirmLabel: string;
  /** "warning" for what removes or cannot be undone, "primary" for a final step such as submitting. */
  tone?: 'warning' | 'primary';
  open?: boolean;
  children?: Child;
}) {
  const tone = props.tone ?? 'warning';
  return (
    <details class={`confirm confirm-${tone}`} open={props.open}>
      <summary class={tone === 'warning' ? 'button warning' : 'button'} aria-label={props.accessibleLabel}>
        {props.label}
      </summary>
      <div class="confirm-body">
        <p>{props.question}</p>
        <form method="post" action={props.action} class="inline">
          <CsrfField page={props.page} />
          {props.children}
          <button type="submit" class={tone === 'warning' ? 'warning' : undefined}>
            {props.confirmLabel}
          </button>
        </form>
      </div>
    </details>
  );
}

/** What the last action did, shown once after its redirect. */
export function Notice(props: { message?: string | null | undefined }) {
  return props.message ? (
    <p class="notice" role="status">
      {props.message}
    </p>
  ) : null;
}

/** aria attributes of a control with a possible error under it (id "<control>-error") and a hint. */
export const invalidProps = (id: string, message: string | undefined, hintId?: string) => {
  const describedBy = [hintId, message ? `${id}-error` : undefined].filter(Boolean).join(' ');
  return {
    'aria-invalid': message ? ('true' as const) : undefined,
    'aria-describedby': describedBy || undefined,
  };
};

type ControlProps = {
  name: string;
  label: string;
  value?: string | undefined;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  /** Defaults to the name; unique on the page. */
  id?: string;
};

/** Label, hint, the control and its error, stacked: the one layout of a form field. */
function FieldShell(props: ControlProps & { children: Child }) {
  const id = props.id ?? props.name;
  return (
    <div class={props.error ? 'field field-invalid' : 'field'}>
      <label for={id}>{props.label}</label>
      {props.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.children}
      <FieldError id={`${id}-error`} message={props.error} />
    </div>
  );
}

export function TextField(
  props: ControlProps & {
    type?: 'text' | 'email' | 'tel' | 'datetime-local' | 'number' | 'url' | 'password';
    maxLength?: number;
    autocomplete?: string;
  },
) {
  const id = props.id ?? props.name;
  return (
    <FieldShell {...props}>
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        maxlength={props.maxLength}
        required={props.required}
        autocomplete={props.autocomplete}
        {...invalidProps(id, props.error, props.hint ? `${id}-hint` : undefined)}
      />
    </FieldShell>
  );
}

/**
 * A date typed as text, its format beside it in the page's language ("AAAA-MM-JJ"): `precision`
 * 'any' takes a year, a month or a day (YYYY, YYYY-MM, YYYY-MM-DD, read by http/partial-date.ts),
 * 'day' a day only. Never a browser date picker: it cannot hold a year or a month alone and shows
 * the browser's locale instead of the page's.
 */
export function DateInput(props: {
  id: string;
  name: string;
  lang: Language;
  precision: 'day' | 'any';
  value?: string | undefined;
  error?: string | undefined;
  required?: boolean | undefined;
  /** Another hint the field also points at (its own format hint is always read). */
  hintId?: string | undefined;
}) {
  const formatId = `${props.id}-format`;
  const hint = vocabulary(props.lang)(props.precision === 'day' ? 'dateHintDay' : 'dateHintPartial');
  return (
    <span class="date-input">
      <input
        id={props.id}
        name={props.name}
        type="text"
        value={props.value ?? ''}
        size={10}
        maxlength={10}
        autocomplete="off"
        spellcheck={false}
        required={props.required}
        {...invalidProps(props.id, props.error, [props.hintId, formatId].filter(Boolean).join(' '))}
      />{' '}
      <span class="hint" id={formatId}>
        {hint}
      </span>
    </span>
  );
}

/**
 * A list of checkboxes under one legend, set in columns (ul.checkbox-columns in site.css): each
 * box with its label after it, ids made from `idPrefix` and the value.
 */
export function CheckboxList(props: {
  name: string;
  legend: string;
  idPrefix?: string;
  options: Array<{ value: string; label: Child; checked?: boolean }>;
}) {
  const prefix = props.idPrefix ?? props.name;
  return (
    <fieldset class="checkbox-list">
      <legend>{props.legend}</legend>
      <ul class="checkbox-columns">
        {props.options.map((option) => (
          <li>
            <input
              type="checkbox"
              id={`${prefix}-${option.value}`}
              name={props.name}
              value={option.value}
              checked={option.checked}
            />{' '}
            <label for={`${prefix}-${option.value}`}>{option.label}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** A labelled date field: DateInput in the kit's field layout. */
export function DateField(props: ControlProps & { lang: Language; precision: 'day' | 'any' }) {
  const id = props.id ?? props.name;
  return (
    <FieldShell {...props}>
      <DateInput
        id={id}
        name={props.name}
        lang={props.lang}
        precision={props.precision}
        value={props.value}
        error={props.error}
        required={props.required}
        hintId={props.hint ? `${id}-hint` : undefined}
      />
    </FieldShell>
  );
}

export function TextArea(props: ControlProps & { rows?: number; maxLength?: number }) {
  const id = props.id ?? props.name;
  return (
    <FieldShell {...props}>
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 4}
        maxlength={props.maxLength}
        required={props.required}
        {...invalidProps(id, props.error, props.hint ? `${id}-hint` : undefined)}
      >
        {props.value ?? ''}
      </textarea>
    </FieldShell>
  );
}

export function SelectField(
  props: ControlProps & { options: Array<{ value: string; label: string }>; emptyLabel?: string },
) {
  const id = props.id ?? props.name;
  return (
    <FieldShell {...props}>
      <select
        id={id}
        name={props.name}
        required={props.required}
        {...invalidProps(id, props.error, props.hint ? `${id}-hint` : undefined)}
      >
        {props.emptyLabel !== undefined ? <option value="">{props.emptyLabel}</option> : null}
        {props.options.map((option) => (
          <option value={option.value} selected={option.value === props.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** A single checkbox with its label after it (the label is not bold: it reads as a sentence). */
export function CheckboxField(props: {
  name: string;
  label: string;
  checked: boolean;
  value?: string;
  id?: string;
}) {
  const id = props.id ?? props.name;
  return (
    <div class="field field-checkbox">
      <input type="checkbox" id={id} name={props.name} value={props.value ?? '1'} checked={props.checked} />{' '}
      <label for={id}>{props.label}</label>
    </div>
  );
}

/** Previous / "page n of m" / next links; `href(n)` builds the address of page n. */
export function Pager(props: {
  page: PageContext;
  current: number;
  total: number;
  href: (page: number) => string;
}) {
  const { t } = props.page;
  const pages = Math.max(1, props.total);
  if (pages <= 1 && props.current <= 1) return null;
  return (
    <nav class="pages" aria-label={t('pagination')}>
      <ul>
        {props.current > 1 ? (
          <li>
            {/* Past the last page (an old link), the way back is the last page that has results. */}
            <a href={props.href(Math.min(props.current - 1, pages))} rel="prev">
              {t('previousPage')}
            </a>
          </li>
        ) : null}
        <li aria-current="page">{t('pageOf', { page: props.current, pages })}</li>
        {props.current < pages ? (
          <li>
            <a href={props.href(props.current + 1)} rel="next">
              {t('nextPage')}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

/**
 * The upload of a filled-in spreadsheet (XLSX or CSV): its label, the file field with its error
 * under it, and the button; `hintId` names the paragraph that says what the file may hold.
 */
export function SpreadsheetUploadForm(props: {
  page: PageContext;
  action: string;
  label: string;
  button: string;
  hintId: string;
  error?: string | undefined;
}) {
  return (
    <form method="post" action={props.action} enctype="multipart/form-data" class="stacked" novalidate>
      <CsrfField page={props.page} />
      <label for="file">{props.label}</label>
      <input
        id="file"
        name="file"
        type="file"
        accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
        required
        {...invalidProps('file', props.error, props.hintId)}
      />
      <FieldError id="file-error" message={props.error} />
      <button type="submit">{props.button}</button>
    </form>
  );
}
