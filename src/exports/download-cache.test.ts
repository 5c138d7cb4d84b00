import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.tsx';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { downloadCache } from './download-cache.ts';

const folders: string[] = [];
const newFolder = () => {
  const folder = mkdtempSync(join(tmpdir(), 'ipcoop-download-cache-'));
  folders.push(folder);
  return folder;
};
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

const streamOf = (chunks: string[], failAtEnd = false) =>
  new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks.shift();
      if (next !== undefined) controller.enqueue(new TextEncoder().encode(next));
      else if (failAtEnd) controller.error(new Error('the database went away'));
      else controller.close();
    },
  });
const textOf = async (stream: ReadableStream<Uint8Array>) => new Response(stream).text();
/** The rename happens once the file is flushed, just after the reader sees the end. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 50));
/** Waits (up to 5 s, for a busy machine) until the condition holds. */
async function eventually(condition: () => boolean) {
  for (let i = 0; i < 100 && !condition(); i++) await settled();
  return condition();
}

describe('finished downloads kept on disk', () => {
  it('keeps a download read to its end and gives it back whole', async () => {
    const cache = downloadCache(newFolder(), 1024 * 1024);
    expect(cache.read('tag-a')).toBeNull();
    expect(await textOf(cache.claim('tag-a').keep(streamOf(['id,title\n', '1,Training\n'])))).toBe(
      'id,title\n1,Training\n',
    );
    expect(await eventually(() => cache.read('tag-a') !== null)).toBe(true);
    const kept = cache.read('tag-a');
    expect(kept?.bytes).toBe(20);
    expect(await textOf(kept?.body as ReadableStream<Uint8Array>)).toBe('id,title\n1,Training\n');
    expect(cache.read('tag-b')).toBeNull();
  });

  it('tells those who ask for a file being written when it is done', async () => {
    const cache = downloadCache(newFolder(), 1024 * 1024);
    let finish: () => void = () => {};
    const slow = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('a,b\n'));
        finish = () => controller.close();
      },
    });
    expect(cache.written('slow', 1000)).toBeNull();
    const body = textOf(cache.claim('slow').keep(slow));
    const done = cache.written('slow', 5000);
    expect(done).not.toBeNull();
    let settledYet = false;
    void done?.then(() => {
      settledYet = true;
    });
    await settled();
    expect(settledYet).toBe(false);
    finish();
    await body;
    await done;
    expect(cache.read('slow')?.bytes).toBe(4);
    expect(cache.written('slow', 1000)).toBeNull();
    // Claimed before anything is written (the matching still running), then dropped: no match.
    const claimed = cache.claim('none');
    const waiting = cache.written('none', 5000);
    expect(waiting).not.toBeNull();
    claimed.drop();
    await waiting;
    expect(cache.written('none', 1000)).toBeNull();
    expect(cache.read('none')).toBeNull();
  });

  it('keeps nothing of a download that failed or that the client left', async () => {
    const folder = newFolder();
    const cache = downloadCache(folder, 1024 * 1024);
    await expect(textOf(cache.claim('failed').keep(streamOf(['a', 'b'], true)))).rejects.toThrow();
    const left = cache.claim('left').keep(streamOf(['a', 'b', 'c']));
    const reader = left.getReader();
    await reader.read();
    await reader.cancel();
    // The parts are removed in the background; nothing is ever renamed into place.
    expect(await eventually(() => readdirSync(folder).length === 0)).toBe(true);
    expect(cache.read('failed')).toBeNull();
    expect(cache.read('left')).toBeNull();
  });

  it('removes the oldest files when the folder outgrows its size, and abandoned parts', async () => {
    const folder = newFolder();
    writeFileSync(join(folder, 'old.123.abcd.part'), 'x');
    const twoHoursAgo = new Date(Date.now() - 2 * 3600 * 1000);
    utimesSync(join(folder, 'old.123.abcd.part'), twoHoursAgo, twoHoursAgo);
    const cache = downloadCache(folder, 25);
    await textOf(cache.claim('first').keep(streamOf(['0123456789'])));
    expect(await eventually(() => cache.read('first') !== null)).toBe(true);
    await settled();
    await textOf(cache.claim('second').keep(streamOf(['0123456789'])));
    expect(await eventually(() => cache.read('second') !== null)).toBe(true);
    await textOf(cache.claim('third').keep(streamOf(['0123456789'])));
    expect(await eventually(() => cache.read('first') === null)).toBe(true);
    expect(cache.read('third')).not.toBeNull();
    expect(readdirSync(folder).filter((name) => name.endsWith('.part'))).toEqual([]);
  });
});

describe('the activities download served from the kept file', () => {
  let database: Database;
  let app: ReturnType<typeof createApp>;
  let folder: string;
  beforeAll(async () => {
    database = await openTestDatabase('embedded');
    await seedDemo(database.db);
    folder = newFolder();
    app = createApp(database, { downloads: downloadCache(folder, 64 * 1024 * 1024) });
  });
  afterAll(async () => {
    await database?.close();
  });

  it('writes a download once, sends the same file again, and writes anew after a change', async () => {
    const path = '/api/v1/activities?q=patent&format=csv&lang=fr';
    const first = await app.request(path);
    const written = Buffer.from(await first.arrayBuffer());
    expect(first.headers.get('content-length')).toBeNull();
    const keptFiles = () => readdirSync(folder).filter((name) => !name.endsWith('.part'));
    expect(await eventually(() => keptFiles().length === 1)).toBe(true);
    const again = await app.request(path);
    expect(again.headers.get('content-length')).toBe(String(written.length));
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(Buffer.from(await again.arrayBuffer()).equals(written)).toBe(true);
    // Any change to the public registry moves its version: the next answer is written anew.
    await database.db.execute(sql`UPDATE search_state SET version = version + 1`);
    const after = await app.request(path);
    expect(after.headers.get('etag')).not.toBe(first.headers.get('etag'));
    expect(after.headers.get('content-length')).toBeNull();
    await after.text();
  });

  it('writes a new file once for people who ask for it at the same time', async () => {
    const path = '/api/v1/activities?q=trademark&format=xlsx';
    // Both arrive together: the second waits for the first's writing, then gets the kept file.
    const [first, second] = [app.request(path), app.request(path)];
    const written = Buffer.from(await (await first).arrayBuffer());
    const kept = await second;
    expect(kept.headers.get('content-length')).toBe(String(written.length));
    expect(Buffer.from(await kept.arrayBuffer()).equals(written)).toBe(true);
  });
});
