import { ElementCheckboxes } from '../../elements/components.tsx';
import { elementName, orderedElements } from '../../elements/taxonomy.ts';
import { ErrorSummary, FieldError, invalidProps } from '../../http/form-fields.tsx';
import { CsrfField, Layout, type PageContext } from '../../http/layout.tsx';
import { byName } from '../../i18n/collate.ts';
import { type Language, languages } from '../../i18n/languages.ts';
import type { ReferenceLabels } from '../../reference/labels.ts';
import type { TaxonomyName } from '../../reference/reference-data.ts';
import { ResultFields, ResultsSection, resultErrorItems } from '../../results/components.tsx';
import type { ResultErrors } from '../../results/input.ts';
import type { ResultIndicator } from '../../results/taxonomy.ts';
import { draftPath } from '../components.tsx';
import { type ActivityFieldKey, activityFields, fieldLabel } from './fields.ts';
import { type ActivityFormState, beneficiaryTextField } from './form-state.ts';
import type { ActivityErrors } from './input.ts';
import { activityFormText } from './messages.ts';

type Common = { page: PageContext; labels: ReferenceLabels };

const fieldId = (key: string) => `f-${key}`;

const taxonomyOf: Partial<Record<ActivityFieldKey, TaxonomyName>> = {
  level: 'level',
  activityType: 'activity-type',
  fundingSource: 'funding-source',
  deliveryMode: 'delivery-mode',
  status: 'activity-status',
};
const dateFields = new Set<ActivityFieldKey>(['startDate', 'endDate']);
const listFields = new Set<ActivityFieldKey>(['implementingAgencies', 'partners', 'deliveryLanguages']);

function Label(props: { lang: Language; field: ActivityFieldKey }) {
  const text = activityFormText(props.lang);
  return (
    <label for={fieldId(props.field)}>
      {fieldLabel(props.field, props.lang)}
      {props.field === 'title' ? <span class="muted"> {text('requiredMark')}</span> : null}
    </label>
  );
}

/** Parties by M49 region, then regions and groupings; names in the page language. */
function BeneficiaryOptions(props: Common & { selected: Set<string> }) {
  const { page, labels, selected } = props;
  const { lang } = page;
  const text = activityFormText(lang);
  const byOptionName = (a: { name: string }, b: { name: string }) => compareNames(a.name, b.name);
  const compareNames = byName(lang);
  const groups = new Map<string, Array<{ code: string; name: string }>>();
  for (const party of labels.parties.values()) {
    const group = party.regionCode ? labels.regionName(party.regionCode, lang) : text('otherPartiesGroup');
    groups.set(group, [...(groups.get(group) ?? []), { code: party.code, name: party.names[lang] }]);
  }
  const regions = [...labels.regions.values()]
    .map((r) => ({ code: r.code, name: r.names[lang] }))
    .sort(byOptionName);
  const option = (item: { code: string; name: string }) => (
    <option value={item.code} selected={selected.has(item.code)}>
      {item.name}
    </option>
  );
  return (
    <>
      {[...groups.entries()]
        .sort(([a], [b]) => byName(lang)(a, b))
        .map(([group, list]) => (
          <optgroup label={group}>{list.sort(byOptionName).map(option)}</optgroup>
        ))}
      <optgroup label={text('regionsGroup')}>{regions.map(option)}</optgroup>
    </>
  );
}

function BeneficiaryFields(props: Common & { state: ActivityFormState; error?: string }) {
  const { page, labels, state, error } = props;
  const text = activityFormText(page.lang);
  const id = fieldId('beneficiaries');
  const typedId = fieldId(beneficiaryTextField);
  return (
    <fieldset id={id}>
      <legend>{fieldLabel('beneficiaries', page.lang)}</legend>
      <label for={`${id}-list`}>{text('beneficiariesList')}</label>
      <p class="hint" id={`${id}-list-hint`}>
        {text('beneficiariesListHint')}
      </p>
      <select
        id={`${id}-list`}
        name="beneficiaries"
        multiple
        size={10}
        {...invalidProps(id, error, `${id}-list-hint`)}
      >
        <BeneficiaryOptions page={page} labels={labels} selected={new Set(state.beneficiaryCodes)} />
      </select>
      <label for={typedId}>{text('beneficiariesTyped')}</label>
      <p class="hint" id={`${typedId}-hint`}>
        {text('beneficiariesTypedHint')}
      </p>
      <input
        id={typedId}
        name={beneficiaryTextField}
        value={state.beneficiaryText}
        size={60}
        {...invalidProps(id, error, `${typedId}-hint`)}
      />
      <FieldError id={`${id}-error`} message={error} />
    </fieldset>
  );
}

