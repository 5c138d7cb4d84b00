import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formRequest, type TestSession, testSession } from '../../accounts/test-sessions.ts';
import { createApp } from '../../app.tsx';
import type { Database } from '../../db/database.ts';
import { openTestDatabase, testBackends } from '../../db/test-database.ts';
import { seedDemo } from '../../demo/seed-demo.ts';
import { seedTrainingOperationsDemo } from '../../demo/training-demo.ts';
import { pdfText } from '../../testing/pdf.ts';
import { certificateSignatories, participants, programmeAgreements } from '../schema.ts';

/** A real 1×1 PNG. */
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe.each(testBackends)('certificate signatories (%s database)', (backend) => {
  let database: Database;
  let app: ReturnType<typeof createApp>;
  let coordinator: TestSession;
  let programmeId: number;
  let aminaId: number;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    programmeId = (await seedDemo(database.db)).programmeId;
    await seedTrainingOperationsDemo(database.db);
    app = createApp(database);
    coordinator = await testSession(database.db, 'coordinator@cipo.test', 'coordinator', { agency: 'CIPO' });
    const [amina] = await database.db
      .select({ id: participants.id })
      .from(participants)
      .where(eq(participants.name, 'Amina Wanjiru (sample)'));
    aminaId = amina?.id ?? 0;
  });
  afterAll(() => database?.close());

  const base = () => `/en/training/programmes/${programmeId}/signatories`;
  const upload = (signatoryId: number, bytes: Buffer, name: string, type: string) => {
    const body = new FormData();
    body.set('_csrf', coordinator.csrf);
    body.set('file', new File([new Uint8Array(bytes)], name, { type }));
    return app.request(`${base()}/${signatoryId}/signature`, {
      method: 'POST',
      body,
      headers: { Cookie: coordinator.cookie },
    });
  };

  it('keeps the demo’s certificate signatories apart from the memorandum’s, as role titles', async () => {
    const signatories = await database.db
      .select()
      .from(certificateSignatories)
      .where(eq(certificateSignatories.programmeId, programmeId));
    expect(signatories.map((s) => s.name)).toEqual([
      'Programme Director (sample signatory)',
      'Academy Director (sample signatory)',
    ]);
    const agreements = await database.db.select().from(programmeAgreements);
    const memorandumNames = agreements.flatMap((a) => a.signatories.map((s) => s.name));
    expect(signatories.some((s) => memorandumNames.includes(s.name))).toBe(false);
    const page = await app.request(base(), { headers: { Cookie: coordinator.cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('They are not the signatories of the programme’s agreements');
  });

  it('adds a signatory, refusing missing fields at the field in the user’s language', async () => {
    const refused = await app.request(
      base().replace('/en/', '/fr/'),
      formRequest(coordinator, { name: 'Chief Learning Officer (sample)', title: '', organization: 'CIPO' }),
    );
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('Saisissez le titre.');
    const added = await app.request(
      base(),
      formRequest(coordinator, {
        name: 'Chief Learning Officer (sample)',
        title: 'CLO',
        organization: 'CIPO',
      }),
    );
    expect(added.headers.get('location')).toBe(`${base()}?done=signatoryAdded`);
    // Three fit on a certificate.
    const fourth = await app.request(
      base(),
      formRequest(coordinator, { name: 'D', title: 'D', organization: 'D' }),
    );
    expect(fourth.status).toBe(400);
    expect(await fourth.text()).toContain('A certificate has room for three signatories.');
  });

  it('takes a PNG or JPEG signature checked by its bytes and size, and draws names on the certificate', async () => {
    const [first] = await database.db
      .select()
      .from(certificateSignatories)
      .where(eq(certificateSignatories.programmeId, programmeId))
      .orderBy(certificateSignatories.position);
    const id = first?.id ?? 0;
    const fake = await upload(
      id,
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      'sig.png',
      'image/png',
    );
    expect(fake.status).toBe(400);
    expect(await fake.text()).toContain('The file is not a PNG or JPEG image.');
    const big = await upload(id, Buffer.concat([png, Buffer.alloc(310 * 1024)]), 'sig.png', 'image/png');
    expect(big.status).toBe(413);
    const ok = await upload(id, png, 'signature.png', 'image/png');
    expect(ok.headers.get('location')).toBe(`${base()}?done=signatureUploaded`);
    const [stored] = await database.db
      .select()
      .from(certificateSignatories)
      .where(eq(certificateSignatories.id, id));
    expect(stored?.signatureType).toBe('image/png');

    expect(
      (await app.request(`/en/training/participants/${aminaId}/certificate`, formRequest(coordinator, {})))
        .status,
    ).toBe(303);
    const pdf = await app.request(`/en/training/participants/${aminaId}/certificate.pdf`, {
      headers: { Cookie: coordinator.cookie },
    });
    expect(pdf.status).toBe(200);
    const text = await pdfText(Buffer.from(await pdf.arrayBuffer()));
    expect(text).toContain('Organized by CIPO and WIPO Academy');
    expect(text).toContain('Programme Director (sample signatory)');
    expect(text).toContain('Academy Director (sample signatory)');
    const french = await app.request(`/fr/training/participants/${aminaId}/certificate.pdf`, {
      headers: { Cookie: coordinator.cookie },
    });
    expect(await pdfText(Buffer.from(await french.arrayBuffer()))).toContain(
      'Organisé par CIPO et WIPO Academy',
    );
  });

  it('is for the organizer’s coordinators only', async () => {
    const other = await testSession(database.db, 'coordinator@wipo.test', 'coordinator', { agency: 'WIPO' });
    expect((await app.request(base(), { headers: { Cookie: other.cookie } })).status).toBe(403);
    const focal = await testSession(database.db, 'focal@kipi.test', 'focal-point', { party: 'KEN' });
    expect((await app.request(base(), { headers: { Cookie: focal.cookie } })).status).toBe(403);
  });
});
