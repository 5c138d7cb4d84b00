import { defineMessages } from '../../i18n/catalogue.ts';
import { draftingMessages, draftingShared } from '../messages.ts';

/** Interface strings of the upload and preview pages (with the strings shared by every drafting page). */
export const uploadText = defineMessages({
  shared: { ...draftingShared },
  en: {
    ...draftingMessages.en,
    fileMissing: 'Choose a file to upload.',
    fileTooLarge: 'The file is larger than {size} MB.',
    uploadTitle: 'Spreadsheet preview',
    uploadIntro:
      '“{file}”: {rows}, {good}, {bad}. Rows with errors are not imported; correct them in the file and upload it again, or import the good rows now.',
    rowsReadOne: '{count} row read',
    rowsReadOther: '{count} rows read',
    rowsGoodOne: '{count} row ready to import',
    rowsGoodOther: '{count} rows ready to import',
    rowsBadOne: '{count} row with errors',
    rowsBadOther: '{count} rows with errors',
    uploadExpired: 'This upload has expired or was already imported. Upload the file again.',
    needsChanged:
      'A need named in the file was met or withdrawn since the preview. Nothing was imported: upload the file again to see which.',
    uploadNoRows: 'The file has no row of activities.',
    colRow: 'Row',
    colProblems: 'Problems',
    fieldProblem: '{field}: {message}',
    rowReady: 'ready',
    rowRefused: 'not imported',
    cellError: 'Column {column}:',
    previewCaption: 'Each row of the file; refused cells are marked and say why.',
    confirmImportOne: 'Import the good row',
    confirmImportOther: 'Import the {count} good rows',
    nothingToImport: 'No row can be imported. Correct the file and upload it again.',
    uploadAgain: 'Upload a corrected file',
    fileWarnings: 'About the file',
  },
  fr: {
    ...draftingMessages.fr,
    fileMissing: 'Choisissez un fichier à téléverser.',
    fileTooLarge: 'Le fichier dépasse {size} Mo.',
    uploadTitle: 'Aperçu du tableur',
    uploadIntro:
      '« {file} »\u202f: {rows}, {good}, {bad}. Les lignes en erreur ne sont pas importées ; corrigez-les dans le fichier et téléversez-le à nouveau, ou importez dès maintenant les lignes correctes.',
    rowsReadOne: '{count} ligne lue',
    rowsReadOther: '{count} lignes lues',
    rowsGoodOne: '{count} ligne prête à importer',
    rowsGoodOther: '{count} lignes prêtes à importer',
    rowsBadOne: '{count} ligne avec des erreurs',
    rowsBadOther: '{count} lignes avec des erreurs',
    uploadExpired: 'Ce téléversement a expiré ou a déjà été importé. Téléversez le fichier à nouveau.',
    needsChanged:
      'Un besoin indiqué dans le fichier a été satisfait ou retiré depuis l’aperçu. Rien n’a été importé\u202f: téléversez à nouveau le fichier pour voir lequel.',
    uploadNoRows: 'Le fichier ne contient aucune ligne d’activité.',
    colRow: 'Ligne',
    colProblems: 'Problèmes',
    fieldProblem: '{field}\u202f: {message}',
    rowReady: 'prête',
    rowRefused: 'non importée',
    cellError: 'Colonne {column}\u202f:',
    previewCaption: 'Chaque ligne du fichier\u202f; les cellules refusées sont signalées, avec la raison.',
    confirmImportOne: 'Importer la ligne correcte',
    confirmImportOther: 'Importer les {count} lignes correctes',
    nothingToImport: 'Aucune ligne ne peut être importée. Corrigez le fichier et téléversez-le à nouveau.',
    uploadAgain: 'Téléverser un fichier corrigé',
    fileWarnings: 'À propos du fichier',
  },
  es: {
    ...draftingMessages.es,
    fileMissing: 'Elija un archivo para cargar.',
    fileTooLarge: 'El archivo supera {size} MB.',
    uploadTitle: 'Vista previa de la hoja de cálculo',
    uploadIntro:
      '«{file}»: {rows}, {good}, {bad}. Las filas con errores no se importan; corríjalas en el archivo y cárguelo de nuevo, o importe ahora las filas correctas.',
    rowsReadOne: '{count} fila leída',
    rowsReadOther: '{count} filas leídas',
    rowsGoodOne: '{count} fila lista para importar',
    rowsGoodOther: '{count} filas listas para importar',
    rowsBadOne: '{count} fila con errores',
    rowsBadOther: '{count} filas con errores',
    uploadExpired: 'Esta carga ha caducado o ya se importó. Cargue el archivo de nuevo.',
    needsChanged:
      'Una necesidad indicada en el archivo se atendió o se retiró después de la vista previa. No se importó nada: cargue el archivo de nuevo para ver cuál.',
    uploadNoRows: 'El archivo no tiene ninguna fila de actividades.',
    colRow: 'Fila',
    colProblems: 'Problemas',
    fieldProblem: '{field}: {message}',
    rowReady: 'lista',
    rowRefused: 'no se importa',
    cellError: 'Columna {column}:',
    previewCaption: 'Cada fila del archivo; las celdas rechazadas están marcadas y dicen por qué.',
    confirmImportOne: 'Importar la fila correcta',
    confirmImportOther: 'Importar las {count} filas correctas',
    nothingToImport: 'No se puede importar ninguna fila. Corrija el archivo y cárguelo de nuevo.',
    uploadAgain: 'Cargar un archivo corregido',
    fileWarnings: 'Sobre el archivo',
  },
});
export type UploadMessageKey = Parameters<ReturnType<typeof uploadText>>[0];

