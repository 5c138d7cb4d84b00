import type { Child } from 'hono/jsx';
import {
  ConfirmAction,
  ErrorSummary,
  FormError,
  Notice,
  Pager,
  SelectField,
  TextArea,
  TextField,
} from '../http/form-fields.tsx';
import { CsrfField, Layout, type PageContext } from '../http/layout.tsx';
import { parsePartialDate } from '../http/partial-date.ts';
import type { FieldErrors } from '../http/request.ts';
import { formatDate } from '../i18n/format.ts';
import type { Language } from '../i18n/languages.ts';
import { textIn } from '../i18n/localized-text.ts';
import { counted } from '../i18n/plural.ts';
import { offersText } from '../offers/messages.ts';
import type { ReferenceLabels } from '../reference/labels.ts';
import { coverageText } from './coverage/messages.ts';
import { AnsweringEditions, DeliveringActivities } from './delivery/components.tsx';
import type { answeringEditions } from './delivery/editions.ts';
import type { deliveringActivities } from './delivery/service.ts';
import type { NeedValues } from './forms.ts';
import { type NeedsKey, needsText } from './messages.ts';
import { NeedFields } from './need-fields.tsx';
import { type PageForms, ProposalsSection, proposalNote } from './proposal-views.tsx';
import type { ProposalRow } from './proposals.ts';
import { NeedRevisions } from './revision-views.tsx';
import type { NeedRevision } from './revisions.ts';
import type { Assessment, Need, NeedFilters } from './service.ts';
import { needsSheetText } from './spreadsheet/messages.ts';
import { statusesAfter } from './status.ts';
import { kindsOfHelp, needStatuses } from './taxonomy.ts';

type Option = { value: string; label: string };
const offersLink = (lang: Language) => offersText(lang)('offersTitle');
const say = (lang: Language) => needsText(lang);
const label = (lang: Language, key: string) => say(lang)(key as NeedsKey);
/** Field → message key, as the forms give them, turned into words for the error summary. */
const inWords = (lang: Language, errors: FieldErrors) =>
  Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, label(lang, key)]));

/** A date typed as YYYY, YYYY-MM or YYYY-MM-DD, shown as precisely as it is known. */
function partial(lang: Language, text: string | null) {
  const date = text ? parsePartialDate(text) : null;
  return date && typeof date !== 'string' ? formatDate(lang, date.date, date.precision) : null;
}

function StatusTag(props: { lang: Language; status: string }) {
  return <span class={`tag tag-${props.status}`}>{label(props.lang, `status-${props.status}`)}</span>;
}

function SampleNotice(props: { lang: Language; isSample: boolean }) {
  return props.isSample ? <p class="sample-badge">{say(props.lang)('sampleNotice')}</p> : null;
}

/** A published need's text and facts may change until it is met or withdrawn. */
const editable = (need: Need) => need.status !== 'met' && need.status !== 'withdrawn';

const wishedDates = (lang: Language, need: Need) => {
  const start = partial(lang, need.wishedStart);
  const end = partial(lang, need.wishedEnd);
  return start && end ? `${start} – ${end}` : (start ?? end);
};

/** The facts of a need, as a list of terms: shared by its public page and the Member's page. */
function NeedFacts(props: { lang: Language; labels: ReferenceLabels; need: Need }) {
  const { lang, labels, need } = props;
  const text = say(lang);
  const dates = wishedDates(lang, need);
  return (
    <dl class="fields">
      <dt>{text('kindsOfHelp')}</dt>
      <dd>{need.kindsOfHelp.map((kind) => label(lang, `kind-${kind}`)).join(', ')}</dd>
      {need.ipAreas.length ? (
        <>
          <dt>{text('ipAreas')}</dt>
          <dd>{need.ipAreas.map((area) => labels.term('ip-area', area, lang)).join(', ')}</dd>
        </>
      ) : null}
      <dt>{text('priority')}</dt>
      <dd>{label(lang, `priority-${need.priority}`)}</dd>
      {need.institution ? (
        <>
          <dt>{text('receivedBy')}</dt>
          <dd>{need.institution}</dd>
        </>
      ) : null}
      {dates ? (
        <>
          <dt>{text('wished')}</dt>
          <dd>{dates}</dd>
        </>
      ) : null}
    </dl>
  );
}

