/*
 * What bench:load asks for, and how often: a list anyone can extend (a search-speed study adds
 * its queries here, or passes its own module with --mix). Each entry is one request; `weight` is
 * its share of the mix; `download` marks the large answers whose timeout the runner lengthens.
 */

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
