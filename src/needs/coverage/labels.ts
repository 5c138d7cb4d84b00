import { formatNumber } from '../../i18n/format.ts';
import type { Language } from '../../i18n/languages.ts';
import { textIn } from '../../i18n/localized-text.ts';
import type { ReferenceLabels } from '../../reference/labels.ts';
import { type NeedsKey, needsText } from '../messages.ts';
import { coverageText } from './messages.ts';
import type { Responder } from './service.ts';

/** "Canada: Accepted (1)", "CIPO: Awaiting the Member’s answer (1)": who proposed, and how it stands. */
export function responderText(responder: Responder, lang: Language, labels: ReferenceLabels): string {
  const who = responder.donorCode
    ? labels.partyName(responder.donorCode, lang)
    : (responder.agency?.acronym ?? (responder.agency ? textIn(responder.agency.name, lang, 'en') : '—'));
  const status = needsText(lang)(`proposal-${responder.status}` as NeedsKey);
  return coverageText(lang)('responder', { who, status, count: formatNumber(lang, responder.count) });
}
