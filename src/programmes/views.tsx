import { raw } from 'hono/html';
import { Layout, type PageContext } from '../http/layout.tsx';
import { byName } from '../i18n/collate.ts';
import { formatDate, formatDateRange, formatNumber, formatPercent } from '../i18n/format.ts';
import type { Language } from '../i18n/languages.ts';
import { pickText } from '../i18n/localized-text.ts';
import { counted } from '../i18n/plural.ts';
import { NeedsAnswered } from '../needs/delivery/components.tsx';
import type { ReferenceLabels } from '../reference/labels.ts';
import { worldMapSvg } from '../reference/world-map.ts';
import { ResultSumsList } from '../results/components.tsx';
import type { CertificateCheck } from '../training/programme/certificate-verify.ts';
import type { ProgrammeFigures } from '../training/programme/figures.ts';

import { type ProgrammeTranslate, programmeText } from './messages.ts';
import type { EditionView, Organizer, ProgrammeDetail, ProgrammeSummary } from './service.ts';

const participantsText = (tr: ProgrammeTranslate, lang: Language, count: number): string =>
  counted(tr, lang, 'participantCount', count);

/** A stored text in the page's language when it exists, else in its own language, marked as such. */
function Localized(props: { text: Partial<Record<string, string>>; lang: Language }) {
  const picked = pickText(props.text, props.lang, 'en');
  return <span lang={picked.lang === props.lang ? undefined : picked.lang}>{picked.value}</span>;
}

const agencyName = (organizer: Organizer, lang: Language) => pickText(organizer.name, lang, 'en').value;

/** Counts by party, most first, then in the alphabetical order of the names in the page's language. */
const partyCounts = (
  rows: Array<{ partyCode: string; count: number }>,
  labels: ReferenceLabels,
  lang: Language,
) =>
  rows
    .map((row) => ({ label: labels.partyName(row.partyCode, lang), count: row.count }))
    .sort((a, b) => b.count - a.count || byName(lang)(a.label, b.label));

function SampleBadge(props: { tr: ProgrammeTranslate }) {
  return <span class="sample-badge">{props.tr('sampleData')}</span>;
}

