import type { LocalizedText } from '../../db/columns.ts';
import { CheckboxField, Notice, SelectField, TextArea, TextField } from '../../http/form-fields.tsx';
import { CsrfField, Layout, type PageContext } from '../../http/layout.tsx';
import type { FieldErrors } from '../../http/request.ts';
import { formatDate, formatDateRange } from '../../i18n/format.ts';
import type { ReferenceLabels } from '../../reference/labels.ts';
import type { Edition } from '../access.ts';
import { fieldErrorOf, localized, personName, TrainingErrorSummary } from '../components.tsx';
import { trainingText } from '../messages.ts';
import { genders } from '../schema.ts';
import type { NominationFormValues } from './forms.ts';
import { nominationsText } from './messages.ts';

type EditionRow = { edition: Edition; programmeName: LocalizedText };

function editionName(row: EditionRow, lang: PageContext['lang']) {
  return `${localized(row.programmeName, lang)} ${row.edition.year}`;
}

/** A focal point's page: editions taking nominations, and where each candidate of their office stands. */
export function FocalPointPage(props: {
  page: PageContext;
  labels: ReferenceLabels;
  open: EditionRow[];
  nominations: Array<{
    id: number;
    candidateName: string;
    position: string;
    partyCode: string;
    status: string;
    editionId: number;
    year: number;
    programmeName: LocalizedText;
  }>;
  notice?: string | undefined;
}) {
  const { lang } = props.page;
  const text = nominationsText(lang);
  const shared = trainingText(lang);
  return (
    <Layout page={props.page} title={shared('nominationsTitle')}>
      <h1>{shared('nominationsTitle')}</h1>
      <Notice message={props.notice} />
      <h2>{text('openEditions')}</h2>
      {props.open.length === 0 ? (
        <p>{text('noOpenEditions')}</p>
      ) : (
        <ul>
          {props.open.map((row) => (
            <li>
              {editionName(row, lang)} (
              {formatDateRange(lang, row.edition.startDate, row.edition.endDate) ?? '—'})
              {row.edition.nominationDeadline
                ? ` · ${text('deadline', { date: formatDate(lang, row.edition.nominationDeadline) ?? '' })}`
                : ''}{' '}
              <a href={`/${lang}/training/editions/${row.edition.id}/nominations/new`}>
                {text('nominateFor', { edition: editionName(row, lang) })}
              </a>
            </li>
          ))}
        </ul>
      )}
      <h2>{text('yourNominations')}</h2>
      {props.nominations.length === 0 ? (
        <p>{text('noNominationsYet')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{shared('colCandidate')}</th>
                <th scope="col">{shared('colParty')}</th>
                <th scope="col">{shared('colEdition')}</th>
                <th scope="col">{shared('colStatus')}</th>
                <th scope="col">{text('colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {props.nominations.map((n) => (
                <tr id={`nomination-${n.id}`}>
                  <td>
                    {personName(n.candidateName, lang)}
                    <br />
                    <span class="muted">{n.position}</span>
                  </td>
                  <td>{props.labels.partyName(n.partyCode, lang)}</td>
                  <td>{`${localized(n.programmeName, lang)} ${n.year}`}</td>
                  <td>{shared(`nomination-${n.status}` as 'nomination-nominated')}</td>
                  <td>
                    {n.status === 'nominated' ? (
                      <>
                        <p class="action-line">
                          <a href={`/${lang}/training/nominations/${n.id}/edit`}>
                            {shared('edit')}{' '}
                            <span class="visually-hidden">{personName(n.candidateName, lang)}</span>
                          </a>
                        </p>
                        <form method="post" action={`/${lang}/training/nominations/${n.id}/withdraw`}>
                          <CsrfField page={props.page} />
                          <input
                            type="checkbox"
                            id={`withdraw-${n.id}`}
                            name="confirm"
                            value="yes"
                            required
                          />{' '}
                          <label for={`withdraw-${n.id}`}>
                            {text('withdrawConfirm', { candidate: personName(n.candidateName, lang) })}
                          </label>{' '}
                          <button type="submit" class="secondary">
                            {text('withdraw')}{' '}
                            <span class="visually-hidden">{personName(n.candidateName, lang)}</span>
                          </button>
                        </form>
                      </>
                    ) : (
                      <span class="muted">{text('decidedNoChange')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

/** The candidate's fields, shared by the focal point's form and the public form. */
function NominationFields(props: {
  page: PageContext;
  values: NominationFormValues;
  errors?: FieldErrors | undefined;
  parties: Array<{ value: string; label: string }>;
}) {
  const { lang } = props.page;
  const text = nominationsText(lang);
  const shared = trainingText(lang);
  const err = fieldErrorOf(lang, props.errors, text);
  const v = props.values;
  return (
    <>
      <TextField
        name="candidateName"
        error={err('candidateName')}
        label={text('fieldCandidateName')}
        value={v.candidateName}
        required
        autocomplete="off"
      />
      <TextField
        name="position"
        error={err('position')}
        label={shared('fieldPosition')}
        value={v.position}
        required
      />
      <TextField
        name="office"
        error={err('office')}
        label={shared('fieldOffice')}
        value={v.office}
        required
      />
      <SelectField
        name="partyCode"
        error={err('partyCode')}
        label={shared('fieldParty')}
        value={v.partyCode}
        emptyLabel={props.parties.length === 1 ? undefined : ''}
        options={props.parties}
        required
      />
      <TextField
        name="email"
        error={err('email')}
        type="email"
        label={shared('fieldEmail')}
        value={v.email}
        required
        autocomplete="off"
      />
      <TextField
        name="phone"
        error={err('phone')}
        type="tel"
        label={text('fieldPhone')}
        value={v.phone}
        autocomplete="off"
      />
      <TextArea
        name="motivation"
        error={err('motivation')}
        label={text('fieldMotivation')}
        value={v.motivation}
        rows={6}
        required
      />
      <SelectField
        name="gender"
        error={err('gender')}
        label={text('fieldGender')}
        hint={text('genderHint')}
        value={v.gender}
        emptyLabel={shared('notStated')}
        options={genders.map((g) => ({ value: g, label: shared(`gender-${g}`) }))}
      />
      <CheckboxField
        id="consentPublicName"
        value="on"
        name="consentPublicName"
        label={text('fieldConsent')}
        checked={v.consentPublicName}
      />
    </>
  );
}

export function NominationFormPage(props: {
  page: PageContext;
  row: EditionRow;
  action: string;
  values: NominationFormValues;
  errors?: FieldErrors | undefined;
  parties: Array<{ value: string; label: string }>;
  /** Shown instead of the form when the edition is not taking nominations. */
  closed?: boolean;
  intro?: string | undefined;
  /** Editing a nomination: its own title and button. */
  title?: string | undefined;
  submitLabel?: string | undefined;
  /** The public form: says who sees the data and why, and asks who is nominating. */
  publicForm?: { organizer: string } | undefined;
}) {
  const { lang } = props.page;
  const text = nominationsText(lang);
  const title = props.title ?? text('nominateFor', { edition: editionName(props.row, lang) });
  const err = fieldErrorOf(lang, props.errors, text);
  return (
    <Layout page={props.page} title={title}>
      <h1>{title}</h1>
      {props.intro ? <p>{props.intro}</p> : null}
      {props.closed ? (
        <p>{text('nominationsClosed')}</p>
      ) : (
        <form method="post" action={props.action} class="stacked" novalidate>
          <CsrfField page={props.page} />
          <TrainingErrorSummary page={props.page} errors={props.errors} own={text} />
          {props.publicForm ? (
            <section aria-labelledby="privacy-heading">
              <h2 id="privacy-heading">{text('privacyHeading')}</h2>
              <p>{text('privacyText', { organizer: props.publicForm.organizer })}</p>
            </section>
          ) : null}
          <NominationFields
            page={props.page}
            values={props.values}
            errors={props.errors}
            parties={props.parties}
          />
          {props.publicForm ? (
            <fieldset>
              <legend>{text('nominatorHeading')}</legend>
              <p class="hint">{text('nominatorHint')}</p>
              <TextField
                name="nominatorName"
                error={err('nominatorName')}
                label={text('fieldNominatorName')}
                value={props.values.nominatorName}
                required
              />
              <TextField
                name="nominatorEmail"
                error={err('nominatorEmail')}
                type="email"
                label={text('fieldNominatorEmail')}
                value={props.values.nominatorEmail}
                required
              />
            </fieldset>
          ) : null}
          <button type="submit">{props.submitLabel ?? text('sendNomination')}</button>
        </form>
      )}
    </Layout>
  );
}

export function NominationThanksPage(props: { page: PageContext; row: EditionRow }) {
  const text = nominationsText(props.page.lang);
  const title = text('nominationReceived');
  return (
    <Layout page={props.page} title={title}>
      <h1>{title}</h1>
      <p>{text('nominationReceivedText', { edition: editionName(props.row, props.page.lang) })}</p>
    </Layout>
  );
}
