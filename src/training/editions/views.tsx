import { FormError, Notice } from '../../http/form-fields.tsx';
import { CsrfField, Layout, type PageContext } from '../../http/layout.tsx';
import type { FieldErrors } from '../../http/request.ts';
import { formatDate, formatDateRange, formatNumber } from '../../i18n/format.ts';
import { EditionNeedsSection } from '../../needs/delivery/components.tsx';
import type { editionNeedsView } from '../../needs/delivery/editions.ts';
import type { ReferenceLabels } from '../../reference/labels.ts';
import { localized, personName, SampleMark } from '../components.tsx';
import { trainingText } from '../messages.ts';
import { signatoriesText } from '../programme/signatory-messages.ts';
import type { trainingProgrammes } from '../schema.ts';
import { AgendaSection } from './agenda-views.tsx';
import { EditionForm } from './edition-form-views.tsx';
import type { EditionFormValues, EditionPageFailure } from './forms.ts';
import { editionsText } from './messages.ts';
import { NominationsSection } from './selection-views.tsx';
import type { EditionPageData, EditionStatus } from './service.ts';

type EditionNeedsView = Awaited<ReturnType<typeof editionNeedsView>>;

type ProgrammeName = (typeof trainingProgrammes.$inferSelect)['name'];

export function statusLabel(page: PageContext, status: EditionStatus): string {
  const text = editionsText(page.lang);
  return text(`status-${status}`);
}

