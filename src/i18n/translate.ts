import { defineMessages, type FeatureTranslate } from './catalogue.ts';
import { en } from './messages/en.ts';
import { es } from './messages/es.ts';
import { fr } from './messages/fr.ts';

/** The public site's strings (layout, search, activities, reports, parties), in src/i18n/messages/. */
export const siteText = defineMessages({
  shared: {
    facetDonor: 'reportingParty',
    fieldDeliveryMode: 'fieldDeliveryMode',
    fieldBudget: 'fieldBudget',
    fieldFunding: 'fieldFunding',
    fieldWebsite: 'fieldWebsite',
    fieldOriginalLanguage: 'fieldOriginalLanguage',
    facetLdc: 'fieldLdcBeneficiaries',
    navProgrammes: 'trainingProgrammes',
    facetRegion: 'fieldRegion',
    facetType: 'fieldType',
    facetLevel: 'fieldLevel',
    facetStatus: 'fieldStatus',
    fieldAgencies: 'fieldImplementingAgencies',
    fieldPartners: 'fieldPartners',
    fieldLevel: 'fieldLevel',
    fieldType: 'fieldType',
    fieldIpAreas: 'fieldIpAreas',
    fieldStart: 'fieldStart',
    fieldEnd: 'fieldEnd',
    fieldBeneficiaries: 'fieldBeneficiaries',
    fieldLanguages: 'fieldLanguagesOfDelivery',
    fieldContact: 'fieldContact',
    fieldStatus: 'fieldStatus',
    fieldDescription: 'fieldDescription',
    fieldTitle: 'fieldTitle',
    reportOf: 'reportOf',
    fieldPeriod: 'period',
    fieldCirculation: 'circulationDate',
    fieldSource: 'fieldSource',
    fieldReportStatus: 'fieldStatus',
    columnNumber: 'rowNumber',
    columnStart: 'fieldStart',
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
