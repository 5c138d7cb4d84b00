import { defineMessages } from '../i18n/catalogue.ts';

/** Strings of the Atom feed of published reports; an entry's title is the shared `reportOf`. */
export const feedText = defineMessages({
  en: {
    feedTitle: 'Article 67 reports',
    beneficiaryIs: 'beneficiary: {party}',
    feedSubtitle:
      'This is a news feed: copy its address into a feed reader to hear of each newly published report. The reports as a web page: {page}',
  },
  fr: {
    feedTitle: 'Rapports au titre de l’article 67',
    beneficiaryIs: 'bénéficiaire\u202f: {party}',
    feedSubtitle:
      'Ceci est un flux d’actualités\u202f: copiez son adresse dans un lecteur de flux pour être averti de chaque nouveau rapport publié. Les rapports sous forme de page web\u202f: {page}',
  },
  es: {
    feedTitle: 'Informes en virtud del artículo 67',
    beneficiaryIs: 'beneficiario: {party}',
    feedSubtitle:
      'Este es un canal de noticias: copie su dirección en un lector de canales para enterarse de cada nuevo informe publicado. Los informes como página web: {page}',
  },
});
