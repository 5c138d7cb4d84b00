import { CheckboxList, ConfirmAction, FormError, Notice, TextField } from '../../http/form-fields.tsx';
import { CsrfField, Layout, type PageContext } from '../../http/layout.tsx';
import type { Language } from '../../i18n/languages.ts';
import { pickText } from '../../i18n/localized-text.ts';
import { type NeedsKey, needsText } from '../../needs/messages.ts';
import type { ReferenceLabels } from '../../reference/labels.ts';
import { draftPath } from '../components.tsx';
import { draftingText } from '../messages.ts';
import { activityNeedsText } from './messages.ts';
import type { LinkableNeed } from './service.ts';

type View = {
  activity: { id: number; title: Record<string, string>; originalLanguage: string };
  linked: LinkableNeed[];
  suggested: LinkableNeed[];
  found: LinkableNeed[];
};

/** "Uganda — Training of patent examiners (Open)", the need's own title in its language. */
function NeedLabel(props: { lang: Language; labels: ReferenceLabels; need: LinkableNeed }) {
  const { lang, labels, need } = props;
  const title = pickText(need.title, lang, need.language);
  return (
    <>
      {labels.partyName(need.partyCode, lang)} — <span lang={title.lang}>{title.value}</span> (
      {needsText(lang)(`status-${need.status}` as NeedsKey)})
    </>
  );
}

/** The needs an activity of a draft addresses: those linked, and those the reporter may link. */
export function ActivityNeedsPage(props: {
  page: PageContext;
  labels: ReferenceLabels;
  reportId: number;
  view: View;
  words: string;
  editable: boolean;
  notice?: string | undefined;
  error?: string | undefined;
}) {
  const { page, labels, view, reportId } = props;
  const { lang } = page;
  const t = activityNeedsText(lang);
  const base = `${draftPath(lang, reportId)}/activities/${view.activity.id}/needs`;
  const title = pickText(view.activity.title, lang, view.activity.originalLanguage);
  const choices = [...view.suggested, ...view.found];
  const option = (need: LinkableNeed) => ({
    value: String(need.id),
    label: <NeedLabel lang={lang} labels={labels} need={need} />,
  });
  return (
    <Layout page={page} title={t('linkTitle')}>
      <p>
        <a href={draftPath(lang, reportId)}>{draftingText(lang)('backToDraft')}</a>
      </p>
      <h1>{t('linkTitle')}</h1>
      <p class="lead" lang={title.lang}>
        {title.value}
      </p>
      <p>{t('linkIntro')}</p>
      <Notice message={props.notice} />
      <h2>{t('linkedHeading')}</h2>
      {view.linked.length === 0 ? (
        <p>{t('noneLinked')}</p>
      ) : (
        <ul>
          {view.linked.map((need) => (
            <li>
              <a href={`/${lang}/needs/${need.id}`}>
                <NeedLabel lang={lang} labels={labels} need={need} />
              </a>
              {props.editable ? (
                <ConfirmAction
                  page={page}
                  action={`${base}/${need.id}/unlink`}
                  label={t('unlink')}
                  accessibleLabel={`${t('unlink')} — ${pickText(need.title, lang, need.language).value}`}
                  question={t('unlink')}
                  confirmLabel={t('unlink')}
                />
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {props.editable ? (
        <>
          <form method="get" action={base} class="filters">
            <TextField name="q" label={t('findNeeds')} value={props.words} maxLength={200} />
            <div class="actions">
              <button type="submit" class="secondary">
                {t('findButton')}
              </button>
            </div>
          </form>
          <form method="post" action={base}>
            <CsrfField page={page} />
            <FormError page={page} message={props.error} />
            <h2>{t('suggestedHeading')}</h2>
            <p class="note">{t('suggestedIntro')}</p>
            {view.suggested.length === 0 ? (
              <p>{t('noneSuggested')}</p>
            ) : (
              <CheckboxList
                name="need"
                idPrefix="suggested"
                legend={t('chooseNeeds')}
                options={view.suggested.map(option)}
              />
            )}
            {view.found.length > 0 ? (
              <>
                <h2>{t('foundHeading')}</h2>
                <CheckboxList
                  name="need"
                  idPrefix="found"
                  legend={t('chooseNeeds')}
                  options={view.found.map(option)}
                />
              </>
            ) : null}
            {choices.length > 0 ? (
              <div class="actions">
                <button type="submit">{t('linkChosen')}</button>
              </div>
            ) : null}
          </form>
        </>
      ) : null}
    </Layout>
  );
}