function IpAreaFields(props: Common & { state: ActivityFormState; error?: string }) {
  const { page, labels, state, error } = props;
  const id = fieldId('ipAreas');
  const checked = new Set(state.ipAreas);
  return (
    <fieldset id={id} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{fieldLabel('ipAreas', page.lang)}</legend>
      <div class="checkbox-columns">
        {labels.termsOf('ip-area').map((term) => (
          <div>
            <input
              type="checkbox"
              id={`${id}-${term.key}`}
              name="ipAreas"
              value={term.key}
              checked={checked.has(term.key)}
            />{' '}
            <label for={`${id}-${term.key}`}>{term.names[page.lang]}</label>
          </div>
        ))}
      </div>
      {/* Values kept from the form that are not in the list (typed elsewhere) still travel back. */}
      {state.ipAreas
        .filter((key) => !labels.termsOf('ip-area').some((term) => term.key === key))
        .map((key) => (
          <input type="hidden" name="ipAreas" value={key} />
        ))}
      <FieldError id={`${id}-error`} message={error} />
    </fieldset>
  );
}

function SingleField(props: Common & { field: ActivityFieldKey; state: ActivityFormState; error?: string }) {
  const { page, labels, field, state, error } = props;
  const { lang } = page;
  const text = activityFormText(lang);
  const id = fieldId(field);
  const value = state.fields[field] ?? '';
  const hintId = dateFields.has(field) || listFields.has(field) ? `${id}-hint` : undefined;
  const aria = invalidProps(id, error, hintId);
  const taxonomy = taxonomyOf[field];
  let control: unknown;
  if (field === 'description') {
    control = (
      <textarea id={id} name={field} rows={6} cols={80} {...aria}>
        {value}
      </textarea>
    );
  } else if (field === 'originalLanguage') {
    control = (
      <select id={id} name={field} {...aria}>
        {languages.map((code) => (
          <option value={code} selected={value === code}>
            {labels.languageName(code, lang)}
          </option>
        ))}
      </select>
    );
  } else if (taxonomy) {
    const terms = labels.termsOf(taxonomy);
    control = (
      <select id={id} name={field} {...aria}>
        <option value="">{text('choose')}</option>
        {terms.map((term) => (
          <option value={term.key} selected={value === term.key}>
            {term.names[lang]}
          </option>
        ))}
        {/* A value typed elsewhere that is not a known key stays visible, so nothing typed is lost. */}
        {value && !terms.some((term) => term.key === value) ? (
          <option value={value} selected>
            {value}
          </option>
        ) : null}
      </select>
    );
  } else {
    const type = field === 'contactEmail' ? 'email' : field === 'website' ? 'url' : 'text';
    control = (
      <input
        id={id}
        name={field}
        type={type}
        value={value}
        size={field === 'title' ? 80 : 40}
        required={field === 'title'}
        {...aria}
      />
    );
  }
  return (
    <div class="field">
      <Label lang={lang} field={field} />
      {hintId ? (
        <p class="hint" id={hintId}>
          {dateFields.has(field) ? text('dateHint') : text('listHint')}
        </p>
      ) : null}
      {control as never}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/** Every field of an activity, in the template's order, with what was typed and errors at their fields. */
export function ActivityForm(
  props: Common & {
    action: string;
    state: ActivityFormState;
    errors: ActivityErrors;
    resultErrors?: ResultErrors | undefined;
    version?: number;
    submitLabel?: string;
  },
) {
  const { page, labels, state, errors } = props;
  const text = activityFormText(page.lang);
  const wrong = activityFields.filter((field) => errors[field.key]);
  return (
    <form method="post" action={props.action} class="stacked" novalidate>
      <CsrfField page={page} />
      {props.version !== undefined ? (
        <input type="hidden" name="version" value={String(props.version)} />
      ) : null}
      <ErrorSummary
        page={page}
        items={[
          ...wrong.map((field) => ({
            message: `${fieldLabel(field.key, page.lang)}${page.t('colon')} ${errors[field.key]}`,
            target: fieldId(field.key),
          })),
          ...resultErrorItems(props.resultErrors ?? {}, page.lang, page.t('colon')),
        ]}
      />
      {activityFields.map(({ key }) => {
        if (key === 'beneficiaries')
          return <BeneficiaryFields page={page} labels={labels} state={state} error={errors[key]} />;
        if (key === 'ipAreas')
          return <IpAreaFields page={page} labels={labels} state={state} error={errors[key]} />;
        if (key === 'elements')
          return (
            <div id={fieldId('elements')}>
              <ElementCheckboxes
                page={page}
                name="elements"
                checked={orderedElements(state.elements)}
                error={errors[key]}
                hint={
                  state.suggestedElements?.length
                    ? `${text('elementsHint')} ${text('elementsSuggested', {
                        elements: orderedElements(state.suggestedElements)
                          .map((code) => elementName(code, page.lang))
                          .join('; '),
                      })}`
                    : text('elementsHint')
                }
              />
            </div>
          );
        return <SingleField page={page} labels={labels} field={key} state={state} error={errors[key]} />;
      })}
      <ResultFields
        page={page}
        indicators={state.results}
        computed={state.computedResults ?? []}
        errors={props.resultErrors ?? {}}
        defaultLanguage={(state.fields.originalLanguage as Language | undefined) ?? page.lang}
      />
      <button type="submit">{props.submitLabel ?? text('saveActivity')}</button>
    </form>
  );
}

export function ActivityFormPage(
  props: Common & {
    reportId: number;
    /** Null for a new activity. */
    activityId: number | null;
    state: ActivityFormState;
    errors: ActivityErrors;
    resultErrors?: ResultErrors | undefined;
    version?: number;
    isPublic?: boolean;
  },
) {
  const { page, reportId, activityId } = props;
  const text = activityFormText(page.lang);
  const title = activityId === null ? text('newActivityTitle') : text('editActivityTitle');
  const base = draftPath(page.lang, reportId);
  const action = activityId === null ? `${base}/activities/new` : `${base}/activities/${activityId}/edit`;
  return (
    <Layout page={page} title={title}>
      <p>
        <a href={base}>{text('backToDraft')}</a>
      </p>
      <h1>{title}</h1>
      {props.isPublic ? <p class="note">{text('publicActivityNote')}</p> : null}
      <ActivityForm
        page={page}
        labels={props.labels}
        action={action}
        state={props.state}
        errors={props.errors}
        resultErrors={props.resultErrors}
        version={props.version}
      />
    </Layout>
  );
}

/** The stored version, read-only, in words: the other half of the conflict page. */
function StoredActivityFields(props: Common & { state: ActivityFormState }) {
  const { page, labels, state } = props;
  const { lang } = page;
  const shown = (key: ActivityFieldKey): string => {
    if (key === 'ipAreas') return state.ipAreas.map((k) => labels.term('ip-area', k, lang)).join('; ');
    if (key === 'elements')
      return orderedElements(state.elements)
        .map((code) => elementName(code, lang))
        .join('; ');
    if (key === 'beneficiaries') {
      const names = state.beneficiaryCodes.map((code) =>
        labels.parties.has(code) ? labels.partyName(code, lang) : labels.regionName(code, lang),
      );
      return [...names, state.beneficiaryText].filter(Boolean).join('; ');
    }
    const value = state.fields[key] ?? '';
    const taxonomy = taxonomyOf[key];
    if (taxonomy && value) return labels.term(taxonomy, value, lang);
    if (key === 'originalLanguage' && value) return labels.languageName(value, lang);
    return value;
  };
  return (
    <dl class="fields">
      {activityFields.map(({ key }) => (
        <>
          <dt>{fieldLabel(key, lang)}</dt>
          <dd>{shown(key) || '—'}</dd>
        </>
      ))}
    </dl>
  );
}

/** 409: someone saved the activity after this form was opened. Both versions; nothing overwritten. */
export function ActivityConflictPage(
  props: Common & {
    reportId: number;
    activityId: number;
    typed: ActivityFormState;
    stored: ActivityFormState;
    storedVersion: number;
    /** The stored version's result indicators. */
    storedResults: ResultIndicator[];
  },
) {
  const { page, labels } = props;
  const text = activityFormText(page.lang);
  const base = draftPath(page.lang, props.reportId);
  return (
    <Layout page={page} title={text('conflictTitle')}>
      <h1>{text('conflictTitle')}</h1>
      <p role="alert">{text('conflictIntro')}</p>
      <div class="side-by-side">
        <section aria-labelledby="mine-title">
          <h2 id="mine-title">{text('yourVersion')}</h2>
          <ActivityForm
            page={page}
            labels={labels}
            action={`${base}/activities/${props.activityId}/edit`}
            state={props.typed}
            errors={{}}
            version={props.storedVersion}
            submitLabel={text('saveMine')}
          />
        </section>
        <section aria-labelledby="stored-title">
          <h2 id="stored-title">{text('storedVersion', { version: props.storedVersion })}</h2>
          <StoredActivityFields page={page} labels={labels} state={props.stored} />
          <ResultsSection lang={page.lang} indicators={props.storedResults} id="stored-results" />
        </section>
      </div>
      <p>
        <a href={base}>{text('backToDraft')}</a>
      </p>
    </Layout>
  );
}
