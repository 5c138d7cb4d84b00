import { CsrfField, Layout, type PageContext } from '../../http/layout.tsx';
import { counted } from '../../i18n/plural.ts';
import { resultsText } from '../../results/messages.ts';
import { activityFields } from '../activity-form/fields.ts';
import { draftPath } from '../components.tsx';
import { uploadText } from './messages.ts';
import { needsColumnKey } from './needs-column.ts';
import { type PreviewRow, type SheetField, sheetFieldLabel } from './read.ts';
import { goodRows, type StagedUpload } from './service.ts';

/** The fields any row fills or is refused on, in the template's order: the preview table's columns. */
function previewFields(rows: PreviewRow[]): SheetField[] {
  const used = new Set<SheetField>();
  for (const row of rows) {
    for (const field of activityFields) if (row.values[field.key]) used.add(field.key);
    if (row.values.needs) used.add(needsColumnKey);
    for (const problem of [...row.errors, ...row.warnings]) if (problem.column) used.add(problem.field);
  }
  const order: SheetField[] = [...activityFields.map((field) => field.key), needsColumnKey];
  return order.filter((field) => used.has(field));
}

/** One cell: the value as it will be stored, or the refused cell marked with its message (and column letter). */
function PreviewCell(props: { page: PageContext; row: PreviewRow; field: SheetField }) {
  const { row, field } = props;
  const text = uploadText(props.page.lang);
  const errors = row.errors.filter((problem) => problem.column && problem.field === field);
  const warnings = row.warnings.filter((problem) => problem.column && problem.field === field);
  const value = row.values[field];
  return (
    <td class={errors.length > 0 ? 'cell-invalid' : warnings.length > 0 ? 'cell-warning' : undefined}>
      {value ? <span class="cell-value">{value}</span> : null}
      {errors.map((problem) => (
        <p class="cell-message">
          <strong>{text('cellError', { column: problem.column ?? '' })}</strong> {problem.message}
        </p>
      ))}
      {warnings.map((problem) => (
        <p class="cell-message muted">{problem.message}</p>
      ))}
    </td>
  );
}

/** Problems that belong to no column of the sheet (a field the file has no column for). */
function RowProblems(props: { page: PageContext; row: PreviewRow }) {
  const { lang } = props.page;
  const text = uploadText(lang);
  const errors = props.row.errors.filter((problem) => !problem.column);
  const warnings = props.row.warnings.filter((problem) => !problem.column);
  const resultProblems = props.row.resultProblems ?? [];
  const results = props.row.results ?? [];
  const ready = props.row.errors.length === 0 && resultProblems.length === 0;
  return (
    <td class={errors.length > 0 ? 'cell-invalid' : undefined}>
      <span class={ready ? 'tag tag-success' : 'tag tag-danger'}>
        {ready ? text('rowReady') : text('rowRefused')}
      </span>
      {errors.map((problem) => (
        <p class="cell-message">
          {text('fieldProblem', { field: sheetFieldLabel(problem.field, lang), message: problem.message })}
        </p>
      ))}
      {warnings.map((problem) => (
        <p class="cell-message muted">
          {text('fieldProblem', { field: sheetFieldLabel(problem.field, lang), message: problem.message })}
        </p>
      ))}
      {resultProblems.map((problem) => (
        <p class="cell-message">{problem.message}</p>
      ))}
      {results.length > 0 ? (
        <p class="cell-message">
          {counted(resultsText(lang), lang, 'indicatorCount', results.length)}
          {resultsText(lang)('colon')} {results.map((indicator) => indicator.title).join('; ')}
        </p>
      ) : null}
    </td>
  );
}

/**
 * Every row of an uploaded spreadsheet as it will be stored, each error at its row and column,
 * and the button that imports the good rows. A corrected file can be uploaded from here.
 */
export function UploadPreviewPage(props: {
  page: PageContext;
  reportId: number;
  uploadId: string;
  upload: StagedUpload;
}) {
  const { page, reportId, uploadId, upload } = props;
  const { lang } = page;
  const text = uploadText(lang);
  const base = draftPath(lang, reportId);
  const rows = upload.preview.rows;
  const good = goodRows(upload).length;
  const fields = previewFields(rows);
  return (
    <Layout page={page} title={text('uploadTitle')}>
      <p>
        <a href={base}>{text('backToDraft')}</a>
      </p>
      <h1>{text('uploadTitle')}</h1>
      <p>
        {text('uploadIntro', {
          file: upload.fileName,
          rows: counted(text, lang, 'rowsRead', rows.length),
          good: counted(text, lang, 'rowsGood', good),
          bad: counted(text, lang, 'rowsBad', rows.length - good),
        })}
      </p>
      {upload.preview.warnings.length > 0 ? (
        <section class="note" aria-labelledby="file-warnings">
          <h2 id="file-warnings">{text('fileWarnings')}</h2>
          <ul>
            {upload.preview.warnings.map((warning) => (
              <li>{warning}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {rows.length === 0 ? (
        <p>{text('uploadNoRows')}</p>
      ) : (
        <div class="table-scroll">
          <table class="compact preview">
            <caption>{text('previewCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{text('colRow')}</th>
                <th scope="col">{text('colProblems')}</th>
                {fields.map((field) => (
                  <th scope="col">{sheetFieldLabel(field, lang)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr class={row.errors.length > 0 || row.resultProblems?.length ? 'row-invalid' : undefined}>
                  <th scope="row">{row.rowNumber}</th>
                  <RowProblems page={page} row={row} />
                  {fields.map((field) => (
                    <PreviewCell page={page} row={row} field={field} />
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {good > 0 ? (
        <form method="post" action={`${base}/upload/${uploadId}/confirm`}>
          <CsrfField page={page} />
          <button type="submit">{counted(text, lang, 'confirmImport', good)}</button>
        </form>
      ) : (
        <p role="alert">{text('nothingToImport')}</p>
      )}
      <h2>{text('uploadAgain')}</h2>
      <form method="post" action={`${base}/upload`} enctype="multipart/form-data" class="stacked">
        <CsrfField page={page} />
        <label for="file">{text('uploadLabel')}</label>
        <input id="file" name="file" type="file" accept=".xlsx,.csv" required />
        <button type="submit">{text('uploadButton')}</button>
      </form>
    </Layout>
  );
}

/** An upload that is gone (expired, imported) or someone else's. */
export function UploadGonePage(props: { page: PageContext; reportId: number; message: string }) {
  const text = uploadText(props.page.lang);
  return (
    <Layout page={props.page} title={text('uploadTitle')}>
      <h1>{text('uploadTitle')}</h1>
      <p>{props.message}</p>
      <p>
        <a href={draftPath(props.page.lang, props.reportId)}>{text('backToDraft')}</a>
      </p>
    </Layout>
  );
}
