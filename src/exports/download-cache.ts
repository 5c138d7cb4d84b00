import { createHash, randomBytes } from 'node:crypto';
import { closeSync, createReadStream, createWriteStream, fstatSync, mkdirSync, openSync } from 'node:fs';
import { readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { config } from '../config.ts';

/*
 * Finished downloads kept on disk, by their tag (the registry's version, the day and the address:
 * see the activities routes). People fetch the same files again and again — all activities, a
 * Member's, a popular word's — and writing 20,000 activities costs a second of CPU each time,
 * while sending a kept file costs almost nothing. A file is kept only once written to its end;
 * a publication changes every tag, so nothing stale is ever sent, and old files simply age out
 * (oldest first) when the folder grows past its size. Several processes may share the folder:
 * each writes under a name of its own and renames, so a file is whole or absent.
 */

export type DownloadCache = {
  /** The kept file of this download and its size, or null. */
  read(tag: string): { body: ReadableStream<Uint8Array>; bytes: number } | null;
  /**
   * This process is about to write this download: from now until the writer keeps it (to its
   * end) or drops it, `written` makes others asking for it wait, so that many people asking at
   * once for the same new file get one writing of it.
   */
  claim(tag: string): DownloadWriter;
  /** While this process writes this download, settles when that ends (at most after `waitMs`). */
  written(tag: string, waitMs: number): Promise<void> | null;
};

export type DownloadWriter = {
  /** The download as it is written, kept as well once it reaches its end. */
  keep(body: ReadableStream<Uint8Array>): ReadableStream<Uint8Array>;
  /** Nothing will be written after all (no match, an error). */
  drop(): void;
};

/**
 * The cache of the database at this location, as configured (IPCOOP_CACHE_DIR,
 * IPCOOP_DOWNLOAD_CACHE_MB); none for an in-memory database, whose files would outlive it.
 */
export function configuredDownloadCache(location: string, settings = config()): DownloadCache | null {
  if (location === 'memory' || settings.downloadCacheMb === 0) return null;
  const database = createHash('sha1').update(location).digest('hex').slice(0, 16);
  return downloadCache(
    join(settings.cacheDir, 'downloads', database),
    settings.downloadCacheMb * 1024 * 1024,
  );
}

/** Files being written by a process that stopped are removed after this long. */
const abandonedAfterMs = 60 * 60 * 1000;

export function downloadCache(folder: string, maxBytes: number): DownloadCache {
  mkdirSync(folder, { recursive: true });
  const pathOf = (tag: string) => join(folder, createHash('sha1').update(tag).digest('hex'));
  let trimming = false;
  const trim = async () => {
    if (trimming) return;
    trimming = true;
    try {
      await keepUnder(folder, maxBytes);
    } catch {
      // Another process trimmed the same files meanwhile: the next write trims again.
    } finally {
      trimming = false;
    }
  };
  void trim();

  /** The body passed through, and written to a part file renamed into place at its end. */
  function keepWriting(tag: string, body: ReadableStream<Uint8Array>, ended: () => void) {
    const final = pathOf(tag);
    const part = `${final}.${process.pid}.${randomBytes(4).toString('hex')}.part`;
    const file = createWriteStream(part);
    let fileFailed = false;
    // A full disk must not break the download: it is only not kept.
    file.on('error', () => {
      fileFailed = true;
    });
    const abandon = () => {
      file.destroy();
      void rm(part, { force: true }).finally(ended);
    };
    const reader = body.getReader();
    return new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          let chunk: ReadableStreamReadResult<Uint8Array>;
          try {
            chunk = await reader.read();
          } catch (error) {
            abandon();
            controller.error(error);
            return;
          }
          if (chunk.done) {
            controller.close();
            if (fileFailed) return abandon();
            file.end(() => {
              rename(part, final).then(() => {
                ended();
                return trim();
              }, abandon);
            });
            return;
          }
          if (!fileFailed && !file.write(chunk.value)) {
            await new Promise<void>((resolve) => {
              const settle = () => {
                file.off('drain', settle);
                file.off('error', settle);
                resolve();
              };
              file.once('drain', settle);
              file.once('error', settle);
            });
          }
          controller.enqueue(chunk.value);
        },
        cancel(reason) {
          abandon();
          return reader.cancel(reason);
        },
      },
      new ByteLengthQueuingStrategy({ highWaterMark: 64 * 1024 }),
    );
  }

  const writing = new Map<string, Promise<void>>();
  return {
    written(tag, waitMs) {
      const ends = writing.get(tag);
      if (!ends) return null;
      return Promise.race([ends, new Promise<void>((resolve) => setTimeout(resolve, waitMs).unref())]);
    },
    claim(tag) {
      let ended: () => void = () => {};
      if (!writing.has(tag)) {
        writing.set(
          tag,
          new Promise<void>((resolve) => {
            ended = () => {
              writing.delete(tag);
              resolve();
            };
          }),
        );
      }
      return { keep: (body) => keepWriting(tag, body, ended), drop: () => ended() };
    },
    read(tag) {
      let fd: number;
      try {
        // Opened at once: a file removed afterwards by a trim stays readable through this handle.
        fd = openSync(pathOf(tag), 'r');
      } catch {
        return null;
      }
      try {
        const bytes = fstatSync(fd).size;
        const stream = createReadStream('', { fd, highWaterMark: 64 * 1024 });
        // Counted in bytes: by default the web stream counts chunks and would read the whole
        // file into memory ahead of a slow client.
        const body = Readable.toWeb(stream, {
          strategy: new ByteLengthQueuingStrategy({ highWaterMark: 64 * 1024 }),
        }) as ReadableStream<Uint8Array>;
        return { body, bytes };
      } catch {
        closeSync(fd);
        return null;
      }
    },
  };
}

/** Removes the oldest kept files until the rest fit, and parts left by stopped processes. */
async function keepUnder(folder: string, maxBytes: number) {
  const files = await Promise.all(
    (await readdir(folder)).map(async (name) => {
      const info = await stat(join(folder, name)).catch(() => null);
      return info ? { name, bytes: info.size, used: info.mtimeMs } : null;
    }),
  );
  const now = Date.now();
  const kept = [];
  for (const file of files) {
    if (!file) continue;
    if (file.name.endsWith('.part')) {
      if (now - file.used > abandonedAfterMs) await rm(join(folder, file.name), { force: true });
    } else kept.push(file);
  }
  kept.sort((a, b) => b.used - a.used);
  let total = 0;
  for (const file of kept) {
    total += file.bytes;
    if (total > maxBytes) await rm(join(folder, file.name), { force: true });
  }
}
