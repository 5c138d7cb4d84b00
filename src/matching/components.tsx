import type { Language } from '../i18n/languages.ts';
import { textIn } from '../i18n/localized-text.ts';
import { counted } from '../i18n/plural.ts';
import { type NeedsKey, needsText } from '../needs/messages.ts';
import type { ReferenceLabels } from '../reference/labels.ts';
import { type MatchingKey, matchingText } from './messages.ts';
import type { Reason } from './rank.ts';
import type { ShownNeed, ShownSuggestion } from './service.ts';

/** A reason a suggestion ranks where it does, in words of the page's language. */
export function reasonText(lang: Language, labels: ReferenceLabels, reason: Reason): string {
  const text = matchingText(lang);
  const list = (values: string[], name: (value: string) => string) => values.map(name).join(', ');
  switch (reason.code) {
    case 'same-areas':
      return text('reason-same-areas', {
        values: list(reason.values, (v) => labels.term('ip-area', v, lang)),
      });
    case 'same-kinds':
      return text('reason-same-kinds', {
        values: list(reason.values, (v) => needsText(lang)(`kind-${v}` as NeedsKey)),
      });
    case 'named-region':
      return text('reason-named-region', { values: list(reason.values, (v) => labels.regionName(v, lang)) });
    case 'shared-language':
      return text('reason-shared-language', {
        values: list(reason.values, (v) => labels.languageName(v, lang)),
      });
    case 'delivered-to-member':
      return counted(text, lang, 'reason-delivered-to-member', reason.count);
    case 'delivered-to-region':
      return counted(text, lang, 'reason-delivered-to-region', reason.count);
    case 'similar-activities':
      return reason.latest === null
        ? counted(text, lang, 'reason-undated', reason.count)
        : counted(text, lang, 'reason-similar-activities', reason.count, { year: String(reason.latest) });
    default:
      return text(`reason-${reason.code}` as MatchingKey);
  }
}

function Reasons(props: { lang: Language; labels: ReferenceLabels; reasons: Reason[] }) {
  return (
    <ul class="reasons">
      {props.reasons.map((reason) => (
        <li>{reasonText(props.lang, props.labels, reason)}</li>
      ))}
    </ul>
  );
}

/** The ranked suggestions of a need's page, each with its reasons. */
export function NeedSuggestions(props: {
  lang: Language;
  labels: ReferenceLabels;
  suggestions: ShownSuggestion[];
}) {
  const { lang } = props;
  const text = matchingText(lang);
  return (
    <section aria-labelledby="suggestions-title">
      <h2 id="suggestions-title">{text('suggestionsTitle')}</h2>
      <p>{text('suggestionsIntro')}</p>
      {props.suggestions.length === 0 ? <p>{text('noSuggestions')}</p> : null}
      <ol class="suggestions">
        {props.suggestions.map((suggestion) => (
          <li>
            <a href={suggestion.href} lang={suggestion.titleLanguage}>
              {suggestion.title}
            </a>{' '}
            <span class="muted">({text(`kind-${suggestion.kind}` as MatchingKey)})</span>
            <Reasons lang={lang} labels={props.labels} reasons={suggestion.reasons} />
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Needs an offer (or a donor's record) could serve, best first, each with its reasons. */
export function MatchingNeeds(props: {
  lang: Language;
  labels: ReferenceLabels;
  title: 'needsForOfferTitle' | 'needsForDonorTitle';
  needs: ShownNeed[];
}) {
  const { lang, labels } = props;
  const text = matchingText(lang);
  return (
    <section aria-labelledby="matching-needs-title">
      <h2 id="matching-needs-title">{text(props.title)}</h2>
      {props.needs.length === 0 ? <p>{text('noMatchingNeeds')}</p> : null}
      <ol class="suggestions">
        {props.needs.map(({ row, reasons }) => (
          <li>
            <a href={`/${lang}/needs/${row.need.id}`} lang={row.assessment.language}>
              {textIn(row.need.title, lang, row.assessment.language)}
            </a>{' '}
            <span class="muted">({labels.partyName(row.assessment.partyCode, lang)})</span>
            <Reasons lang={lang} labels={labels} reasons={reasons} />
          </li>
        ))}
      </ol>
    </section>
  );
}
