import { activityNeedsText } from '../../drafting/activity-needs/messages.ts';
import { CheckboxList, ConfirmAction, FormError, TextField } from '../../http/form-fields.tsx';
import { CsrfField, type PageContext } from '../../http/layout.tsx';
import { formatDate, formatDateRange } from '../../i18n/format.ts';
import type { Language } from '../../i18n/languages.ts';
import { pickText } from '../../i18n/localized-text.ts';
import type { ReferenceLabels } from '../../reference/labels.ts';
import { type NeedsKey, needsText } from '../messages.ts';
import type { AnsweredNeed, answeringEditions, editionNeedsView } from './editions.ts';
import { deliveryText } from './messages.ts';

type AnsweringEdition = Awaited<ReturnType<typeof answeringEditions>>[number];
type EditionNeedsView = Awaited<ReturnType<typeof editionNeedsView>>;

import type { deliveringActivities } from './service.ts';

/** On a need's page: the activities of published reports that address it. */
export function DeliveringActivities(props: {
  lang: Language;
  labels: ReferenceLabels;
  activities: Awaited<ReturnType<typeof deliveringActivities>>;
}) {
  const { lang, labels, activities } = props;
  if (activities.length === 0) return null;
  const t = deliveryText(lang);
  return (
    <section aria-labelledby="delivering">
      <h2 id="delivering">{t('deliveringHeading')}</h2>
      <p class="note">{t('deliveringIntro')}</p>
      <ul>
        {activities.map((activity) => {
          const title = pickText(activity.title, lang, activity.originalLanguage);
          const start = formatDate(lang, activity.startDate, activity.startPrecision);
          return (
            <li>
              <a href={`/${lang}/activities/${activity.activityId}`} lang={title.lang}>
                {title.value}
              </a>{' '}
              — {/* A report imported without a known symbol is named by its donor alone. */}
              {activity.symbol
                ? t('deliveringItem', {
                    donor: labels.partyName(activity.donorCode, lang),
                    symbol: activity.symbol,
                  })
                : labels.partyName(activity.donorCode, lang)}
              {start ? ` · ${start}` : ''}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The need's own title in its language and its status: "Cambodia — Formation des cadres… (In progress)". */
function NeedLine(props: { lang: Language; labels: ReferenceLabels; need: AnsweredNeed }) {
  const { lang, labels, need } = props;
  const title = pickText(need.title, lang, need.language);
  return (
    <>
      {labels.partyName(need.partyCode, lang)} — <span lang={title.lang}>{title.value}</span> (
      {needsText(lang)(`status-${need.status}` as NeedsKey)})
    </>
  );
}

/** "Answered by the training edition WIPO–CIPO Executive Training Program 2027 (open for nominations until …)". */
function editionNote(lang: Language, edition: AnsweringEdition): string | null {
  if (edition.status !== 'open') return formatDateRange(lang, edition.startDate, edition.endDate) || null;
  const t = deliveryText(lang);
  return edition.nominationDeadline
    ? t('openUntil', { date: formatDate(lang, edition.nominationDeadline) ?? edition.nominationDeadline })
    : t('openNoDeadline');
}

/** On a need's page: the training editions that answer it (public as soon as a coordinator says so). */
export function AnsweringEditions(props: { lang: Language; editions: AnsweringEdition[] }) {
  const { lang, editions } = props;
  if (editions.length === 0) return null;
  const t = deliveryText(lang);
  return (
    <section aria-labelledby="answering">
      <h2 id="answering">{t('answeringHeading')}</h2>
      <ul>
        {editions.map((edition) => {
          const name = pickText(edition.programmeName, lang, 'en');
          const note = editionNote(lang, edition);
          const [before, after = ''] = t('answeredBy', { edition: '\u0000' }).split('\u0000');
          return (
            <li>
              {before}
              <a
                href={`/${lang}/programmes/${edition.programmeId}#edition-${edition.editionId}`}
                lang={name.lang === lang ? undefined : name.lang}
              >
                {name.value} {edition.year}
              </a>
              {after}
              {note ? ` (${note})` : ''}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** On a programme's public page, under an edition: the needs of Members it answers. */
export function NeedsAnswered(props: { lang: Language; labels: ReferenceLabels; needs: AnsweredNeed[] }) {
  const { lang, labels, needs } = props;
  if (needs.length === 0) return null;
  return (
    <>
      <h4>{deliveryText(lang)('needsAnswered')}</h4>
      <ul>
        {needs.map((need) => (
          <li>
            <a href={`/${lang}/needs/${need.id}`}>
              <NeedLine lang={lang} labels={labels} need={need} />
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * The section of an edition's coordinator page where its coordinators say which needs it answers:
 * those linked (each with "Unlink"), suggestions, a word search, and the form that links the chosen.
 */
export function EditionNeedsSection(props: {
  page: PageContext;
  labels: ReferenceLabels;
  editionId: number;
  view: EditionNeedsView;
  words: string;
  error?: string | undefined;
}) {
  const { page, labels, view, editionId } = props;
  const { lang } = page;
  const t = deliveryText(lang);
  const shared = activityNeedsText(lang);
  const base = `/${lang}/training/editions/${editionId}`;
  const option = (need: AnsweredNeed) => ({
    value: String(need.id),
    label: <NeedLine lang={lang} labels={labels} need={need} />,
  });
  const choices = [...view.suggested, ...view.found];
  return (
    <section aria-labelledby="needs-heading" id="needs">
      <h2 id="needs-heading">{t('editionNeedsHeading')}</h2>
      <p class="note">{t('editionNeedsIntro')}</p>
      {view.linked.length === 0 ? (
        <p>{t('editionNoneLinked')}</p>
      ) : (
        <ul>
          {view.linked.map((need) => (
            <li>
              <a href={`/${lang}/needs/${need.id}`}>
                <NeedLine lang={lang} labels={labels} need={need} />
              </a>
              <ConfirmAction
                page={page}
                action={`${base}/needs/${need.id}/unlink`}
                label={shared('unlink')}
                accessibleLabel={`${shared('unlink')} — ${pickText(need.title, lang, need.language).value}`}
                question={shared('unlink')}
                confirmLabel={shared('unlink')}
              />
            </li>
          ))}
        </ul>
      )}
      <form method="get" action={`${base}#needs`} class="filters">
        <TextField name="needs" label={shared('findNeeds')} value={props.words} maxLength={200} />
        <div class="actions">
          <button type="submit" class="secondary">
            {shared('findButton')}
          </button>
        </div>
      </form>
      <form method="post" action={`${base}/needs`}>
        <CsrfField page={page} />
        <FormError page={page} message={props.error} />
        <h3>{t('editionSuggestedHeading')}</h3>
        <p class="note">{t('editionSuggestedIntro')}</p>
        {view.suggested.length === 0 ? (
          <p>{t('editionNoneSuggested')}</p>
        ) : (
          <CheckboxList
            name="need"
            idPrefix="suggested-need"
            legend={shared('chooseNeeds')}
            options={view.suggested.map(option)}
          />
        )}
        {view.found.length > 0 ? (
          <>
            <h3>{shared('foundHeading')}</h3>
            <CheckboxList
              name="need"
              idPrefix="found-need"
              legend={shared('chooseNeeds')}
              options={view.found.map(option)}
            />
          </>
        ) : null}
        {choices.length > 0 ? (
          <div class="actions">
            <button type="submit">{shared('linkChosen')}</button>
          </div>
        ) : null}
      </form>
    </section>
  );
}
