import { CsrfField, Layout, type PageContext } from '../../http/layout.tsx';
import { counted } from '../../i18n/plural.ts';
import { activityFields, fieldLabel } from '../activity-form/fields.ts';
import { draftPath } from '../components.tsx';
import { uploadText } from './messages.ts';
import type { PreviewRow } from './read.ts';
import { goodRows, type StagedUpload } from './service.ts';

function RowValues(props: { page: PageContext; row: PreviewRow }) {
  const { lang } = props.page;
  const filled = activityFields.filter((field) => props.row.values[field.key]);
  return (
    <dl class="fields">
      {filled.map((field) => (
        <>
          <dt>{fieldLabel(field.key, lang)}</dt>
          <dd>{props.row.values[field.key]}</dd>
        </>
      ))}
    </dl>
  );
}

function RowProblems(props: { page: PageContext; row: PreviewRow }) {
  const { lang } = props.page;
  const text = uploadText(lang);
  const problems = [...props.row.errors, ...props.row.warnings];
  if (problems.length === 0) return <span>{text('rowReady')}</span>;
  return (
    <ul>
      {props.row.errors.map((problem) => (
        <li class="field-error">
          {problem.column
            ? text('cellProblem', {
                column: problem.column,
                field: fieldLabel(problem.field, lang),
                message: problem.message,
              })
            : text('fieldProblem', { field: fieldLabel(problem.field, lang), message: problem.message })}
        </li>
      ))}
      {props.row.warnings.map((problem) => (
        <li class="muted">
          {problem.column
            ? text('cellProblem', {
                column: problem.column,
                field: fieldLabel(problem.field, lang),
                message: problem.message,
              })
            : text('fieldProblem', { field: fieldLabel(problem.field, lang), message: problem.message })}
        </li>
      ))}
    </ul>
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
          <table>
            <thead>
              <tr>
                <th scope="col">{text('colRow')}</th>
                <th scope="col">{text('colValues')}</th>
                <th scope="col">{text('colProblems')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr>
                  <th scope="row">{row.rowNumber}</th>
                  <td>
                    <RowValues page={page} row={row} />
                  </td>
                  <td>
                    <RowProblems page={page} row={row} />
                  </td>
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
