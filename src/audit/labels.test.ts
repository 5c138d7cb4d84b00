import { describe, expect, it } from 'vitest';
import { auditActionLabel, auditFieldLabel, auditTableLabel, auditValueText } from './labels.ts';

describe('the audit trail in words', () => {
  it('names tables, actions and fields in the page language, never by their raw names', () => {
    expect(auditTableLabel('report_activities', 'fr')).toBe('Programme d’un rapport');
    expect(auditActionLabel('remove-from-report', 'es')).toBe('quitado de un informe');
    expect(auditFieldLabel('isPublic', 'en')).toBe('Public');
    expect(auditFieldLabel('someNewColumn', 'en')).toBe('Some new column');
  });

  it('writes values as words: yes/no, dates, lists, texts in several languages, no JSON', () => {
    expect(auditValueText(false, 'en')).toBe('no');
    expect(auditValueText(true, 'fr')).toBe('oui');
    expect(auditValueText('2024-10-07', 'fr')).toBe('7 octobre 2024');
    expect(auditValueText(['BGD', 'KEN'], 'en')).toBe('BGD, KEN');
    expect(auditValueText({ en: 'Training', fr: 'Formation' }, 'fr')).toBe('Formation');
    expect(auditValueText('submitted', 'es')).toBe('presentado');
    expect(auditValueText(null, 'en')).toBe('empty');
    const nested = auditValueText({ status: 'draft', isPublic: true }, 'en');
    expect(nested).toBe('Status: draft; Public: yes');
    expect(nested).not.toMatch(/[{}"]/);
  });
});
