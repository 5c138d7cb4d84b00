import { defineMessages } from '../../i18n/catalogue.ts';

/** The incentive form of an Article 66.2 report: field names, hints and refusals. */
export const incentiveText = defineMessages({
  shared: {
    overviewLabel: 'overviewOfIncentives',
    fieldTitle: 'fieldTitle',
    fieldDescription: 'fieldDescription',
    fieldCurrency: 'fieldCurrency',
    fieldLdcBeneficiaries: 'fieldLdcBeneficiaries',
    fieldIncentiveType: 'fieldIncentiveType',
    fieldGovernmentBody: 'fieldGovernmentBody',
    fieldEligibleEntities: 'fieldEligibleEntities',
    fieldSectors: 'fieldSectors',
    fieldTechnologyTransferred: 'fieldTechnologyTransferred',
    fieldModeAndTerms: 'fieldModeAndTerms',
    fieldLdcSpecificity: 'fieldLdcSpecificity',
    fieldAmount: 'fieldAmount',
    fieldEnterprises: 'fieldEnterprises',
    fieldPeopleTrained: 'fieldPeopleTrained',
  },
  en: {
    incentivesTitle: 'Incentives',
    incentivesIntro:
      'One entry per incentive or programme that encourages enterprises and institutions to transfer technology to least developed countries.',
    noIncentives: 'No incentive yet.',
    spreadsheetIntro:
      'Or fill in the template offline, one row per incentive (several sectors or LDCs in one cell, separated by “;”), and upload it as XLSX or CSV: you see every row before anything is added.',
    addIncentive: 'Add an incentive',
    newIncentiveTitle: 'New incentive',
    editIncentiveTitle: 'Edit the incentive',
    overviewHint:
      'The legislative, policy and regulatory framework of the incentives; one paragraph per line.',
    figuresLegend: 'Figures on its use',
    beneficiariesHint:
      'Only the parties that were least developed countries during the period of the report.',
    noLdcsInPeriod: 'No party was a least developed country during the period of the report.',
    chooseOne: 'Choose…',
    saveIncentive: 'Save the incentive',
    incentiveAdded: 'The incentive is added.',
    incentiveSaved: 'The incentive is saved.',
    incentiveRemoved: 'The incentive is removed.',
    incentiveConflict:
      'Someone changed this incentive since you opened the form. Here it is as it stands now; make your change again.',
    notAnLdc: '{names}: not a least developed country during the period of the report.',
    wholeNumber: 'Write a whole number, e.g. 12.',
    amountCurrencyRequired: 'Give the currency of the amount (an ISO 4217 code such as CAD, USD, EUR).',
  },
  fr: {
    incentivesTitle: 'Incitations',
    incentivesIntro:
      'Une entrée par incitation ou programme encourageant les entreprises et les institutions à transférer de la technologie vers les pays les moins avancés.',
    noIncentives: 'Aucune incitation pour l’instant.',
    spreadsheetIntro:
      'Ou remplissez le modèle hors ligne, une ligne par incitation (plusieurs secteurs ou PMA dans une cellule, séparés par «\u202f;\u202f»), et téléversez-le au format XLSX ou CSV\u202f: vous voyez chaque ligne avant tout ajout.',
    addIncentive: 'Ajouter une incitation',
    newIncentiveTitle: 'Nouvelle incitation',
    editIncentiveTitle: 'Modifier l’incitation',
    overviewHint:
      'Le cadre législatif, politique et réglementaire des incitations\u202f; un paragraphe par ligne.',
    figuresLegend: 'Chiffres sur son utilisation',
    beneficiariesHint:
      'Uniquement les parties qui étaient des pays les moins avancés pendant la période du rapport.',
    noLdcsInPeriod: 'Aucune partie n’était un pays moins avancé pendant la période du rapport.',
    chooseOne: 'Choisir…',
    saveIncentive: 'Enregistrer l’incitation',
    incentiveAdded: 'L’incitation est ajoutée.',
    incentiveSaved: 'L’incitation est enregistrée.',
    incentiveRemoved: 'L’incitation est retirée.',
    incentiveConflict:
      'Quelqu’un a modifié cette incitation depuis l’ouverture du formulaire. La voici telle qu’elle est maintenant\u202f; refaites votre modification.',
    notAnLdc: '{names}\u202f: pas un pays moins avancé pendant la période du rapport.',
    wholeNumber: 'Écrivez un nombre entier, par ex. 12.',
    amountCurrencyRequired: 'Indiquez la monnaie du montant (un code ISO 4217 comme CAD, USD, EUR).',
  },
  es: {
    incentivesTitle: 'Incentivos',
    incentivesIntro:
      'Una entrada por incentivo o programa que aliente a las empresas e instituciones a transferir tecnología a los países menos adelantados.',
    noIncentives: 'Todavía no hay incentivos.',
    spreadsheetIntro:
      'O rellene la plantilla sin conexión, una fila por incentivo (varios sectores o PMA en una celda, separados por «;»), y cárguela en XLSX o CSV: verá cada fila antes de que se añada nada.',
    addIncentive: 'Añadir un incentivo',
    newIncentiveTitle: 'Nuevo incentivo',
    editIncentiveTitle: 'Modificar el incentivo',
    overviewHint: 'El marco legislativo, normativo y de políticas de los incentivos; un párrafo por línea.',
    figuresLegend: 'Cifras sobre su utilización',
    beneficiariesHint: 'Solo las partes que eran países menos adelantados durante el período del informe.',
    noLdcsInPeriod: 'Ninguna parte era un país menos adelantado durante el período del informe.',
    chooseOne: 'Elegir…',
    saveIncentive: 'Guardar el incentivo',
    incentiveAdded: 'El incentivo se ha añadido.',
    incentiveSaved: 'El incentivo se ha guardado.',
    incentiveRemoved: 'El incentivo se ha retirado.',
    incentiveConflict:
      'Alguien modificó este incentivo después de que usted abriera el formulario. Aquí está tal como es ahora; vuelva a hacer su cambio.',
    notAnLdc: '{names}: no era un país menos adelantado durante el período del informe.',
    wholeNumber: 'Escriba un número entero, p. ej., 12.',
    amountCurrencyRequired: 'Indique la moneda del importe (un código ISO 4217 como CAD, USD, EUR).',
  },
});