/** What the spreadsheet upload says about the file as a whole, and about cells that are not values. */
export const spreadsheetText = defineMessages({
  en: {
    fileEmpty: 'The file “{file}” is empty.',
    fileTooLarge: 'The file “{file}” is larger than {max} MB.',
    notSpreadsheet: 'The file “{file}” is neither an XLSX workbook nor a CSV file.',
    legacyOrProtected:
      'The file “{file}” is an Excel 97–2003 workbook (.xls) or a password-protected workbook. Save it as .xlsx without a password, or as CSV UTF-8.',
    encrypted: 'The file “{file}” is encrypted. Remove the password and try again.',
    damaged: 'The file “{file}” is damaged or is not a valid XLSX workbook.',
    notXlsx: 'The file “{file}” is a ZIP archive but not an XLSX workbook (an OpenDocument or Word file?).',
    tooExpanded:
      'Once uncompressed, the file “{file}” would be too large (more than {max} MB) or is unusually compressed; it was not opened.',
    utf16: 'The file “{file}” is UTF-16 text. Save it as CSV UTF-8 (comma or semicolon separated).',
    csvInvalid: 'The CSV file “{file}” could not be read near line {line}. Check the quotation marks.',
    csvRowTooLong:
      'In the CSV file “{file}”, the row starting at line {line} is longer than {max} characters: either a cell holds that much text (no activity field needs more than a few thousand), or a quotation mark opened there is never closed.',
    tooManyRows:
      'The sheet has more than {max} rows of activities, the most one file may hold. Split it into several files.',
    tooManyColumns: 'The sheet has {count} columns; at most {max} can be read.',
    noHeader:
      'No header row naming the columns was found. The first row must hold the column names, e.g. “{title}”.',
    duplicateColumn: 'Columns {first} and {second} both hold “{field}”. Keep only one of them.',
    unknownColumn: 'Column {column} (“{header}”) is not a field of an activity and will be ignored.',
    unknownColumnUnnamed: 'Column {column} has values but no heading; it will be ignored.',
    formula: 'Formulas are not accepted: type the value itself.',
    cellError: 'The cell holds an error ({value}) instead of a value.',
    duplicateTitle: 'Same title as row {row}.',
    needNotNumber:
      '“{value}” is not a need: write its number (12 or #12) or its address ending in /needs/12.',
    needUnknown: 'Need #{id} is not a published need.',
    needClosed: 'Need #{id} is {status}: an activity can no longer address it.',
  },
  fr: {
    fileEmpty: 'Le fichier « {file} » est vide.',
    fileTooLarge: 'Le fichier « {file} » dépasse {max} Mo.',
    notSpreadsheet: 'Le fichier « {file} » n’est ni un classeur XLSX ni un fichier CSV.',
    legacyOrProtected:
      'Le fichier « {file} » est un classeur Excel 97–2003 (.xls) ou un classeur protégé par un mot de passe. Enregistrez-le au format .xlsx sans mot de passe, ou au format CSV UTF-8.',
    encrypted: 'Le fichier « {file} » est chiffré. Retirez le mot de passe et réessayez.',
    damaged: 'Le fichier « {file} » est endommagé ou n’est pas un classeur XLSX valide.',
    notXlsx:
      'Le fichier « {file} » est une archive ZIP mais pas un classeur XLSX (un fichier OpenDocument ou Word ?).',
    tooExpanded:
      'Une fois décompressé, le fichier « {file} » serait trop volumineux (plus de {max} Mo) ou est anormalement compressé ; il n’a pas été ouvert.',
    utf16:
      'Le fichier « {file} » est un texte UTF-16. Enregistrez-le au format CSV UTF-8 (séparateur virgule ou point-virgule).',
    csvInvalid: 'Le fichier CSV « {file} » n’a pas pu être lu vers la ligne {line}. Vérifiez les guillemets.',
    csvRowTooLong:
      'Dans le fichier CSV « {file} », la ligne qui commence à la ligne {line} dépasse {max} caractères\u202f: soit une cellule contient autant de texte (aucun champ d’une activité n’en demande plus de quelques milliers), soit un guillemet ouvert là n’est jamais fermé.',
    tooManyRows:
      'La feuille compte plus de {max} lignes d’activités, le maximum pour un fichier. Répartissez-les dans plusieurs fichiers.',
    tooManyColumns: 'La feuille compte {count} colonnes ; {max} au maximum peuvent être lues.',
    noHeader:
      'Aucune ligne d’en-tête nommant les colonnes n’a été trouvée. La première ligne doit contenir les noms des colonnes, par ex. « {title} ».',
    duplicateColumn:
      'Les colonnes {first} et {second} contiennent toutes deux « {field} ». N’en gardez qu’une.',
    unknownColumn: 'La colonne {column} (« {header} ») n’est pas un champ d’une activité et sera ignorée.',
    unknownColumnUnnamed:
      'La colonne {column} contient des valeurs mais n’a pas d’en-tête ; elle sera ignorée.',
    formula: 'Les formules ne sont pas acceptées\u202f: saisissez la valeur elle-même.',
    cellError: 'La cellule contient une erreur ({value}) au lieu d’une valeur.',
    duplicateTitle: 'Même titre qu’à la ligne {row}.',
    needNotNumber:
      '« {value} » n’est pas un besoin : indiquez son numéro (12 ou #12) ou son adresse se terminant par /needs/12.',
    needUnknown: 'Le besoin n° {id} n’est pas un besoin publié.',
    needClosed: 'Le besoin n° {id} est {status} : une activité ne peut plus y répondre.',
  },
  es: {
    fileEmpty: 'El archivo «{file}» está vacío.',
    fileTooLarge: 'El archivo «{file}» supera {max} MB.',
    notSpreadsheet: 'El archivo «{file}» no es un libro XLSX ni un archivo CSV.',
    legacyOrProtected:
      'El archivo «{file}» es un libro de Excel 97–2003 (.xls) o un libro protegido con contraseña. Guárdelo como .xlsx sin contraseña, o como CSV UTF-8.',
    encrypted: 'El archivo «{file}» está cifrado. Quite la contraseña y vuelva a intentarlo.',
    damaged: 'El archivo «{file}» está dañado o no es un libro XLSX válido.',
    notXlsx:
      'El archivo «{file}» es un archivo ZIP pero no un libro XLSX (¿un archivo OpenDocument o Word?).',
    tooExpanded:
      'Una vez descomprimido, el archivo «{file}» sería demasiado grande (más de {max} MB) o está comprimido de forma anómala; no se ha abierto.',
    utf16:
      'El archivo «{file}» es texto UTF-16. Guárdelo como CSV UTF-8 (separado por comas o puntos y comas).',
    csvInvalid: 'No se pudo leer el archivo CSV «{file}» cerca de la línea {line}. Compruebe las comillas.',
    csvRowTooLong:
      'En el archivo CSV «{file}», la fila que empieza en la línea {line} supera los {max} caracteres: o una celda contiene tanto texto (ningún campo de una actividad necesita más de unos miles), o unas comillas abiertas allí nunca se cierran.',
    tooManyRows:
      'La hoja tiene más de {max} filas de actividades, el máximo para un archivo. Divídalas en varios archivos.',
    tooManyColumns: 'La hoja tiene {count} columnas; se pueden leer como máximo {max}.',
    noHeader:
      'No se encontró una fila de encabezado con los nombres de las columnas. La primera fila debe contener los nombres de las columnas, p. ej. «{title}».',
    duplicateColumn: 'Las columnas {first} y {second} contienen ambas «{field}». Conserve solo una.',
    unknownColumn: 'La columna {column} («{header}») no es un campo de una actividad y se ignorará.',
    unknownColumnUnnamed: 'La columna {column} tiene valores pero no tiene encabezado; se ignorará.',
    formula: 'No se aceptan fórmulas: escriba el valor.',
    cellError: 'La celda contiene un error ({value}) en lugar de un valor.',
    duplicateTitle: 'Mismo título que en la fila {row}.',
    needNotNumber:
      '«{value}» no es una necesidad: indique su número (12 o #12) o su dirección terminada en /needs/12.',
    needUnknown: 'La necesidad n.º {id} no es una necesidad publicada.',
    needClosed: 'La necesidad n.º {id} está {status}: una actividad ya no puede atenderla.',
  },
});
export type SpreadsheetMessageKey = Parameters<ReturnType<typeof spreadsheetText>>[0];

