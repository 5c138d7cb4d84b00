import type { PageContext } from '../../http/layout.tsx';
import { formatDate } from '../../i18n/format.ts';
import type { Language } from '../../i18n/languages.ts';
import { pickText, textIn } from '../../i18n/localized-text.ts';
import type { ReferenceLabels } from '../../reference/labels.ts';
import type { SnapshotProgramme } from '../document/snapshot.ts';
import type { ReportVersion, RevisionNote } from '../service.ts';
import { isUnchanged, type ProgrammeField, type SnapshotDiff } from './diff.ts';
import { versionText } from './messages.ts';
import { revisionLabel } from './status.ts';

/** Pieces of the version pages that the report page and the Secretariat's review show too. */

type Common = { page: PageContext; labels: ReferenceLabels };

const fieldKeys = {
  title: 'fieldTitle',
  description: 'fieldDescription',
  startDate: 'fieldStart',
  endDate: 'fieldEnd',
  level: 'fieldLevel',
  activityType: 'fieldType',
  ipAreas: 'fieldIpAreas',
  beneficiaries: 'fieldBeneficiaries',
  agencies: 'fieldAgencies',
} as const satisfies Record<ProgrammeField, string>;

/** One side of a changed field, in the page's language where labels exist. */
function FieldValue(
  props: Common & { programme: SnapshotProgramme; field: ProgrammeField; other: SnapshotProgramme },
) {
  const { programme: p, field, labels } = props;
  const lang: Language = props.page.lang;
  const list = (values: string[]) => (values.length > 0 ? values.join('; ') : '—');
  switch (field) {
    case 'title':
    case 'description': {
      // A translation may be what changed: show each language that differs, marked.
      const differing = (['en', 'fr', 'es'] as const).filter(
        (l) => (p[field][l] ?? '') !== (props.other[field][l] ?? ''),
      );
      if (differing.length === 1 && differing[0]) {
        const only = differing[0];
        return <span lang={only}>{p[field][only] || '—'}</span>;
      }
      const picked = pickText(p[field], lang, p.originalLanguage);
      return <span lang={picked.lang}>{picked.value || '—'}</span>;
    }
    case 'startDate':
      return <>{formatDate(lang, p.startDate, p.startPrecision) ?? '—'}</>;
    case 'endDate':
      return <>{formatDate(lang, p.endDate, p.endPrecision) ?? '—'}</>;
    case 'level':
      return <>{p.level ? labels.term('level', p.level, lang) : '—'}</>;
    case 'activityType':
      return <>{p.activityType ? labels.term('activity-type', p.activityType, lang) : '—'}</>;
    case 'ipAreas':
      return <>{list(p.ipAreas.map((area) => labels.term('ip-area', area, lang)))}</>;
    case 'beneficiaries':
      return (
        <>
          {list(
            p.beneficiaries.map((b) => {
              if (b.kind === 'party' && b.code) return labels.partyName(b.code, lang);
              if (b.kind === 'region' && b.code) return labels.regionName(b.code, lang);
              return b.nameAsWritten;
            }),
          )}
        </>
      );
    case 'agencies':
      return <>{list(p.agencies.map((a) => textIn(a.name, lang, 'en') || a.code))}</>;
  }
}

function ProgrammeName(props: { page: PageContext; programme: SnapshotProgramme }) {
  const title = pickText(props.programme.title, props.page.lang, props.programme.originalLanguage);
  return (
    <>
      {versionText(props.page.lang)('programmeNumber', { number: props.programme.rowNumber })}{' '}
      <a href={`/${props.page.lang}/activities/${props.programme.activityId}`} lang={title.lang}>
        {title.value}
      </a>
    </>
  );
}

const ProgrammeLine = (props: { page: PageContext; programme: SnapshotProgramme }) => (
  <li>
    <ProgrammeName page={props.page} programme={props.programme} />
  </li>
);

