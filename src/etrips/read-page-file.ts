import { open } from 'node:fs/promises';

export const maxPageBytes = 10 * 1024 * 1024;

export class PageFileError extends Error {}

/** The text of a saved page, refusing what cannot be one: too large, empty, binary, not UTF-8. */
export async function readPageFile(path: string): Promise<string> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new PageFileError(`cannot open: ${(error as Error).message}`);
  }
  try {
    const { size } = await handle.stat();
    if (size > maxPageBytes) {
      throw new PageFileError(
        `the file is ${(size / 1024 / 1024).toFixed(1)} MB; pages over 10 MB are refused`,
      );
    }
    const bytes = await handle.readFile();
    if (bytes.length === 0) throw new PageFileError('the file is empty');
    if (bytes.includes(0)) throw new PageFileError('this is a binary file, not the text of an e-TRIPS page');
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new PageFileError('the file is not UTF-8 text; save the page as UTF-8 text and try again');
    }
  } finally {
    await handle.close();
  }
}