export function NeedsListPage(props: {
  page: PageContext;
  labels: ReferenceLabels;
  rows: Array<{ need: Need; assessment: Assessment }>;
  filters: NeedFilters;
  parties: Option[];
  alsoSearched: string[];
  /** This page, how many pages, how many needs in all. */
  pages: { current: number; total: number; count: number };
}) {
  const { page, labels, rows, filters } = props;
  const { lang } = page;
  const text = say(lang);
  const apiQuery = new URLSearchParams(
    Object.entries(filters).flatMap(([key, value]) => (value ? [[key, String(value)]] : [])),
  ).toString();
  return (
    <Layout page={page} title={text('needsTitle')}>
      <h1>{text('needsTitle')}</h1>
      <p>{text('needsIntro')}</p>
      <p>
        <a href={`/${lang}/needs/coverage`}>{coverageText(lang)('coverageTitle')}</a> ·{' '}
        <a href={`/${lang}/offers`}>{offersLink(lang)}</a>
      </p>
      <form method="get" action={`/${lang}/needs`} class="filters">
        <TextField name="q" label={text('words')} value={filters.q ?? ''} maxLength={200} />
        <SelectField
          name="party"
          label={text('filterParty')}
          options={props.parties}
          value={filters.party ?? ''}
          emptyLabel={text('anyValue')}
        />
        <SelectField
          name="status"
          label={text('filterStatus')}
          options={needStatuses.map((status) => ({ value: status, label: label(lang, `status-${status}`) }))}
          value={filters.status ?? ''}
          emptyLabel={text('anyValue')}
        />
        <SelectField
          name="kind"
          label={text('filterKind')}
          options={kindsOfHelp.map((kind) => ({ value: kind, label: label(lang, `kind-${kind}`) }))}
          value={filters.kind ?? ''}
          emptyLabel={text('anyValue')}
        />
        <div class="actions">
          <button type="submit">{text('applyFilters')}</button>
        </div>
      </form>
      {props.alsoSearched.length ? (
        <p class="muted">
          {text('alsoSearched')} {props.alsoSearched.join(', ')}
        </p>
      ) : null}
      <p>
        {counted(text, lang, 'needCount', props.pages.count)} ·{' '}
        <a href={`/api/v1/needs${apiQuery ? `?${apiQuery}` : ''}`}>{text('apiNeeds')}</a> ·{' '}
        <a href={`/api/v1/needs?${apiQuery ? `${apiQuery}&` : ''}format=csv&lang=${lang}`}>CSV</a> ·{' '}
        <a href={`/api/v1/needs?${apiQuery ? `${apiQuery}&` : ''}format=xlsx&lang=${lang}`}>XLSX</a> ·{' '}
        <a href={`/${lang}/needs/feed.atom`} type="application/atom+xml">
          Atom
        </a>
      </p>
      {rows.length === 0 ? <p>{text('noNeeds')}</p> : null}
      <ul class="need-list">
        {rows.map(({ need, assessment }) => (
          <li>
            <h2 class="h3">
              <a href={`/${lang}/needs/${need.id}`} lang={assessment.language}>
                {textIn(need.title, lang, assessment.language)}
              </a>
            </h2>
            <p>
              {labels.partyName(assessment.partyCode, lang)} · <StatusTag lang={lang} status={need.status} />{' '}
              · {need.kindsOfHelp.map((kind) => label(lang, `kind-${kind}`)).join(', ')}
              {assessment.isSample ? (
                <>
                  {' '}
                  <span class="sample-badge">{text('sampleNotice')}</span>
                </>
              ) : null}
            </p>
          </li>
        ))}
      </ul>
      <Pager
        page={page}
        current={props.pages.current}
        total={props.pages.total}
        href={(n) =>
          `/${lang}/needs?${new URLSearchParams([...new URLSearchParams(apiQuery), ['page', String(n)]])}`
        }
      />
    </Layout>
  );
}