/** What changed between two snapshots: narrative paragraphs, then programmes added, removed, changed. */
export function ChangesBody(props: Common & { diff: SnapshotDiff; level: 2 | 3; lang?: string }) {
  const { page, labels, diff } = props;
  const text = versionText(page.lang);
  const Heading = props.level === 2 ? 'h2' : 'h3';
  if (isUnchanged(diff)) return <p>{text('noChanges')}</p>;
  return (
    <>
      {diff.paragraphs.length > 0 ? (
        <>
          <Heading>{text('narrativeChanges')}</Heading>
          {diff.paragraphs.map((change) => (
            <div class="change">
              <p>
                <strong>
                  {change.kind === 'added'
                    ? text('paragraphAdded', { number: change.number })
                    : change.kind === 'removed'
                      ? text('paragraphRemoved', { number: change.number })
                      : text('paragraphChanged', { number: change.beforeNumber })}
                </strong>
                {change.kind === 'changed' && change.afterNumber !== change.beforeNumber
                  ? ` ${text('nowNumbered', { number: change.afterNumber })}`
                  : ''}
              </p>
              {change.kind !== 'added' ? (
                <blockquote lang={props.lang}>
                  <del>{change.before}</del>
                </blockquote>
              ) : null}
              {change.kind !== 'removed' ? (
                <blockquote lang={props.lang}>
                  <ins>{change.after}</ins>
                </blockquote>
              ) : null}
            </div>
          ))}
        </>
      ) : null}
      {diff.addedProgrammes.length > 0 ? (
        <>
          <Heading>{text('programmesAdded')}</Heading>
          <ul>
            {diff.addedProgrammes.map((programme) => (
              <ProgrammeLine page={page} programme={programme} />
            ))}
          </ul>
        </>
      ) : null}
      {diff.removedProgrammes.length > 0 ? (
        <>
          <Heading>{text('programmesRemoved')}</Heading>
          <ul>
            {diff.removedProgrammes.map((programme) => (
              <ProgrammeLine page={page} programme={programme} />
            ))}
          </ul>
        </>
      ) : null}
      {diff.changedProgrammes.length > 0 ? (
        <>
          <Heading>{text('programmesChanged')}</Heading>
          {diff.changedProgrammes.map((change) => (
            <div class="table-scroll">
              <table>
                <caption>
                  <ProgrammeName page={page} programme={change.after} />
                </caption>
                <thead>
                  <tr>
                    <td />
                    <th scope="col">{text('before')}</th>
                    <th scope="col">{text('after')}</th>
                  </tr>
                </thead>
                <tbody>
                  {change.fields.map((field) => (
                    <tr>
                      <th scope="row">{text(fieldKeys[field])}</th>
                      <td>
                        <FieldValue
                          page={page}
                          labels={labels}
                          programme={change.before}
                          other={change.after}
                          field={field}
                        />
                      </td>
                      <td>
                        <FieldValue
                          page={page}
                          labels={labels}
                          programme={change.after}
                          other={change.before}
                          field={field}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </>
      ) : null}
    </>
  );
}

/** The report page's list of published versions, each with its symbol and date, linked to what it changed. */
export function VersionList(props: { page: PageContext; currentId: number; versions: ReportVersion[] }) {
  const { page, versions } = props;
  const text = versionText(page.lang);
  if (versions.length < 2) return null;
  return (
    <section aria-labelledby="versions">
      <h2 id="versions">{text('versions')}</h2>
      <ol class="versions">
        {versions.map((version, index) => {
          const label = revisionLabel(page.lang, version.revisionKind, version.revisionNumber);
          const date = formatDate(page.lang, version.circulationDate);
          const previous = versions[index - 1];
          return (
            <li>
              {version.id === props.currentId ? (
                <strong aria-current="page">{label}</strong>
              ) : (
                <a href={`/${page.lang}/reports/${version.id}`}>{label}</a>
              )}
              {version.symbol ? ` — ${version.symbol}` : ''}
              {date ? `, ${text('circulated', { date })}` : ''}
              {previous ? (
                <>
                  {' '}
                  (
                  <a
                    href={`/${page.lang}/reports/${version.id}/changes?from=${previous.id}&to=${version.id}`}
                  >
                    {text('whatChanged')}
                  </a>
                  )
                </>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** "latest revision: Corrigendum 1 (IP/C/R/TC/CAN/1/Corr.1)", linked, for the list of reports. */
export function LatestRevisionNote(props: { page: PageContext; revision: RevisionNote | null | undefined }) {
  const { page, revision } = props;
  if (!revision) return null;
  const label = revisionLabel(page.lang, revision.revisionKind, revision.revisionNumber);
  const version = revision.symbol ? `${label} (${revision.symbol})` : label;
  return (
    <>
      {' · '}
      <a href={`/${page.lang}/reports/${revision.id}`}>
        {versionText(page.lang)('latestRevision', { version })}
      </a>
    </>
  );
}
