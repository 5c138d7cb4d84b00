import { defineMessages } from '../i18n/catalogue.ts';

/** Interface strings of the search page beyond the shared vocabulary. */
export const searchText = defineMessages({
  shared: { facetReport: 'report', facetReporter: 'reportingParty', reportOf: 'reportOf' },
  en: {
    didYouMean: 'Did you mean {suggestion}?',
    facetCycle: 'Reporting cycle',
    cycleLabel: 'Cycle {cycle}',
    hintReport: 'a report number, as in the address of a report page',
    hintCycle: 'a reporting cycle such as 2021-2022',
  },
  fr: {
    didYouMean: 'Vouliez-vous dire {suggestion}\u202f?',
    facetCycle: 'Cycle de rapport',
    cycleLabel: 'Cycle {cycle}',
    hintReport: 'un numéro de rapport, comme dans l’adresse de la page d’un rapport',
    hintCycle: 'un cycle de rapport tel que 2021-2022',
  },
  es: {
    didYouMean: '¿Quiso decir {suggestion}?',
    facetCycle: 'Ciclo de presentación de informes',
    cycleLabel: 'Ciclo {cycle}',
    hintReport: 'un número de informe, como en la dirección de la página de un informe',
    hintCycle: 'un ciclo de presentación de informes como 2021-2022',
  },
});
export type SearchTranslate = ReturnType<typeof searchText>;
