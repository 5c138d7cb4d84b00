import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.tsx';
import type { Database } from '../db/database.ts';
import { openTestDatabase, testBackends } from '../db/test-database.ts';
import { loadReferenceLabels } from '../reference/labels.ts';
import { loadReportDocument } from '../reports/document/report-document.ts';
import { importEtripsFile } from './import-file.ts';
import { shapeCases } from './test-pages.ts';

const folder = mkdtempSync(join(tmpdir(), 'ipcoop-imported-view-'));
const shape = (prefix: string) => {
  const found = shapeCases.find((c) => c.name.startsWith(prefix));
  if (!found) throw new Error(`no test page ${prefix}`);
  const file = join(folder, `${prefix}.txt`);
  writeFileSync(file, found.text);
  return file;
};

describe.each(testBackends)('an imported report as the hub shows it (%s database)', (backend) => {
  let database: Database;
  let japan: number;
  let australia: number;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
    const stored = async (prefix: string) => {
      const result = await importEtripsFile(database.db, shape(prefix), {});
      if (!result.stored) throw new Error(JSON.stringify(result.problems));
      return result.stored.reportId;
    };
    japan = await stored('Japan');
    australia = await stored('Australia');
  });
  afterAll(async () => {
    await database?.close();
  });

  it('shows the period as precisely as the page gave it, with its symbol and circulation date', async () => {
    const html = await (await createApp(database).request(`/en/reports/${japan}`)).text();
    expect(html).toContain('April 2019 – March 2020');
    expect(html).toContain('IP/C/R/TC/JPN/Add.1');
    expect(html).toContain('2 October 2020');
    const fr = await (await createApp(database).request(`/fr/reports/${australia}`)).text();
    expect(fr).toContain('novembre 2016 – octobre 2017');
    // The hub's own title and a plain sentence of provenance, never the e-TRIPS heading or a file name.
    expect(fr).toContain('Activités de coopération technique de l’Australie, ');
    expect(fr).toContain('Importé du portail e-TRIPS de l’OMC');
    expect(fr).not.toContain('Afficher les détails du document');
    expect(fr).not.toMatch(/\.txt\b/);
    expect(html).toContain('Imported from the WTO e-TRIPS Gateway');
  });

  it('shows the preamble, the headings and the paragraph numbers as written on the page', async () => {
    const html = await (await createApp(database).request(`/en/reports/${australia}`)).text();
    expect(html).toMatch(/<h3>1 OVERVIEW<\/h3>/);
    expect(html).toMatch(/<h3>1\.2 Programmes of the Office<\/h3>/);
    expect(html).toMatch(
      /<span class="paragraph-number">1\.2\.1<\/span>The Regional Patent Examination Training/,
    );
    const japanHtml = await (await createApp(database).request(`/en/reports/${japan}`)).text();
    expect(japanHtml).toMatch(/<p class="preamble">The following communication, dated 2 October 2020/);
  });

  it('writes the same outline and period into the Word document', async () => {
    const labels = await loadReferenceLabels(database.db);
    const doc = await loadReportDocument(database.db, australia, 'en', labels);
    expect(doc?.period).toContain('November 2016 – October 2017');
    expect(doc?.outline.map((b) => b.number)).toEqual(['1', '1.1', '1.2', '1.2.1', '1.2.2']);
    const docx = await createApp(database).request(`/en/reports/${australia}.docx`);
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(await docx.arrayBuffer()) })).value;
    expect(text).toMatch(/1\.2 Programmes of the Office/);
    expect(text).toMatch(/1\.2\.1\s+The Regional Patent Examination Training/);
  });
});
