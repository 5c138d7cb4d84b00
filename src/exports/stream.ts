import { PassThrough, Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import pLimit from 'p-limit';
import type { Db } from '../db/database.ts';
import type { ColumnKey, RowContext } from './columns.ts';
import { activitiesCsvChunks } from './csv.ts';
import { activitiesIatiChunks, type IatiOptions } from './iati.ts';
import { activitiesJsonChunks, type JsonExportOptions } from './json.ts';
import { type ExportActivity, type LoadExportOptions, loadExportActivities } from './load.ts';
import { writeActivitiesXlsx } from './xlsx.ts';

/*
 * Downloads of up to 20,000 activities are written as they are read, a few hundred activities at a
 * time, instead of being built whole: memory stays bounded, and the event loop turns between
 * batches, so the search pages served by the same process are not held up for seconds. At most
 * two downloads per process are written at once; the others wait their turn (their answer has
 * started, so clients and proxies see a slow download, not a refused one).
 */

/** Activities per batch: one round of queries, and under ~50 ms of formatting for any format. */
export const exportBatchSize = 250;

/** Downloads written at once by one process; more would only share the same two cores. */
const concurrentDownloads = pLimit(2);

/** The activities with these ids, in order, a batch at a time. */
export async function* exportBatches(
  db: Db,
  ids: number[],
  options: LoadExportOptions = {},
  size = exportBatchSize,
): AsyncGenerator<ExportActivity[]> {
  for (let start = 0; start < ids.length; start += size) {
    const batch = await loadExportActivities(db, ids.slice(start, start + size), options);
    if (batch.length > 0) yield batch;
    // Formatting a batch is synchronous work: let waiting requests run before the next one.
    await nextTurn();
  }
}

export type DownloadFormat = 'csv' | 'xlsx' | 'json' | 'iati';

type DownloadOptions = {
  format: DownloadFormat;
  columns: ColumnKey[];
  context: RowContext;
  /** For the JSON document: the query as received. */
  query: Record<string, string | string[]>;
};

/**
 * The body of a download as a stream, written in its turn among this process's downloads. An
 * error after the answer has started can only end the stream early; it is reported to the caller.
 */
export function downloadStream(
  batches: () => AsyncIterable<ExportActivity[]>,
  total: number,
  { format, columns, context, query }: DownloadOptions,
  onError: (error: unknown) => void,
): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  const closed = new Promise<void>((resolve) => output.once('close', resolve));
  const write = async () => {
    if (format === 'xlsx') return writeActivitiesXlsx(batches(), columns, context, output);
    const chunks =
      format === 'csv'
        ? activitiesCsvChunks(batches(), columns, context)
        : format === 'json'
          ? activitiesJsonChunks(batches(), { ...context, query, total } satisfies JsonExportOptions)
          : activitiesIatiChunks(batches(), context satisfies IatiOptions);
    for await (const chunk of chunks) if (!(await writeChunk(output, chunk))) return;
    output.end();
  };
  concurrentDownloads(async () => {
    try {
      // A client that leaves closes the stream: its turn ends there, whatever the writer was doing.
      await Promise.race([write(), closed]);
    } catch (error) {
      onError(error);
      output.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  });
  // Counted in bytes: by default the web stream counts chunks and would take thousands of them.
  return Readable.toWeb(output, {
    strategy: new ByteLengthQueuingStrategy({ highWaterMark: 64 * 1024 }),
  }) as ReadableStream<Uint8Array>;
}

/**
 * Writes with back-pressure, so a slow client never makes the process buffer the whole file.
 * False once the stream is closed (the client left).
 */
async function writeChunk(output: PassThrough, chunk: string): Promise<boolean> {
  if (output.destroyed) return false;
  if (output.write(chunk)) return true;
  return new Promise((resolve) => {
    const settle = (open: boolean) => () => {
      output.off('drain', onDrain);
      output.off('close', onClose);
      resolve(open);
    };
    const onDrain = settle(true);
    const onClose = settle(false);
    output.once('drain', onDrain);
    output.once('close', onClose);
  });
}
