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
  },
  en: {
    title: 'Alumni',
    intro:
      'Participants who completed an edition that has ended, in the programmes you coordinate. People selected for editions still to come are not alumni yet. Personal data: for coordinators only.',
    none: 'No participant is recorded yet.',
    download: 'Download as CSV',
    email: 'E-mail',
    certificate: 'Certificate',
    publicName: 'Name may be shown publicly',
  },
  fr: {
    title: 'Anciens participants',
    intro:
      'Les participants qui ont terminé une édition achevée, dans les programmes que vous coordonnez. Les personnes sélectionnées pour des éditions à venir ne sont pas encore des anciens. Données personnelles : réservées aux coordonnateurs.',
    none: 'Aucun participant n’est encore enregistré.',
    download: 'Télécharger en CSV',
    email: 'Adresse électronique',
    certificate: 'Certificat',
    publicName: 'Nom publiable',
  },
  es: {
    title: 'Antiguos participantes',
    intro:
      'Los participantes que completaron una edición ya terminada, en los programas que usted coordina. Las personas seleccionadas para ediciones futuras aún no son antiguos participantes. Datos personales: solo para coordinadores.',
    none: 'Todavía no hay participantes registrados.',
    download: 'Descargar en CSV',
    email: 'Correo electrónico',
    certificate: 'Certificado',
    publicName: 'Nombre publicable',
  },
});
