import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Account } from '../../accounts/service.ts';
import { actorOf, recordAudit } from '../../audit/record.ts';
import { type Db, inTransaction } from '../../db/database.ts';
import type { Language } from '../../i18n/languages.ts';
import type { ReferenceLabels } from '../../reference/labels.ts';
import type { ParticipantAccess } from '../access.ts';
import { certificates } from '../schema.ts';
import { certificatePdf } from './certificate-pdf.ts';

/** 192 random bits, 32 base64url characters: a verification link nobody can guess. */
export const newCertificateCode = () => randomBytes(24).toString('base64url');

export type IssueOutcome = { ok: true; code: string } | { ok: false; reason: 'notCompleted' };

/** Issues the certificate of a completed participant; issuing again returns the one they hold. */
export async function issueCertificate(
  db: Db,
  account: Account,
  access: ParticipantAccess,
): Promise<IssueOutcome> {
  const { participant } = access;
  if (!participant.completedAt) return { ok: false, reason: 'notCompleted' };
  return inTransaction(db, async (t) => {
    const [existing] = await t
      .select()
      .from(certificates)
      .where(eq(certificates.participantId, participant.id));
    if (existing) return { ok: true as const, code: existing.code };
    const code = newCertificateCode();
    const [created] = await t
      .insert(certificates)
      .values({ participantId: participant.id, code, issuedBy: account.id })
      .returning({ id: certificates.id });
    await recordAudit(t, actorOf(account), {
      action: 'issue',
      table: 'certificates',
      id: created?.id ?? 0,
      after: { participantId: participant.id },
    });
    return { ok: true as const, code };
  });
}

export const certificateOf = async (db: Db, participantId: number) =>
  (await db.select().from(certificates).where(eq(certificates.participantId, participantId)))[0] ?? null;

/** Where the printed link leads: the public verification page in the certificate's language. */
export const verificationUrl = (origin: string, lang: Language, code: string) =>
  `${origin}/${lang}/certificates/${code}`;

export function renderCertificate(
  access: ParticipantAccess,
  certificate: { code: string; issuedAt: Date },
  labels: ReferenceLabels,
  lang: Language,
  origin: string,
): Promise<Buffer> {
  const { edition, programme, participant } = access;
  const place = [
    edition.venue,
    edition.venueCity,
    edition.venuePartyCode ? labels.partyName(edition.venuePartyCode, lang) : null,
  ];
  return certificatePdf({
    participantName: participant.name,
    programmeName: programme.name[lang] ?? programme.name.en ?? '',
    editionYear: edition.year,
    dates: { start: edition.startDate, end: edition.endDate },
    venue: edition.mode === 'online' ? null : place.filter(Boolean).join(', ') || null,
    issuedAt: certificate.issuedAt,
    verificationUrl: verificationUrl(origin, lang, certificate.code),
    lang,
  });
}
