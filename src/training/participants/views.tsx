import type { LocalizedText } from '../../db/columns.ts';
import { Notice } from '../../http/form-fields.tsx';
import { Layout, type PageContext } from '../../http/layout.tsx';
import type { FieldErrors } from '../../http/request.ts';
import { formatDate } from '../../i18n/format.ts';
import type { ReferenceLabels } from '../../reference/labels.ts';
import type { ParticipantAccess } from '../access.ts';
import { localized, personName, SampleMark } from '../components.tsx';
import { trainingText } from '../messages.ts';
import { CoordinatorTools, PresentationSection } from './coordinator-views.tsx';
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
  const text = trainingText(lang);
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{text('colName')}</th>
          <th scope="col">{text('colParty')}</th>
          <th scope="col">{text('colEdition')}</th>
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
  );
}

export function AdvisingPage(props: { page: PageContext; labels: ReferenceLabels; rows: ParticipantRow[] }) {
  const text = trainingText(props.page.lang);
  return (
    <Layout page={props.page} title={text('advisingTitle')}>
      <h1>{text('advisingTitle')}</h1>
      {props.rows.length === 0 ? <p>{text('noAdvisees')}</p> : <ParticipantTable {...props} />}
    </Layout>
  );
}

export function MyTrainingPage(props: {
  page: PageContext;
  labels: ReferenceLabels;
  rows: ParticipantRow[];
}) {
  const text = trainingText(props.page.lang);
  return (
    <Layout page={props.page} title={text('myTrainingTitle')}>
      <h1>{text('myTrainingTitle')}</h1>
      {props.rows.length === 0 ? <p>{text('noOwnRecord')}</p> : <ParticipantTable {...props} />}
    </Layout>
  );
}

export type ParticipantPageFailure = { form: string; errors: FieldErrors; values?: Record<string, string> };

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
  const text = trainingText(lang);
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
        <dt>{text('colEdition')}</dt>
        <dd>{`${localized(programme.name, lang)} ${edition.year}`}</dd>
        <dt>{text('fieldPosition')}</dt>
        <dd>{participant.position ?? '—'}</dd>
        <dt>{text('fieldOffice')}</dt>
        <dd>{participant.office}</dd>
        <dt>{text('fieldParty')}</dt>
        <dd>{props.labels.partyName(participant.partyCode, lang)}</dd>
        <dt>{text('fieldEmail')}</dt>
        <dd>{participant.email ?? '—'}</dd>
        <dt>{text('genderLabel')}</dt>
        <dd>{participant.gender ? text(`gender-${participant.gender}`) : text('notStated')}</dd>
        <dt>{text('publicName')}</dt>
        <dd>{participant.consentPublicName ? text('consentYes') : text('consentNo')}</dd>
        <dt>{text('colAdvisor')}</dt>
        <dd>{advisor ? `${advisor.displayName} <${advisor.email}>` : '—'}</dd>
        <dt>{text('colCompleted')}</dt>
        <dd>{participant.completedAt ? formatDate(lang, participant.completedAt.toISOString()) : '—'}</dd>
        {nomination?.motivation ? (
          <>
            <dt>{text('motivation')}</dt>
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
