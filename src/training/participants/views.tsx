import type { LocalizedText } from '../../db/columns.ts';
import { Notice } from '../../http/form-fields.tsx';
import { CsrfField, Layout, type PageContext } from '../../http/layout.tsx';
import { formatDate } from '../../i18n/format.ts';
import type { ReferenceLabels } from '../../reference/labels.ts';
import type { ParticipantAccess } from '../access.ts';
import { localized, personName, SampleMark } from '../components.tsx';
import { trainingText } from '../messages.ts';
import { CoordinatorTools } from './coordinator-views.tsx';
import type { ParticipantPageFailure } from './forms.ts';
import { participantsText } from './messages.ts';
import { PresentationSection } from './presentation-views.tsx';
import { ProjectSection } from './project-views.tsx';
import type { ParticipantDetail } from './service.ts';

type ParticipantRow = {
  id: number;
  name: string;
  office: string;
  partyCode: string;
  isSample: boolean;
  completedAt: Date | null;
  year: number;
  programmeName: LocalizedText;
  projectTitle: string | null;
  projectStatus: string | null;
};

function ParticipantTable(props: { page: PageContext; labels: ReferenceLabels; rows: ParticipantRow[] }) {
  const { lang } = props.page;
  const text = participantsText(lang);
  const shared = trainingText(lang);
  return (
    <div class="table-scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">{shared('colName')}</th>
            <th scope="col">{shared('colParty')}</th>
            <th scope="col">{shared('colEdition')}</th>
            <th scope="col">{text('colProject')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr>
              <td>
                <a href={`/${lang}/training/participants/${row.id}`}>{personName(row.name, lang)}</a>
                <SampleMark lang={lang} isSample={row.isSample} />
              </td>
              <td>{props.labels.partyName(row.partyCode, lang)}</td>
              <td>{`${localized(row.programmeName, lang)} ${row.year}`}</td>
              <td>
                {row.projectTitle
                  ? `${row.projectTitle} (${text(`project-${row.projectStatus ?? 'proposed'}` as 'project-proposed')})`
                  : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function AdvisingPage(props: { page: PageContext; labels: ReferenceLabels; rows: ParticipantRow[] }) {
  const text = participantsText(props.page.lang);
  const shared = trainingText(props.page.lang);
  return (
    <Layout page={props.page} title={shared('advisingTitle')}>
      <h1>{shared('advisingTitle')}</h1>
      {props.rows.length === 0 ? <p>{text('noAdvisees')}</p> : <ParticipantTable {...props} />}
    </Layout>
  );
}

export function MyTrainingPage(props: {
  page: PageContext;
  labels: ReferenceLabels;
  rows: ParticipantRow[];
}) {
  const text = participantsText(props.page.lang);
  const shared = trainingText(props.page.lang);
  return (
    <Layout page={props.page} title={shared('myTrainingTitle')}>
      <h1>{shared('myTrainingTitle')}</h1>
      {props.rows.length === 0 ? <p>{text('noOwnRecord')}</p> : <ParticipantTable {...props} />}
    </Layout>
  );
}

export function ParticipantPage(props: {
  page: PageContext;
  labels: ReferenceLabels;
  access: ParticipantAccess;
  detail: ParticipantDetail;
  advisors: Array<{ id: number; displayName: string; email: string }>;
  notice?: string | undefined;
  failure?: ParticipantPageFailure | undefined;
  /** Where certificate links point (the configured public address). */
  origin: string;
}) {
  const { lang } = props.page;
  const text = participantsText(lang);
  const shared = trainingText(lang);
  const { participant, nomination, advisor } = props.detail;
  const { edition, programme } = props.access;
  const base = `/${lang}/training/participants/${participant.id}`;
  return (
    <Layout page={props.page} title={personName(participant.name, lang)}>
      {props.access.asCoordinator ? (
        <p>
          <a
            href={`/${lang}/training/editions/${edition.id}`}
          >{`${localized(programme.name, lang)} ${edition.year}`}</a>
        </p>
      ) : null}
      <h1>
        {personName(participant.name, lang)}
        <SampleMark lang={lang} isSample={participant.isSample} />
      </h1>
      <Notice message={props.notice} />
      <dl class="fields">
        <dt>{shared('colEdition')}</dt>
        <dd>{`${localized(programme.name, lang)} ${edition.year}`}</dd>
        <dt>{shared('fieldPosition')}</dt>
        <dd>{participant.position ?? '—'}</dd>
        <dt>{shared('fieldOffice')}</dt>
        <dd>{participant.office}</dd>
        <dt>{shared('fieldParty')}</dt>
        <dd>{props.labels.partyName(participant.partyCode, lang)}</dd>
        <dt>{shared('fieldEmail')}</dt>
        <dd>{participant.email ?? '—'}</dd>
        <dt>{shared('genderLabel')}</dt>
        <dd>{participant.gender ? shared(`gender-${participant.gender}`) : shared('notStated')}</dd>
        <dt>{text('publicName')}</dt>
        <dd>{participant.consentPublicName ? shared('consentYes') : shared('consentNo')}</dd>
        <dt>{shared('colAdvisor')}</dt>
        <dd>{advisor ? `${advisor.displayName} <${advisor.email}>` : '—'}</dd>
        <dt>{shared('colCompleted')}</dt>
        <dd>{participant.completedAt ? formatDate(lang, participant.completedAt.toISOString()) : '—'}</dd>
        {nomination?.motivation ? (
          <>
            <dt>{shared('motivation')}</dt>
            <dd>{nomination.motivation}</dd>
          </>
        ) : null}
      </dl>
      <ProjectSection
        page={props.page}
        base={base}
        access={props.access}
        detail={props.detail}
        failure={props.failure}
      />
      <PresentationSection
        page={props.page}
        base={base}
        access={props.access}
        detail={props.detail}
        failure={props.failure}
      />
      {props.access.asCoordinator ? (
        <CoordinatorTools
          page={props.page}
          base={base}
          detail={props.detail}
          advisors={props.advisors}
          failure={props.failure}
        />
      ) : props.detail.certificate && participant.completedAt ? (
        <OwnCertificate
          page={props.page}
          base={base}
          certificate={props.detail.certificate}
          origin={props.origin}
          asSelf={props.access.asSelf}
        />
      ) : null}
    </Layout>
  );
}

/**
 * The holder's certificate: the public check shows their name to whoever has the link, so the page
 * says so plainly and lets them revoke the link, or replace it with a new one.
 */
function OwnCertificate(props: {
  page: PageContext;
  base: string;
  certificate: { code: string; revokedAt: Date | null };
  origin: string;
  asSelf: boolean;
}) {
  const { lang } = props.page;
  const text = participantsText(lang);
  const link = `${props.origin}/${lang}/certificates/${props.certificate.code}`;
  const revoked = props.certificate.revokedAt !== null;
  return (
    <section aria-labelledby="certificate-heading">
      <h2 id="certificate-heading">{text('certificateHeading')}</h2>
      {revoked ? (
        <p>{text('linkRevokedState')}</p>
      ) : (
        <>
          <p>
            <a href={`${props.base}/certificate.pdf`}>{text('downloadCertificate')}</a>
          </p>
          <p>
            {text('certificateLinkLabel')} <code class="link-once">{link}</code>
          </p>
        </>
      )}
      {props.asSelf ? (
        <>
          <p class="note">{text('certificateLinkPrivacy')}</p>
          {revoked ? null : (
            <form method="post" action={`${props.base}/certificate/revoke`}>
              <CsrfField page={props.page} />
              <button type="submit" class="secondary">
                {text('revokeLink')}
              </button>
            </form>
          )}
          <form method="post" action={`${props.base}/certificate/reissue`}>
            <CsrfField page={props.page} />
            <button type="submit">{text('reissueLink')}</button>
          </form>
        </>
      ) : null}
    </section>
  );
}