export function ProgrammeListPage(props: { page: PageContext; programmes: ProgrammeSummary[] }) {
  const { page, programmes } = props;
  const { lang } = page;
  const tr = programmeText(lang);
  return (
    <Layout page={page} title={tr('programmesTitle')} description={tr('programmesIntro')}>
      <h1>{tr('programmesTitle')}</h1>
      <p>{tr('programmesIntro')}</p>
      {programmes.length === 0 ? (
        <p>{tr('noProgrammes')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{tr('colProgramme')}</th>
                <th scope="col">{tr('colOrganizers')}</th>
                <th scope="col">{tr('colSince')}</th>
                <th scope="col">{tr('colEditions')}</th>
                <th scope="col">{tr('colParticipantsSinceInception')}</th>
              </tr>
            </thead>
            <tbody>
              {programmes.map((programme) => (
                <tr>
                  <th scope="row">
                    <a href={`/${lang}/programmes/${programme.id}`}>
                      <Localized text={programme.name} lang={lang} />
                    </a>
                  </th>
                  <td>{programme.organizers.map((o) => agencyName(o, lang)).join(', ')}</td>
                  <td>{programme.foundingYear ?? '—'}</td>
                  <td>{formatNumber(lang, programme.editions)}</td>
                  <td>{formatNumber(lang, programme.participantsSinceInception)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

function CountTable(props: {
  caption: string;
  head: string;
  rows: Array<{ label: string; count: number }>;
  page: PageContext;
  tr: ProgrammeTranslate;
}) {
  const { lang } = props.page;
  return (
    <div class="table-scroll">
      <table class="counts">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.head}</th>
            <th scope="col">{props.tr('colCount')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr>
              <th scope="row">{row.label}</th>
              <td>{formatNumber(lang, row.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Reach(props: {
  page: PageContext;
  labels: ReferenceLabels;
  figures: ProgrammeFigures;
  sampleParticipants: number;
}) {
  const { page, labels, figures } = props;
  const { lang } = page;
  const tr = programmeText(lang);
  const { historic, recorded } = figures;
  const map = worldMapSvg({
    highlighted: new Map(figures.byParty.map((p) => [p.partyCode, p.count])),
    lang,
    labels,
    title: tr('mapTitle'),
    formatCount: (count) => participantsText(tr, lang, count),
    id: 'participants-map',
  });
  return (
    <>
      <h2>{tr('reach')}</h2>
      <ul class="figures">
        <li>
          <strong>{formatNumber(lang, figures.sinceInception.participants)}</strong>{' '}
          {figures.foundingYear
            ? tr('figParticipantsSince', { year: figures.foundingYear })
            : tr('figParticipants')}
        </li>
        {figures.sinceInception.countriesReached > 0 ? (
          <li>
            <strong>{formatNumber(lang, figures.sinceInception.countriesReached)}</strong>{' '}
            {tr('figCountries')}
          </li>
        ) : null}
        {recorded.participants > 0 ? (
          <>
            <li>
              <strong>{formatNumber(lang, recorded.parties)}</strong> {tr('figRecordedParties')}
            </li>
            <li>
              <strong>{formatNumber(lang, recorded.regions)}</strong> {tr('figRegions')}
            </li>
            {figures.ldc.share !== null ? (
              <li>
                <strong>{formatPercent(lang, figures.ldc.share)}</strong> {tr('figLdcShare')}
              </li>
            ) : null}
          </>
        ) : null}
        {figures.selectedUpcoming > 0 ? (
          <li>
            <strong>{formatNumber(lang, figures.selectedUpcoming)}</strong> {tr('figSelectedUpcoming')}
          </li>
        ) : null}
      </ul>
      {historic.participants !== null ? (
        <p>
          {tr('historicStatement', {
            participants: formatNumber(lang, historic.participants),
            countries: historic.countries === null ? '—' : formatNumber(lang, historic.countries),
            recorded: participantsText(tr, lang, recorded.participants),
          })}
          {historic.note ? (
            <>
              {' '}
              {tr('organizerWords')} <q lang="en">{historic.note}</q>
            </>
          ) : null}
        </p>
      ) : null}
      {props.sampleParticipants > 0 ? (
        <p class="note">
          <SampleBadge tr={tr} /> {tr('sampleFiguresNote')}
        </p>
      ) : null}
      {recorded.participants === 0 ? (
        <p>{tr('noRecordedParticipants')}</p>
      ) : (
        <>
          <figure class="programme-map">
            {raw(map)}
            <figcaption>{tr('mapCaption')}</figcaption>
          </figure>
          <div class="side-by-side">
            <CountTable
              page={page}
              tr={tr}
              caption={tr('byParty')}
              head={tr('colParty')}
              rows={partyCounts(figures.byParty, labels, lang)}
            />
            <div>
              <CountTable
                page={page}
                tr={tr}
                caption={tr('byYear')}
                head={tr('colYear')}
                rows={figures.byYear.map((y) => ({ label: String(y.year), count: y.count }))}
              />
              <CountTable
                page={page}
                tr={tr}
                caption={tr('byRegion')}
                head={tr('colRegion')}
                rows={figures.byRegion.map((r) => ({
                  label: r.regionCode ? labels.regionName(r.regionCode, lang) : tr('noRegion'),
                  count: r.count,
                }))}
              />
              <CountTable
                page={page}
                tr={tr}
                caption={tr('byGender')}
                head={tr('colGender')}
                rows={[
                  { label: tr('genderFemale'), count: figures.gender.female },
                  { label: tr('genderMale'), count: figures.gender.male },
                  { label: tr('genderOther'), count: figures.gender.other },
                  { label: tr('genderNotStated'), count: figures.gender.notStated },
                ].filter((row) => row.count > 0)}
              />
            </div>
          </div>
        </>
      )}
    </>
  );
}

const statusKey = {
  planned: 'statusPlanned',
  open: 'statusOpen',
  selection: 'statusSelection',
  running: 'statusRunning',
  completed: 'statusCompleted',
} as const;
const modeKey = { 'in-person': 'modeInPerson', online: 'modeOnline', blended: 'modeBlended' } as const;
const kindKey = {
  'fireside-conversation': 'kindFiresideConversation',
  'practical-session': 'kindPracticalSession',
  'participant-presentation': 'kindParticipantPresentation',
  lecture: 'kindLecture',
  ceremony: 'kindCeremony',
} as const;

function Edition(props: {
  page: PageContext;
  labels: ReferenceLabels;
  edition: EditionView;
  /** Language of texts copied from the source (topics, session titles), for screen readers. */
  sourceLang: string;
}) {
  const { page, labels, edition, sourceLang } = props;
  const { lang } = page;
  const tr = programmeText(lang);
  const contentLang = sourceLang === lang ? undefined : sourceLang;
  const dates = formatDateRange(lang, edition.startDate, edition.endDate);
  const venue = [
    edition.venue,
    edition.venueCity,
    edition.venuePartyCode ? labels.partyName(edition.venuePartyCode, lang) : null,
  ]
    .filter(Boolean)
    .join(', ');
  const named = new Set(edition.namedParticipants.map((p) => p.name));
  return (
    <section class="edition" aria-labelledby={`edition-${edition.id}`}>
      <h3 id={`edition-${edition.id}`}>
        {tr('editionHeading', { year: edition.year })}{' '}
        <span class={`edition-status edition-status-${edition.status}`}>{tr(statusKey[edition.status])}</span>
      </h3>
      <dl class="fields">
        {dates ? (
          <>
            <dt>{tr('fieldDates')}</dt>
            <dd>{dates}</dd>
          </>
        ) : null}
        {venue ? (
          <>
            <dt>{tr('fieldVenue')}</dt>
            <dd>{venue}</dd>
          </>
        ) : null}
        {edition.mode ? (
          <>
            <dt>{tr('fieldMode')}</dt>
            <dd>{tr(modeKey[edition.mode])}</dd>
          </>
        ) : null}
        {edition.deliveryLanguages.length > 0 ? (
          <>
            <dt>{tr('fieldLanguages')}</dt>
            <dd>{edition.deliveryLanguages.map((code) => labels.languageName(code, lang)).join(', ')}</dd>
          </>
        ) : null}
        {edition.capacity !== null ? (
          <>
            <dt>{tr('fieldCapacity')}</dt>
            <dd>{formatNumber(lang, edition.capacity)}</dd>
          </>
        ) : null}
        {edition.status === 'open' ? (
          <>
            {edition.nominationDeadline ? (
              <>
                <dt>{tr('fieldDeadline')}</dt>
                <dd>{formatDate(lang, edition.nominationDeadline)}</dd>
              </>
            ) : null}
            <dt>{tr('fieldNominations')}</dt>
            <dd>
              {edition.publicNominations ? (
                // The form itself is served by the training workspace (src/training/nominations).
                <a href={`/${lang}/programmes/editions/${edition.id}/nominate`}>{tr('publicNominations')}</a>
              ) : (
                tr('officeNominations')
              )}
            </dd>
          </>
        ) : null}
        {edition.activityId !== null ? (
          <>
            <dt>{tr('fieldReportedAs')}</dt>
            <dd>
              <a href={`/${lang}/activities/${edition.activityId}`}>
                {tr('activityLink', { id: edition.activityId })}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
      {edition.topics.length > 0 ? (
        <>
          <h4>{tr('topics')}</h4>
          <ul lang={contentLang}>
            {edition.topics.map((topic) => (
              <li>{topic}</li>
            ))}
          </ul>
        </>
      ) : null}
      {edition.sessions.length > 0 ? (
        <div class="table-scroll">
          <table>
            <caption>{tr('agenda')}</caption>
            <thead>
              <tr>
                <th scope="col">{tr('colSession')}</th>
                <th scope="col">{tr('colTitle')}</th>
                <th scope="col">{tr('colSpeakers')}</th>
              </tr>
            </thead>
            <tbody>
              {edition.sessions.map((session) => (
                <tr>
                  <td>{tr(kindKey[session.kind])}</td>
                  <td lang={contentLang}>{session.title}</td>
                  <td>{session.speakers.join(', ') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <h4>{tr('participants')}</h4>
      {edition.participantCount === 0 ? (
        edition.reportedParticipants !== null ? (
          <p>{counted(tr, lang, 'reportedParticipants', edition.reportedParticipants)}</p>
        ) : (
          <p>{tr('noRecordedParticipants')}</p>
        )
      ) : (
        <>
          {edition.sampleParticipants > 0 ? (
            <p class="note">
              <SampleBadge tr={tr} /> {tr('sampleEditionNote')}
            </p>
          ) : null}
          <p>
            {/* Before the edition starts, its people are selected: they have not taken part yet. */}
            {edition.started
              ? participantsText(tr, lang, edition.participantCount)
              : counted(tr, lang, 'selectedSoFar', edition.participantCount)}
            {page.t('colon')}{' '}
            {partyCounts(edition.byParty, labels, lang)
              .map((p) => `${p.label} (${formatNumber(lang, p.count)})`)
              .join(', ')}
          </p>
          {named.size > 0 ? (
            <>
              <h5>{tr('namedParticipants')}</h5>
              <ul class="named-participants">
                {edition.namedParticipants.map((person) => (
                  <li>
                    {person.name}{' '}
                    <span class="muted">
                      — {person.office}, {labels.partyName(person.partyCode, lang)}
                    </span>
                    {person.isSample ? (
                      <>
                        {' '}
                        <SampleBadge tr={tr} />
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
              {edition.namedParticipants.length < edition.participantCount ? (
                <p>{tr('othersNotNamed')}</p>
              ) : null}
            </>
          ) : null}
        </>
      )}
      <NeedsAnswered lang={lang} labels={labels} needs={edition.answersNeeds} />
    </section>
  );
}

export function ProgrammePage(props: {
  page: PageContext;
  labels: ReferenceLabels;
  programme: ProgrammeDetail;
}) {
  const { page, labels, programme } = props;
  const { lang } = page;
  const tr = programmeText(lang);
  const name = pickText(programme.name, lang, 'en');
  const organizers = programme.organizers.filter((o) => o.role === 'organizer');
  const partners = programme.organizers.filter((o) => o.role === 'partner');
  const description = pickText(programme.description, lang, 'en');
  const agencyList = (list: Organizer[]) =>
    list.map((o, index) => (
      <>
        {index > 0 ? ', ' : ''}
        {o.website ? <a href={o.website}>{agencyName(o, lang)}</a> : agencyName(o, lang)}
      </>
    ));
  return (
    <Layout page={page} title={name.value} description={description.value || undefined}>
      <h1 lang={name.lang === lang ? undefined : name.lang}>{name.value}</h1>
      {description.value ? (
        <p lang={description.lang === lang ? undefined : description.lang}>{description.value}</p>
      ) : null}
      <dl class="fields">
        {organizers.length > 0 ? (
          <>
            <dt>{tr('organizers')}</dt>
            <dd>{agencyList(organizers)}</dd>
          </>
        ) : null}
        {partners.length > 0 ? (
          <>
            <dt>{tr('partners')}</dt>
            <dd>{agencyList(partners)}</dd>
          </>
        ) : null}
        {programme.foundingYear ? (
          <>
            <dt>{tr('runningSince')}</dt>
            <dd>{programme.foundingYear}</dd>
          </>
        ) : null}
        {Object.keys(programme.targetAudience).length > 0 ? (
          <>
            <dt>{tr('targetAudience')}</dt>
            <dd>
              <Localized text={programme.targetAudience} lang={lang} />
            </dd>
          </>
        ) : null}
        {programme.interestAreas.length > 0 ? (
          <>
            <dt>{tr('interestAreas')}</dt>
            <dd>{programme.interestAreas.map((area) => labels.term('ip-area', area, lang)).join(', ')}</dd>
          </>
        ) : null}
        <dt>{tr('source')}</dt>
        <dd lang="en">{programme.source}</dd>
      </dl>

      {programme.agreements.length > 0 ? (
        <>
          <h2>{tr('agreements')}</h2>
          {programme.agreements.map((agreement) => (
            <div class="agreement">
              <h3 lang="en">{agreement.title}</h3>
              {agreement.signedOn ? (
                <p>{tr('signedOn', { date: formatDate(lang, agreement.signedOn) ?? '' })}</p>
              ) : null}
              {agreement.signatories.length > 0 ? (
                <>
                  <p>{tr('signedBy')}</p>
                  <ul>
                    {agreement.signatories.map((s) => (
                      <li>
                        {s.name}{' '}
                        <span class="muted" lang="en">
                          — {[s.title, s.organization].filter(Boolean).join(', ')}
                        </span>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </div>
          ))}
        </>
      ) : null}

      <Reach
        page={page}
        labels={labels}
        figures={programme.figures}
        sampleParticipants={programme.sampleParticipants}
      />
      <ResultSumsList lang={lang} sums={programme.results} />

      {programme.editions.length > 0 ? (
        <>
          <h2>{tr('editions')}</h2>
          {programme.editions.map((edition) => (
            <Edition page={page} labels={labels} edition={edition} sourceLang={name.lang} />
          ))}
        </>
      ) : null}
    </Layout>
  );
}

export function CertificatePage(props: { page: PageContext; check: CertificateCheck | null }) {
  const { page, check } = props;
  const { lang } = page;
  const tr = programmeText(lang);
  if (!check) {
    return (
      <Layout page={page} title={tr('certificateUnknown')}>
        <h1>{tr('certificateUnknown')}</h1>
        <p>{tr('certificateUnknownText')}</p>
      </Layout>
    );
  }
  const heading = tr(check.valid ? 'certificateGenuine' : 'certificateRevoked');
  const issuedOn = formatDate(lang, check.issuedAt.toISOString()) ?? '';
  const revokedOn = check.revokedAt ? (formatDate(lang, check.revokedAt.toISOString()) ?? '') : '';
  const programmeName = pickText(check.programme.name, lang, 'en');
  const dates = formatDateRange(lang, check.edition.startDate, check.edition.endDate);
  return (
    <Layout page={page} title={`${tr('certificateTitle')}: ${heading}`}>
      <h1>{heading}</h1>
      <p class={check.valid ? 'certificate-valid' : 'certificate-revoked'}>
        {check.valid
          ? tr('certificateGenuineText', { name: check.participantName, date: issuedOn })
          : tr('certificateRevokedText', { name: check.participantName, date: issuedOn, revokedOn })}
      </p>
      {check.isSample ? (
        <p class="note">
          <SampleBadge tr={tr} /> {tr('certificateSample')}
        </p>
      ) : null}
      <dl class="fields">
        <dt>{tr('certificateHolder')}</dt>
        <dd>{check.participantName}</dd>
        <dt>{tr('certificateProgramme')}</dt>
        <dd>
          <a
            href={`/${lang}/programmes/${check.programme.id}`}
            lang={programmeName.lang === lang ? undefined : programmeName.lang}
          >
            {programmeName.value}
          </a>
        </dd>
        <dt>{tr('certificateEdition')}</dt>
        <dd>
          {tr('editionHeading', { year: check.edition.year })}
          {dates ? ` (${dates})` : ''}
        </dd>
        <dt>{tr('certificateIssuedOn')}</dt>
        <dd>{issuedOn}</dd>
        {check.revokedAt ? (
          <>
            <dt>{tr('certificateRevokedOn')}</dt>
            <dd>{revokedOn}</dd>
          </>
        ) : null}
      </dl>
    </Layout>
  );
}
