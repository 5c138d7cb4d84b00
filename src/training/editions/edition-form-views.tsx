import {
  CheckboxField,
  DateField,
  FieldError,
  SelectField,
  TextArea,
  TextField,
} from '../../http/form-fields.tsx';
import { CsrfField, type PageContext } from '../../http/layout.tsx';
import type { FieldErrors } from '../../http/request.ts';
import type { ReferenceLabels } from '../../reference/labels.ts';
import { fieldErrorOf, partyOptions, TrainingErrorSummary } from '../components.tsx';
import { deliveryLanguageCodes, type EditionFormValues, editionModes } from './forms.ts';
import { editionsText } from './messages.ts';

/** The edition's own fields; the same form creates and edits. */
export function EditionForm(props: {
  page: PageContext;
  labels: ReferenceLabels;
  action: string;
  values: EditionFormValues;
  errors?: FieldErrors | undefined;
  submitLabel: string;
}) {
  const { lang } = props.page;
  const text = editionsText(lang);
  const err = fieldErrorOf(lang, props.errors, text);
  const v = props.values;
  return (
    <form method="post" action={props.action} class="stacked" novalidate>
      <CsrfField page={props.page} />
      <TrainingErrorSummary page={props.page} errors={props.errors} own={text} />
      <TextField name="year" error={err('year')} label={text('fieldYear')} value={v.year} required />
      <DateField
        name="startDate"
        error={err('startDate')}
        lang={lang}
        precision="day"
        label={text('fieldStartDate')}
        value={v.startDate}
      />
      <DateField
        name="endDate"
        error={err('endDate')}
        lang={lang}
        precision="day"
        label={text('fieldEndDate')}
        value={v.endDate}
      />
      <SelectField
        name="mode"
        error={err('mode')}
        label={text('fieldMode')}
        value={v.mode}
        emptyLabel=""
        required
        options={editionModes.map((mode) => ({ value: mode, label: text(`mode-${mode}`) }))}
      />
      <TextField
        name="venue"
        error={err('venue')}
        label={text('fieldVenue')}
        hint={text('venueHint')}
        value={v.venue}
      />
      <TextField
        name="venueCity"
        error={err('venueCity')}
        label={text('fieldVenueCity')}
        value={v.venueCity}
      />
      <SelectField
        name="venuePartyCode"
        error={err('venuePartyCode')}
        label={text('fieldVenueParty')}
        value={v.venuePartyCode}
        emptyLabel=""
        options={partyOptions(props.labels, lang, { countriesOnly: true })}
      />
      <fieldset>
        <legend>{text('fieldDeliveryLanguages')}</legend>
        {deliveryLanguageCodes.map((code) => (
          <CheckboxField
            id={`deliveryLanguages-${code}`}
            name="deliveryLanguages"
            value={code}
            label={props.labels.languageName(code, lang)}
            checked={v.deliveryLanguages.includes(code)}
          />
        ))}
        <FieldError id="deliveryLanguages-error" message={err('deliveryLanguages')} />
      </fieldset>
      <TextField
        name="capacity"
        error={err('capacity')}
        type="number"
        label={text('fieldCapacity')}
        value={v.capacity}
      />
      <TextArea
        name="topics"
        error={err('topics')}
        label={text('fieldTopics')}
        hint={text('onePerLine')}
        value={v.topics}
      />
      <CheckboxField
        id="publicNominations"
        value="on"
        name="publicNominations"
        label={text('fieldPublicNominations')}
        checked={v.publicNominations}
      />
      <DateField
        name="nominationDeadline"
        error={err('nominationDeadline')}
        lang={lang}
        precision="day"
        label={text('fieldNominationDeadline')}
        value={v.nominationDeadline}
      />
      <button type="submit">{props.submitLabel}</button>
    </form>
  );
}
