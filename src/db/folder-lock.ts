import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class FolderLockedError extends Error {}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Makes this process the only writer of an embedded database folder.
 * A pid file rather than a timed lease: a crashed holder is detected at once,
 * and a live one is named in the message.
 */
export function lockFolder(folder: string): () => void {
  mkdirSync(folder, { recursive: true });
  const lockPath = join(folder, 'ipcoop.pid');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(lockPath, 'utf8') === String(process.pid)) unlinkSync(lockPath);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
      if (Number.isInteger(holder) && holder !== process.pid && processIsAlive(holder)) {
        throw new FolderLockedError(
          `The database folder ${folder} is already open in another ipcoop process (pid ${holder}). ` +
            'Stop that process first, or point IPCOOP_DATA_DIR at another folder, or use DATABASE_URL for a PostgreSQL server that several processes can share.',
        );
      }
      unlinkSync(lockPath); // left behind by a process that has died
    }
  }
  throw new FolderLockedError(`Could not lock the database folder ${folder}.`);
}
