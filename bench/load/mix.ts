/*
 * What bench:load asks for, and how often: a list anyone can extend (a search-speed study adds
 * its queries here, or passes its own module with --mix). Each entry is one request; `weight` is
 * its share of the mix; `download` marks the large answers whose timeout the runner lengthens.
 */

import { popularBeneficiaries, sampleQueries } from '../synthetic-registry.ts';

/** What the requests may need to know of the registry under load. */
export type LoadContext = { reportId: number; programmeId: number };

export type LoadRequest = {
  name: string;
  weight: number;
  path: string | ((context: LoadContext) => string);
  method?: 'GET';
  headers?: Record<string, string>;
  download?: boolean;
};

export const requestMix: LoadRequest[] = [
  { name: 'home', weight: 15, path: '/en/' },
  { name: 'search page', weight: 15, path: '/en/search?q=patent' },
  { name: 'search page, French, filtered', weight: 10, path: '/fr/search?q=formation&ldc=1' },
  { name: 'report page', weight: 10, path: (c) => `/es/reports/${c.reportId}` },
  { name: 'reports list', weight: 5, path: '/en/reports' },
  { name: 'programme page', weight: 5, path: (c) => `/en/programmes/${c.programmeId}` },
  { name: 'activities API', weight: 15, path: '/api/v1/activities?q=training' },
  { name: 'facets API', weight: 5, path: '/api/v1/activities/facets' },
  { name: 'stylesheet', weight: 10, path: '/static/site.css', headers: { 'Accept-Encoding': 'br, gzip' } },
  { name: 'activities CSV download', weight: 4, path: '/api/v1/activities?format=csv', download: true },
  { name: 'activities XLSX download', weight: 2, path: '/api/v1/activities?format=xlsx', download: true },
  { name: 'report PDF download', weight: 2, path: (c) => `/en/reports/${c.reportId}.pdf`, download: true },
  { name: 'report DOCX download', weight: 2, path: (c) => `/en/reports/${c.reportId}.docx`, download: true },
];

/**
 * The mix over the benchmark's synthetic registry (`npm run bench -- --keep`): the bench's own
 * queries in the three interface languages, with and without filters (a popular beneficiary, a
 * big donor, a span of years, LDCs only), pages 1–5; activity pages; the API; and one download in
 * fifty (the CSV or XLSX of a search's results).
 */
export function registryMix(activities: number, seed = 7): LoadRequest[] {
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const languages = ['en', 'fr', 'es'] as const;
  const donors = ['USA', 'JPN', 'EU', 'WIPO', 'CHE', 'DEU', 'GBR', 'FRA', 'AUS', 'CAN'];
  const filtersOf = () => {
    const filters = new URLSearchParams({ q: pick(sampleQueries) });
    const roll = random();
    if (roll < 0.25) filters.set('beneficiary', pick(popularBeneficiaries));
    else if (roll < 0.4) filters.set('donor', pick(donors));
    else if (roll < 0.5) filters.set('ldc', '1');
    if (random() < 0.2) {
      const from = 1996 + Math.floor(random() * 25);
      filters.set('from', String(from));
      filters.set('to', String(Math.min(2025, from + 5)));
    }
    return filters;
  };
  const mix: LoadRequest[] = [];
  for (let i = 0; i < 240; i++) {
    const filters = filtersOf();
    const page = 1 + Math.floor(random() * random() * 5);
    if (page > 1) filters.set('page', String(page));
    mix.push({ name: 'search page', weight: 1, path: `/${pick(languages)}/search?${filters}` });
  }
  for (let i = 0; i < 80; i++) {
    const id = 1 + Math.floor(random() * activities);
    mix.push({ name: 'activity page', weight: 1, path: `/${pick(languages)}/activities/${id}` });
  }
  for (let i = 0; i < 50; i++)
    mix.push({ name: 'activities API', weight: 1, path: `/api/v1/activities?${filtersOf()}` });
  for (let i = 0; i < 10; i++) {
    mix.push({ name: 'facets API', weight: 1, path: `/api/v1/activities/facets?${filtersOf()}` });
  }
  mix.push({ name: 'home', weight: 6, path: '/en/' }, { name: 'home', weight: 4, path: '/fr/' });
  mix.push({
    name: 'stylesheet',
    weight: 12,
    path: '/static/site.css',
    headers: { 'Accept-Encoding': 'br, gzip' },
  });
  // One request in fifty is a download of a search's results.
  const total = mix.reduce((sum, entry) => sum + entry.weight, 0);
  for (let i = 0; i < Math.round(total / 49); i++) {
    const filters = filtersOf();
    filters.set('format', i % 3 === 2 ? 'xlsx' : 'csv');
    mix.push({ name: 'results download', weight: 1, path: `/api/v1/activities?${filters}`, download: true });
  }
  return mix;
}

/**
 * The mix as a sequence each client walks through in turn: every entry as often as its weight
 * says, shuffled with a fixed seed so that runs compare.
 */
export function mixSequence(mix: LoadRequest[], context: LoadContext) {
  const sequence = mix.flatMap((entry) =>
    Array.from({ length: entry.weight }, () => ({
      method: entry.method ?? 'GET',
      path: typeof entry.path === 'function' ? entry.path(context) : entry.path,
      headers: entry.headers ?? {},
    })),
  );
  let seed = 42;
  for (let i = sequence.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const j = seed % (i + 1);
    [sequence[i], sequence[j]] = [
      sequence[j] as (typeof sequence)[number],
      sequence[i] as (typeof sequence)[number],
    ];
  }
  return sequence;
}
