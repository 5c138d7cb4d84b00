import { draftText } from '../../drafting/draft/messages.ts';
import { uploadText } from '../../drafting/spreadsheet/messages.ts';
import { SpreadsheetUploadForm } from '../../http/form-fields.tsx';
import { CsrfField, Layout, type PageContext } from '../../http/layout.tsx';
import type { Language } from '../../i18n/languages.ts';
import { counted } from '../../i18n/plural.ts';
import type { ReferenceLabels } from '../../reference/labels.ts';
import { type NeedsKey, needsText } from '../messages.ts';
import { needsSheetText } from './messages.ts';
import { type NeedField, type NeedPreviewRow, needColumns } from './read.ts';
import { readyRows, type StagedNeeds } from './service.ts';

const assessmentPath = (lang: Language, id: number) => `/${lang}/needs/assessments/${id}`;
const fieldLabel = (lang: Language, field: NeedField) =>
  needsText(lang)(needColumns.find(([key]) => key === field)?.[1] ?? 'needTitle');

/** The upload form of an assessment: the template, the file, a message at the field when refused. */
export function NeedsUploadPage(props: {
  page: PageContext;
  assessmentId: number;
  limitMb: string;
  error?: string | undefined;
}) {
  const { page, assessmentId } = props;
  const { lang } = page;
  const t = needsSheetText(lang);
  const draft = draftText(lang);
  const base = assessmentPath(lang, assessmentId);
  return (
    <Layout page={page} title={t('importHeading')}>
      <p>
        <a href={base}>{needsText(lang)('assessment')}</a>
      </p>
      <h1>{t('importHeading')}</h1>
      <p id="upload-hint">{t('importIntro', { size: props.limitMb })}</p>
      <p>
        <a href={`${base}/template.xlsx`} download>
          {draft('downloadTemplate')}
        </a>
      </p>
      <SpreadsheetUploadForm
        page={page}
        action={`${base}/upload`}
        label={draft('uploadLabel')}
        button={draft('uploadButton')}
        hintId="upload-hint"
        error={props.error}
      />
    </Layout>
  );
}

function Cell(props: { lang: Language; labels: ReferenceLabels; row: NeedPreviewRow; field: NeedField }) {
  const { lang, labels, row, field } = props;
  const value = row.values[field];
  const shown = Array.isArray(value)
    ? value
        .map((code) =>
          field === 'kindsOfHelp'
            ? needsText(lang)(`kind-${code}` as NeedsKey)
            : labels.termsOf('ip-area').some((term) => term.key === code)
              ? labels.term('ip-area', code, lang)
              : code,
        )
        .join('; ')
    : field === 'priority' && value
      ? needsText(lang)(`priority-${value}` as NeedsKey)
      : value;
  const invalid = row.errors.some((error) => error.field === field);
  return <td class={invalid ? 'cell-invalid' : undefined}>{shown}</td>;
}

/** Every row of the upload, its problems at the cell, and the import of the ready rows. */
export function NeedsPreviewPage(props: {
  page: PageContext;
  labels: ReferenceLabels;
  assessmentId: number;
  uploadId: string;
  upload: StagedNeeds;
}) {
  const { page, labels, upload } = props;
  const { lang } = page;
  const text = uploadText(lang);
  const base = assessmentPath(lang, props.assessmentId);
  const ready = readyRows(upload).length;
  return (
    <Layout page={page} title={text('uploadTitle')}>
      <p>
        <a href={base}>{needsText(lang)('assessment')}</a>
      </p>
      <h1>{text('uploadTitle')}</h1>
      <p>
        {text('uploadIntro', {
          file: upload.fileName,
          rows: counted(text, lang, 'rowsRead', upload.rows.length),
          good: counted(text, lang, 'rowsGood', ready),
          bad: counted(text, lang, 'rowsBad', upload.rows.length - ready),
        })}
      </p>
      <div class="table-scroll">
        <table class="compact preview">
          <caption>{text('previewCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{text('colRow')}</th>
              <th scope="col">{text('colProblems')}</th>
              {needColumns.map(([field]) => (
                <th scope="col">{fieldLabel(lang, field)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {upload.rows.map((row) => (
              <tr class={row.errors.length > 0 ? 'row-invalid' : undefined}>
                <th scope="row">{row.rowNumber}</th>
                <td>
                  {row.errors.length === 0 ? (
                    <span class="tag tag-success">{text('rowReady')}</span>
                  ) : (
                    <ul>
                      {row.errors.map((error) => (
                        <li>
                          {text('fieldProblem', {
                            field: fieldLabel(lang, error.field),
                            message: error.message,
                          })}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                {needColumns.map(([field]) => (
                  <Cell lang={lang} labels={labels} row={row} field={field} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {ready > 0 ? (
        <form method="post" action={`${base}/upload/${props.uploadId}/confirm`}>
          <CsrfField page={page} />
          <button type="submit">{counted(text, lang, 'confirmImport', ready)}</button>
        </form>
      ) : (
        <p>{text('nothingToImport')}</p>
      )}
      <p>
        <a href={`${base}/upload`}>{text('uploadAgain')}</a>
      </p>
    </Layout>
  );
}
