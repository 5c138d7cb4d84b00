import { DateInput, ErrorSummary } from '../http/form-fields.tsx';
import { Layout, type PageContext } from '../http/layout.tsx';
import { formatDateTime, formatNumber } from '../i18n/format.ts';
import type { Language } from '../i18n/languages.ts';
import { counted } from '../i18n/plural.ts';
import { auditActionLabel, auditFieldLabel, auditTableLabel, auditValueText } from './labels.ts';
import { auditText } from './messages.ts';
import { type AuditFilters, type AuditRow, auditPageSize, keyChanges, maxAuditCsvRows } from './service.ts';

/** "30 Nov 2026, 10:45 UTC": the moment of a change in the page's language, on one line. */
const auditTime = (lang: Language, at: Date) => `${formatDateTime(lang, at)} UTC`;

const noFilters: AuditFilters = { user: '', table: '', record: '', action: '', from: '', to: '', page: 1 };

type FilterErrors = Partial<Record<keyof AuditFilters, string>>;

/** The query string of some filters; page 1 and empty values are left out. */
export function auditQuery(filters: AuditFilters, page = filters.page): string {
  const params = new URLSearchParams();
  for (const key of ['user', 'table', 'record', 'action', 'from', 'to'] as const) {
    if (filters[key]) params.set(key, filters[key]);
  }
  if (page > 1) params.set('page', String(page));
  return params.size > 0 ? `?${params}` : '';
}

function Choice(props: {
  name: 'table' | 'action';
  label: string;
  any: string;
  value: string;
  options: string[];
  optionLabel: (value: string) => string;
}) {
  const options =
    props.value && !props.options.includes(props.value) ? [props.value, ...props.options] : props.options;
  return (
    <div class="field">
      <label for={`audit-${props.name}`}>{props.label}</label>
      <select id={`audit-${props.name}`} name={props.name}>
        <option value="">{props.any}</option>
        {options
          .map((option) => ({ value: option, label: props.optionLabel(option) }))
          .sort((a, b) => a.label.localeCompare(b.label))
          .map((option) => (
            <option value={option.value} selected={option.value === props.value}>
              {option.label}
            </option>
          ))}
      </select>
    </div>
  );
}

