import { describe, expect, it } from 'vitest';
import { iatiSchemaErrors, xmlSyntaxErrors } from './xml.ts';

describe('XML checks for tests (libxml2 in WebAssembly)', () => {
  it('finds what is not well-formed, and nothing in what is', async () => {
    expect(await xmlSyntaxErrors('<svg><g><path/></g></svg>')).toEqual([]);
    const errors = await xmlSyntaxErrors('<svg><g></svg>');
    expect(errors.join('\n')).toContain('Opening and ending tag mismatch');
  });

  it('holds a document to the IATI 2.03 activities schema', async () => {
    const activity = (body: string) =>
      `<iati-activities version="2.03" generated-datetime="2025-06-01T12:00:00Z"><iati-activity>${body}</iati-activity></iati-activities>`;
    const missing = await iatiSchemaErrors(activity(''));
    expect(missing.join('\n')).toContain("Element 'iati-activity': Missing child element(s)");
    const unknown = await iatiSchemaErrors(
      activity('<iati-identifier>CA-1</iati-identifier><no-such-element/>'),
    );
    expect(unknown.join('\n')).toContain("'no-such-element'");
  });
});
