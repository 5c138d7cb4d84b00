import type { LocalizedText } from '../../db/columns.ts';
import { Notice } from '../../http/form-fields.tsx';
import { Layout, type PageContext } from '../../http/layout.tsx';
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
        <section aria-labelledby="certificate-heading">
          <h2 id="certificate-heading">{text('certificateHeading')}</h2>
          <p>
            <a href={`${base}/certificate.pdf`}>{text('downloadCertificate')}</a>
          </p>
        </section>
      ) : null}
    </Layout>
  );
}