type Story = {
  need: Need;
  assessment: Assessment;
  history: Array<{
    change: { fromStatus: string | null; toStatus: string; note: string; changedAt: Date };
    by: string | null;
  }>;
  revisions: NeedRevision[];
  delivering: Awaited<ReturnType<typeof deliveringActivities>>;
  answeringEditions: Awaited<ReturnType<typeof answeringEditions>>;
};

export function NeedPage(props: {
  page: PageContext;
  labels: ReferenceLabels;
  story: Story;
  seesContact: boolean;
  manages: boolean;
  /** Another room's section (the matching's ranked offers and donors), or null. */
  suggestions?: Child | null;
  proposals: ProposalRow[];
  /** The donor's choices, when the account may propose help for this need. */
  proposing: { owners: Option[]; offers: Option[] } | null;
  /** The proposals the account speaks for (it may change or withdraw them). */
  speaksFor: number[];
  forms: PageForms;
  errors?: FieldErrors;
  values?: { status: string; note: string };
  notice?: string | undefined;
}) {
  const { page, labels, story, errors = {} } = props;
  const { need, assessment } = story;
  const { lang } = page;
  const text = say(lang);
  const title = textIn(need.title, lang, assessment.language);
  const description = textIn(need.description, lang, assessment.language);
  const next = statusesAfter(need.status);
  return (
    <Layout page={page} title={title}>
      <p>
        <a href={`/${lang}/needs`}>{text('needsTitle')}</a>
      </p>
      <Notice message={props.notice} />
      <h1 lang={assessment.language}>{title}</h1>
      <SampleNotice lang={lang} isSample={assessment.isSample} />
      <p>
        {labels.partyName(assessment.partyCode, lang)} · <StatusTag lang={lang} status={need.status} />
      </p>
      {description ? <p lang={assessment.language}>{description}</p> : null}
      <NeedFacts lang={lang} labels={labels} need={need} />
      {props.manages && editable(need) ? (
        <p>
          <a class="button secondary" href={`/${lang}/needs/${need.id}/edit`}>
            {text('editNeed')}
          </a>
        </p>
      ) : null}
      <h2>{text('assessment')}</h2>
      <dl class="fields">
        <dt>{text('source')}</dt>
        <dd>{label(lang, `source-${assessment.source}`)}</dd>
        {assessment.symbol ? (
          <>
            <dt>{text('symbol')}</dt>
            <dd>{assessment.symbol}</dd>
          </>
        ) : null}
        {assessment.documentDate ? (
          <>
            <dt>{text('documentDate')}</dt>
            <dd>{partial(lang, assessment.documentDate)}</dd>
          </>
        ) : null}
        <dt>{text('contact')}</dt>
        <dd>
          {props.seesContact ? (
            [assessment.contactName, assessment.contactEmail].filter(Boolean).join(' · ') || '—'
          ) : (
            <a href={`/${lang}/sign-in?next=${encodeURIComponent(`/${lang}/needs/${need.id}`)}`}>
              {text('contactSignIn')}
            </a>
          )}
        </dd>
      </dl>
      <AnsweringEditions lang={lang} editions={story.answeringEditions} />
      <DeliveringActivities lang={lang} labels={labels} activities={story.delivering} />
      <ProposalsSection
        page={page}
        labels={labels}
        needId={need.id}
        proposals={props.proposals}
        manages={props.manages}
        proposing={props.proposing}
        speaksFor={props.speaksFor}
        forms={props.forms}
      />
      {props.suggestions ?? null}
      <NeedRevisions lang={lang} revisions={story.revisions} language={assessment.language} />
      <h2>{text('history')}</h2>
      <ol class="history">
        {story.history.map(({ change, by }) => (
          <li>
            <time datetime={change.changedAt.toISOString()}>
              {formatDate(lang, change.changedAt.toISOString())}
            </time>{' '}
            <StatusTag lang={lang} status={change.toStatus} />
            {change.note ? (
              <> — {proposalNote(lang, change.note) ?? change.note}</>
            ) : change.fromStatus === null ? (
              <> — {text('publishedNote')}</>
            ) : null}
            {props.manages && by ? <span class="muted"> {text('changedBy', { who: by })}</span> : null}
          </li>
        ))}
      </ol>
      {props.manages && assessment.status === 'published' ? (
        <section aria-labelledby="status-title">
          <h2 id="status-title">{text('changeStatus')}</h2>
          <form method="post" action={`/${lang}/needs/${need.id}/status`} class="stacked" novalidate>
            <CsrfField page={page} />
            <input type="hidden" name="seen" value={need.status} />
            <ErrorSummary
              page={page}
              errors={inWords(lang, errors)}
              labels={{ status: text('newStatus'), note: text('explanation') }}
            />
            <SelectField
              name="status"
              label={text('newStatus')}
              options={next.map((status) => ({ value: status, label: label(lang, `status-${status}`) }))}
              value={props.values?.status}
              error={errors.status ? label(lang, errors.status) : undefined}
            />
            <TextArea
              name="note"
              label={text('explanation')}
              hint={text('explanationHint')}
              value={props.values?.note}
              rows={3}
              maxLength={1000}
              error={errors.note ? label(lang, errors.note) : undefined}
            />
            <button type="submit">{text('saveStatus')}</button>
          </form>
        </section>
      ) : null}
    </Layout>
  );
}

