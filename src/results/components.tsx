import {
  CheckboxField,
  DateField,
  SelectField,
  type SummaryItem,
  TextArea,
  TextField,
} from '../http/form-fields.tsx';
import type { PageContext } from '../http/layout.tsx';
import { vocabulary } from '../i18n/catalogue.ts';
import { formatNumber } from '../i18n/format.ts';
import { type Language, languageNames, languages } from '../i18n/languages.ts';
import { counted } from '../i18n/plural.ts';
import { indicatorKey, nextNumber, periodKey } from './form.ts';
import type { RawIndicator, RawPeriod, ResultErrors } from './input.ts';
import { baselineText, measureName, periodText, resultTypeName } from './labels.ts';
import { resultsText } from './messages.ts';
import type { ResultSums } from './sums.ts';
import { type ResultIndicator, resultMeasures, resultTypes } from './taxonomy.ts';

/** The label of a result field, for the error summary ("Target: …"). */
function fieldLabel(field: string, lang: Language): string {
  const text = resultsText(lang);
  const labels: Record<string, string> = {
    type: text('resultType'),
    title: text('indicatorTitle'),
    language: text('indicatorLanguage'),
    measure: text('measure'),
    baselineYear: text('baselineYear'),
    baselineValue: text('baselineValue'),
    source: vocabulary(lang)('fieldSource'),
    start: text('periodStart'),
    end: text('periodEnd'),
    target: text('target'),
    actual: text('actual'),
  };
  return labels[field] ?? field;
}

/** Error summary lines of the result fields: "Result indicator 2, Target: write a number…", linked to the field. */
export function resultErrorItems(errors: ResultErrors, lang: Language, colon: string): SummaryItem[] {
  const text = resultsText(lang);
  return Object.entries(errors).flatMap(([field, message]) => {
    const match = /^result-(\d+)-(?:period-\d+-)?([a-zA-Z]+)$/.exec(field);
    if (!match) return [];
    const where = `${text('resultIndicator', { number: Number(match[1]) })}, ${fieldLabel(match[2] ?? '', lang)}`;
    return [{ message: `${where}${colon} ${message}`, target: field }];
  });
}

const blankPeriod = (key: string): RawPeriod => ({ key, start: '', end: '', target: '', actual: '' });

function PeriodFields(props: {
  page: PageContext;
  period: RawPeriod;
  legend: string;
  errors: ResultErrors;
  removable: boolean;
}) {
  const { page, period, errors } = props;
  const text = resultsText(page.lang);
  const name = (field: string) => `${period.key}-${field}`;
  return (
    <fieldset class="result-period">
      <legend>{props.legend}</legend>
      <div class="field-row">
        <DateField
          name={name('start')}
          label={text('periodStart')}
          lang={page.lang}
          precision="day"
          value={period.start}
          error={errors[name('start')]}
        />
        <DateField
          name={name('end')}
          label={text('periodEnd')}
          lang={page.lang}
          precision="day"
          value={period.end}
          error={errors[name('end')]}
        />
        <TextField
          name={name('target')}
          label={text('target')}
          value={period.target}
          error={errors[name('target')]}
        />
        <TextField
          name={name('actual')}
          label={text('actual')}
          value={period.actual}
          error={errors[name('actual')]}
        />
      </div>
      {props.removable ? (
        <CheckboxField name={name('remove')} label={text('removePeriod')} checked={false} />
      ) : null}
    </fieldset>
  );
}

function IndicatorFields(props: {
  page: PageContext;
  indicator: RawIndicator;
  legend: string;
  hint?: string;
  errors: ResultErrors;
  removable: boolean;
  defaultLanguage: Language;
}) {
  const { page, indicator, errors } = props;
  const { lang } = page;
  const text = resultsText(lang);
  const name = (field: string) => `${indicator.key}-${field}`;
  const periods = [
    ...indicator.periods,
    blankPeriod(periodKey(indicator.key, nextNumber(indicator.periods.map((p) => p.key)))),
  ];
  return (
    <fieldset class="result-indicator" id={indicator.key}>
      <legend>{props.legend}</legend>
      {props.hint ? <p class="hint">{props.hint}</p> : null}
      <div class="field-row">
        <SelectField
          name={name('type')}
          label={text('resultType')}
          value={indicator.type}
          error={errors[name('type')]}
          emptyLabel=""
          options={resultTypes.map((type) => ({ value: type, label: resultTypeName(type, lang) }))}
        />
        <SelectField
          name={name('measure')}
          label={text('measure')}
          value={indicator.measure}
          error={errors[name('measure')]}
          emptyLabel=""
          options={resultMeasures.map((measure) => ({ value: measure, label: measureName(measure, lang) }))}
        />
      </div>
      <TextArea
        name={name('title')}
        label={text('indicatorTitle')}
        value={indicator.title}
        error={errors[name('title')]}
        rows={2}
      />
      <div class="field-row">
        <SelectField
          name={name('language')}
          label={text('indicatorLanguage')}
          value={indicator.language || props.defaultLanguage}
          error={errors[name('language')]}
          options={languages.map((code) => ({ value: code, label: languageNames[code] }))}
        />
        <TextField
          name={name('baselineYear')}
          label={text('baselineYear')}
          value={indicator.baselineYear}
          error={errors[name('baselineYear')]}
        />
        <TextField
          name={name('baselineValue')}
          label={text('baselineValue')}
          value={indicator.baselineValue}
          error={errors[name('baselineValue')]}
        />
      </div>
      {periods.map((period, j) => (
        <PeriodFields
          page={page}
          period={period}
          errors={errors}
          removable={j < indicator.periods.length}
          legend={
            j < indicator.periods.length
              ? text('measurementPeriod', { number: j + 1 })
              : text('newMeasurementPeriod')
          }
        />
      ))}
      <TextField
        name={name('source')}
        label={vocabulary(lang)('fieldSource')}
        value={indicator.source}
        error={errors[name('source')]}
      />
      {props.removable ? (
        <CheckboxField name={name('remove')} label={text('removeIndicator')} checked={false} />
      ) : null}
    </fieldset>
  );
}

