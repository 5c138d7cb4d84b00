import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.tsx';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { seedIncentivesDemo } from '../demo/incentives-demo.ts';
import { seedNeedsDemo } from '../demo/needs-demo.ts';
import { seedResultsDemo } from '../demo/results-demo.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { exampleResponses } from './examples.ts';
import { apiOperations } from './operations.ts';

/** The shape of a JSON value: keys of objects, the shape of a list's first item, else the type. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.length ? [shape(value[0])] : [];
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, inner]) => [key, shape(inner)]),
    );
  }
  return value === null ? 'null' : typeof value;
}

/** Every key the example shows exists in the real answer with the same kind of value. */
function fits(example: unknown, real: unknown, where = '$'): string[] {
  if (example === null || real === null) return [];
  if (Array.isArray(example)) {
    if (!Array.isArray(real)) return [`${where}: a list in the example, not in the answer`];
    return example.length && real.length ? fits(example[0], real[0], `${where}[0]`) : [];
  }
  if (typeof example === 'object') {
    if (typeof real !== 'object' || Array.isArray(real)) return [`${where}: an object in the example only`];
    return Object.entries(example as Record<string, unknown>).flatMap(([key, inner]) =>
      key in (real as object)
        ? fits(inner, (real as Record<string, unknown>)[key], `${where}.${key}`)
        : [`${where}.${key}: not in the answer`],
    );
  }
  return typeof example === typeof real
    ? []
    : [`${where}: ${typeof example} in the example, ${typeof real} in the answer`];
}

describe('API documentation', () => {
  let database: Database;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    database = await openTestDatabase('embedded');
    await seedDemo(database.db);
    await seedNeedsDemo(database.db);
    await seedResultsDemo(database.db);
    await seedIncentivesDemo(database.db);
    app = createApp(database);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('sends /api/v1/docs to the docs in the visitor’s language', async () => {
    const answer = await app.request('/api/v1/docs', { headers: { 'Accept-Language': 'es-ES,es;q=0.9' } });
    expect(answer.status).toBe(302);
    expect(answer.headers.get('location')).toBe('/es/api/v1/docs');
    expect(answer.headers.get('vary')).toContain('Accept-Language');
  });

  it('describes every route and parameter in French and Spanish, with the language switcher staying on the docs', async () => {
    const french = await (await app.request('/fr/api/v1/docs')).text();
    expect(french).toContain('Rechercher des activités, ou télécharger tous les résultats');
    expect(french).toContain('Numéro de page, à partir de 1.');
    expect(french).toContain('Exemple de réponse');
    expect(french).toContain('href="/es/api/v1/docs"');
    const spanish = await (await app.request('/es/api/v1/docs')).text();
    expect(spanish).toContain('Recuentos por donante, beneficiario');
    expect(spanish).toContain('Código de la parte beneficiaria, por ejemplo CRI.');
    const english = await (await app.request('/en/api/v1/docs')).text();
    expect(english).not.toContain('paramQ');
    for (const op of apiOperations) expect(english).toContain(`GET ${op.path}`);
  });

  it('shows an example for every route, each the shape of what the route answers', async () => {
    for (const op of apiOperations) {
      const example = exampleResponses[op.path];
      expect(example, op.path).toBeDefined();
      if (!example) continue;
      const answer = await app.request(example.path);
      expect(answer.status, example.path).toBe(200);
      if ('body' in example) {
        const real = await answer.json();
        expect(fits(example.body, real), example.path).toEqual([]);
        expect(Object.keys(shape(real) as object), example.path).toEqual(
          expect.arrayContaining(Object.keys(shape(example.body) as object)),
        );
      } else {
        expect(await answer.text()).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
      }
    }
  });

  it('keeps the OpenAPI document in English', async () => {
    const spec = (await (await app.request('/api/v1/openapi.json')).json()) as {
      paths: Record<string, { get: { summary: string } }>;
    };
    expect(spec.paths['/api/v1/activities']?.get.summary).toBe('Search activities, or download every match');
  });
});
