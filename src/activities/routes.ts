import { createHash } from 'node:crypto';
import { type Context, Hono } from 'hono';
import type { Db } from '../db/database.ts';
import { parseColumns, type RowContext } from '../exports/columns.ts';
import type { DownloadCache } from '../exports/download-cache.ts';
import { maxDownloadActivities } from '../exports/limits.ts';
import { type DownloadFormat, downloadStream, exportBatches } from '../exports/stream.ts';
import { cachedByKeyWhileUnchanged, type JsonText, jsonText, sendJson } from '../http/kept-answers.ts';
import { problemJson } from '../http/problem.ts';
import { positiveId } from '../http/request.ts';
import { isLanguage } from '../i18n/languages.ts';
import type { ReferenceLabels } from '../reference/labels.ts';
import { registryVersion } from '../reports/registry-version.ts';
import { activityDetail } from './detail.ts';
import { countActivityFacets } from './facets.ts';
import { type ActivityFilters, activityFilters } from './filters.ts';
import { listActivities, matchingActivityIds } from './service.ts';

const formats = ['csv', 'xlsx', 'json', 'iati'] as const satisfies DownloadFormat[];
type Format = (typeof formats)[number];

const contentTypes: Record<Format, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
  iati: 'application/xml; charset=utf-8',
};

/** The filters of the query string, or the 400 problem document that says what is wrong. */
function parseFilters(c: Context): { filters: ActivityFilters } | { problem: Response } {
  const parsed = activityFilters.safeParse(c.req.query());
  if (parsed.success) return { filters: parsed.data };
  return {
    problem: problemJson(
      c,
      400,
      'Some filters are not valid.',
      parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })),
    ),
  };
}

const attachment = (format: Format) => {
  const day = new Date().toISOString().slice(0, 10);
  const extension = format === 'iati' ? 'xml' : format;
  return `attachment; filename="ipcoop-activities-${day}${format === 'iati' ? '-iati' : ''}.${extension}"`;
};

/**
 * A download's validator, known before it is written: the same address gives the same file while
 * the registry is unchanged (and on the same day, which is in its name). Without it the ETag
 * middleware would read the whole stream to hash it before sending the first byte.
 */
async function downloadTag(db: Db, url: string): Promise<string> {
  const day = new Date().toISOString().slice(0, 10);
  const key = `${await registryVersion(db)} ${day} ${url}`;
  return `W/"${createHash('sha1').update(key).digest('base64url')}"`;
}

export function activityRoutes(
  db: Db,
  labels: () => Promise<ReferenceLabels>,
  downloads: DownloadCache | null = null,
) {
  const app = new Hono();
  // The same questions come again and again (scripts polling, a popular word): each answer is
  // kept until the registry changes, in this process or any other (500 answers, LRU).
  const answersOf = cachedByKeyWhileUnchanged<JsonText>(() => registryVersion(db), 500);
  // One activity's record, likewise (null: there is no such public activity).
  const recordsOf = cachedByKeyWhileUnchanged<JsonText | null>(() => registryVersion(db), 2000);

  app.get('/api/v1/activities', async (c) => {
    const format = c.req.query('format');
    if (format === undefined || format === '') {
      const parsed = parseFilters(c);
      if ('problem' in parsed) return parsed.problem;
      const { filters } = parsed;
      return sendJson(
        c,
        await answersOf(`list ${JSON.stringify(filters)}`, async () =>
          jsonText(await listActivities(db, filters)),
        ),
      );
    }
    if (!formats.includes(format as Format)) {
      return problemJson(c, 400, 'Unknown format.', [
        { field: 'format', message: `one of ${formats.join(', ')}` },
      ]);
    }
    return download(c, format as Format);
  });

  /** Every match of the filters (not one page) in the chosen format, labels in `lang`. */
  async function download(c: Context, format: Format) {
    const parsed = parseFilters(c);
    if ('problem' in parsed) return parsed.problem;
    const langParam = c.req.query('lang') ?? 'en';
    if (!isLanguage(langParam))
      return problemJson(c, 400, 'Unknown language.', [{ field: 'lang', message: 'en, fr or es' }]);
    // The column chooser sends columns=a&columns=b; scripts may send columns=a,b.
    const columns = parseColumns(c.req.queries('columns')?.join(','));
    if ('error' in columns)
      return problemJson(c, 400, columns.error, [{ field: 'columns', message: columns.error }]);
    const tag = await downloadTag(db, c.req.url);
    const headers = {
      'Content-Type': contentTypes[format],
      'Content-Disposition': attachment(format),
      ETag: tag,
    };
    // Someone in this process is writing the same file: wait for it rather than write it twice.
    await downloads?.written(tag, 30_000);
    const kept = downloads?.read(tag);
    if (kept) return c.body(kept.body, 200, { ...headers, 'Content-Length': String(kept.bytes) });
    // From here until its writing ends, others asking for the same file in this process wait.
    const writer = downloads?.claim(tag) ?? null;
    let writing = false;
    try {
      const ids = await matchingActivityIds(db, parsed.filters, maxDownloadActivities);
      if (format === 'iati' && ids.length === 0) {
        return problemJson(
          c,
          404,
          'No activity matches these filters; an IATI file must hold at least one activity.',
        );
      }
      const context: RowContext = {
        lang: langParam,
        labels: await labels(),
        baseUrl: new URL(c.req.url).origin,
      };
      const body = downloadStream(
        () => exportBatches(db, ids),
        ids.length,
        { format, columns: columns.columns, context, query: c.req.queries() },
        // The answer has started: the error can only end it early; the log says why (console goes to the log).
        (error) => console.error(`download stopped early (${format}):`, error),
      );
      writing = true;
      return c.body(writer ? writer.keep(body) : body, 200, headers);
    } finally {
      if (!writing) writer?.drop();
    }
  }

  // Before /:id, which would otherwise take "facets" for an id.
  app.get('/api/v1/activities/facets', async (c) => {
    const parsed = parseFilters(c);
    if ('problem' in parsed) return parsed.problem;
    const { filters } = parsed;
    return sendJson(
      c,
      await answersOf(`facets ${JSON.stringify(filters)}`, async () =>
        jsonText(await countActivityFacets(db, filters)),
      ),
    );
  });

  app.get('/api/v1/activities/:id', async (c) => {
    const id = positiveId(c.req.param('id'));
    if (!id) return problemJson(c, 400, 'The activity id must be a whole number from 1 to 2147483647.');
    const answer = await recordsOf(String(id), async () => {
      const activity = await activityDetail(db, id);
      if (!activity) return null;
      // Who may confirm the elements is the page's business, not the API's.
      const { elementParties: _parties, ...shown } = activity;
      return jsonText(shown);
    });
    if (!answer) return problemJson(c, 404, `There is no activity ${id}.`);
    return sendJson(c, answer);
  });

  return app;
}