export function CoordinatorHomePage(props: {
  page: PageContext;
  programmes: Array<{
    id: number;
    name: ProgrammeName;
    editions: Array<{
      id: number;
      year: number;
      startDate: string | null;
      endDate: string | null;
      status: EditionStatus;
      capacity: number | null;
      participants: number;
      nominations: number;
    }>;
  }>;
}) {
  const { lang } = props.page;
  const text = editionsText(lang);
  const shared = trainingText(lang);
  return (
    <Layout page={props.page} title={shared('editionsTitle')}>
      <h1>{shared('editionsTitle')}</h1>
      {props.programmes.length === 0 ? <p>{text('noProgrammes')}</p> : null}
      {props.programmes.map((programme) => (
        <section>
          <h2>{localized(programme.name, lang)}</h2>
          <p>
            <a href={`/${lang}/training/programmes/${programme.id}/editions/new`}>{text('newEdition')}</a> ·{' '}
            <a href={`/${lang}/training/programmes/${programme.id}/signatories`}>
              {signatoriesText(lang)('signatoriesLink')}
            </a>
          </p>
          {programme.editions.length === 0 ? (
            <p>{text('noEditions')}</p>
          ) : (
            <div class="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{shared('colEdition')}</th>
                    <th scope="col">{text('colDates')}</th>
                    <th scope="col">{shared('colStatus')}</th>
                    <th scope="col">{text('colNominations')}</th>
                    <th scope="col">{text('colParticipants')}</th>
                  </tr>
                </thead>
                <tbody>
                  {programme.editions.map((edition) => (
                    <tr>
                      <td>
                        <a href={`/${lang}/training/editions/${edition.id}`}>{edition.year}</a>
                      </td>
                      <td>{formatDateRange(lang, edition.startDate, edition.endDate) ?? '—'}</td>
                      <td>{statusLabel(props.page, edition.status)}</td>
                      <td>{formatNumber(lang, edition.nominations)}</td>
                      <td>
                        {edition.capacity === null
                          ? formatNumber(lang, edition.participants)
                          : text('seatsTaken', { taken: edition.participants, capacity: edition.capacity })}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
    </Layout>
  );
}

export function NewEditionPage(props: {
  page: PageContext;
  labels: ReferenceLabels;
  programme: { id: number; name: ProgrammeName };
  values: EditionFormValues;
  errors?: FieldErrors;
}) {
  const { lang } = props.page;
  const text = editionsText(lang);
  const title = text('newEditionOf', { programme: localized(props.programme.name, lang) });
  return (
    <Layout page={props.page} title={title}>
      <h1>{title}</h1>
      <EditionForm
        page={props.page}
        labels={props.labels}
        action={`/${lang}/training/programmes/${props.programme.id}/editions`}
        values={props.values}
        errors={props.errors}
        submitLabel={text('createEdition')}
      />
    </Layout>
  );
}

export function EditionPage(props: {
  page: PageContext;
  labels: ReferenceLabels;
  data: EditionPageData;
  notice?: string | undefined;
  failure?: EditionPageFailure | undefined;
  /** The needs it answers, suggestions and the word search's finds; error of the link form. */
  needs: { view: EditionNeedsView; words: string; error?: string | undefined };
}) {
  const { lang } = props.page;
  const text = editionsText(lang);
  const shared = trainingText(lang);
  const { edition, programme } = props.data;
  const base = `/${lang}/training/editions/${edition.id}`;
  const title = `${localized(programme.name, lang)} ${edition.year}`;
  const failure = props.failure;
  return (
    <Layout page={props.page} title={title}>
      <p>
        <a href={`/${lang}/training`}>{shared('editionsTitle')}</a>
      </p>
      <h1>{title}</h1>
      <Notice message={props.notice} />
      <section aria-labelledby="status-heading">
        <h2 id="status-heading">{text('statusHeading')}</h2>
        <p>
          {text('currentStatus', { status: statusLabel(props.page, edition.status) })}{' '}
          {edition.status === 'open' ? <span>{text('nominationsOpenNote')}</span> : null}
        </p>
        <FormError page={props.page} message={failure?.form === 'status' ? failure.message : undefined} />
        {props.data.nextStatus ? (
          <form method="post" action={`${base}/status`}>
            <CsrfField page={props.page} />
            <input type="hidden" name="from" value={edition.status} />
            <input type="hidden" name="to" value={props.data.nextStatus} />
            <button type="submit">
              {text('moveTo', { status: statusLabel(props.page, props.data.nextStatus) })}
            </button>
          </form>
        ) : null}
        <ReportNote page={props.page} report={props.data.report} />
      </section>
      <section aria-labelledby="details-heading">
        <h2 id="details-heading">{text('detailsHeading')}</h2>
        <EditionForm
          page={props.page}
          labels={props.labels}
          action={base}
          values={failure?.form === 'edition' ? failure.values : props.data.editionValues}
          errors={failure?.form === 'edition' ? failure.errors : undefined}
          submitLabel={shared('save')}
        />
      </section>
      <AgendaSection
        page={props.page}
        base={base}
        sessions={props.data.sessions}
        failure={failure?.form === 'session' ? failure : undefined}
      />
      <NominationsSection
        page={props.page}
        labels={props.labels}
        base={base}
        edition={edition}
        nominations={props.data.nominations}
        seatsTaken={props.data.participants.length}
        failure={failure?.form === 'decision' ? failure : undefined}
      />
      <ParticipantsSection page={props.page} labels={props.labels} participants={props.data.participants} />
      <EditionNeedsSection
        page={props.page}
        labels={props.labels}
        editionId={edition.id}
        view={props.needs.view}
        words={props.needs.words}
        error={props.needs.error}
      />
    </Layout>
  );
}

function ReportNote(props: { page: PageContext; report: EditionPageData['report'] }) {
  const text = editionsText(props.page.lang);
  const { activityId, reportId, published, frozen } = props.report;
  if (!activityId) return <p>{text('reportNone')}</p>;
  if (frozen) return <p>{text('reportFrozen', { activity: activityId })}</p>;
  // Published: the edition updates the open draft's copy; the public record waits for that draft.
  if (published && reportId)
    return <p>{text('reportPublishedInDraft', { activity: activityId, report: reportId })}</p>;
  return (
    <p>
      {reportId
        ? text('reportInDraft', { activity: activityId, report: reportId })
        : text('reportNoDraft', { activity: activityId })}
    </p>
  );
}

function ParticipantsSection(props: {
  page: PageContext;
  labels: ReferenceLabels;
  participants: EditionPageData['participants'];
}) {
  const { lang } = props.page;
  const text = editionsText(lang);
  const shared = trainingText(lang);
  return (
    <section aria-labelledby="participants-heading">
      <h2 id="participants-heading">{text('participantsHeading')}</h2>
      {props.participants.length === 0 ? (
        <p>{text('noParticipants')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{shared('colName')}</th>
                <th scope="col">{shared('colParty')}</th>
                <th scope="col">{shared('colOffice')}</th>
                <th scope="col">{shared('colAdvisor')}</th>
                <th scope="col">{shared('colCompleted')}</th>
              </tr>
            </thead>
            <tbody>
              {props.participants.map((p) => (
                <tr>
                  <td>
                    <a href={`/${lang}/training/participants/${p.id}`}>{personName(p.name, lang)}</a>
                    <SampleMark lang={lang} isSample={p.isSample} />
                  </td>
                  <td>{props.labels.partyName(p.partyCode, lang)}</td>
                  <td>{p.office}</td>
                  <td>{p.advisorName ?? '—'}</td>
                  <td>{p.completedAt ? formatDate(lang, p.completedAt.toISOString()) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
