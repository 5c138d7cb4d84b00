/*
 * An embedded data folder has one owner: the running hub. `ipcoop db backup` asks it for the
 * backup over a Unix socket in the data folder, which only the folder's owner can open (mode 0600).
 * The hub answers "backup" with the backup's bytes and closes; anything else closes the socket.
 */
import { chmodSync, existsSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Database } from '../../db/database.ts';
import { writeBackup } from './backup.ts';

export const hubSocketPath = (dataDir: string) => join(dataDir, 'ipcoop.sock');

export async function listenForBackups(
  database: Database,
  dataDir: string,
  log: (message: string, error?: unknown) => void = () => {},
): Promise<() => Promise<void>> {
  const path = hubSocketPath(dataDir);
  // This process holds the folder lock: a socket left there is from a hub that died.
  rmSync(path, { force: true });
  const server: Server = createServer((socket) => {
    socket.setEncoding('utf8');
    let request = '';
    socket.on('error', () => socket.destroy());
    socket.on('data', (chunk) => {
      request += chunk;
      if (!request.includes('\n')) {
        if (request.length > 100) socket.destroy();
        return;
      }
      socket.removeAllListeners('data');
      if (request.trim() !== 'backup') return void socket.destroy();
      log('backup requested over the data folder socket');
      writeBackup(database, socket).then(
        (counts) => log(`backup sent: ${Object.values(counts).reduce((a, b) => a + b, 0)} rows`),
        (error) => log('backup over the socket failed', error),
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => resolve());
  });
  chmodSync(path, 0o600);
  return () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      rmSync(path, { force: true });
    });
}

/** Whether a hub serves this data folder's backups. */
export const hubListens = (dataDir: string) => existsSync(hubSocketPath(dataDir));

/** Asks the hub serving `dataDir` for a backup and writes it into `out`. */
export async function backupThroughHub(dataDir: string, out: Writable): Promise<void> {
  const socket = createConnection(hubSocketPath(dataDir));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  socket.write('backup\n');
  await pipeline(socket, out);
}
