import { CheckboxList, ErrorSummary, SelectField, TextArea, TextField } from '../../http/form-fields.tsx';
import { CsrfField, Layout, type PageContext } from '../../http/layout.tsx';
import { counted } from '../../i18n/plural.ts';
import type { ReferenceLabels } from '../../reference/labels.ts';
import {
  incentiveTypes,
  ldcSpecificities,
  taxonomyLabel,
  technologySectors,
} from '../../reports/incentives/taxonomy.ts';
import { ResultFields, resultErrorItems } from '../../results/components.tsx';
import type { RawIndicator, ResultErrors } from '../../results/input.ts';
import { draftPath, reportTitle } from '../components.tsx';
import type { ReportHeader } from '../report.ts';
import { uploadText } from '../spreadsheet/messages.ts';
import { fieldLabelKeys, type IncentiveErrors, type IncentiveField } from './input.ts';
import { incentiveText } from './messages.ts';
import type { IncentivePreviewRow } from './spreadsheet.ts';

/** What the form shows: the typed text of each field (lists as lists). */
export type IncentiveFormState = {
  text: Partial<Record<Exclude<IncentiveField, 'beneficiaryCodes' | 'sectors'>, string>>;
  beneficiaryCodes: string[];
  sectors: string[];
  /** Result indicators as typed (results/form.ts). */
  results: RawIndicator[];
};

/** The control each field's error links to (a list's first box). */
const targetOf = (field: IncentiveField, ldcs: string[]) =>
  field === 'sectors'
    ? `sectors-${technologySectors[0]}`
    : field === 'beneficiaryCodes'
      ? `beneficiaryCodes-${ldcs[0] ?? ''}`
      : field;

/** Adding (incentiveId null) or editing one incentive of an Article 66.2 draft. */
export function IncentiveFormPage(props: {
  page: PageContext;
  labels: ReferenceLabels;
  report: ReportHeader;
  incentiveId: number | null;
  version?: number;
  /** Parties that were LDCs during the report's period: the beneficiaries that may be chosen. */
  ldcs: string[];
  state: IncentiveFormState;
  errors: IncentiveErrors;
  resultErrors?: ResultErrors;
  /** Shown above the form when the incentive changed since the form was opened. */
  conflict?: boolean;
}) {
  const { page, labels, report, state, errors, ldcs } = props;
  const { lang } = page;
  const text = incentiveText(lang);
  const heading = text(props.incentiveId === null ? 'newIncentiveTitle' : 'editIncentiveTitle');
  const base = draftPath(lang, report.id);
  const action =
    props.incentiveId === null ? `${base}/incentives` : `${base}/incentives/${props.incentiveId}`;
  const label = (field: IncentiveField) => text(fieldLabelKeys[field]);
  const field = (name: Exclude<IncentiveField, 'beneficiaryCodes' | 'sectors'>) => ({
    name,
    label: label(name),
    value: state.text[name],
    error: errors[name],
  });
  const sortedLdcs = [...ldcs].sort((a, b) =>
    labels.partyName(a, lang).localeCompare(labels.partyName(b, lang), lang),
  );
  return (
    <Layout page={page} title={heading}>
      <p>
        <a href={base}>{reportTitle(lang, labels, report)}</a>
      </p>
      <h1>{heading}</h1>
      {props.conflict ? <p class="note">{text('incentiveConflict')}</p> : null}
      <ErrorSummary
        page={page}
        errors={errors}
        labels={Object.fromEntries(Object.keys(errors).map((name) => [name, label(name as IncentiveField)]))}
        targets={Object.fromEntries(
          Object.keys(errors).map((name) => [name, targetOf(name as IncentiveField, sortedLdcs)]),
        )}
        items={resultErrorItems(props.resultErrors ?? {}, lang, page.t('colon'))}
      />
      <form method="post" action={action} class="stacked" novalidate>
        <CsrfField page={page} />
        {props.version === undefined ? null : (
          <input type="hidden" name="version" value={String(props.version)} />
        )}
        <TextField {...field('title')} required maxLength={500} />
        <TextArea {...field('description')} rows={5} />
        <SelectField
          {...field('incentiveType')}
          required
          emptyLabel={text('chooseOne')}
          options={incentiveTypes.map((code) => ({ value: code, label: taxonomyLabel(lang, 'type', code) }))}
        />
        <TextField {...field('governmentBody')} maxLength={500} />
        <TextArea {...field('eligibleEntities')} rows={3} />
        {ldcs.length === 0 ? (
          <p class="note">{text('noLdcsInPeriod')}</p>
        ) : (
          <div class={errors.beneficiaryCodes ? 'field field-invalid' : 'field'}>
            <CheckboxList
              name="beneficiaryCodes"
              legend={label('beneficiaryCodes')}
              options={sortedLdcs.map((code) => ({
                value: code,
                label: labels.partyName(code, lang),
                checked: state.beneficiaryCodes.includes(code),
              }))}
            />
            <p class="hint">{text('beneficiariesHint')}</p>
            {errors.beneficiaryCodes ? <p class="field-error">{errors.beneficiaryCodes}</p> : null}
          </div>
        )}
        <div class={errors.sectors ? 'field field-invalid' : 'field'}>
          <CheckboxList
            name="sectors"
            legend={label('sectors')}
            options={technologySectors.map((code) => ({
              value: code,
              label: taxonomyLabel(lang, 'sector', code),
              checked: state.sectors.includes(code),
            }))}
          />
          {errors.sectors ? <p class="field-error">{errors.sectors}</p> : null}
        </div>
        <TextArea {...field('technologyTransferred')} rows={3} />
        <TextArea {...field('modeAndTerms')} rows={3} />
        <SelectField
          {...field('ldcSpecificity')}
          required
          emptyLabel={text('chooseOne')}
          options={ldcSpecificities.map((code) => ({
            value: code,
            label: taxonomyLabel(lang, 'specificity', code),
          }))}
        />
        <fieldset>
          <legend>{text('figuresLegend')}</legend>
          <TextField {...field('amount')} maxLength={30} />
          <TextField {...field('currency')} maxLength={3} />
          <TextField {...field('enterprises')} maxLength={12} />
          <TextField {...field('peopleTrained')} maxLength={12} />
        </fieldset>
        <ResultFields
          page={page}
          indicators={state.results}
          computed={[]}
          errors={props.resultErrors ?? {}}
          defaultLanguage={report.originalLanguage}
          of="incentive"
        />
        <button type="submit">{text('saveIncentive')}</button>
      </form>
    </Layout>
  );
}

