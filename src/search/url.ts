/** The search parameters that a URL carries, in a stable order so that links are canonical. */
export const searchParamOrder = [
  'q',
  'donor',
  'beneficiary',
  'region',
  'ldc',
  'ipArea',
  'element',
  'type',
  'level',
  'status',
  'report',
  'reporter',
  'cycle',
  'from',
  'to',
  'sort',
  'pageSize',
  'page',
] as const;
export type SearchParamName = (typeof searchParamOrder)[number];
export type SearchParams = Partial<Record<SearchParamName, string | number | boolean | undefined>>;

/**
 * A query string from the current parameters with some changed: undefined removes a parameter.
 * Changing any filter goes back to page 1 unless the page itself is what changes.
 */
export function searchQuery(current: SearchParams, changes: SearchParams = {}): string {
  const merged: SearchParams = { ...current, ...changes };
  if (!('page' in changes)) merged.page = undefined;
  const params = new URLSearchParams();
  for (const name of searchParamOrder) {
    const value = merged[name];
    if (value === undefined || value === '' || value === false) continue;
    if (name === 'page' && Number(value) <= 1) continue;
    params.set(name, value === true ? '1' : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
