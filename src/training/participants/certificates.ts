import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Account } from '../../accounts/service.ts';
import { actorOf, recordAudit } from '../../audit/record.ts';
import { type Db, inTransaction } from '../../db/database.ts';
import type { Language } from '../../i18n/languages.ts';
import type { ReferenceLabels } from '../../reference/labels.ts';
import { type ParticipantAccess, programmeAgencies } from '../access.ts';
import { syncEditionOf } from '../edition-activity.ts';
import { signatoriesOf } from '../programme/certificate-signatories.ts';
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
    // Completion is one of the results the edition reports by itself.
    await syncEditionOf(t, participant.id, actorOf(account));
    return { ok: true as const, code };
  });
}

/**
 * The holder (or a coordinator) ends the certificate's public link: 'revoke' keeps the code, so
 * the old link says "revoked"; 'reissue' gives the certificate a new code (the old link then finds
 * nothing) and makes it valid again. Null when the participant holds no certificate.
 */
export async function changeCertificateLink(
  db: Db,
  account: Account,
  participantId: number,
  change: 'revoke' | 'reissue',
): Promise<'revoked' | 'reissued' | null> {
  return inTransaction(db, async (t) => {
    const [current] = await t
      .select()
      .from(certificates)
      .where(eq(certificates.participantId, participantId))
      .for('update');
    if (!current) return null;
    const values =
      change === 'revoke'
        ? { revokedAt: current.revokedAt ?? new Date() }
        : { code: newCertificateCode(), revokedAt: null };
    await t.update(certificates).set(values).where(eq(certificates.id, current.id));
    // The codes are not written down: an old link must not be found again through the trail.
    await recordAudit(t, actorOf(account), {
      action: change === 'revoke' ? 'revoke-link' : 'reissue-link',
      table: 'certificates',
      id: current.id,
      after: { participantId },
    });
    await syncEditionOf(t, participantId, actorOf(account));
    return change === 'revoke' ? 'revoked' : 'reissued';
  });
}

export const certificateOf = async (db: Db, participantId: number) =>
  (await db.select().from(certificates).where(eq(certificates.participantId, participantId)))[0] ?? null;

/** Where the printed link leads: the public verification page in the certificate's language. */
export const verificationUrl = (origin: string, lang: Language, code: string) =>
  `${origin}/${lang}/certificates/${code}`;

/** "CIPO and WIPO Academy": the organizer, then the partners, by acronym, joined in the certificate's language. */
async function organizerLine(db: Db, programmeId: number, lang: Language): Promise<string | null> {
  const names = (await programmeAgencies(db, programmeId)).map(
    (agency) => agency.acronym ?? agency.name[lang] ?? agency.name.en ?? '',
  );
  return names.length > 0 ? new Intl.ListFormat(lang, { type: 'conjunction' }).format(names) : null;
}

export async function renderCertificate(
  db: Db,
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
    organizer: await organizerLine(db, programme.id, lang),
    signatories: await signatoriesOf(db, programme.id),
  });
}