export function AssessmentsPage(props: {
  page: PageContext;
  labels: ReferenceLabels;
  rows: Array<{ assessment: Assessment; needCount: number }>;
  notice?: string | undefined;
}) {
  const { page, labels } = props;
  const { lang } = page;
  const text = say(lang);
  return (
    <Layout page={page} title={text('myAssessments')}>
      <h1>{text('myAssessments')}</h1>
      <Notice message={props.notice} />
      <p>{text('myAssessmentsIntro')}</p>
      <p>
        <a href={`/${lang}/needs/assessments/new`}>{text('newAssessment')}</a>
      </p>
      {props.rows.length === 0 ? <p>{text('noAssessments')}</p> : null}
      <ul>
        {props.rows.map(({ assessment, needCount }) => (
          <li>
            <a href={`/${lang}/needs/assessments/${assessment.id}`}>
              {text('assessmentOf', { party: labels.partyName(assessment.partyCode, lang) })}
              {assessment.symbol ? ` (${assessment.symbol})` : ''}
            </a>{' '}
            · {counted(text, lang, 'needCount', needCount)} ·{' '}
            {assessment.publishedAt
              ? text('published', { date: formatDate(lang, assessment.publishedAt.toISOString()) ?? '' })
              : text('draft')}
          </li>
        ))}
      </ul>
    </Layout>
  );
}

/** A draft's need: correct it (the need form, no explanation) or remove it (a confirmation step). */
function DraftNeedActions(props: {
  page: PageContext;
  need: Need;
  title: string;
  error?: string | undefined;
}) {
  const { page, need, title } = props;
  const { lang } = page;
  const text = say(lang);
  return (
    <div class="actions">
      <a
        class="button secondary"
        href={`/${lang}/needs/${need.id}/edit`}
        aria-label={`${text('editDraftNeed')} — ${title}`}
      >
        {text('editDraftNeed')}
      </a>{' '}
      <ConfirmAction
        page={page}
        action={`/${lang}/needs/${need.id}/remove`}
        label={text('removeNeed')}
        accessibleLabel={`${text('removeNeed')} — ${title}`}
        question={text('removeQuestion', { title })}
        confirmLabel={text('confirmRemove')}
        open={Boolean(props.error)}
      >
        <input type="hidden" name="version" value={String(need.version)} />
        {props.error ? <FormError page={page} message={label(lang, props.error)} /> : null}
      </ConfirmAction>
    </div>
  );
}

