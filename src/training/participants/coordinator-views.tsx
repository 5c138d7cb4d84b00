import { FieldError } from '../../http/form-fields.tsx';
import { CsrfField, type PageContext } from '../../http/layout.tsx';
import { formatNumber } from '../../i18n/format.ts';
import type { ParticipantAccess } from '../access.ts';
import { DateTime, errorMessage, personName } from '../components.tsx';
import { trainingText } from '../messages.ts';
import type { ParticipantDetail } from './service.ts';
import type { ParticipantPageFailure } from './views.tsx';

/** The office presentation: download for the three who may see it, upload for the participant and coordinator. */
export function PresentationSection(props: {
  page: PageContext;
  base: string;
  access: ParticipantAccess;
  detail: ParticipantDetail;
  failure?: ParticipantPageFailure | undefined;
}) {
  const { lang } = props.page;
  const text = trainingText(lang);
  const files = props.detail.files.filter((f) => f.kind === 'office-presentation');
  const error =
    props.failure?.form === 'presentation' ? errorMessage(lang, props.failure.errors.file) : undefined;
  return (
    <section aria-labelledby="presentation-heading">
      <h2 id="presentation-heading">{text('presentationHeading')}</h2>
      {files.length === 0 ? <p>{text('noPresentation')}</p> : null}
      <ul>
        {files.map((file) => (
          <li>
            <a href={`${props.base}/files/${file.id}`}>{file.fileName}</a> (
            {text('kilobytes', { size: formatNumber(lang, Math.ceil(file.sizeBytes / 1024)) })},{' '}
            <DateTime value={file.uploadedAt} />)
          </li>
        ))}
      </ul>
      {props.access.asSelf || props.access.asCoordinator ? (
        <form
          method="post"
          action={`${props.base}/presentation`}
          enctype="multipart/form-data"
          class="stacked"
          novalidate
        >
          <CsrfField page={props.page} />
          <label for="presentation-file">{text('uploadPresentation')}</label>
          <p class="hint" id="presentation-file-hint">
            {text('presentationHint')}
          </p>
          <input
            id="presentation-file"
            name="file"
            type="file"
            accept=".pdf,.pptx,.odp,.ppt,application/pdf,application/vnd.openxmlformats-officedocument.presentationml.presentation,application/vnd.oasis.opendocument.presentation,application/vnd.ms-powerpoint"
            required
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={
              error ? 'presentation-file-hint presentation-file-error' : 'presentation-file-hint'
            }
          />
          <FieldError id="presentation-file-error" message={error} />
          <button type="submit">{text('upload')}</button>
        </form>
      ) : null}
    </section>
  );
}

/** What only the organizer's coordinators do: advisor, completion, certificate, the person's data. */
export function CoordinatorTools(props: {
  page: PageContext;
  base: string;
  detail: ParticipantDetail;
  advisors: Array<{ id: number; displayName: string; email: string }>;
  failure?: ParticipantPageFailure | undefined;
}) {
  const { lang } = props.page;
  const text = trainingText(lang);
  const { participant, certificate } = props.detail;
  const failed = (form: string) => (props.failure?.form === form ? props.failure : undefined);
  return (
    <>
      <section aria-labelledby="advisor-heading">
        <h2 id="advisor-heading">{text('colAdvisor')}</h2>
        {props.advisors.length === 0 ? (
          <p>{text('noAdvisors')}</p>
        ) : (
          <form method="post" action={`${props.base}/advisor`} class="stacked">
            <CsrfField page={props.page} />
            <label for="advisorId">{text('assignAdvisor')}</label>
            <select id="advisorId" name="advisorId">
              <option value="">{text('noAdvisor')}</option>
              {props.advisors.map((a) => (
                <option value={String(a.id)} selected={a.id === participant.advisorId}>
                  {`${a.displayName} <${a.email}>`}
                </option>
              ))}
            </select>
            <FieldError
              id="advisorId-error"
              message={errorMessage(lang, failed('advisor')?.errors.advisorId)}
            />
            <button type="submit">{text('save')}</button>
          </form>
        )}
      </section>
      <section aria-labelledby="completion-heading">
        <h2 id="completion-heading">{text('certificateHeading')}</h2>
        <form method="post" action={`${props.base}/completion`}>
          <CsrfField page={props.page} />
          <input type="hidden" name="completed" value={participant.completedAt ? '0' : '1'} />
          <FieldError
            id="completion-error"
            message={errorMessage(lang, failed('completion')?.errors.completed)}
          />
          <button type="submit">{participant.completedAt ? text('reopen') : text('markCompleted')}</button>
        </form>
        {certificate ? (
          <p>
            <a href={`${props.base}/certificate.pdf`}>{text('downloadCertificate')}</a> ·{' '}
            <a href={`/${lang}/certificates/${certificate.code}`}>{text('verificationPage')}</a>
          </p>
        ) : (
          <form method="post" action={`${props.base}/certificate`}>
            <CsrfField page={props.page} />
            <FieldError
              id="certificate-error"
              message={errorMessage(lang, failed('certificate')?.errors.certificate)}
            />
            <button type="submit" disabled={!participant.completedAt}>
              {text('issueCertificate')}
            </button>
            {participant.completedAt ? null : <span class="hint"> {text('certificateNeedsCompletion')}</span>}
          </form>
        )}
      </section>
      <section aria-labelledby="privacy-heading">
        <h2 id="privacy-heading">{text('privacyHeading')}</h2>
        <p>
          <a href={`${props.base}/export.json`}>{text('exportData')}</a>
        </p>
        <form method="post" action={`${props.base}/erase`} class="stacked">
          <CsrfField page={props.page} />
          <p>{text('eraseExplained')}</p>
          <div class="field checkbox">
            <input type="checkbox" id="erase-confirm" name="confirm" value="yes" required />{' '}
            <label for="erase-confirm">
              {text('eraseConfirm', { name: personName(participant.name, lang) })}
            </label>
          </div>
          <FieldError id="erase-error" message={errorMessage(lang, failed('erase')?.errors.confirm)} />
          <button type="submit">{text('eraseData')}</button>
        </form>
      </section>
    </>
  );
}
