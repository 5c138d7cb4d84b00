/** What is known of the e-TRIPS "view details of the document" page in its three interfaces. */
export type InterfaceLanguage = 'en' | 'fr' | 'es';

// Dashes seen between the two halves of the title: hyphen, figure dash (French page), en and em dash.
const dash = '\\s*[-\u2012\u2013\u2014]\\s*';

export const titleLines: Record<InterfaceLanguage, RegExp> = {
  en: new RegExp(
    `^Technical Cooperation Activities under TRIPS Art\\.? ?67\\.?${dash}View details of the document`,
    'i',
  ),
  fr: new RegExp(
    `^Activités de coopération technique au titre de l'article 67 de l'Accord sur les ADPIC${dash}Afficher les détails du document`,
    'i',
  ),
  es: new RegExp(
    `^Actividades de cooperación técnica en el marco del artículo 67 del Acuerdo sobre los ADPIC${dash}Ver detalles del documento`,
    'i',
  ),
};

export const listHeadings: Record<InterfaceLanguage, RegExp> = {
  en: /^List of programmes\s*\/\s*projects$/i,
  fr: /^Liste des programmes\s*\/\s*projets$/i,
  es: /^Lista de programas\s*\/\s*proyectos$/i,
};

export const clickLines: Record<InterfaceLanguage, RegExp> = {
  en: /^Click for more information$/i,
  fr: /^Cliquez pour obtenir plus de renseignements$/i,
  es: /^(Haga|Pulse) clic para (obtener )?más información$/i,
};

export const columnLines: Record<InterfaceLanguage, RegExp> = {
  en: /^#\s+Title of programme or activity\b/i,
  fr: /^#\s+Titre du programme ou de l'activité(\s|$)/i,
  es: /^#\s+Título del programa o (de la )?actividad\b/i,
};

export const noItemsLines: Record<InterfaceLanguage, RegExp> = {
  en: /^There are currently no items in the database\.?$/i,
  fr: /^Il n'y a (actuellement|pour l'instant) aucun élément dans la base de données\.?$/i,
  es: /^(Actualmente|Por el momento) no (hay|existen) (ningún )?elementos? en la base de datos\.?$/i,
};

export const interfaceLanguages: InterfaceLanguage[] = ['en', 'fr', 'es'];

/** Same text with typographic apostrophes folded, so the patterns above match both forms. */
export const foldApostrophes = (line: string) => line.replace(/[\u2019\u2018\u02bc]/g, "'");

export function matchAny(
  patterns: Record<InterfaceLanguage, RegExp>,
  line: string,
): InterfaceLanguage | undefined {
  const folded = foldApostrophes(line.trim());
  return interfaceLanguages.find((language) => patterns[language].test(folded));
}
