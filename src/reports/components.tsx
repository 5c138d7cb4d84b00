import type { PageContext } from '../http/layout.tsx';
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

export function BeneficiaryList(props: Common & { list: BeneficiaryView[] }) {
  if (props.list.length === 0) return <span class="muted">—</span>;
  return (
    <>
      {props.list.map((beneficiary, index) => (
        <>
          {index > 0 ? '; ' : ''}
          <BeneficiaryName page={props.page} labels={props.labels} beneficiary={beneficiary} />
        </>
      ))}
    </>
  );
}
