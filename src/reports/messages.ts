import { defineMessages } from '../i18n/catalogue.ts';

/** Strings of the public report pages that the shared catalogue does not hold. */
export const reportPageText = defineMessages({
  en: {
    searchReport: 'Search the activities of this report',
  },
  fr: {
    searchReport: 'Rechercher parmi les activités de ce rapport',
  },
  es: {
    searchReport: 'Buscar entre las actividades de este informe',
  },
});
