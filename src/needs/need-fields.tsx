import {
  CheckboxField,
  DateField,
  ErrorSummary,
  SelectField,
  TextArea,
  TextField,
} from '../http/form-fields.tsx';
import type { PageContext } from '../http/layout.tsx';
import type { FieldErrors } from '../http/request.ts';
import type { Language } from '../i18n/languages.ts';
import type { ReferenceLabels } from '../reference/labels.ts';
import type { NeedValues } from './forms.ts';
import { type NeedsKey, needsText } from './messages.ts';
import { kindsOfHelp, needPriorities } from './taxonomy.ts';

const say = (lang: Language) => needsText(lang);
const label = (lang: Language, key: string) => say(lang)(key as NeedsKey);
/** Field → message key, as the forms give them, turned into words for the error summary. */
const inWords = (lang: Language, errors: FieldErrors) =>
  Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, label(lang, key)]));

/** The fields of a need, with their errors: the form that adds one and the form that edits one. */
export function NeedFields(props: {
  page: PageContext;
  labels: ReferenceLabels;
  values: NeedValues;
  errors: FieldErrors;
  /** Labels of the summary's lines for fields beside the need's own (the edit's explanation). */
  extraLabels?: Record<string, string>;
}) {
  const { page, labels, values, errors } = props;
  const { lang } = page;
  const text = say(lang);
  const error = (name: string) => (errors[name] ? label(lang, errors[name]) : undefined);
  return (
    <>
      <ErrorSummary
        page={page}
        errors={inWords(lang, errors)}
        labels={{
          title: text('needTitle'),
          description: text('description'),
          kindsOfHelp: text('kindsOfHelp'),
          ipAreas: text('ipAreas'),
          institution: text('institution'),
          priority: text('priority'),
          wishedStart: text('wishedStart'),
          wishedEnd: text('wishedEnd'),
          ...props.extraLabels,
        }}
        targets={{
          kindsOfHelp: `kind-${kindsOfHelp[0]}`,
          ipAreas: `area-${labels.termsOf('ip-area')[0]?.key ?? ''}`,
        }}
      />
      <TextField
        name="title"
        label={text('needTitle')}
        value={values.title}
        maxLength={300}
        error={error('title')}
        required
      />
      <TextArea
        name="description"
        label={text('description')}
        value={values.description}
        maxLength={4000}
        error={error('description')}
      />
      <fieldset aria-describedby={errors.kindsOfHelp ? 'kindsOfHelp-error' : undefined}>
        <legend>{text('kindsOfHelp')}</legend>
        <ul class="checkbox-columns">
          {kindsOfHelp.map((kind) => (
            <li>
              <CheckboxField
                id={`kind-${kind}`}
                name="kindsOfHelp"
                value={kind}
                label={label(lang, `kind-${kind}`)}
                checked={values.kindsOfHelp.includes(kind)}
              />
            </li>
          ))}
        </ul>
        {errors.kindsOfHelp ? (
          <p class="field-error" id="kindsOfHelp-error">
            {error('kindsOfHelp')}
          </p>
        ) : null}
      </fieldset>
      <fieldset>
        <legend>{text('ipAreas')}</legend>
        <ul class="checkbox-columns">
          {labels.termsOf('ip-area').map((area) => (
            <li>
              <CheckboxField
                id={`area-${area.key}`}
                name="ipAreas"
                value={area.key}
                label={area.names[lang]}
                checked={values.ipAreas.includes(area.key)}
              />
            </li>
          ))}
        </ul>
        {errors.ipAreas ? (
          <p class="field-error" id="ipAreas-error">
            {error('ipAreas')}
          </p>
        ) : null}
      </fieldset>
      <TextField
        name="institution"
        label={text('institution')}
        value={values.institution}
        error={error('institution')}
      />
      <SelectField
        name="priority"
        label={text('priority')}
        options={needPriorities.map((priority) => ({
          value: priority,
          label: label(lang, `priority-${priority}`),
        }))}
        value={values.priority}
        error={error('priority')}
      />
      <DateField
        name="wishedStart"
        label={text('wishedStart')}
        lang={lang}
        precision="any"
        value={values.wishedStart}
        error={error('wishedStart')}
      />
      <DateField
        name="wishedEnd"
        label={text('wishedEnd')}
        lang={lang}
        precision="any"
        value={values.wishedEnd}
        error={error('wishedEnd')}
      />
    </>
  );
}
