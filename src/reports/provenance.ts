/** Provenance written on reports started in the hub. */
export const draftSource = 'drafted in ipcoop';

/** Where a report comes from: an e-TRIPS page, the hub's own drafting, or something else. */
export function reportOrigin(source: string): 'etrips' | 'hub' | 'other' {
  if (source.startsWith('e-TRIPS page')) return 'etrips';
  return source === draftSource ? 'hub' : 'other';
}