export function AssessmentPage(props: {
  page: PageContext;
  labels: ReferenceLabels;
  assessment: Assessment;
  needs: Need[];
  values: NeedValues;
  errors?: FieldErrors;
  notice?: string | undefined;
  /** A removal refused (a change meanwhile, or the assessment published): its step shown open. */
  removal?: { needId: number; error: string } | undefined;
}) {
  const { page, labels, assessment, values, errors = {} } = props;
  const draft = assessment.status === 'draft';
  const { lang } = page;
  const text = say(lang);
  const title = text('assessmentOf', { party: labels.partyName(assessment.partyCode, lang) });
  return (
    <Layout page={page} title={title}>
      <p>
        <a href={`/${lang}/needs/assessments`}>{text('myAssessments')}</a>
      </p>
      <Notice message={props.notice} />
      <h1>{title}</h1>
      <SampleNotice lang={lang} isSample={assessment.isSample} />
      <p>
        {assessment.publishedAt
          ? text('published', { date: formatDate(lang, assessment.publishedAt.toISOString()) ?? '' })
          : text('draft')}
        {assessment.symbol ? ` · ${assessment.symbol}` : ''} · {label(lang, `source-${assessment.source}`)}
      </p>
      {draft ? (
        <p>
          <a href={`/${lang}/needs/assessments/${assessment.id}/edit`}>{text('editAssessment')}</a>
        </p>
      ) : null}
      {props.removal && (!draft || !props.needs.some((need) => need.id === props.removal?.needId)) ? (
        <FormError page={page} message={label(lang, props.removal.error)} />
      ) : null}
      <ol class="need-list">
        {props.needs.map((need) => (
          <li id={`need-${need.id}`}>
            <h2 class="h3" lang={assessment.language} id={`need-${need.id}-title`}>
              {assessment.status === 'published' ? (
                <a href={`/${lang}/needs/${need.id}`}>{textIn(need.title, lang, assessment.language)}</a>
              ) : (
                textIn(need.title, lang, assessment.language)
              )}{' '}
              <StatusTag lang={lang} status={need.status} />
            </h2>
            <NeedFacts lang={lang} labels={labels} need={need} />
            {assessment.status === 'published' && editable(need) ? (
              <p>
                <a href={`/${lang}/needs/${need.id}/edit`} aria-describedby={`need-${need.id}-title`}>
                  {text('editNeed')}
                </a>
              </p>
            ) : null}
            {draft ? (
              <DraftNeedActions
                page={page}
                need={need}
                title={textIn(need.title, lang, assessment.language)}
                error={props.removal?.needId === need.id ? props.removal.error : undefined}
              />
            ) : null}
          </li>
        ))}
      </ol>
      {assessment.status === 'draft' ? (
        <section aria-labelledby="publish-title">
          <h2 id="publish-title">{text('publish')}</h2>
          <p id="publish-hint">{props.needs.length ? text('publishHint') : text('publishNeedsOne')}</p>
          {props.needs.length ? (
            <form method="post" action={`/${lang}/needs/assessments/${assessment.id}/publish`}>
              <CsrfField page={page} />
              <button type="submit" aria-describedby="publish-hint">
                {text('publish')}
              </button>
            </form>
          ) : null}
        </section>
      ) : null}
      <section aria-labelledby="add-need-title">
        <h2 id="add-need-title">{text('addNeed')}</h2>
        <p>
          <a href={`/${lang}/needs/assessments/${assessment.id}/upload`}>
            {needsSheetText(lang)('importHeading')}
          </a>
        </p>
        <form
          method="post"
          action={`/${lang}/needs/assessments/${assessment.id}/needs`}
          class="stacked"
          novalidate
        >
          <CsrfField page={page} />
          <NeedFields page={page} labels={labels} values={values} errors={errors} />
          <button type="submit">{text('saveNeed')}</button>
        </form>
      </section>
    </Layout>
  );
}
