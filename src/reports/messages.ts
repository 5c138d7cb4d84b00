import { defineMessages } from '../i18n/catalogue.ts';

/** Strings of the public report pages that the shared catalogue does not hold. */
export const reportPageText = defineMessages({
  shared: {
    overviewHeading: 'overviewOfIncentives',
    sampleReport: 'sampleArt66Report',
    kindOfReport: 'fieldKindOfReport',
  },
  en: {
    searchReport: 'Search the activities of this report',
    allKinds: 'Both kinds',
  },
  fr: {
    searchReport: 'Rechercher parmi les activités de ce rapport',
    allKinds: 'Les deux types',
  },
  es: {
    searchReport: 'Buscar entre las actividades de este informe',
    allKinds: 'Los dos tipos',
  },
});