/**
 * The result indicators of a form: each one typed so far, then a blank one to add another; the
 * computed ones (from a training edition) are shown, not editable.
 */
export function ResultFields(props: {
  page: PageContext;
  indicators: RawIndicator[];
  computed: ResultIndicator[];
  errors: ResultErrors;
  defaultLanguage: Language;
  /** What the indicators measure: an activity (default) or an Art. 66.2 incentive. */
  of?: 'activity' | 'incentive';
}) {
  const { page } = props;
  const text = resultsText(page.lang);
  const spare: RawIndicator = {
    key: indicatorKey(nextNumber(props.indicators.map((indicator) => indicator.key))),
    type: '',
    title: '',
    language: '',
    measure: '',
    baselineYear: '',
    baselineValue: '',
    source: '',
    periods: [],
  };
  return (
    <section class="result-fields" aria-labelledby="results-title">
      <h2 id="results-title">{text('results')}</h2>
      <p class="hint">{text(props.of === 'incentive' ? 'incentiveResultsHint' : 'resultsHint')}</p>
      {props.computed.length > 0 ? (
        <>
          <p class="note">{text('automaticResults')}</p>
          <ResultList lang={page.lang} indicators={props.computed} headingLevel={3} />
        </>
      ) : null}
      {props.indicators.map((indicator, i) => (
        <IndicatorFields
          page={page}
          indicator={indicator}
          errors={props.errors}
          removable={true}
          defaultLanguage={props.defaultLanguage}
          legend={text('resultIndicator', { number: i + 1 })}
        />
      ))}
      <IndicatorFields
        page={page}
        indicator={spare}
        errors={props.errors}
        removable={false}
        defaultLanguage={props.defaultLanguage}
        legend={text('newResultIndicator')}
        hint={text('newResultIndicatorHint')}
      />
    </section>
  );
}

/** An activity's result indicators, read-only: type, what is measured, baseline, each period, source. */
export function ResultList(props: {
  lang: Language;
  indicators: ResultIndicator[];
  headingLevel?: 3 | 4 | 5;
}) {
  const { lang } = props;
  const text = resultsText(lang);
  if (props.indicators.length === 0) return <p class="muted">{text('noResults')}</p>;
  const Heading = props.headingLevel === 5 ? 'h5' : props.headingLevel === 4 ? 'h4' : 'h3';
  return (
    <ul class="result-list">
      {props.indicators.map((indicator) => {
        const baseline = baselineText(indicator, lang);
        return (
          <li lang={indicator.language === lang ? undefined : indicator.language}>
            <Heading>
              <span class="tag">{resultTypeName(indicator.type, lang)}</span> {indicator.title}
              {indicator.isSample ? (
                <>
                  {' '}
                  <span class="sample-badge" lang={lang}>
                    {vocabulary(lang)('sampleData')}
                  </span>
                </>
              ) : null}
            </Heading>
            <p class="muted" lang={lang}>
              {text('measure')}
              {vocabulary(lang)('colon')} {measureName(indicator.measure, lang)}
              {baseline ? ` · ${baseline}` : ''}
            </p>
            <ul lang={lang}>
              {indicator.periods.map((period) => (
                <li>{periodText(indicator, period, lang)}</li>
              ))}
            </ul>
            {indicator.source ? (
              <p class="muted">{text('sourceLine', { source: indicator.source })}</p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** A titled section of result indicators, for the pages of an activity (public, draft, review). */
export function ResultsSection(props: { lang: Language; indicators: ResultIndicator[]; id?: string }) {
  const id = props.id ?? 'results';
  return (
    <section id={id} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{resultsText(props.lang)('results')}</h2>
      <ResultList lang={props.lang} indicators={props.indicators} />
    </section>
  );
}

/** Sums of result indicators where units agree, and how many could not be added. */
export function ResultSumsList(props: { lang: Language; sums: ResultSums; headingLevel?: 2 | 3 }) {
  const { lang, sums } = props;
  const text = resultsText(lang);
  if (sums.sums.length === 0 && sums.notSummed === 0) return null;
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  const number = (value: number) => formatNumber(lang, value);
  return (
    <section class="result-sums" aria-label={text('resultsSummed')}>
      <Heading>{text('resultsSummed')}</Heading>
      <p class="hint">{text('resultsSummedHint')}</p>
      <ul>
        {sums.sums.map((sum) => {
          const unit = measureName(sum.unit, lang);
          const line =
            sum.actual !== null && sum.target !== null
              ? text('sumLine', { unit, actual: number(sum.actual), target: number(sum.target) })
              : sum.actual !== null
                ? text('sumActualOnly', { unit, actual: number(sum.actual) })
                : text('sumTargetOnly', { unit, target: number(sum.target ?? 0) });
          return (
            <li>
              {line} <span class="muted">({counted(text, lang, 'sumFrom', sum.indicators)})</span>
            </li>
          );
        })}
      </ul>
      {sums.notSummed > 0 ? <p class="muted">{counted(text, lang, 'notSummed', sums.notSummed)}</p> : null}
    </section>
  );
}
