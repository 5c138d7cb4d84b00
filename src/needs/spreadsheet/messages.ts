import { defineMessages } from '../../i18n/catalogue.ts';

/** Strings of the needs spreadsheet: the upload block of an assessment, the template, the preview. */
export const needsSheetText = defineMessages({
  en: {
    importHeading: 'Import needs from a spreadsheet',
    importIntro:
      'One need a row, under the template’s headers; several IP areas or kinds of help in one cell are separated by semicolons. XLSX or CSV, up to {size} MB. You see every row and its problems before anything is added.',
    uploadNoTitleColumn: 'No column is headed “Title of the need”: start from the template.',
    uploadNoNeeds: 'The file has no row of needs.',
    sheetNeeds: 'Needs to import',
  },
  fr: {
    importHeading: 'Importer des besoins depuis un tableur',
    importIntro:
      'Un besoin par ligne, sous les en-têtes du modèle\u202f; plusieurs domaines de PI ou types d’aide dans une cellule sont séparés par des points-virgules. XLSX ou CSV, jusqu’à {size} Mo. Vous voyez chaque ligne et ses problèmes avant tout ajout.',
    uploadNoTitleColumn:
      'Aucune colonne n’a pour en-tête «\u00a0Titre du besoin\u00a0»\u202f: partez du modèle.',
    uploadNoNeeds: 'Le fichier ne contient aucune ligne de besoin.',
    sheetNeeds: 'Besoins à importer',
  },
  es: {
    importHeading: 'Importar necesidades desde una hoja de cálculo',
    importIntro:
      'Una necesidad por fila, bajo los encabezados de la plantilla; varias esferas de PI o tipos de ayuda en una celda se separan con punto y coma. XLSX o CSV, hasta {size} MB. Verá cada fila y sus problemas antes de que se añada nada.',
    uploadNoTitleColumn:
      'Ninguna columna lleva el encabezado “Título de la necesidad”: parta de la plantilla.',
    uploadNoNeeds: 'El archivo no contiene ninguna fila de necesidades.',
    sheetNeeds: 'Necesidades que importar',
  },
});
