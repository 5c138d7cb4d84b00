import { defineMessages } from '../i18n/catalogue.ts';

/** Strings of the Atom feeds: published reports (an entry's title is the shared `reportOf`), new needs and offers. */
export const feedText = defineMessages({
  en: {
    feedTitle: 'Article 67 reports',
    beneficiaryIs: 'beneficiary: {party}',
    feedSubtitle:
      'This is a news feed: copy its address into a feed reader to hear of each newly published report. The reports as a web page: {page}',
    cooperationTitle: 'New needs and offers',
    cooperationSubtitle:
      'This is a news feed: copy its address into a feed reader to hear of each need Members publish and each offer donors make. The needs as a web page: {page}',
    needEntry: 'Need {ofParty}: {title}',
    offerEntry: 'Offer: {title}',
  },
  fr: {
    feedTitle: 'Rapports au titre de l’article 67',
    beneficiaryIs: 'bénéficiaire\u202f: {party}',
    feedSubtitle:
      'Ceci est un flux d’actualités\u202f: copiez son adresse dans un lecteur de flux pour être averti de chaque nouveau rapport publié. Les rapports sous forme de page web\u202f: {page}',
    cooperationTitle: 'Nouveaux besoins et nouvelles offres',
    cooperationSubtitle:
      'Ceci est un flux d’actualités\u202f: copiez son adresse dans un lecteur de flux pour être averti de chaque besoin publié par les Membres et de chaque offre faite par les donateurs. Les besoins sous forme de page web\u202f: {page}',
    needEntry: 'Besoin {ofParty}\u202f: {title}',
    offerEntry: 'Offre\u202f: {title}',
  },
  es: {
    feedTitle: 'Informes en virtud del artículo 67',
    beneficiaryIs: 'beneficiario: {party}',
    feedSubtitle:
      'Este es un canal de noticias: copie su dirección en un lector de canales para enterarse de cada nuevo informe publicado. Los informes como página web: {page}',
    cooperationTitle: 'Nuevas necesidades y ofertas',
    cooperationSubtitle:
      'Este es un canal de noticias: copie su dirección en un lector de canales para enterarse de cada necesidad que publiquen los Miembros y de cada oferta de los donantes. Las necesidades como página web: {page}',
    needEntry: 'Necesidad {ofParty}: {title}',
    offerEntry: 'Oferta: {title}',
  },
});
