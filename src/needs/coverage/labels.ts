import { formatNumber } from '../../i18n/format.ts';
import { type Language, locales } from '../../i18n/languages.ts';
import { textIn } from '../../i18n/localized-text.ts';
import type { ReferenceLabels } from '../../reference/labels.ts';
import { type NeedsKey, needsText } from '../messages.ts';
import { coverageText } from './messages.ts';
import type { Responder } from './service.ts';

/**
 * "Canada: accepted (1)", "CIPO : en attente de la réponse du Membre (1)": who proposed, and how
 * it stands. The status label (capitalised, as on its tag) runs on after the colon in lower case,
 * as French and Spanish write it and as the other lists of the page do ("Canada: 1 need").
 */
export function responderText(responder: Responder, lang: Language, labels: ReferenceLabels): string {
  const who = responder.donorCode
    ? labels.partyName(responder.donorCode, lang)
    : (responder.agency?.acronym ?? (responder.agency ? textIn(responder.agency.name, lang, 'en') : '—'));
  const label = needsText(lang)(`proposal-${responder.status}` as NeedsKey);
  const status = label.charAt(0).toLocaleLowerCase(locales[lang]) + label.slice(1);
  return coverageText(lang)('responder', { who, status, count: formatNumber(lang, responder.count) });
}
