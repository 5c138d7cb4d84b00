import type { PageContext } from '../http/layout.tsx';
import { sortByName } from '../i18n/collate.ts';
import type { ReferenceLabels } from '../reference/labels.ts';
import type { BeneficiaryView } from './service.ts';

/** Pieces of the report pages that other features show too (the only views they may import from here). */

type Common = { page: PageContext; labels: ReferenceLabels };

/** A beneficiary in the page's language: parties by their official WTO name, unknown names as written. */
export function BeneficiaryName(props: Common & { beneficiary: BeneficiaryView }) {
  const { beneficiary: b, page, labels } = props;
  if (b.kind === 'party' && b.code) {
    return <a href={`/${page.lang}/parties/${b.code}`}>{labels.partyName(b.code, page.lang)}</a>;
  }
  if (b.kind === 'region' && b.code) {
    return (
      <span>
        {labels.regionName(b.code, page.lang)} <span class="muted">({page.t('regionLabel')})</span>
      </span>
    );
  }
  return (
    <span>
      {b.name} <span class="muted">({page.t('unresolvedName')})</span>
    </span>
  );
}

/** The name a beneficiary is sorted by in the page's language; names not recognised go last. */
function sortName(b: BeneficiaryView, labels: ReferenceLabels, lang: PageContext['lang']): string {
  if (b.kind === 'party' && b.code) return labels.partyName(b.code, lang);
  if (b.kind === 'region' && b.code) return labels.regionName(b.code, lang);
  return `\uffff${b.name}`;
}

/** Beneficiaries in the alphabetical order of the page's language (Intl.Collator), not by code. */
export function BeneficiaryList(props: Common & { list: BeneficiaryView[] }) {
  if (props.list.length === 0) return <span class="muted">—</span>;
  const { labels, page } = props;
  const sorted = sortByName(props.list, page.lang, (b) => sortName(b, labels, page.lang));
  return (
    <>
      {sorted.map((beneficiary, index) => (
        <>
          {index > 0 ? '; ' : ''}
          <BeneficiaryName page={props.page} labels={props.labels} beneficiary={beneficiary} />
        </>
      ))}
    </>
  );
}
