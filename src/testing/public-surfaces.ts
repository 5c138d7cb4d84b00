/**
 * Every public address where an activity of Canada benefiting Nepal, or a word of its title, could
 * show: party pages, home figures, search (HTML and API), facets, downloads, reports and the feed.
 * Tests of what drafts keep to themselves read each before and after a change.
 */
export function publicSurfaces(secret: string): string[] {
  return [
    '/en/parties/NPL',
    '/en/parties/CAN',
    '/api/v1/parties/NPL',
    '/api/v1/parties/CAN',
    '/en/',
    '/fr/',
    `/en/search?q=${secret}`,
    '/en/search?beneficiary=NPL',
    '/en/search',
    `/api/v1/activities?q=${secret}`,
    '/api/v1/activities?beneficiary=NPL',
    '/api/v1/activities?donor=CAN&pageSize=100',
    '/api/v1/activities/facets?beneficiary=NPL',
    '/api/v1/activities/facets',
    '/api/v1/activities?format=csv&beneficiary=NPL',
    '/api/v1/activities?format=json&beneficiary=NPL',
    '/api/v1/activities?format=iati&beneficiary=NPL',
    '/api/v1/activities?format=csv&donor=CAN',
    '/en/reports',
    '/api/v1/reports',
    '/en/reports/feed.atom',
    '/en/reports/feed.atom?beneficiary=NPL',
  ];
}

/** Addresses whose JSON must read exactly as before (generatedAt aside). */
export const exactJsonSurfaces = [
  '/api/v1/parties/NPL',
  '/api/v1/parties/CAN',
  '/api/v1/activities/facets?beneficiary=NPL',
  '/api/v1/activities/facets',
  '/api/v1/activities?beneficiary=NPL',
  '/api/v1/activities?donor=CAN&pageSize=100',
  '/api/v1/activities?format=json&beneficiary=NPL',
];
