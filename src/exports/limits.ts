/** The most activities one download may hold: above it, people are asked to narrow the filters. */
export const maxDownloadActivities = 20_000;
