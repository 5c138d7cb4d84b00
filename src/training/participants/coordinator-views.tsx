import { FieldError } from '../../http/form-fields.tsx';
import { CsrfField, type PageContext } from '../../http/layout.tsx';
import { errorMessage, personName } from '../components.tsx';
import { trainingText } from '../messages.ts';
import type { ParticipantPageFailure } from './forms.ts';
import { participantsText } from './messages.ts';
import type { ParticipantDetail } from './service.ts';

/** What only the organizer's coordinators do: advisor, completion, certificate, the person's data. */
export function CoordinatorTools(props: {
  page: PageContext;
  base: string;
  detail: ParticipantDetail;
  advisors: Array<{ id: number; displayName: string; email: string }>;
  failure?: ParticipantPageFailure | undefined;
}) {
  const { lang } = props.page;
  const text = participantsText(lang);
  const shared = trainingText(lang);
  const { participant, certificate } = props.detail;
  const failed = (form: string) => (props.failure?.form === form ? props.failure : undefined);
  return (
    <>
      <section aria-labelledby="advisor-heading">
        <h2 id="advisor-heading">{shared('colAdvisor')}</h2>
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
              message={errorMessage(lang, failed('advisor')?.errors.advisorId, text)}
            />
            <button type="submit">{shared('save')}</button>
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
            message={errorMessage(lang, failed('completion')?.errors.completed, text)}
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
              message={errorMessage(lang, failed('certificate')?.errors.certificate, text)}
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
              {shared('eraseConfirm', { name: personName(participant.name, lang) })}
            </label>
          </div>
          <FieldError id="erase-error" message={errorMessage(lang, failed('erase')?.errors.confirm, text)} />
          <button type="submit">{shared('eraseData')}</button>
        </form>
      </section>
    </>
  );
}