/** The template workbook: sheet names, the instructions sheet and the hints shown on each column. */
export const templateText = defineMessages({
  shared: {
    sheetActivities: 'activities',
    yes: 'yes',
    kindHeader: 'fieldKind',
    kindParty: 'party',
    requiredHeader: 'requiredHeading',
  },
  en: {
    sheetInstructions: 'Instructions',
    sheetLists: 'Lists',
    sheetParties: 'Parties and regions',
    instructionsTitle: 'How to fill in this workbook',
    instructionRows:
      'Enter one activity per row on the sheet “{activities}”, from row 2 on. Keep the first row as it is: it names the columns.',
    instructionLimits: 'At most {rows} activities per file, and files up to {size} MB.',
    instructionSeveral:
      'Several values in one cell are separated by a semicolon “;” (names of WTO Members contain commas), e.g. “Patents; Trademarks”.',
    instructionFormulas: 'Formulas are not accepted: type the values themselves.',
    instructionCsv:
      'You may also save the sheet as CSV UTF-8 (comma or semicolon separated) with the same first row, in English, French or Spanish.',
    columnHeader: 'Column',
    whatHeader: 'What to enter',
    hintTitle: 'The title of the programme or project, at most 500 characters.',
    hintDescription: 'What the activity does, at most 10,000 characters.',
    hintOriginalLanguage:
      'The language of the title and description: English, French or Spanish. Empty: the language of this workbook.',
    hintStartDate:
      'YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024, 2024-10 or 2024-10-07. A date cell is also accepted.',
    hintEndDate: 'Same forms as the start date; not before it.',
    hintList: 'Choose from the list (sheet “{lists}”); the code is also accepted.',
    hintIpAreas: 'Choose from the list (sheet “{lists}”); for several, separate them with “;”.',
    hintBeneficiaries:
      'Parties or regions, by name in English, French or Spanish or by code (sheet “{parties}”), separated by “;”.',
    hintAgencies: 'Names or codes, separated by “;”.',
    hintBudgetAmount: 'A number, zero or more, with at most two decimals.',
    hintBudgetCurrency: 'ISO 4217 code (CAD, USD, EUR, CHF…); required when a budget is given.',
    hintDeliveryLanguages: 'Language codes (en, fr, es, ar…) or names, separated by “;”.',
    hintElements:
      'Elements of Article 67, by name or code, separated by “;”: {elements}. Left empty, the hub suggests them from the title and description.',
    hintWebsite: 'A full address starting with https:// or http://.',
    hintContactName: 'The person or unit to contact.',
    hintContactEmail: 'An e-mail address.',
    needsColumn: 'Needs addressed',
    hintNeeds:
      'Optional: the published needs of Members this activity addresses, by number (12 or #12) or address (…/needs/12), separated by “;”. Each link is part of the draft.',
    codeHeader: 'Code',
    kindRegion: 'Region or group',
  },
  fr: {
    sheetInstructions: 'Instructions',
    sheetLists: 'Listes',
    sheetParties: 'Parties et régions',
    instructionsTitle: 'Comment remplir ce classeur',
    instructionRows:
      'Saisissez une activité par ligne dans la feuille « {activities} », à partir de la ligne 2. Ne modifiez pas la première ligne\u202f: elle nomme les colonnes.',
    instructionLimits: '{rows} activités au maximum par fichier, et des fichiers de {size} Mo au plus.',
    instructionSeveral:
      'Plusieurs valeurs dans une cellule sont séparées par un point-virgule « ; » (les noms des Membres de l’OMC contiennent des virgules), par ex. « Brevets; Marques ».',
    instructionFormulas: 'Les formules ne sont pas acceptées\u202f: saisissez les valeurs elles-mêmes.',
    instructionCsv:
      'Vous pouvez aussi enregistrer la feuille au format CSV UTF-8 (séparateur virgule ou point-virgule) avec la même première ligne, en français, en anglais ou en espagnol.',
    columnHeader: 'Colonne',
    whatHeader: 'Contenu attendu',
    hintTitle: 'Le titre du programme ou du projet, 500 caractères au maximum.',
    hintDescription: 'Ce que fait l’activité, 10 000 caractères au maximum.',
    hintOriginalLanguage:
      'La langue du titre et de la description\u202f: anglais, français ou espagnol. Vide\u202f: la langue de ce classeur.',
    hintStartDate:
      'AAAA, AAAA-MM ou AAAA-MM-JJ, par ex. 2024, 2024-10 ou 2024-10-07. Une cellule de type date est aussi acceptée.',
    hintEndDate: 'Mêmes formes que la date de début ; pas antérieure à celle-ci.',
    hintList: 'Choisissez dans la liste (feuille « {lists} ») ; le code est aussi accepté.',
    hintIpAreas:
      'Choisissez dans la liste (feuille « {lists} ») ; s’il y en a plusieurs, séparez-les par « ; ».',
    hintBeneficiaries:
      'Parties ou régions, par leur nom en français, en anglais ou en espagnol ou par leur code (feuille « {parties} »), séparées par « ; ».',
    hintAgencies: 'Noms ou codes, séparés par « ; ».',
    hintBudgetAmount: 'Un nombre positif ou nul, avec deux décimales au plus.',
    hintBudgetCurrency: 'Code ISO 4217 (CAD, USD, EUR, CHF…) ; obligatoire si un budget est indiqué.',
    hintDeliveryLanguages: 'Codes de langue (en, fr, es, ar…) ou noms, séparés par « ; ».',
    hintElements:
      'Éléments de l’article 67, par leur nom ou leur code, séparés par « ; » : {elements}. Si la cellule est vide, la plateforme les suggère d’après le titre et la description.',
    hintWebsite: 'Une adresse complète commençant par https:// ou http://.',
    hintContactName: 'La personne ou le service à contacter.',
    hintContactEmail: 'Une adresse électronique.',
    needsColumn: 'Besoins traités',
    hintNeeds:
      'Facultatif : les besoins publiés par des Membres auxquels cette activité répond, par numéro (12 ou #12) ou adresse (…/needs/12), séparés par « ; ». Chaque lien fait partie du projet de rapport.',
    codeHeader: 'Code',
    kindRegion: 'Région ou groupe',
  },
  es: {
    sheetInstructions: 'Instrucciones',
    sheetLists: 'Listas',
    sheetParties: 'Partes y regiones',
    instructionsTitle: 'Cómo rellenar este libro',
    instructionRows:
      'Escriba una actividad por fila en la hoja «{activities}», a partir de la fila 2. No modifique la primera fila: contiene los nombres de las columnas.',
    instructionLimits: 'Como máximo {rows} actividades por archivo, y archivos de hasta {size} MB.',
    instructionSeveral:
      'Varios valores en una celda se separan con un punto y coma «;» (los nombres de los Miembros de la OMC contienen comas), p. ej. «Patentes; Marcas».',
    instructionFormulas: 'No se aceptan fórmulas: escriba los valores.',
    instructionCsv:
      'También puede guardar la hoja como CSV UTF-8 (separado por comas o puntos y comas) con la misma primera fila, en español, francés o inglés.',
    columnHeader: 'Columna',
    whatHeader: 'Qué escribir',
    hintTitle: 'El título del programa o proyecto, como máximo 500 caracteres.',
    hintDescription: 'Qué hace la actividad, como máximo 10.000 caracteres.',
    hintOriginalLanguage:
      'El idioma del título y de la descripción: español, francés o inglés. Vacío: el idioma de este libro.',
    hintStartDate:
      'AAAA, AAAA-MM o AAAA-MM-DD, p. ej. 2024, 2024-10 o 2024-10-07. También se acepta una celda de tipo fecha.',
    hintEndDate: 'Las mismas formas que la fecha de inicio; no anterior a ella.',
    hintList: 'Elija de la lista (hoja «{lists}»); también se acepta el código.',
    hintIpAreas: 'Elija de la lista (hoja «{lists}»); si son varias, sepárelas con «;».',
    hintBeneficiaries:
      'Partes o regiones, por su nombre en español, francés o inglés o por su código (hoja «{parties}»), separadas por «;».',
    hintAgencies: 'Nombres o códigos, separados por «;».',
    hintBudgetAmount: 'Un número, cero o más, con dos decimales como máximo.',
    hintBudgetCurrency: 'Código ISO 4217 (CAD, USD, EUR, CHF…); obligatorio si se indica un presupuesto.',
    hintDeliveryLanguages: 'Códigos de idioma (en, fr, es, ar…) o nombres, separados por «;».',
    hintElements:
      'Elementos del artículo 67, por su nombre o código, separados por «;»: {elements}. Si la celda está vacía, la plataforma los sugiere a partir del título y la descripción.',
    hintWebsite: 'Una dirección completa que empiece por https:// o http://.',
    hintContactName: 'La persona o la unidad de contacto.',
    hintContactEmail: 'Una dirección de correo electrónico.',
    needsColumn: 'Necesidades atendidas',
    hintNeeds:
      'Opcional: las necesidades publicadas por Miembros que atiende esta actividad, por número (12 o #12) o dirección (…/needs/12), separadas por «;». Cada vínculo forma parte del borrador.',
    codeHeader: 'Código',
    kindRegion: 'Región o grupo',
  },
});
export type TemplateMessageKey = Parameters<ReturnType<typeof templateText>>[0];
