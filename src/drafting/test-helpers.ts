import ExcelJS from 'exceljs';
import type { TestSession } from '../accounts/test-sessions.ts';

/** A multipart form POST as the session (the upload form), through app.request(). */
export function multipartRequest(
  session: TestSession,
  fields: Record<string, string>,
  file?: { name: string; bytes: Uint8Array<ArrayBuffer>; type?: string },
): RequestInit {
  const body = new FormData();
  body.set('_csrf', session.csrf);
  for (const [name, value] of Object.entries(fields)) body.set(name, value);
  if (file)
    body.set('file', new File([file.bytes], file.name, { type: file.type ?? 'application/octet-stream' }));
  return { method: 'POST', body, headers: { Cookie: session.cookie } };
}

/** A workbook of activities as a reporter would fill one in: a header row, then one row per activity. */
export async function activitiesWorkbook(rows: string[][]): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Activities');
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The report id a "start the report" or revision redirect points to. */
export function reportIdFrom(location: string | null): number {
  const match = /\/drafting\/reports\/(\d+)/.exec(location ?? '');
  if (!match) throw new Error(`not a report location: ${location}`);
  return Number(match[1]);
}
