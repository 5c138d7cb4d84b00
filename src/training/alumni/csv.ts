import { neutraliseFormula } from '../../exports/columns.ts';
import { csvLine } from '../../exports/csv.ts';
import type { Language } from '../../i18n/languages.ts';
import { pickText } from '../../i18n/localized-text.ts';
import type { ReferenceLabels } from '../../reference/labels.ts';
import { erasedName } from '../privacy.ts';
import { alumniText } from './messages.ts';
import type { Alumnus } from './service.ts';

/** The alumni list as CSV (UTF-8 with BOM, CRLF); no cell can run as a formula, names being typed by others. */
export function alumniCsv(alumni: Alumnus[], labels: ReferenceLabels, lang: Language): string {
  const text = alumniText(lang);
  const yesNo = (value: boolean) => (value ? text('yes') : text('no'));
  const header = [
    'programme',
    'edition',
    'name',
    'position',
    'office',
    'party',
    'partyCode',
    'email',
    'completed',
    'certificate',
    'publicName',
  ].map((key) => text(key as Parameters<typeof text>[0]));
  const lines = [csvLine(header.map(neutraliseFormula))];
  for (const person of alumni) {
    const row = [
      pickText(person.programmeName, lang).value,
      String(person.editionYear),
      person.name === erasedName ? text('erased') : person.name,
      person.position ?? '',
      person.office,
      labels.partyName(person.partyCode, lang),
      person.partyCode,
      person.email ?? '',
      yesNo(person.completed),
      person.certificateCode ?? '',
      yesNo(person.consentPublicName),
    ];
    lines.push(csvLine(row.map(neutraliseFormula)));
  }
  return `\uFEFF${lines.join('')}`;
}
