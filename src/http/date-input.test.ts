import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DateField } from './form-fields.tsx';

const root = fileURLToPath(new URL('../', import.meta.url));
const views = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return views(path);
    return /\.tsx$/.test(entry.name) && !/\.test\.tsx$/.test(entry.name) ? [path] : [];
  });

describe('dates in forms', () => {
  it('are never a browser date picker: no type="date" in any view', () => {
    const pickers = views(root).filter((path) => /type=["{']+date["}']/.test(readFileSync(path, 'utf8')));
    expect(pickers).toEqual([]);
  });

  it('are one text field with the format beside it, in the page’s language', () => {
    const fr = String(
      DateField({ name: 'start', label: 'Début', lang: 'fr', precision: 'any', value: '2024' }),
    );
    expect(fr).toContain('type="text"');
    expect(fr).toContain('value="2024"');
    expect(fr).toContain('AAAA, AAAA-MM ou AAAA-MM-JJ');
    expect(fr).toContain('aria-describedby="start-format"');
    const es = String(DateField({ name: 'due', label: 'Plazo', lang: 'es', precision: 'day' }));
    expect(es).toContain('>AAAA-MM-DD<');
  });
});
