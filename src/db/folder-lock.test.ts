import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FolderLockedError, lockFolder } from './folder-lock.ts';

const freshFolder = () => mkdtempSync(join(tmpdir(), 'ipcoop-lock-'));

describe('lockFolder', () => {
  it('refuses a folder held by a live process, naming it', async () => {
    const folder = freshFolder();
    const holder = spawn('sleep', ['30']);
    try {
      writeFileSync(join(folder, 'ipcoop.pid'), String(holder.pid));
      expect(() => lockFolder(folder)).toThrow(FolderLockedError);
      expect(() => lockFolder(folder)).toThrow(`pid ${holder.pid}`);
    } finally {
      holder.kill();
    }
  });

  it('takes over a lock left by a process that died', () => {
    const folder = freshFolder();
    writeFileSync(join(folder, 'ipcoop.pid'), '999999999');
    const release = lockFolder(folder);
    expect(existsSync(join(folder, 'ipcoop.pid'))).toBe(true);
    release();
    expect(existsSync(join(folder, 'ipcoop.pid'))).toBe(false);
  });
});
