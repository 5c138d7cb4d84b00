import { defineMessages } from '../i18n/catalogue.ts';

/** Strings of the Atom feed of published reports; an entry's title is the shared `reportOf`. */
export const feedText = defineMessages({
  en: {
    feedTitle: 'Article 67 reports',
    beneficiaryIs: 'beneficiary: {party}',
  },
  fr: {
    feedTitle: 'Rapports au titre de l’article 67',
    beneficiaryIs: 'bénéficiaire\u202f: {party}',
  },
  es: {
    feedTitle: 'Informes en virtud del artículo 67',
    beneficiaryIs: 'beneficiario: {party}',
  },
});
