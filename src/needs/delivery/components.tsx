import { formatDate } from '../../i18n/format.ts';
import type { Language } from '../../i18n/languages.ts';
import { pickText } from '../../i18n/localized-text.ts';
import type { ReferenceLabels } from '../../reference/labels.ts';
import { deliveryText } from './messages.ts';
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
              —{' '}
              {t('deliveringItem', {
                donor: labels.partyName(activity.donorCode, lang),
                symbol: activity.symbol ?? '—',
              })}
              {start ? ` · ${start}` : ''}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
