import { defineMessages, type FeatureTranslate } from './catalogue.ts';
import { en } from './messages/en.ts';
import { es } from './messages/es.ts';
import { fr } from './messages/fr.ts';

/** The public site's strings (layout, search, activities, reports, parties), in src/i18n/messages/. */
export const siteText = defineMessages({
  shared: {
    fieldBudget: 'budget',
    fieldFunding: 'funding',
    fieldWebsite: 'website',
    fieldOriginalLanguage: 'originalLanguage',
    facetLdc: 'ldcBeneficiaries',
    navProgrammes: 'trainingProgrammes',
    facetRegion: 'region',
    facetType: 'type',
    facetLevel: 'level',
    facetStatus: 'status',
    fieldAgencies: 'implementingAgencies',
    fieldPartners: 'partners',
    fieldLevel: 'level',
    fieldType: 'type',
    fieldIpAreas: 'ipAreas',
    fieldStart: 'startDate',
    fieldEnd: 'endDate',
    fieldBeneficiaries: 'beneficiaries',
    fieldLanguages: 'languagesOfDelivery',
    fieldContact: 'contact',
    fieldStatus: 'status',
    fieldDescription: 'description',
    fieldTitle: 'title',
    reportOf: 'reportOf',
    fieldPeriod: 'period',
    fieldCirculation: 'circulationDate',
    fieldSource: 'source',
    fieldReportStatus: 'status',
    columnNumber: 'rowNumber',
    columnStart: 'startDate',
    columnBeneficiaries: 'beneficiaryMembers',
    reportingCycles: 'reportingCycles',
  },
  en,
  fr,
  es,
  contexts: {
    searchButton: 'verb',
    yearFrom: 'start of a range of years',
    yearTo: 'end of a range of years',
  },
});

export type MessageKey = Parameters<ReturnType<typeof siteText>>[0];
export type Translate = FeatureTranslate<MessageKey>;

/** A translator of the site's strings bound to one language; {name} placeholders are filled from params. */
export const translator = (language: Parameters<typeof siteText>[0]): Translate => siteText(language);
