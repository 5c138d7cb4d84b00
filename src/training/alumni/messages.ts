import { defineMessages } from '../../i18n/catalogue.ts';

export const alumniText = defineMessages({
  shared: {
    programme: 'programme',
    edition: 'trainingEdition',
    name: 'fieldName',
    position: 'position',
    office: 'ipOffice',
    party: 'party',
    completed: 'participantCompleted',
    yes: 'yes',
    no: 'no',
    sample: 'sampleData',
    erased: 'erasedPerson',
    count: 'participantCount',
  },
  en: {
    title: 'Alumni',
    intro:
      'Everyone who took part in the editions of the programmes you coordinate. Personal data: for coordinators only.',
    none: 'No participant is recorded yet.',
    download: 'Download as CSV',
    email: 'E-mail',
    certificate: 'Certificate',
    publicName: 'Name may be shown publicly',
  },
  fr: {
    title: 'Anciens participants',
    intro:
      'Toutes les personnes ayant suivi les éditions des programmes que vous coordonnez. Données personnelles\u202f: réservées aux coordonnateurs.',
    none: 'Aucun participant n’est encore enregistré.',
    download: 'Télécharger en CSV',
    email: 'Adresse électronique',
    certificate: 'Certificat',
    publicName: 'Nom publiable',
  },
  es: {
    title: 'Antiguos participantes',
    intro:
      'Todas las personas que participaron en las ediciones de los programas que usted coordina. Datos personales: solo para coordinadores.',
    none: 'Todavía no hay participantes registrados.',
    download: 'Descargar en CSV',
    email: 'Correo electrónico',
    certificate: 'Certificado',
    publicName: 'Nombre publicable',
  },
});
