import { defineMessages } from '../i18n/catalogue.ts';
import type { VocabularyKey } from '../i18n/vocabulary.ts';

/** Drafting keys that stand for a shared vocabulary term: every drafting catalogue maps them. */
export const draftingShared = {
  workspaceLink: 'art67Reports',
  myReportsTitle: 'art67Reports',
  colPeriod: 'period',
  colStatus: 'fieldStatus',
  colActivities: 'programmes',
  original: 'revisionOriginal',
  corrigendum: 'revisionCorrigendum',
  addendum: 'revisionAddendum',
  statusDraft: 'reportDraft',
  statusSubmitted: 'reportSubmitted',
  statusPublished: 'reportPublished',
  draftTitle: 'reportOf',
  edit: 'edit',
  backToDraft: 'backToReport',
  fieldVersion: 'version',
} as const satisfies Record<string, VocabularyKey>;

/**
 * Interface strings shared by the drafting pages: status and grouping names, titles, the locked page.
 * Each room (draft/, activity-form/, spreadsheet/) adds its own in its messages.ts.
 */
export const draftingMessages = {
  en: {
    myReportsIntro:
      'The reports of the parties you report for, in every status. A new report starts from the last published one: its narrative and the programmes still ongoing are carried forward.',
    partyReports: 'Reports {ofParty}',
    noReports: 'No report yet.',
    colVersion: 'Document',
    colOpen: 'Open',
    open: 'Open',
    statusReturned: 'Returned with comments',
    startTitle: 'Start a report',
    periodStart: 'First day of the period',
    periodEnd: 'Last day of the period',
    periodHint:
      'Proposed: the period of the same length that starts the day after the last report ends. Change it if yours differs.',
    originalLanguage: 'Original language of the report',
    startButton: 'Start the report',
    dayInvalid: 'Give a date such as {example}, in a year from {min} to {max}.',
    periodReversed: 'The period ends before it starts.',
    reportExists:
      '{theParty} already has a report for {period}. Open it from the list, or start a corrigendum or addendum once it is published.',
    startRevisionTitle: 'Correct or complete a published report',
    revisionKind: 'Kind of revision',
    kindCorrigendum: 'Corrigendum (corrects the published text)',
    kindAddendum: 'Addendum (adds information)',
    kindRevision: 'Revision (replaces the whole document)',
    startRevisionButton: 'Start the revision',
    secretariatComment: 'Comment of the Secretariat',
    commentOn: '{date}',
    groupingLevelAgency: 'By level, then by implementing agency',
    groupingLevel: 'By level',
    groupingAgency: 'By implementing agency',
    groupingNone: 'In the order of the list',
    startDate: 'Start: {date}',
    uploadLabel: 'Spreadsheet to upload',
    uploadButton: 'Upload and preview',
    submitted: 'The report was submitted to the WTO Secretariat.',
    conflictTitle: 'Someone saved this in the meantime',
    conflictIntro:
      'Nothing was overwritten. Someone else saved a new version after you opened the form. Compare both versions; to keep yours, check it and save it again.',
    yourVersion: 'Your version (not saved)',
    storedVersion: 'Saved now (version {version})',
    saveMine: 'Save my version over it',
    lockedTitle: 'This report can no longer be changed',
    lockedText:
      'The report is {status}. A submitted report waits for the Secretariat; a published one is corrected by a corrigendum or an addendum.',
    uploadNotYours: 'This upload was made by someone else.',
  },
  fr: {
    myReportsIntro:
      'Les rapports des parties pour lesquelles vous faites rapport, quel que soit leur statut. Un nouveau rapport part du dernier rapport publié\u202f: son exposé et les programmes encore en cours sont repris.',
    partyReports: 'Rapports {ofParty}',
    noReports: 'Aucun rapport pour l’instant.',
    colVersion: 'Document',
    colOpen: 'Ouvrir',
    open: 'Ouvrir',
    statusReturned: 'Renvoyé avec des observations',
    startTitle: 'Commencer un rapport',
    periodStart: 'Premier jour de la période',
    periodEnd: 'Dernier jour de la période',
    periodHint:
      'Proposée : la période de même durée qui commence le lendemain de la fin du dernier rapport. Modifiez-la si la vôtre diffère.',
    originalLanguage: 'Langue originale du rapport',
    startButton: 'Commencer le rapport',
    dayInvalid: 'Indiquez une date, par ex. {example}, d’une année comprise entre {min} et {max}.',
    periodReversed: 'La période se termine avant de commencer.',
    reportExists:
      '{theParty} a déjà un rapport pour {period}. Ouvrez-le depuis la liste, ou commencez un corrigendum ou un addendum une fois qu’il est publié.',
    startRevisionTitle: 'Corriger ou compléter un rapport publié',
    revisionKind: 'Type de révision',
    kindCorrigendum: 'Corrigendum (corrige le texte publié)',
    kindAddendum: 'Addendum (ajoute des informations)',
    kindRevision: 'Révision (remplace le document entier)',
    startRevisionButton: 'Commencer la révision',
    secretariatComment: 'Observation du Secrétariat',
    commentOn: '{date}',
    groupingLevelAgency: 'Par niveau, puis par organisme d’exécution',
    groupingLevel: 'Par niveau',
    groupingAgency: 'Par organisme d’exécution',
    groupingNone: 'Dans l’ordre de la liste',
    startDate: 'Début\u202f: {date}',
    uploadLabel: 'Tableur à téléverser',
    uploadButton: 'Téléverser et prévisualiser',
    submitted: 'Le rapport a été présenté au Secrétariat de l’OMC.',
    conflictTitle: 'Quelqu’un a enregistré entre-temps',
    conflictIntro:
      'Rien n’a été écrasé. Une autre personne a enregistré une nouvelle version après l’ouverture de votre formulaire. Comparez les deux versions ; pour garder la vôtre, vérifiez-la et enregistrez-la à nouveau.',
    yourVersion: 'Votre version (non enregistrée)',
    storedVersion: 'Version enregistrée (version {version})',
    saveMine: 'Enregistrer ma version à la place',
    lockedTitle: 'Ce rapport ne peut plus être modifié',
    lockedText:
      'Le rapport a le statut « {status} ». Un rapport présenté attend le Secrétariat ; un rapport publié se corrige par un corrigendum ou un addendum.',
    uploadNotYours: 'Ce téléversement a été fait par une autre personne.',
  },
  es: {
    myReportsIntro:
      'Los informes de las partes por las que usted informa, en cualquier estado. Un informe nuevo parte del último informe publicado: se retoman su exposición y los programas aún en curso.',
    partyReports: 'Informes {ofParty}',
    noReports: 'Todavía no hay ningún informe.',
    colVersion: 'Documento',
    colOpen: 'Abrir',
    open: 'Abrir',
    statusReturned: 'Devuelto con observaciones',
    startTitle: 'Empezar un informe',
    periodStart: 'Primer día del período',
    periodEnd: 'Último día del período',
    periodHint:
      'Propuesto: el período de la misma duración que empieza el día siguiente al fin del último informe. Cámbielo si el suyo es distinto.',
    originalLanguage: 'Idioma original del informe',
    startButton: 'Empezar el informe',
    dayInvalid: 'Indique una fecha, p. ej. {example}, de un año entre {min} y {max}.',
    periodReversed: 'El período termina antes de empezar.',
    reportExists:
      '{theParty} ya tiene un informe para {period}. Ábralo desde la lista, o empiece un corrigendum o un addendum una vez publicado.',
    startRevisionTitle: 'Corregir o completar un informe publicado',
    revisionKind: 'Tipo de revisión',
    kindCorrigendum: 'Corrigendum (corrige el texto publicado)',
    kindAddendum: 'Addendum (añade información)',
    kindRevision: 'Revisión (reemplaza el documento entero)',
    startRevisionButton: 'Empezar la revisión',
    secretariatComment: 'Observación de la Secretaría',
    commentOn: '{date}',
    groupingLevelAgency: 'Por nivel y luego por organismo de ejecución',
    groupingLevel: 'Por nivel',
    groupingAgency: 'Por organismo de ejecución',
    groupingNone: 'En el orden de la lista',
    startDate: 'Inicio: {date}',
    uploadLabel: 'Hoja de cálculo que se cargará',
    uploadButton: 'Cargar y ver la vista previa',
    submitted: 'El informe se presentó a la Secretaría de la OMC.',
    conflictTitle: 'Alguien guardó cambios mientras tanto',
    conflictIntro:
      'No se sobrescribió nada. Otra persona guardó una nueva versión después de que usted abriera el formulario. Compare ambas versiones; para conservar la suya, revísela y vuelva a guardarla.',
    yourVersion: 'Su versión (no guardada)',
    storedVersion: 'Versión guardada (versión {version})',
    saveMine: 'Guardar mi versión en su lugar',
    lockedTitle: 'Este informe ya no se puede modificar',
    lockedText:
      'El informe tiene el estado «{status}». Un informe presentado espera a la Secretaría; uno publicado se corrige mediante un corrigendum o un addendum.',
    uploadNotYours: 'Esta carga la hizo otra persona.',
  },
};

export const draftingText = defineMessages({ ...draftingMessages, shared: draftingShared });

export type DraftingText = ReturnType<typeof draftingText>;
export type DraftingMessageKey = Parameters<DraftingText>[0];
