import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type CatalogueSource, vocabulary } from './catalogue.ts';

/*
 * Every catalogue in the tree, read as data: one English text must have one French and one
 * Spanish translation everywhere, unless the entries declare different contexts; a vocabulary term
 * is not written again in a feature; French puts a narrow no-break space before a colon.
 */
const root = fileURLToPath(new URL('../', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const isCatalogue = (value: unknown): value is { catalogues: CatalogueSource } =>
  typeof value === 'function' && 'catalogues' in value;

type Entry = { where: string; key: string; en: string; fr: string; es: string; context: string };

const definitions = sourceFiles(root).flatMap((path) => {
  const count = readFileSync(path, 'utf8').match(/=\s*defineMessages\(/g)?.length ?? 0;
  return count > 0 ? [{ path, file: relative(root, path), count }] : [];
});

const catalogues = await Promise.all(
  definitions.map(async ({ path, file, count }) => {
    const module: Record<string, unknown> = await import(path);
    const found = Object.entries(module).filter(([, value]) => isCatalogue(value)) as Array<
      [string, { catalogues: CatalogueSource }]
    >;
    return { file, count, found };
  }),
);

const featureCatalogues = catalogues.flatMap(({ file, found }) =>
  found
    .filter(([, value]) => value !== vocabulary)
    .map(([name, value]) => ({ where: `${file} ${name}`, source: value.catalogues })),
);

function entriesOf(where: string, source: CatalogueSource): Entry[] {
  return Object.keys(source.en).map((key) => ({
    where,
    key,
    en: source.en[key] ?? '',
    fr: source.fr[key] ?? '',
    es: source.es[key] ?? '',
    context: source.contexts?.[key] ?? '',
  }));
}

const vocabularyEntries = entriesOf('i18n/vocabulary.ts', vocabulary.catalogues);
const featureEntries = featureCatalogues.flatMap(({ where, source }) => entriesOf(where, source));
const allEntries = [...vocabularyEntries, ...featureEntries];
const sense = (entry: Entry) => `${JSON.stringify(entry.en)}${entry.context ? ` (${entry.context})` : ''}`;
const at = (entry: Entry) => `${entry.where} › ${entry.key}`;

describe('the catalogues in the tree', () => {
  it('are all found and exported, so this test reads them', () => {
    expect(featureCatalogues.length).toBeGreaterThanOrEqual(15);
    const hidden = catalogues
      .filter(({ count, found }) => found.length < count)
      .map(({ file }) => `${file}: export every defineMessages(…) so the vocabulary test can read it`);
    expect(hidden).toEqual([]);
  });

  it.each(['fr', 'es'] as const)(
    'give one English text one %s translation, context by context',
    (language) => {
      const seen = new Map<string, Entry>();
      const clashes: string[] = [];
      for (const entry of allEntries) {
        const id = `${entry.en}\u0000${entry.context}`;
        const first = seen.get(id);
        if (!first) seen.set(id, entry);
        else if (first[language] !== entry[language]) {
          clashes.push(
            `${sense(entry)}: ${JSON.stringify(first[language])} at ${at(first)}, ${JSON.stringify(entry[language])} at ${at(entry)}`,
          );
        }
      }
      expect(clashes).toEqual([]);
    },
  );

  it('do not write a vocabulary term again: a feature points to it in `shared`', () => {
    const terms = new Map(vocabularyEntries.map((entry) => [`${entry.en}\u0000${entry.context}`, entry.key]));
    const repeated = featureEntries
      .filter((entry) => terms.has(`${entry.en}\u0000${entry.context}`))
      .map(
        (entry) =>
          `${at(entry)} repeats ${sense(entry)}: use shared: { ${entry.key}: '${terms.get(`${entry.en}\u0000${entry.context}`)}' }`,
      );
    expect(repeated).toEqual([]);
  });

  it('leave no text in two features: a term used by several belongs to the vocabulary', () => {
    const homes = new Map<string, Entry[]>();
    for (const entry of featureEntries) {
      const id = `${entry.en}\u0000${entry.context}`;
      homes.set(id, [...(homes.get(id) ?? []), entry]);
    }
    const spread = [...homes.values()]
      // A feature is a top folder of src: its sub-folders (drafting/draft, drafting/spreadsheet…) may
      // share the feature's own strings, as the drafting rooms do.
      .filter((entries) => new Set(entries.map((entry) => entry.where.split('/')[0])).size > 1)
      .map((entries) => `${sense(entries[0] as Entry)} in ${entries.map(at).join(', ')}`);
    expect(spread).toEqual([]);
  });

  it('give no feature key the name of a vocabulary term, so `text(lang)(term)` always means the term', () => {
    const shadowing = featureCatalogues.flatMap(({ where, source }) =>
      Object.keys(source.en)
        .filter((key) => key in vocabulary.catalogues.en)
        .map((key) => `${where} › ${key}: rename it, the vocabulary has a term of that name`),
    );
    expect(shadowing).toEqual([]);
  });

  it('point `shared` keys only to vocabulary terms, and translate every English key', () => {
    const problems: string[] = [];
    for (const { where, source } of featureCatalogues) {
      for (const [key, term] of Object.entries(source.shared ?? {})) {
        if (!(term in vocabulary.catalogues.en))
          problems.push(`${where} › ${key}: no vocabulary term "${term}"`);
        if (key in source.en) problems.push(`${where} › ${key}: both its own text and a shared term`);
      }
    }
    for (const entry of allEntries) {
      if (!entry.fr || !entry.es) problems.push(`${at(entry)}: missing a translation`);
    }
    expect(problems).toEqual([]);
  });

  it('put a narrow no-break space before every French colon', () => {
    const wrong = allEntries
      .filter((entry) => /(^|[^\u202f]):(\s|$)/.test(entry.fr))
      .map((entry) => `${at(entry)}: ${JSON.stringify(entry.fr)}`);
    expect(wrong).toEqual([]);
  });

  it('keep the same placeholders in the three languages', () => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    const differing = allEntries
      .filter(
        (entry) =>
          names(entry.fr).join() !== names(entry.en).join() ||
          names(entry.es).join() !== names(entry.en).join(),
      )
      .map(at);
    expect(differing).toEqual([]);
  });
});

describe('a feature catalogue', () => {
  it('shows the shared term for a `shared` key and for a vocabulary key used directly', async () => {
    const { defineMessages } = await import('./catalogue.ts');
    const text = defineMessages({
      shared: { colStatus: 'fieldStatus' },
      en: { own: 'Own {n}' },
      fr: { own: 'Propre {n}' },
      es: { own: 'Propio {n}' },
    });
    expect(text('fr')('colStatus')).toBe(vocabulary('fr')('fieldStatus'));
    expect(text('es')('reportSubmitted')).toBe('Presentado');
    expect(text('fr')('own', { n: 2 })).toBe('Propre 2');
  });
});