function TextFilter(props: {
  name: 'user' | 'record' | 'from' | 'to';
  label: string;
  value: string;
  lang?: Language;
  errors: FilterErrors;
}) {
  const error = props.errors[props.name];
  const id = `audit-${props.name}`;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {props.lang ? (
        <DateInput
          id={id}
          name={props.name}
          lang={props.lang}
          precision="any"
          value={props.value}
          error={error}
        />
      ) : (
        <input
          id={id}
          name={props.name}
          type="text"
          value={props.value}
          size={16}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
      )}
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Each changed field by its label, its value before and after in words ("Public: no → yes"). */
function Changes(props: { page: PageContext; row: AuditRow; absent: string }) {
  const { lang, t } = props.page;
  const changes = keyChanges(props.row.before, props.row.after);
  if (changes.length === 0) return <span class="muted">—</span>;
  return (
    <ul class="changes">
      {changes.map((change) => (
        <li>
          <strong>{auditFieldLabel(change.key, lang)}</strong>
          {`${t('colon')} `}
          {change.before === undefined ? (
            <em>{props.absent}</em>
          ) : (
            <del>{auditValueText(change.before, lang)}</del>
          )}
          {' → '}
          {change.after === undefined ? (
            <em>{props.absent}</em>
          ) : (
            <ins>{auditValueText(change.after, lang)}</ins>
          )}
        </li>
      ))}
    </ul>
  );
}

export function AuditPage(props: {
  page: PageContext;
  filters: AuditFilters;
  errors: FilterErrors;
  choices: { tables: string[]; actions: string[] };
  result: { total: number; rows: AuditRow[] } | null;
}) {
  const { page, filters, errors, result } = props;
  const { lang } = page;
  const text = auditText(lang);
  const base = `/${lang}/secretariat/audit`;
  const pages = result ? Math.max(1, Math.ceil(result.total / auditPageSize)) : 1;
  const filtered = Boolean(
    filters.user || filters.table || filters.record || filters.action || filters.from || filters.to,
  );
  const errorMessages: Record<string, string> = {};
  const errorTargets: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) {
    if (!message) continue;
    if (field === 'page') errorMessages.form = message;
    else {
      errorMessages[field] = message;
      errorTargets[field] = `audit-${field}`;
    }
  }
  return (
    <Layout page={page} title={text('title')}>
      <h1>{text('title')}</h1>
      <p>{text('intro')}</p>
      <details class="filter-panel" open={filtered || Object.keys(errors).length > 0}>
        <summary>{text('filterHeading')}</summary>
        <ErrorSummary page={page} errors={errorMessages} targets={errorTargets} />
        <form method="get" action={base} class="filters" novalidate>
          <TextFilter name="user" label={text('user')} value={filters.user} errors={errors} />
          <Choice
            name="table"
            label={text('table')}
            any={text('any')}
            value={filters.table}
            options={props.choices.tables}
            optionLabel={(value) => auditTableLabel(value, lang)}
          />
          <TextFilter name="record" label={text('record')} value={filters.record} errors={errors} />
          <Choice
            name="action"
            label={text('action')}
            any={text('any')}
            value={filters.action}
            options={props.choices.actions}
            optionLabel={(value) => auditActionLabel(value, lang)}
          />
          <TextFilter name="from" label={text('from')} lang={lang} value={filters.from} errors={errors} />
          <TextFilter name="to" label={text('to')} lang={lang} value={filters.to} errors={errors} />
          <div class="actions">
            <button type="submit">{text('filter')}</button>
            <a href={base}>{text('clear')}</a>
          </div>
        </form>
      </details>
      {result ? (
        <>
          <p>
            {counted(text, lang, 'changeCount', result.total)} ·{' '}
            <a href={`/${lang}/secretariat/audit.csv${auditQuery(filters, 1)}`}>{text('downloadCsv')}</a>{' '}
            <span class="muted">{text('csvLimit', { max: formatNumber(lang, maxAuditCsvRows) })}</span>
          </p>
          {result.rows.length === 0 ? (
            <p>{text('none')}</p>
          ) : (
            <div class="table-scroll">
              <table class="compact audit">
                <thead>
                  <tr>
                    <th scope="col">{text('when')}</th>
                    <th scope="col">{text('who')}</th>
                    <th scope="col">{text('action')}</th>
                    <th scope="col">{text('table')}</th>
                    <th scope="col">{text('record')}</th>
                    <th scope="col">{text('changes')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.rows.map((row) => {
                    const at = new Date(row.at);
                    return (
                      <tr>
                        <td class="nowrap">
                          <time datetime={at.toISOString()}>{auditTime(lang, at)}</time>
                        </td>
                        <td class="actor">{row.actor}</td>
                        <td>{auditActionLabel(row.action, lang)}</td>
                        <td>{auditTableLabel(row.tableName, lang)}</td>
                        <td>
                          {/* The record's whole history, whoever changed it and when. */}
                          <a
                            href={`${base}${auditQuery({ ...noFilters, table: row.tableName, record: row.recordId })}`}
                          >
                            {row.recordId}
                          </a>
                        </td>
                        <td>
                          <Changes page={page} row={row} absent={text('absent')} />
                          {row.note ? <p class="muted">{row.note}</p> : null}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          {pages > 1 || filters.page > 1 ? (
            <nav class="pages" aria-label={page.t('pagination')}>
              <ul>
                {filters.page > 1 ? (
                  <li>
                    <a href={`${base}${auditQuery(filters, Math.min(filters.page - 1, pages))}`} rel="prev">
                      {page.t('previousPage')}
                    </a>
                  </li>
                ) : null}
                <li aria-current="page">{page.t('pageOf', { page: filters.page, pages })}</li>
                {filters.page < pages ? (
                  <li>
                    <a href={`${base}${auditQuery(filters, filters.page + 1)}`} rel="next">
                      {page.t('nextPage')}
                    </a>
                  </li>
                ) : null}
              </ul>
            </nav>
          ) : null}
        </>
      ) : null}
    </Layout>
  );
}
