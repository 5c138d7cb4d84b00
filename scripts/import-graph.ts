/**
 * Prints the shape of the import graph of src/ (tests excluded): pairs of top-level folders that
 * import each other, the files over 600 lines, and which files make each folder pair.
 * Cycles between files are refused by the linter (biome's noImportCycles); this shows the rest.
 *   npx tsx scripts/import-graph.ts [--detail]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', 'src');
const isSource = (name: string) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name);
const files = readdirSync(root, { recursive: true })
  .map(String)
  .filter(isSource)
  .map((name) => join(root, name));

const importPattern =
  /(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;
const topFolder = (file: string) => relative(root, file).split('/')[0] ?? '';

const edges = new Map<string, Set<string>>();
const longFiles: string[] = [];
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n').length;
  if (lines > 600) longFiles.push(`${relative(root, file)} (${lines})`);
  for (const match of text.matchAll(importPattern)) {
    const target = resolve(dirname(file), match[1] ?? match[2] ?? '');
    const [from, to] = [topFolder(file), topFolder(target)];
    if (from === to || from.includes('.') || to.includes('.')) continue;
    const key = `${from} -> ${to}`;
    if (!edges.has(key)) edges.set(key, new Set());
    edges.get(key)?.add(`${relative(root, file)} -> ${relative(root, target)}`);
  }
}

const pairs = [...edges.keys()]
  .map((key) => key.split(' -> ') as [string, string])
  .filter(([a, b]) => a < b && edges.has(`${b} -> ${a}`));
console.log(`${pairs.length} pairs of top-level folders import each other`);
for (const [a, b] of pairs) {
  console.log(`  ${a} <-> ${b}`);
  if (process.argv.includes('--detail'))
    for (const edge of [...(edges.get(`${a} -> ${b}`) ?? []), ...(edges.get(`${b} -> ${a}`) ?? [])])
      console.log(`      ${edge}`);
}
console.log(`${longFiles.length} source files over 600 lines`);
for (const file of longFiles) console.log(`  ${file}`);