/** The rows of an uploaded file of incentives before anything is stored: ready ones, refused ones and why. */
export function IncentiveUploadPage(props: {
  page: PageContext;
  labels: ReferenceLabels;
  report: ReportHeader;
  uploadId: string;
  fileName: string;
  rows: IncentivePreviewRow[];
}) {
  const { page, labels, report, rows } = props;
  const { lang } = page;
  const say = uploadText(lang);
  const base = draftPath(lang, report.id);
  const good = rows.filter((row) => row.values !== null).length;
  return (
    <Layout page={page} title={say('uploadTitle')}>
      <p>
        <a href={base}>{reportTitle(lang, labels, report)}</a>
      </p>
      <h1>{say('uploadTitle')}</h1>
      <p>
        {say('uploadIntro', {
          file: props.fileName,
          rows: counted(say, lang, 'rowsRead', rows.length),
          good: counted(say, lang, 'rowsGood', good),
          bad: counted(say, lang, 'rowsBad', rows.length - good),
        })}
      </p>
      <div class="table-scroll">
        <table class="compact">
          <thead>
            <tr>
              <th scope="col">{say('colRow')}</th>
              <th scope="col">{incentiveText(lang)('fieldTitle')}</th>
              <th scope="col">{say('colProblems')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr>
                <td>{row.rowNumber}</td>
                <td>{row.title}</td>
                <td class={row.errors.length > 0 ? 'cell-invalid' : undefined}>
                  {row.errors.length === 0 ? (
                    <span class="tag tag-success">{say('rowReady')}</span>
                  ) : (
                    <ul>
                      {row.errors.map((error) => (
                        <li>{error}</li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {good > 0 ? (
        <form method="post" action={`${base}/incentives/upload/${props.uploadId}/confirm`}>
          <CsrfField page={page} />
          <button type="submit">{counted(say, lang, 'confirmImport', good)}</button>
        </form>
      ) : (
        <p>{say('nothingToImport')}</p>
      )}
      <p>
        <a href={`${base}#incentives-upload`}>{say('uploadAgain')}</a>
      </p>
    </Layout>
  );
}
